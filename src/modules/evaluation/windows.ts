import type { Bundle, ScheduleRow, Stage } from '../tenders/index.ts';

/** A span of the schedule an action is allowed in: [start, end). */
export interface Span {
  start: Date;
  end: Date;
  /** The SPSE names of the stages it covers, for refusals. */
  names: string;
}

export type SpanState =
  | { state: 'open'; span: Span }
  | { state: 'not_yet'; span: Span }
  | { state: 'closed'; span: Span }
  | { state: 'absent' };

/** From the start of the first to the end of the last scheduled stage with one of `roles`. */
export function spanOfRoles(
  bundle: Bundle,
  schedule: readonly ScheduleRow[],
  roles: readonly Stage['role'][],
): Span | null {
  const stages = bundle.stages.filter((s) => roles.includes(s.role));
  const rows = schedule.filter((r) => stages.some((s) => s.code === r.stage));
  if (rows.length === 0) return null;
  return {
    start: new Date(Math.min(...rows.map((r) => r.start.getTime()))),
    end: new Date(Math.max(...rows.map((r) => r.end.getTime()))),
    names: stages
      .filter((s) => rows.some((r) => r.stage === s.code))
      .map((s) => s.name)
      .join(', '),
  };
}

export function spanState(span: Span | null, now: Date): SpanState {
  if (!span) return { state: 'absent' };
  const t = now.getTime();
  if (t < span.start.getTime()) return { state: 'not_yet', span };
  if (t >= span.end.getTime()) return { state: 'closed', span };
  return { state: 'open', span };
}

/** Evaluation, pembuktian and (2-file) the technical result and price opening: where the Pokja records and approves. */
export const EVALUATION_ROLES: readonly Stage['role'][] = [
  'evaluation',
  'technical_result',
  'price_opening',
  'qualification_proof',
];

export const evaluationSpan = (b: Bundle, s: readonly ScheduleRow[]) => spanOfRoles(b, s, EVALUATION_ROLES);
export const negotiationSpan = (b: Bundle, s: readonly ScheduleRow[]) => spanOfRoles(b, s, ['negotiation']);
/**
 * Where the winner is decided (penetapan): the bundle's Penetapan Pemenang stages (`award_decision`); when it has none,
 * its announcement stages (Tender Cepat: SPSE's "Penetapan dan Pengumuman Pemenang" is one stage where the Pokja decides
 * and the system announces); when it has neither (non-tender: Pengadaan/Penunjukan Langsung), the Klarifikasi Teknis
 * dan Negosiasi stage, at whose end the official records the negotiated result and the penetapan.
 */
export function decisionSpan(b: Bundle, s: readonly ScheduleRow[]): Span | null {
  return spanOfRoles(b, s, [decisionRole(b)]);
}

/** The stage role `decisionSpan` reads for this bundle. */
export function decisionRole(b: Pick<Bundle, 'stages'>): Stage['role'] {
  const has = (role: Stage['role']) => b.stages.some((x) => x.role === role);
  return has('award_decision') ? 'award_decision' : has('award_announcement') ? 'award_announcement' : 'negotiation';
}

/** A Tender Cepat: the price is settled by the e-reverse auction, which runs in the evaluation stage. */
export const isReverseAuction = (b: Pick<Bundle, 'evaluationMethods'>) =>
  (b.evaluationMethods as readonly string[]).includes('harga_terendah_reverse_auction');

/**
 * Where results are recorded. A Tender Cepat's winner is known only at the auction's close, so its Pokja may record
 * (and correct) results from the evaluation stage until the end of the decision span; every other bundle only in its
 * evaluation stages.
 */
export function resultsSpan(b: Bundle, s: readonly ScheduleRow[]): Span | null {
  const ev = evaluationSpan(b, s);
  const d = isReverseAuction(b) ? decisionSpan(b, s) : null;
  return ev && d ? { start: ev.start, end: d.end, names: `${ev.names}, ${d.names}` } : ev;
}

/**
 * Where the evaluation is approved (kolektif kolegial). A Tender Cepat's only from the close of the auction (`auction`,
 * the auction module's window) to the end of the decision span — what the Pokja approves is the auction's final
 * ranking; every other bundle in its evaluation stages.
 */
export function approvalSpan(
  b: Bundle,
  s: readonly ScheduleRow[],
  auction: { start: Date; end: Date } | null,
): Span | null {
  if (!isReverseAuction(b) || !auction) return evaluationSpan(b, s);
  const r = resultsSpan(b, s);
  return r ? { ...r, start: auction.end } : null;
}
export const announcementSpan = (b: Bundle, s: readonly ScheduleRow[]) => spanOfRoles(b, s, ['award_announcement']);
export const sanggahSpan = (b: Bundle, s: readonly ScheduleRow[]) => spanOfRoles(b, s, ['sanggah']);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Until when the Pokja may answer a sanggah: the end of the masa sanggah plus the bundle's answer period (3 calendar
 * days in Perlem 12/2021). Working-day answer periods are counted as calendar days here (no bundle uses them yet).
 */
export function answerDeadline(bundle: Bundle, sanggah: Span): Date {
  const d = bundle.sanggah?.answer ?? { n: 3, unit: 'calendar_days' as const };
  return new Date(sanggah.end.getTime() + d.n * (d.unit === 'hours' ? HOUR : DAY));
}
