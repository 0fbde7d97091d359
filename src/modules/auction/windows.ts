import type { Bundle, ScheduleRow, Stage } from '../tenders/index.ts';

export interface Span {
  start: Date;
  end: Date;
}

/** From the start of the first to the end of the last scheduled stage with one of `roles`: [start, end). */
export function spanOfRoles(bundle: Bundle, schedule: readonly ScheduleRow[], roles: readonly Stage['role'][]) {
  const codes = bundle.stages.filter((s) => roles.includes(s.role)).map((s) => s.code);
  const rows = schedule.filter((r) => codes.includes(r.stage));
  if (rows.length === 0) return null;
  return {
    start: new Date(Math.min(...rows.map((r) => r.start.getTime()))),
    end: new Date(Math.max(...rows.map((r) => r.end.getTime()))),
  };
}

export type WindowState = 'open' | 'not_yet' | 'closed' | 'absent';
export function windowState(span: Span | null, now: Date): WindowState {
  if (!span) return 'absent';
  if (now < span.start) return 'not_yet';
  return now >= span.end ? 'closed' : 'open';
}

/** Seleksi File I scoring, the technical result and the File II opening (the 2-file stages). */
export const seleksiSpan = (b: Bundle, s: readonly ScheduleRow[]) =>
  spanOfRoles(b, s, ['bid_opening', 'technical_result', 'price_opening']);

/**
 * Tender Cepat: the e-reverse auction runs in the evaluation stage (Evaluasi Penawaran), after the opening of the
 * price bids (Penyampaian Penawaran Harga); its start and end are the schedule's, read against the Clock.
 */
export const auctionSpan = (b: Bundle, s: readonly ScheduleRow[]) => spanOfRoles(b, s, ['evaluation']);
