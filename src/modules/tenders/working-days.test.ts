import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addWorkingDays,
  countWorkingDays,
  endAfter,
  isWorkingDay,
  meetsMinimum,
  snapStart,
  witaAt,
  witaDate,
} from './working-days.ts';

const none = new Set<string>();
// 2026-03-02 is a Monday.
const MON = '2026-03-02';

describe('working days in WITA', () => {
  test('WITA is UTC+8 all year', () => {
    assert.equal(witaAt(MON, '08:00').toISOString(), '2026-03-02T00:00:00.000Z');
    assert.equal(witaAt('2026-07-01', '16:00').toISOString(), '2026-07-01T08:00:00.000Z');
    assert.equal(witaDate(new Date('2026-03-01T16:00:00.000Z')), MON, 'midnight WITA is 16:00 UTC the day before');
    assert.equal(witaDate(new Date('2026-03-01T15:59:59.999Z')), '2026-03-01');
  });

  test('Saturdays, Sundays and holidays are not working days', () => {
    assert.equal(isWorkingDay('2026-03-07', none), false);
    assert.equal(isWorkingDay('2026-03-08', none), false);
    assert.equal(isWorkingDay(MON, none), true);
    assert.equal(isWorkingDay(MON, new Set([MON])), false);
  });

  test('adding working days skips the weekend, holidays and cuti bersama, across the year end', () => {
    assert.equal(addWorkingDays('2026-03-06', 1, none), '2026-03-09', 'Friday + 1 = Monday');
    assert.equal(addWorkingDays(MON, 4, none), '2026-03-06');
    assert.equal(addWorkingDays(MON, 5, none), '2026-03-09');
    // Nyepi on Thursday, cuti bersama on Friday: Wednesday + 1 is the next Monday.
    const nyepi = new Set(['2026-03-19', '2026-03-20']);
    assert.equal(addWorkingDays('2026-03-18', 1, nyepi), '2026-03-23');
    assert.equal(addWorkingDays('2026-12-31', 1, new Set(['2027-01-01'])), '2027-01-04');
    assert.equal(addWorkingDays('2026-03-07', 0, none), '2026-03-09', '0 from a Saturday is the next working day');
    assert.equal(countWorkingDays(MON, '2026-03-13', new Set(['2026-03-04'])), 9);
    assert.equal(countWorkingDays('2026-03-13', MON, none), 0);
  });

  test('a stage of N working days ends at 16:00 WITA on the N-th working day, the start day counting as day 1', () => {
    const mon8 = witaAt(MON, '08:00');
    assert.equal(endAfter(mon8, { n: 1, unit: 'working_days' }, none).getTime(), witaAt(MON, '16:00').getTime());
    assert.equal(
      endAfter(witaAt('2026-03-06', '08:00'), { n: 3, unit: 'working_days' }, none).getTime(),
      witaAt('2026-03-10', '16:00').getTime(),
      'Friday + 3 working days ends on Tuesday',
    );
    assert.equal(
      endAfter(witaAt('2026-03-06', '08:00'), { n: 3, unit: 'working_days' }, new Set(['2026-03-09'])).getTime(),
      witaAt('2026-03-11', '16:00').getTime(),
      'a holiday on Monday moves it to Wednesday',
    );
    assert.equal(
      endAfter(witaAt(MON, '16:00'), { n: 1, unit: 'working_days' }, none).getTime(),
      witaAt('2026-03-03', '16:00').getTime(),
      'starting at closing time, day 1 is the next working day',
    );
    assert.equal(
      endAfter(witaAt('2026-03-07', '10:00'), { n: 1, unit: 'working_days' }, none).getTime(),
      witaAt('2026-03-09', '16:00').getTime(),
      'starting on a Saturday, day 1 is Monday',
    );
    assert.equal(
      endAfter(mon8, { n: 1, unit: 'working_days' }, none, { start: '08:00', end: '23:59' }).getTime(),
      witaAt(MON, '23:59').getTime(),
      'the closing time is configurable',
    );
  });

  test('calendar days ignore weekends and holidays; hours are exact', () => {
    assert.equal(
      endAfter(witaAt('2026-03-06', '10:00'), { n: 5, unit: 'calendar_days' }, new Set(['2026-03-09'])).getTime(),
      witaAt('2026-03-10', '16:00').getTime(),
    );
    const fri1730 = witaAt('2026-03-06', '17:30');
    assert.equal(endAfter(fri1730, { n: 2, unit: 'hours' }, none).getTime(), fri1730.getTime() + 2 * 3_600_000);
  });

  test('working-day stages start at the next opening time when asked outside working time', () => {
    const u = 'working_days' as const;
    assert.equal(snapStart(witaAt(MON, '07:00'), u, none).getTime(), witaAt(MON, '08:00').getTime());
    assert.equal(snapStart(witaAt(MON, '10:15'), u, none).getTime(), witaAt(MON, '10:15').getTime());
    assert.equal(snapStart(witaAt(MON, '16:00'), u, none).getTime(), witaAt('2026-03-03', '08:00').getTime());
    assert.equal(snapStart(witaAt('2026-03-07', '09:00'), u, none).getTime(), witaAt('2026-03-09', '08:00').getTime());
    assert.equal(
      snapStart(witaAt('2026-03-06', '16:00'), u, new Set(['2026-03-09'])).getTime(),
      witaAt('2026-03-10', '08:00').getTime(),
    );
    const sat = witaAt('2026-03-07', '09:00');
    assert.equal(snapStart(sat, 'calendar_days', none).getTime(), sat.getTime());
    assert.equal(snapStart(sat, 'hours', none).getTime(), sat.getTime());
  });

  test('a minimum is met exactly at the earliest end, not a second before', () => {
    const d = { n: 2, unit: 'working_days' } as const;
    const start = witaAt(MON, '08:00');
    const end = witaAt('2026-03-03', '16:00');
    assert.equal(meetsMinimum(start, end, d, none), true);
    assert.equal(meetsMinimum(start, new Date(end.getTime() - 1000), d, none), false);
    assert.equal(meetsMinimum(start, end, d, new Set(['2026-03-03'])), false, 'a holiday makes it too short');
  });
});
