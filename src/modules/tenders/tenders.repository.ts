import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { ScheduleRow } from './schedule.ts';
import { holidays, tenderSchedule, tenderScheduleChanges, tenders } from './tenders.schema.ts';
import { addCalendarDays, type Holidays, witaDate } from './working-days.ts';

export type HolidayRow = typeof holidays.$inferSelect;
export type TenderRow = typeof tenders.$inferSelect;

export async function listHolidays(db: Db, year: number): Promise<HolidayRow[]> {
  return db
    .select()
    .from(holidays)
    .where(and(gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)))
    .orderBy(asc(holidays.date));
}

export async function findHoliday(db: Db, date: string): Promise<HolidayRow | undefined> {
  const [row] = await db.select().from(holidays).where(eq(holidays.date, date));
  return row;
}

/**
 * The holidays a schedule from `from` may meet: from the day before to two years on (a tender never runs longer; a
 * stage end past that would count a missing holiday as a working day, so the window is generous).
 */
export async function holidaySetFrom(db: Db, from: Date): Promise<Holidays> {
  const start = addCalendarDays(witaDate(from), -1);
  const end = addCalendarDays(start, 2 * 366);
  const rows = await db
    .select({ date: holidays.date })
    .from(holidays)
    .where(and(gte(holidays.date, start), lte(holidays.date, end)));
  return new Set(rows.map((r) => r.date));
}

export async function findTender(db: Db, tenderId: string): Promise<TenderRow | undefined> {
  const [row] = await db.select().from(tenders).where(eq(tenders.id, tenderId));
  return row;
}

export async function loadSchedule(db: Db, tenderId: string): Promise<ScheduleRow[]> {
  const rows = await db
    .select()
    .from(tenderSchedule)
    .where(eq(tenderSchedule.tenderId, tenderId))
    .orderBy(asc(tenderSchedule.ord));
  return rows.map((r) => ({ stage: r.stage, ord: r.ord, start: r.startsAt, end: r.endsAt }));
}

export type ScheduleChangeRow = typeof tenderScheduleChanges.$inferSelect;

/** The change history of a schedule, oldest first. */
export async function scheduleHistory(db: Db, tenderId: string): Promise<ScheduleChangeRow[]> {
  return db
    .select()
    .from(tenderScheduleChanges)
    .where(eq(tenderScheduleChanges.tenderId, tenderId))
    .orderBy(asc(tenderScheduleChanges.changedAt), asc(tenderScheduleChanges.stage));
}
