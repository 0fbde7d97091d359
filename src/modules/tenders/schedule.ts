import { anchorOf, type Bundle, type Stage } from './methods/bundle.ts';
import { endAfter, type Holidays, meetsMinimum, snapStart } from './working-days.ts';

/**
 * The schedule of a tender is data: one row per stage with its start and end (half-open: [start, end)). These are
 * pure functions over plain data; the repository stores the rows and the command keeps every change.
 */

export interface ScheduleRow {
  stage: string;
  /** The stage's position in its bundle (rows are kept in this order). */
  ord: number;
  start: Date;
  end: Date;
}

export interface TemplateOptions {
  /** Optional stages to leave out (e.g. Pemberian Penjelasan in a Tender Cepat). */
  skip?: readonly string[];
}

/**
 * Fills every stage from one start date with the bundle's minimum durations, skipping weekends and the holidays:
 * each stage starts at its anchor (with, or after, another stage), working-day stages start at the next opening
 * time, and a stage that must last `until` another stage ends no earlier than it.
 */
export function scheduleTemplate(
  bundle: Bundle,
  start: Date,
  holidays: Holidays,
  opts: TemplateOptions = {},
): ScheduleRow[] {
  const skip = new Set(opts.skip ?? []);
  for (const c of skip) {
    const s = bundle.stages.find((x) => x.code === c);
    if (!s?.optional) throw new Error(`Stage ${c} of ${bundle.id}@${bundle.version} cannot be left out`);
  }
  const hours = bundle.workingHours;
  const index = new Map(bundle.stages.map((s, i) => [s.code, i]));
  const resolved = new Map<string, { start: Date; end: Date }>();
  const resolve = (code: string): { start: Date; end: Date } => {
    const done = resolved.get(code);
    if (done) return done;
    const i = index.get(code)!;
    const s = bundle.stages[i]!;
    const a = anchorOf(bundle.stages, i);
    const at = 'at' in a ? start : 'with' in a ? resolve(a.with).start : resolve(a.after).end;
    let r: { start: Date; end: Date };
    if (skip.has(code)) {
      // A left-out stage takes no time: what comes after it starts where it would have started.
      r = { start: at, end: at };
    } else {
      const from = snapStart(at, s.minDuration.unit, holidays, hours);
      let end = endAfter(from, s.minDuration, holidays, stageHours(bundle, s));
      if (s.until) {
        const other = resolve(s.until).end;
        if (other > end) end = other;
      }
      r = { start: from, end };
    }
    resolved.set(code, r);
    return r;
  };
  return bundle.stages.flatMap((s, ord) => {
    const r = resolve(s.code);
    return skip.has(s.code) ? [] : [{ stage: s.code, ord, start: r.start, end: r.end }];
  });
}

function stageHours(bundle: Bundle, s: Stage) {
  return s.endTime ? { start: bundle.workingHours.start, end: s.endTime } : bundle.workingHours;
}

/** Why a proposed schedule change is refused; each names the stage, and the minimum or the time involved. */
export type ScheduleProblem =
  | { code: 'SCHEDULE_UNKNOWN_STAGE'; stage: string }
  | { code: 'SCHEDULE_END_BEFORE_START'; stage: string }
  | { code: 'SCHEDULE_BELOW_MINIMUM'; stage: string; minimum: Stage['minDuration']; earliestEnd: Date }
  | { code: 'SCHEDULE_STARTED_STAGE_SHORTENED'; stage: string; startedAt: Date; currentEnd: Date }
  | { code: 'SCHEDULE_STARTED_STAGE_MOVED'; stage: string; startedAt: Date }
  | { code: 'SCHEDULE_STARTS_IN_PAST'; stage: string; now: Date }
  | { code: 'SCHEDULE_BEFORE_ANCHOR'; stage: string; anchor: string; earliestStart: Date };

export interface StageChange {
  stage: string;
  start: Date;
  end: Date;
}

/** One entry of the change history: old → new of one stage. */
export interface ScheduleDiff {
  stage: string;
  oldStart: Date;
  oldEnd: Date;
  newStart: Date;
  newEnd: Date;
}

/**
 * Checks a change of some stages against the bundle and the Clock:
 * - every changed stage lasts at least the bundle's minimum (under the working-day convention);
 * - a stage that has started (start ≤ now) keeps its start and is not shortened (it may be extended, e.g. after an
 *   outage);
 * - a stage that has not started is not moved into the past;
 * - a stage does not start before the stage it runs with starts, or before the stage it follows ends.
 * Returns the new schedule and the diff, or the problems (all of them, in stage order).
 */
