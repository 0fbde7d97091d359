import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assertCan } from '../../platform/auth/permissions.ts';
import { notFound } from '../../platform/errors.ts';
import { allow } from '../../platform/http/access.ts';
import { dateField, requiredText } from '../../platform/http/fields.ts';
import { handleForm, withFlash } from '../../platform/http/handle-form.ts';
import { formatDate } from '../../platform/i18n/i18n.ts';
import { pageCtx, sendHtml } from '../../platform/ui/page.ts';
import { addHoliday, importHolidays, removeHoliday } from './commands/holidays.ts';
import { isIsoDate } from './holidays-csv.ts';
import { lifecyclePages } from './pages/lifecycle.pages.ts';
import { membersPages } from './pages/members.pages.ts';
import { tendersPages } from './pages/tenders.pages.ts';
import { listHolidays } from './tenders.repository.ts';
import { HOLIDAY_KINDS } from './tenders.schema.ts';
import { HolidaysView } from './views/holidays.view.tsx';
import { witaDate } from './working-days.ts';

const AddHolidaySchema = z.object({
  date: dateField(),
  name: requiredText(200),
  kind: z.enum(HOLIDAY_KINDS, { error: 'validation.required' }),
  source: requiredText(300),
});

const ImportSchema = z.object({ csv: requiredText(100_000), source: requiredText(300) });

function yearOf(query: unknown, fallback: number): number {
  const raw = (query as Record<string, unknown> | undefined)?.tahun;
  const n = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  return n >= 2000 && n <= 2100 ? n : fallback;
}

export async function tendersPlugin(app: FastifyInstance) {
  await app.register(tendersPages);
  await app.register(lifecyclePages);
  await app.register(membersPages);
  const MANAGE = { config: allow('holidays:manage') };

  app.get('/admin/hari-libur', MANAGE, async (req, reply) => {
    assertCan(req.ctx.actor, 'holidays:manage');
    const year = yearOf(req.query, Number(witaDate(req.ctx.clock.now()).slice(0, 4)));
    return sendHtml(reply, HolidaysView({ p: pageCtx(req, reply), year, rows: await listHolidays(req.ctx.db, year) }));
  });

  app.post('/admin/hari-libur', MANAGE, async (req, reply) => {
    assertCan(req.ctx.actor, 'holidays:manage');
    const fallback = Number(witaDate(req.ctx.clock.now()).slice(0, 4));
    return handleForm(req, reply, {
      schema: AddHolidaySchema,
      render: async (p, state) => {
        const y = yearOf({ tahun: String(state.values.date ?? '').slice(0, 4) }, fallback);
        return HolidaysView({ p, year: y, rows: await listHolidays(req.ctx.db, y), addState: state });
      },
      run: async (data) => {
        await addHoliday(req.ctx, data);
        const msg = req.ctx.t('holidays.added', { date: formatDate(data.date, req.ctx.locale) });
        return withFlash(`/admin/hari-libur?tahun=${data.date.slice(0, 4)}`, msg);
      },
    });
  });

  app.post<{ Params: { date: string } }>('/admin/hari-libur/:date/hapus', MANAGE, async (req, reply) => {
    assertCan(req.ctx.actor, 'holidays:manage');
    const { date } = req.params;
    if (!isIsoDate(date)) throw notFound('holidays.error.notFound');
    await removeHoliday(req.ctx, date);
    const msg = req.ctx.t('holidays.removed', { date: formatDate(date, req.ctx.locale) });
    return reply.redirect(withFlash(`/admin/hari-libur?tahun=${date.slice(0, 4)}`, msg), 303);
  });

  app.post('/admin/hari-libur/impor', MANAGE, async (req, reply) => {
    assertCan(req.ctx.actor, 'holidays:manage');
    const year = Number(witaDate(req.ctx.clock.now()).slice(0, 4));
    return handleForm(req, reply, {
      schema: ImportSchema,
      render: async (p, state) =>
        HolidaysView({ p, year, rows: await listHolidays(req.ctx.db, year), importState: state }),
      run: async (data) => {
        const count = await importHolidays(req.ctx, data.csv, data.source);
        return withFlash('/admin/hari-libur', req.ctx.t('holidays.imported', { count }));
      },
    });
  });
}
