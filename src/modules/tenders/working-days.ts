/**
 * Working-day arithmetic in WITA (Asia/Makassar, UTC+8, no daylight saving), pure: no database, no clock.
 *
 * A working day (hari kerja) is Monday to Friday and not a holiday (libur nasional or cuti bersama) in the LPSE's
 * holiday calendar.
 *
 * Convention for stage times (SPSE's jadwal shows a start and an end with minutes, and the Pokja may type any time;
 * this is what the template proposes):
 * - a stage measured in working days starts at the working day's opening time (08:00 WITA) when it would start
 *   outside working time, and ends at the day's closing time on the N-th working day, counting the start day as day 1
 *   when the stage starts on a working day before closing time;
 * - the closing time is 16:00 WITA by default (a bundle may say otherwise): deadlines fall inside the LPSE's service
 *   hours, so the helpdesk can record an outage before the deadline passes (Perka LKPP 1/2015 on gangguan teknis),
 *   rather than at 23:59 when nobody can help;
 * - a stage measured in calendar days ends at the closing time of the N-th calendar day, counted the same way;
 * - a stage measured in hours ends exactly N hours after its start.
 * Intervals are half-open: a stage ending at 16:00 contains 15:59:59.999 and not 16:00:00.
 */

export const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date in WITA, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A time of day in WITA, `HH:MM`. */
export type TimeOfDay = string;

/** The holidays to skip: a set of `YYYY-MM-DD` dates. */
export type Holidays = ReadonlySet<IsoDate>;

export type DurationUnit = 'working_days' | 'calendar_days' | 'hours';
export interface Duration {
  n: number;
  unit: DurationUnit;
}

/** When a working day opens and closes (WITA). */
export interface WorkingHours {
  start: TimeOfDay;
  end: TimeOfDay;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '08:00', end: '16:00' };

function minutesOf(t: TimeOfDay): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(t);
  if (!m) throw new Error(`Invalid time of day: ${t}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The WITA calendar date of an instant. */
export function witaDate(at: Date): IsoDate {
  return new Date(at.getTime() + WITA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since WITA midnight of an instant. */
function witaMinutes(at: Date): number {
  const ms = (at.getTime() + WITA_OFFSET_MS) % DAY_MS;
  return Math.floor(ms / 60_000);
}

/** The instant of a WITA date at a WITA time of day. */
export function witaAt(date: IsoDate, time: TimeOfDay): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - WITA_OFFSET_MS + minutesOf(time) * 60_000);
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function isWeekend(date: IsoDate): boolean {
  const dow = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

export function isWorkingDay(date: IsoDate, holidays: Holidays): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/** The first working day on or after `date`. */
export function workingDayOnOrAfter(date: IsoDate, holidays: Holidays): IsoDate {
  let d = date;
  // A year has well under 400 consecutive non-working days; the bound guards against a corrupt calendar.
  for (let i = 0; i < 400; i++) {
    if (isWorkingDay(d, holidays)) return d;
    d = addCalendarDays(d, 1);
  }
  throw new Error(`No working day within 400 days of ${date}`);
}

/** Adds `n` working days to a date (n ≥ 0; 0 gives the first working day on or after it). */
export function addWorkingDays(date: IsoDate, n: number, holidays: Holidays): IsoDate {
  let d = workingDayOnOrAfter(date, holidays);
  for (let i = 0; i < n; i++) d = workingDayOnOrAfter(addCalendarDays(d, 1), holidays);
  return d;
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
export function countWorkingDays(from: IsoDate, to: IsoDate, holidays: Holidays): number {
  let count = 0;
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(d, holidays)) count++;
  return count;
}

/**
 * Where a stage measured in `unit` actually starts when asked to start at `at`: working-day stages move to the next
 * opening time when `at` is outside working time; calendar-day and hour stages start as asked.
 */
export function snapStart(at: Date, unit: DurationUnit, holidays: Holidays, hours = DEFAULT_WORKING_HOURS): Date {
  if (unit !== 'working_days') return at;
  const date = witaDate(at);
  const mins = witaMinutes(at);
  if (isWorkingDay(date, holidays) && mins < minutesOf(hours.end)) {
    return mins < minutesOf(hours.start) ? witaAt(date, hours.start) : at;
  }
  return witaAt(workingDayOnOrAfter(addCalendarDays(date, 1), holidays), hours.start);
}

/**
 * The earliest end of a stage starting at `start` and lasting `d` (see the convention above). A stage of 0 days ends
 * at closing time of its first day; a stage of 0 hours ends at its start (the caller refuses empty stages).
 */
export function endAfter(start: Date, d: Duration, holidays: Holidays, hours = DEFAULT_WORKING_HOURS): Date {
  if (d.unit === 'hours') return new Date(start.getTime() + d.n * 60 * 60_000);
  const date = witaDate(start);
  const beforeClose = witaMinutes(start) < minutesOf(hours.end);
  const days = Math.max(d.n, 1);
  if (d.unit === 'calendar_days') {
    const first = beforeClose ? date : addCalendarDays(date, 1);
    return witaAt(addCalendarDays(first, days - 1), hours.end);
  }
  const first =
    beforeClose && isWorkingDay(date, holidays) ? date : workingDayOnOrAfter(addCalendarDays(date, 1), holidays);
  return witaAt(addWorkingDays(first, days - 1, holidays), hours.end);
}

/** Whether `end` is at least `d` after `start` under the same convention. */
export function meetsMinimum(
  start: Date,
  end: Date,
  d: Duration,
  holidays: Holidays,
  hours = DEFAULT_WORKING_HOURS,
): boolean {
  return end.getTime() >= endAfter(start, d, holidays, hours).getTime() && end.getTime() > start.getTime();
}
