import { canForAgency } from '../../platform/auth/permissions.ts';
import { allow, type Decision, firstRefusal, type Policy, refuse } from '../../platform/auth/policy.ts';
import type { MessageKey } from '../../registry.ts';
import { isTenderOfficial, type Official } from '../tenders/index.ts';
import type { SpanState } from './windows.ts';

/** Kolektif kolegial (Perpres 16/2018 jo. 12/2021 Pasal 13): the Pokja named in the SK evaluates and decides together. */
export const EVALUATION_BASIS = 'Perpres 16/2018 jo. 12/2021 Pasal 13 dan Pasal 50 ayat (4): evaluasi oleh Pokja';
export const SANGGAH_BASIS = 'Perpres 16/2018 jo. 12/2021 Pasal 50 ayat (5)–(8): sanggah dalam masa sanggah';

export interface TenderRef {
  ukpbjAgencyId: string | null;
  agencyId: string;
  memberIds: readonly string[];
  /** Who runs the tender (tenders' `officialOf(bundle)`): the Pokja, or the Pejabat Pengadaan of a Pengadaan Langsung. */
  official: Official;
}

const notMember = () => refuse('EVAL_NOT_POKJA_MEMBER', 'evaluation.refused.notMember', { basis: EVALUATION_BASIS });

/** A refusal naming the window: when it opens, or when it closed. */
export function inWindow(
  w: SpanState,
  fmt: (d: Date) => string,
  codes: { notYet: string; closed: string; absent: string },
  basis = EVALUATION_BASIS,
): Decision {
  if (w.state === 'open') return allow();
  if (w.state === 'not_yet')
    return refuse(codes.notYet, 'evaluation.refused.notYet', {
      params: { stages: w.span.names, at: fmt(w.span.start) },
      opensAt: w.span.start,
      basis,
    });
  if (w.state === 'closed')
    return refuse(codes.closed, 'evaluation.refused.closed', {
      params: { stages: w.span.names, at: fmt(w.span.end) },
      basis,
    });
  return refuse(codes.absent, 'evaluation.refused.absent');
}

export interface EvaluateRef extends TenderRef {
  window: SpanState;
  fmt: (d: Date) => string;
  /** An award stands: the evaluation is closed (an upheld sanggah withdraws it). */
  awarded: boolean;
}

const EVAL_CODES = { notYet: 'EVAL_NOT_YET', closed: 'EVAL_CLOSED', absent: 'EVAL_NO_STAGE' };

/** Record a result, approve, invite to the pembuktian: a member, within the evaluation stages, before the award. */
export const canEvaluate: Policy<EvaluateRef> = (actor, r) =>
  firstRefusal(
    () => (isTenderOfficial(actor, r) ? allow() : notMember()),
    () => inWindow(r.window, r.fmt, EVAL_CODES),
    () => (r.awarded ? refuse('EVAL_ALREADY_AWARDED', 'evaluation.refused.awarded') : allow()),
  );

export interface ApproveRef extends EvaluateRef {
  /** A Tender Cepat's e-reverse auction window (null otherwise): no approval until it closed. */
  auction: SpanState | null;
}

/** The Tender Cepat's ranking is the auction's: final only at its close (Perpres 16/2018 jo. 12/2021 Pasal 38(4)). */
export const AUCTION_BASIS =
  'Perpres 16/2018 jo. 12/2021 Pasal 38 ayat (4): Tender Cepat, penawaran harga melalui e-reverse auction';

/**
 * Approve the evaluation (kolektif kolegial): as `canEvaluate`, in the approval window; a Tender Cepat's never before
 * its e-reverse auction closed (the ranking is not final: `awardRanking(...).final` is false until then).
 */
export const canApproveEvaluation: Policy<ApproveRef> = (actor, r) =>
  firstRefusal(
    () => (isTenderOfficial(actor, r) ? allow() : notMember()),
    () =>
      r.auction && r.auction.state !== 'closed' && r.auction.state !== 'absent'
        ? refuse('EVAL_AUCTION_NOT_CLOSED', 'evaluation.refused.auctionNotClosed', {
            params: { at: r.fmt(r.auction.span.end) },
            opensAt: r.auction.span.end,
            basis: AUCTION_BASIS,
          })
        : allow(),
    () => inWindow(r.window, r.fmt, EVAL_CODES),
    () => (r.awarded ? refuse('EVAL_ALREADY_AWARDED', 'evaluation.refused.awarded') : allow()),
  );

