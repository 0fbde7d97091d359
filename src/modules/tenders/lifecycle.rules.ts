import { anchorOf, type Bundle } from './methods/bundle.ts';
import { type ScheduleRow, type StageChange, stageOfRole } from './schedule.ts';
import { endAfter, type Holidays, snapStart } from './working-days.ts';

/**
 * Pure rules of addenda and outage extensions (issue 9 items 7 and 9): plain data in, a decision or a schedule change
 * out. The commands load the data, call these, and store the result through the ordinary schedule change.
 */

const stageHours = (bundle: Bundle, endTime?: string) =>
  endTime ? { start: bundle.workingHours.start, end: endTime } : bundle.workingHours;

/**
 * Item 7: an addendum may be published only while the upload stage still has at least its bundle's minimum duration
 * left from `now` (the vendors must have the full time to answer the changed document). Returns the earliest end the
 * upload stage must have, or null when the schedule already allows the addendum (or the bundle has no upload stage).
 */
export function addendumNeedsExtension(
  bundle: Bundle,
  schedule: readonly ScheduleRow[],
  now: Date,
  holidays: Holidays,
): { stage: string; earliestEnd: Date; currentEnd: Date } | { stage: string; closed: true } | null {
  const s = stageOfRole(bundle, 'bid_upload');
  const row = schedule.find((r) => r.stage === s?.code);
  if (!s || !row) return null;
  if (row.end.getTime() <= now.getTime()) return { stage: row.stage, closed: true };
  const from = new Date(Math.max(now.getTime(), row.start.getTime()));
  const start = snapStart(from, s.minDuration.unit, holidays, bundle.workingHours);
  const earliestEnd = endAfter(start, s.minDuration, holidays, stageHours(bundle, s.endTime));
  return row.end.getTime() >= earliestEnd.getTime() ? null : { stage: row.stage, earliestEnd, currentEnd: row.end };
}

/** The part of [aStart, aEnd) inside [bStart, bEnd), in milliseconds (0 when they do not overlap). */
export function overlapMs(aStart: Date, aEnd: Date, bStart: Date, bEnd: Date): number {
  return Math.max(0, Math.min(aEnd.getTime(), bEnd.getTime()) - Math.max(aStart.getTime(), bStart.getTime()));
}

/** The upload stage's row of a schedule, if the bundle has one. */
export function uploadRow(bundle: Bundle, schedule: readonly ScheduleRow[]): ScheduleRow | undefined {
  const s = stageOfRole(bundle, 'bid_upload');
  return schedule.find((r) => r.stage === s?.code);
}

/**
 * Item 9 (Perka LKPP 1/2015): the schedule change that extends the upload stage by `deltaMs` (the outage's overlap
 * with it). The stages that ran until the upload's end (Download Dokumen Pemilihan) end with it; the stages after it
 * move later by the same time, each kept at least its minimum and after its anchor (re-snapped to working time).
 */
export function outageExtensionChanges(
  bundle: Bundle,
  schedule: readonly ScheduleRow[],
  deltaMs: number,
  holidays: Holidays,
): StageChange[] {
  const upload = uploadRow(bundle, schedule);
  if (!upload || deltaMs <= 0) return [];
  const oldEnd = upload.end.getTime();
  const next = new Map<string, { start: Date; end: Date }>();
  const rowOf = new Map(schedule.map((r) => [r.stage, r]));
  const out: StageChange[] = [];
  bundle.stages.forEach((s, i) => {
    const r = rowOf.get(s.code);
    if (!r) return;
    let start = r.start;
    let end = r.end;
    if (s.code === upload.stage) {
      end = new Date(oldEnd + deltaMs);
    } else if (r.start.getTime() < oldEnd && r.end.getTime() >= oldEnd) {
      // Runs beside the upload and ends with it (or later): it keeps its start and ends no earlier than the upload.
      end = new Date(Math.max(r.end.getTime(), oldEnd + deltaMs));
    } else if (r.start.getTime() >= oldEnd) {
      const a = anchorOf(bundle.stages, i);
      let base = r.start.getTime() + deltaMs;
      if ('after' in a && next.has(a.after)) base = Math.max(base, next.get(a.after)!.end.getTime());
      if ('with' in a && next.has(a.with)) base = Math.max(base, next.get(a.with)!.start.getTime());
      start = snapStart(new Date(base), s.minDuration.unit, holidays, bundle.workingHours);
      const min = endAfter(start, s.minDuration, holidays, stageHours(bundle, s.endTime)).getTime();
      let e = Math.max(r.end.getTime() + deltaMs, min);
      if (s.until && next.has(s.until)) e = Math.max(e, next.get(s.until)!.end.getTime());
      end = new Date(e);
    }
    next.set(s.code, { start, end });
    if (start.getTime() !== r.start.getTime() || end.getTime() !== r.end.getTime()) {
      out.push({ stage: s.code, start, end });
    }
  });
  return out;
}
