import { canForAgency, type Permission } from '../../platform/auth/permissions.ts';
import { type Decision, firstRefusal, type Policy, refuse } from '../../platform/auth/policy.ts';
import type { MessageKey } from '../../registry.ts';

/** 14 March 2027, 10.00 WITA: the example's time gate (a tender's upload deadline, say). */
export const OPENS_AT = new Date('2027-03-14T02:00:00.000Z');

/** Only the example's officer of the announcement's own agency, and only from OPENS_AT (agency scope + time gate). */
export const canAnnounce: Policy<{ agencyId: string }> = (actor, resource, now) =>
  firstRefusal(
    (): Decision =>
      canForAgency(actor, 'example:announce' as Permission, resource.agencyId)
        ? { allowed: true }
        : refuse('OUTSIDE_AGENCY', 'example.refused.agency' as MessageKey, { basis: 'Pasal 13(1)' }),
    (): Decision =>
      now >= OPENS_AT
        ? { allowed: true }
        : refuse('NOT_YET_OPEN', 'example.refused.notYet' as MessageKey, { opensAt: OPENS_AT }),
  );
