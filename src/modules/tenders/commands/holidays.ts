import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { AppError, badRequest, conflict } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { type HolidayInput, parseHolidayCsv } from '../holidays-csv.ts';
import { findHoliday } from '../tenders.repository.ts';
import { holidays } from '../tenders.schema.ts';

export interface AddHolidayInput extends HolidayInput {
  source: string;
}

/** Adds one holiday (LPSE: Admin Sistem or Sekretariat). Schedules made afterwards skip it. */
export async function addHoliday(ctx: Ctx, input: AddHolidayInput): Promise<void> {
  assertCan(ctx.actor, 'holidays:manage');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    if (await findHoliday(tx, input.date)) {
      throw conflict('HOLIDAY_DUPLICATE', 'holidays.error.duplicate', { date: input.date }, { field: 'date' });
    }
    await tx.insert(holidays).values({ ...input, updatedAt: ctx.clock.now(), updatedBy: actor.userId });
    await recordAudit(tx, auditContext(ctx), {
      action: 'holiday.added',
      objectType: 'holiday',
      objectId: null,
      summary: { date: input.date, name: input.name, kind: input.kind, source: input.source },
    });
  });
}

export async function removeHoliday(ctx: Ctx, date: string): Promise<void> {
  assertCan(ctx.actor, 'holidays:manage');
  await ctx.db.transaction(async (tx) => {
    const row = await findHoliday(tx, date);
    if (!row) throw new AppError('NOT_FOUND', 404, 'holidays.error.notFound');
    await tx.delete(holidays).where(eq(holidays.date, date));
    await recordAudit(tx, auditContext(ctx), {
      action: 'holiday.removed',
      objectType: 'holiday',
      objectId: null,
      summary: { date: row.date, name: row.name, kind: row.kind, source: row.source },
    });
  });
}

/**
 * Imports `date,name,kind` lines in one transaction: all or nothing, every bad line named. A date already listed is
 * updated (a corrected name or kind).
 */
export async function importHolidays(ctx: Ctx, csv: string, source: string): Promise<number> {
  assertCan(ctx.actor, 'holidays:manage');
  const actor = ctx.actor;
  const parsed = parseHolidayCsv(csv);
  if (!parsed.ok) {
    const first = parsed.problems[0]!;
    throw badRequest(
      'HOLIDAY_CSV',
      'holidays.error.csv',
      { line: first.line, problem: ctx.t(`holidays.error.${first.problem}`) },
      { field: 'csv' },
    );
  }
  if (parsed.rows.length === 0) throw badRequest('HOLIDAY_CSV', 'holidays.error.csvEmpty', {}, { field: 'csv' });
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    for (const r of parsed.rows) {
      const values = { ...r, source, updatedAt: now, updatedBy: actor.userId };
      await tx.insert(holidays).values(values).onConflictDoUpdate({ target: holidays.date, set: values });
    }
    await recordAudit(tx, auditContext(ctx), {
      action: 'holiday.imported',
      objectType: 'holiday',
      objectId: null,
      summary: { count: parsed.rows.length, source, dates: parsed.rows.map((r) => r.date) },
    });
  });
  return parsed.rows.length;
}