export function checkScheduleChange(
  bundle: Bundle,
  current: readonly ScheduleRow[],
  changes: readonly StageChange[],
  now: Date,
  holidays: Holidays,
): { ok: true; schedule: ScheduleRow[]; diff: ScheduleDiff[] } | { ok: false; problems: ScheduleProblem[] } {
  const problems: ScheduleProblem[] = [];
  const byStage = new Map(current.map((r) => [r.stage, r]));
  const next = new Map(current.map((r) => [r.stage, { ...r }]));
  const diff: ScheduleDiff[] = [];
  for (const c of changes) {
    const old = byStage.get(c.stage);
    const stage = bundle.stages.find((s) => s.code === c.stage);
    if (!old || !stage) {
      problems.push({ code: 'SCHEDULE_UNKNOWN_STAGE', stage: c.stage });
      continue;
    }
    if (old.start.getTime() === c.start.getTime() && old.end.getTime() === c.end.getTime()) continue;
    if (c.end.getTime() <= c.start.getTime()) {
      problems.push({ code: 'SCHEDULE_END_BEFORE_START', stage: c.stage });
      continue;
    }
    const started = old.start.getTime() <= now.getTime();
    if (started && c.start.getTime() !== old.start.getTime()) {
      problems.push({ code: 'SCHEDULE_STARTED_STAGE_MOVED', stage: c.stage, startedAt: old.start });
    }
    if (started && c.end.getTime() < old.end.getTime()) {
      problems.push({
        code: 'SCHEDULE_STARTED_STAGE_SHORTENED',
        stage: c.stage,
        startedAt: old.start,
        currentEnd: old.end,
      });
    }
    if (!started && c.start.getTime() < now.getTime()) {
      problems.push({ code: 'SCHEDULE_STARTS_IN_PAST', stage: c.stage, now });
    }
    const hours = stageHours(bundle, stage);
    if (!meetsMinimum(c.start, c.end, stage.minDuration, holidays, hours)) {
      problems.push({
        code: 'SCHEDULE_BELOW_MINIMUM',
        stage: c.stage,
        minimum: stage.minDuration,
        earliestEnd: endAfter(c.start, stage.minDuration, holidays, hours),
      });
    }
    next.set(c.stage, { ...old, start: c.start, end: c.end });
    diff.push({ stage: c.stage, oldStart: old.start, oldEnd: old.end, newStart: c.start, newEnd: c.end });
  }
  // Order between stages, on the schedule as it would be.
  for (const [i, s] of bundle.stages.entries()) {
    const row = next.get(s.code);
    if (!row || !diff.some((d) => d.stage === s.code)) continue;
    const a = anchorOf(bundle.stages, i);
    if ('at' in a) continue;
    const anchorCode = 'with' in a ? a.with : a.after;
    const anchor = next.get(anchorCode);
    if (!anchor) continue;
    const earliest = 'with' in a ? anchor.start : anchor.end;
    if (row.start.getTime() < earliest.getTime()) {
      problems.push({ code: 'SCHEDULE_BEFORE_ANCHOR', stage: s.code, anchor: anchorCode, earliestStart: earliest });
    }
  }
  if (problems.length > 0) {
    const order = new Map(bundle.stages.map((s, i) => [s.code, i]));
    problems.sort((x, y) => (order.get(x.stage) ?? 999) - (order.get(y.stage) ?? 999));
    return { ok: false, problems };
  }
  return { ok: true, schedule: [...next.values()].sort((a, b) => a.ord - b.ord), diff };
}

/** Every stage whose interval [start, end) contains `now`, in bundle order (stages may overlap). */
export function currentStages(schedule: readonly ScheduleRow[], now: Date): ScheduleRow[] {
  const t = now.getTime();
  return schedule.filter((r) => r.start.getTime() <= t && t < r.end.getTime()).sort((a, b) => a.ord - b.ord);
}

/** The next stage to open after `now` (earliest start; the bundle order breaks ties), or undefined at the end. */
export function nextStage(schedule: readonly ScheduleRow[], now: Date): ScheduleRow | undefined {
  const t = now.getTime();
  return [...schedule]
    .filter((r) => r.start.getTime() > t)
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.ord - b.ord)[0];
}

/** Where an action gated by a stage stands at `now`: for a refusal that names when the action opens. */
export type StageWindow =
  | { state: 'open'; stage: string; closesAt: Date }
  | { state: 'not_yet'; stage: string; opensAt: Date }
  | { state: 'closed'; stage: string; closedAt: Date }
  | { state: 'absent'; stage: string };

export function stageWindow(schedule: readonly ScheduleRow[], stage: string, now: Date): StageWindow {
  const row = schedule.find((r) => r.stage === stage);
  if (!row) return { state: 'absent', stage };
  const t = now.getTime();
  if (t < row.start.getTime()) return { state: 'not_yet', stage, opensAt: row.start };
  if (t >= row.end.getTime()) return { state: 'closed', stage, closedAt: row.end };
  return { state: 'open', stage, closesAt: row.end };
}

/** The first schedule row of a stage role (e.g. `bid_upload`) in a bundle, for gates that do not know the code. */
export function stageOfRole(bundle: Bundle, role: Stage['role']): Stage | undefined {
  return bundle.stages.find((s) => s.role === role);
}
