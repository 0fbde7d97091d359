import { readFileSync } from 'node:fs';

/**
 * All time comes from a Clock, so tests and demos can move a tender through its schedule
 * (DESIGN-PROCUREMENT §1: the current stage is derived from the clock).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The "now" to age files by. File modification times are the file system's (real) time, so a clock moved ahead — a
 * browser test's or a demo's — must not make a file being written this second look a day old to a sweep.
 */
export const fileAgeNow = (clock: Clock): Date =>
  new Date(Math.min(clock.now().getTime(), systemClock.now().getTime()));

/** A clock that only moves when told to: for tests and demos. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-03-02T01:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * The system time moved by an offset (milliseconds) read from a file on every call: for browser tests only
 * (`LPSE_TEST_CLOCK_FILE`), so a test can move a running server through a schedule by writing a number. A missing or
 * unreadable file means no offset. Reading a few bytes per call is cheap next to a request; production never uses it.
 */
export class OffsetFileClock implements Clock {
  constructor(private readonly file: string) {}
  offsetMs(): number {
    try {
      const n = Number(readFileSync(this.file, 'utf8').trim());
      return Number.isFinite(n) ? n : 0;
    } catch {
      return 0;
    }
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs());
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
