import { type Actor, canForAgency } from '../../platform/auth/permissions.ts';
import { allow, type Decision, firstRefusal, type Policy, refuse } from '../../platform/auth/policy.ts';
import type { Official } from './methods/bundle.ts';
import type { StageWindow } from './schedule.ts';
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

/**
 * Whether the actor holds `permission` where the tender is run: in the UKPBJ (its Pokja, or a Pejabat Pengadaan
 * placed there), or — a Pejabat Pengadaan only — in the package's own agency, where SULAP may also pick one (a PL is
 * often run by the PD's own Pejabat Pengadaan; `assignPokja` takes holders of either).
 */
export const actsForTender = (
  actor: Actor | null,
  permission: 'tenders:publish' | 'tenders:schedule',
  r: Pick<PublicationRef, 'ukpbjAgencyId' | 'agencyId'>,
) =>
  canForAgency(actor, permission, r.ukpbjAgencyId ?? r.agencyId) ||
  !!actor?.roles.some((x) => x.role === 'PEJABAT_PENGADAAN' && x.agencyId === r.agencyId);

/** A member of this Pokja (or the PL's Pejabat Pengadaan) who still holds the role: the membership alone is not enough. */
export const isTenderPokja = (actor: Actor | null, r: PublicationRef) =>
  !!actor && r.memberIds.includes(actor.userId) && actsForTender(actor, 'tenders:publish', r);

/** What decides whether someone acts as a tender's official: who runs it, its members, where it is run. */
export interface OfficialOfTender {
  /** `officialOf(bundle)`: the Pokja, or the Pejabat Pengadaan of a Pengadaan Langsung. */
  official: Official;
  memberIds: readonly string[];
  agencyId: string;
  ukpbjAgencyId: string | null;
}

/**
 * The one answer to "is this person the tender's official now", for every module that acts on a running tender
 * (opening its bids, evaluating, deciding): a member of the tender who still holds the official's role where it is
 * run — POKJA in the UKPBJ; PEJABAT_PENGADAAN there or in the package's own agency. The membership alone is not
 * enough (a member who lost the role no longer acts), nor the role alone; a Pokja member is never a PL's official,
 * nor a Pejabat Pengadaan a Pokja's.
 */
export const isTenderOfficial = (actor: Actor | null, r: OfficialOfTender) =>
  !!actor &&
  r.memberIds.includes(actor.userId) &&
  actor.roles.some(
    (x) =>
      x.role === r.official &&
      (x.agencyId === (r.ukpbjAgencyId ?? r.agencyId) ||
        (r.official === 'PEJABAT_PENGADAAN' && x.agencyId === r.agencyId)),
  );

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

/** Pakta Integritas and participation (Perpres 16/2018 jo. 12/2021 Pasal 7 dan Pasal 50). */
export const PARTICIPATION_BASIS = 'Perpres 16/2018 jo. 12/2021 Pasal 7 (Pakta Integritas) dan Pasal 50';
/** Pemberian Penjelasan: questions and answers during the stage (Perpres 16/2018 jo. 12/2021 Pasal 50 ayat 3). */
export const CLARIFICATION_BASIS = 'Perpres 16/2018 jo. 12/2021 Pasal 50: pemberian penjelasan';

/** Why a vendor may not bid at all (from registration's `isEligibleToBid` and SIKaP's `profileBlockers`). */
export type VendorStanding =
  | { ok: true }
  | { ok: false; reason: 'NOT_VERIFIED' | 'VENDOR_UNKNOWN' | 'ACCOUNT_INACTIVE' }
  | { ok: false; reason: 'BLACKLISTED'; skNumber: string; until: string }
  | { ok: false; reason: 'PROFILE'; items: string };

export interface JoinRef {
  standing: VendorStanding;
  /** Participation opens with the first stage and closes when the upload stage ends. */
  opensAt: Date;
  closesAt: Date;
  alreadyJoined: boolean;
  /** Dates in the reader's language, for the refusal. */
  fmt: (d: Date) => string;
}

/** Why a vendor may not bid, as a refusal (joining a tender, or being invited to a Pengadaan Langsung). */
export function standingRefusal(s: VendorStanding): Decision {
  if (s.ok) return allow();
  if (s.reason === 'BLACKLISTED')
    return refuse('TENDER_VENDOR_BLACKLISTED', 'tenders.refused.blacklisted', {
      params: { sk: s.skNumber, until: s.until },
      basis: 'Perpres 16/2018 jo. 12/2021 Pasal 78 (sanksi daftar hitam)',
    });
  if (s.reason === 'PROFILE')
    return refuse('TENDER_VENDOR_PROFILE_EXPIRED', 'tenders.refused.profileExpired', { params: { items: s.items } });
  if (s.reason === 'ACCOUNT_INACTIVE') return refuse('TENDER_VENDOR_INACTIVE', 'tenders.refused.vendorInactive');
  return refuse('TENDER_VENDOR_NOT_VERIFIED', 'tenders.refused.notVerified');
}

/** Join a tender: an eligible vendor, once, between the first stage's start and the end of the upload stage. */
export const canJoin: Policy<JoinRef> = (_actor, r, now) =>
  firstRefusal(
    () => standingRefusal(r.standing),
    () =>
      now.getTime() < r.opensAt.getTime()
        ? refuse('TENDER_JOIN_NOT_YET', 'tenders.refused.joinNotYet', {
            params: { at: r.fmt(r.opensAt) },
            opensAt: r.opensAt,
            basis: PARTICIPATION_BASIS,
          })
        : allow(),
    () =>
      now.getTime() >= r.closesAt.getTime()
        ? refuse('TENDER_JOIN_CLOSED', 'tenders.refused.joinClosed', {
            params: { at: r.fmt(r.closesAt) },
            basis: PARTICIPATION_BASIS,
          })
        : allow(),
    () => (r.alreadyJoined ? refuse('TENDER_ALREADY_JOINED', 'tenders.refused.alreadyJoined') : allow()),
  );

export interface AskRef {
  participant: boolean;
  stageName: string;
  window: StageWindow;
  fmt: (d: Date) => string;
}

/** Ask a question: a participant, only while Pemberian Penjelasan is open (the refusal names when it opens/closed). */
export const canAsk: Policy<AskRef> = (_actor, r) =>
  firstRefusal(
    () => (r.participant ? allow() : refuse('TENDER_NOT_PARTICIPANT', 'tenders.refused.notParticipant')),
    () => {
      const w = r.window;
      if (w.state === 'open') return allow();
      if (w.state === 'not_yet')
        return refuse('TENDER_CLARIFICATION_NOT_YET', 'tenders.refused.askNotYet', {
          params: { stage: r.stageName, at: r.fmt(w.opensAt) },
          opensAt: w.opensAt,
          basis: CLARIFICATION_BASIS,
        });
      if (w.state === 'closed')
        return refuse('TENDER_CLARIFICATION_CLOSED', 'tenders.refused.askClosed', {
          params: { stage: r.stageName, at: r.fmt(w.closedAt) },
          basis: CLARIFICATION_BASIS,
        });
      return refuse('TENDER_NO_CLARIFICATION', 'tenders.refused.noClarification');
    },
  );

/** The upload stage may not end earlier while a question is unanswered. */
export const canShortenUpload: Policy<{ unanswered: number }> = (_actor, r) =>
  r.unanswered > 0
    ? refuse('TENDER_UPLOAD_BLOCKED_BY_QUESTIONS', 'tenders.refused.uploadBlocked', {
        params: { count: r.unanswered },
        basis: CLARIFICATION_BASIS,
      })
    : allow();
