/**
 * All time comes from a Clock, so tests and demos can move a tender through its schedule
 * (DESIGN-PROCUREMENT §1: the current stage is derived from the clock).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

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

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
