import { can } from '../../platform/auth/permissions.ts';
import { allow, type Policy, refuse } from '../../platform/auth/policy.ts';

export interface VendorRef {
  id: string;
  userId: string;
}

/** A vendor's profile is edited only by its own users (today: the User ID activated at registration). */
export const canEditProfile: Policy<VendorRef> = (actor, vendor) =>
  actor && can(actor, 'sikap:edit') && actor.userId === vendor.userId
    ? allow()
    : refuse('SIKAP_NOT_OWN_VENDOR', 'sikap.refused.notOwn');

/** The whole profile (confidential fields and evidence included): the vendor itself and the LPSE verifiers. */
export const canReadProfile: Policy<VendorRef> = (actor, vendor, now) =>
  actor && can(actor, 'sikap:read') ? allow() : canEditProfile(actor, vendor, now);