/** Record a negotiated price: a member, within the negotiation stage (only bundles that have one). */
export const canNegotiate: Policy<TenderRef & { window: SpanState; fmt: (d: Date) => string }> = (actor, r) =>
  firstRefusal(
    () => (isTenderOfficial(actor, r) ? allow() : notMember()),
    () =>
      inWindow(r.window, r.fmt, {
        notYet: 'EVAL_NEGOTIATION_NOT_YET',
        closed: 'EVAL_NEGOTIATION_CLOSED',
        absent: 'EVAL_NO_NEGOTIATION',
      }),
  );

export interface DecideRef extends TenderRef {
  authority: 'POKJA' | 'PA_KPA';
  window: SpanState;
  fmt: (d: Date) => string;
  approved: boolean;
  hasCandidate: boolean;
  awarded: boolean;
}

const refusal = (code: string, key: MessageKey, basis?: string) => refuse(code, key, basis ? { basis } : {});

/**
 * Penetapan pemenang: by a Pokja member below the threshold, by the PA/KPA of the tender's agency above it; in the
 * Penetapan Pemenang stage, once every member approved the evaluation and a bidder passed.
 */
export const canDecide: Policy<DecideRef> = (actor, r) =>
  firstRefusal(
    () => {
      if (r.authority === 'PA_KPA')
        return canForAgency(actor, 'evaluation:decide_above_threshold', r.agencyId)
          ? allow()
          : refusal('EVAL_DECIDED_BY_PA_KPA', 'evaluation.refused.paKpa');
      return isTenderOfficial(actor, r) ? allow() : notMember();
    },
    () =>
      inWindow(r.window, r.fmt, {
        notYet: 'EVAL_DECISION_NOT_YET',
        closed: 'EVAL_DECISION_CLOSED',
        absent: 'EVAL_NO_DECISION_STAGE',
      }),
    () => (r.awarded ? refusal('EVAL_ALREADY_AWARDED', 'evaluation.refused.awarded') : allow()),
    () => (r.approved ? allow() : refusal('EVAL_NOT_APPROVED', 'evaluation.refused.notApproved', EVALUATION_BASIS)),
    () => (r.hasCandidate ? allow() : refusal('EVAL_NO_CANDIDATE', 'evaluation.refused.noCandidate')),
  );

export interface FileSanggahRef {
  /** The vendor submitted a bid in this tender. */
  bidder: boolean;
  announced: boolean;
  window: SpanState;
  fmt: (d: Date) => string;
}

/** File a sanggah: a bidder, in the masa sanggah, after the winner was announced. */
export const canFileSanggah: Policy<FileSanggahRef> = (_actor, r) =>
  firstRefusal(
    () => (r.bidder ? allow() : refusal('SANGGAH_NOT_BIDDER', 'evaluation.refused.notBidder', SANGGAH_BASIS)),
    () => (r.announced ? allow() : refusal('SANGGAH_NOT_ANNOUNCED', 'evaluation.refused.notAnnounced')),
    () =>
      inWindow(
        r.window,
        r.fmt,
        { notYet: 'SANGGAH_NOT_YET', closed: 'SANGGAH_CLOSED', absent: 'SANGGAH_NONE' },
        SANGGAH_BASIS,
      ),
  );

/** Answer a sanggah: a member, once, until the answer deadline (masa sanggah end + the bundle's answer period). */
export const canAnswerSanggah: Policy<TenderRef & { answered: boolean; deadline: Date; fmt: (d: Date) => string }> = (
  actor,
  r,
  now,
) =>
  firstRefusal(
    () => (isTenderOfficial(actor, r) ? allow() : notMember()),
    () => (r.answered ? refusal('SANGGAH_ANSWERED', 'evaluation.refused.answered') : allow()),
    () =>
      now.getTime() >= r.deadline.getTime()
        ? refuse('SANGGAH_ANSWER_CLOSED', 'evaluation.refused.answerClosed', {
            params: { at: r.fmt(r.deadline) },
            basis: SANGGAH_BASIS,
          })
        : allow(),
  );
