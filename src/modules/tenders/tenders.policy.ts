import { type Actor, canForAgency } from '../../platform/auth/permissions.ts';
import { allow, type Decision, firstRefusal, type Policy, refuse } from '../../platform/auth/policy.ts';
import type { TenderStatus } from './tenders.schema.ts';

/** Kolektif kolegial: the Pokja decides together; only the members named in the SK act for it (Perpres 12/2021). */
export const POKJA_BASIS = 'Perpres 16/2018 jo. 12/2021 Pasal 1 angka 12 dan Pasal 13: Pokja ditetapkan dengan SK';

export interface PublicationRef {
  /** The UKPBJ whose Pokja runs the tender. */
  ukpbjAgencyId: string | null;
  agencyId: string;
  /** The Pokja members named in the SK. */
  memberIds: readonly string[];
  status?: TenderStatus;
  approvalRequestedAt?: Date | null;
}

/** A member of this Pokja who still holds POKJA in the UKPBJ: the role alone is not enough. */
export const isTenderPokja = (actor: Actor | null, r: PublicationRef) =>
  !!actor &&
  r.memberIds.includes(actor.userId) &&
  canForAgency(actor, 'tenders:publish', r.ukpbjAgencyId ?? r.agencyId);

const notMember = (): Decision =>
  refuse('TENDER_NOT_POKJA_MEMBER', 'tenders.refused.notMember', { basis: POKJA_BASIS });

/** Build the tender from a completed SULAP package: one of its assigned Pokja members. */
export const canPublish: Policy<PublicationRef> = (actor, r) => (isTenderPokja(actor, r) ? allow() : notMember());

/** Approve the announcement: a member, while the tender waits for the Pokja's approval. */
export const canApprove: Policy<PublicationRef> = (actor, r) =>
  firstRefusal(
    () => (isTenderPokja(actor, r) ? allow() : notMember()),
    () =>
      r.status === 'draft' && r.approvalRequestedAt
        ? allow()
        : refuse('TENDER_NOT_AWAITING_APPROVAL', 'tenders.refused.notAwaiting'),
  );
