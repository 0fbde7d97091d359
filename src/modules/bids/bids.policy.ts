import type { Actor } from '../../platform/auth/permissions.ts';
import { allow, type Decision, firstRefusal, refuse } from '../../platform/auth/policy.ts';
import { isTenderOfficial, type Official } from '../tenders/index.ts';

export const SUBMISSION_BASIS = 'Perpres 16/2018 jo. 12/2021 Pasal 50; Peraturan LKPP 12/2021: penyampaian penawaran';
export const OPENING_BASIS =
  'Peraturan LKPP 12/2021: dokumen penawaran dibuka setelah batas akhir penyampaian penawaran (R12)';

type Window =
  | { state: 'open'; closesAt: Date }
  | { state: 'not_yet'; opensAt: Date }
  | { state: 'closed'; closedAt: Date }
  | { state: 'absent' };

export interface UploadRef {
  participant: boolean;
  window: Window;
  fmt: (d: Date) => string;
}

/** Upload (start and completion alike): a participant, inside the upload stage. Completion re-checks at its time. */
export const canUpload = (_actor: Actor | null, r: UploadRef): Decision =>
  firstRefusal(
    () => (r.participant ? allow() : refuse('BIDS_NOT_PARTICIPANT', 'bids.refused.notParticipant')),
    () => {
      const w = r.window;
      if (w.state === 'open') return allow();
      if (w.state === 'not_yet')
        return refuse('BIDS_UPLOAD_NOT_OPEN', 'bids.refused.uploadNotOpen', {
          params: { at: r.fmt(w.opensAt) },
          opensAt: w.opensAt,
          basis: SUBMISSION_BASIS,
        });
      if (w.state === 'closed')
        return refuse('BIDS_DEADLINE_PASSED', 'bids.refused.deadlinePassed', {
          params: { at: r.fmt(w.closedAt) },
          basis: SUBMISSION_BASIS,
        });
      return refuse('BIDS_NO_UPLOAD_STAGE', 'bids.refused.noUploadStage');
    },
  );

/** What decides who opens a tender's bids: its members and who runs it. */
export interface OfficialRef {
  official: Official;
  members: readonly { userId: string }[];
  tender: { agencyId: string; ukpbjAgencyId: string | null };
}

/**
 * Whether the actor is one of the officials who hold this tender's key shares and act on its opening: tenders'
 * `isTenderOfficial` — a member of its Pokja who still holds POKJA in the UKPBJ, or a Pengadaan Langsung's Pejabat
 * Pengadaan who still holds that role there or in the package's agency. A member who lost the role submits no share.
 */
export const actsAsOfficial = (actor: Actor | null, r: OfficialRef) =>
  isTenderOfficial(actor, {
    official: r.official,
    memberIds: r.members.map((m) => m.userId),
    agencyId: r.tender.agencyId,
    ukpbjAgencyId: r.tender.ukpbjAgencyId,
  });

export interface OpeningRef {
  member: boolean;
  deadline: Date | null;
  fmt: (d: Date) => string;
}

/**
 * Opening: only an official of this tender (a Pokja member, or a PL's Pejabat Pengadaan: `actsAsOfficial`), and only
 * once the upload stage has ended (the refusal names when).
 */
export const canOpen = (_actor: Actor | null, r: OpeningRef, now: Date): Decision =>
  firstRefusal(
    () => (r.member ? allow() : refuse('BIDS_NOT_MEMBER', 'bids.refused.notMember')),
    () => {
      if (!r.deadline) return refuse('BIDS_NO_UPLOAD_STAGE', 'bids.refused.noUploadStage');
      if (now.getTime() < r.deadline.getTime())
        return refuse('BIDS_OPENING_NOT_YET', 'bids.refused.openingNotYet', {
          params: { at: r.fmt(r.deadline) },
          opensAt: r.deadline,
          basis: OPENING_BASIS,
        });
      return allow();
    },
  );
