import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/permissions.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { Agent } from '../../test/agent.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { changeSchedule, createTenderWithSchedule } from './commands/schedule.ts';
import { loadSchedule, scheduleHistory } from './tenders.repository.ts';
import { holidays } from './tenders.schema.ts';
import { witaAt } from './working-days.ts';

describe('holiday calendar page and schedule changes', () => {
  let t: TestApp;
  let admin: Agent;
  let ukpbj: string;
  let pokja: Actor;
  before(async () => {
    t = await createTestApp();
    const a = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    admin = new Agent(t.app);
    await admin.login(a.username);
    ukpbj = (await buildAgency(t)).id;
    const p = await buildUser(t, { roles: ['POKJA'], agencyId: ukpbj });
    pokja = {
      userId: p.id,
      username: p.username,
      name: p.name,
      email: p.email,
      roles: [{ role: 'POKJA', agencyId: ukpbj }],
      sessionId: 'x',
    };
  });
  after(() => t.close());

  const ctxOf = (actor: Actor | null): Ctx => ({
    db: t.db,
    clock: t.clock,
    config: t.config,
    files: t.files,
    actor,
    requestId: null,
    locale: 'id',
    t: translator('id'),
  });

  let kode = 1000;
  const newTender = (start: Date) =>
    createTenderWithSchedule(ctxOf(pokja), {
      kode: String(++kode),
      nama: 'Pembangunan Jalan Desa',
      bundleId: 'tender-pascakualifikasi-1-file',
      agencyId: ukpbj,
      ukpbjAgencyId: ukpbj,
      start,
    });

  test('the admin adds a holiday on the page; the template then skips it', async () => {
    t.clock.set('2026-03-01T00:00:00Z');
    const before = await loadSchedule(t.db, await newTender(witaAt('2026-03-02', '08:00')));
    assert.equal(before[0]!.end.getTime(), witaAt('2026-03-04', '16:00').getTime());

    const page = await admin.get('/admin/hari-libur?tahun=2026');
    assert.equal(page.statusCode, 200);
    const res = await admin.post('/admin/hari-libur', {
      date: '2026-03-03',
      name: 'Hari libur daerah (uji)',
      kind: 'libur_nasional',
      source: 'Uji',
    });
    assert.equal(res.statusCode, 303);
    const list = await admin.get('/admin/hari-libur?tahun=2026');
    assert.match(list.body, /Hari libur daerah \(uji\)/);

    const after = await loadSchedule(t.db, await newTender(witaAt('2026-03-02', '08:00')));
    assert.equal(after[0]!.end.getTime(), witaAt('2026-03-05', '16:00').getTime(), 'Tuesday skipped');

    const dup = await admin.post('/admin/hari-libur', {
      date: '2026-03-03',
      name: 'Lagi',
      kind: 'cuti_bersama',
      source: 'Uji',
    });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.headers['x-error-code'], 'HOLIDAY_DUPLICATE');
  });

  test('CSV import adds every line or none; removing a holiday works', async () => {
    const bad = await admin.post('/admin/hari-libur/impor', {
      csv: 'date,name,kind\n2027-08-17,Kemerdekaan,libur_nasional\n2027-02-30,Salah,libur_nasional',
      source: 'Uji',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Baris 3/);
    assert.equal((await t.db.select().from(holidays).where(eq(holidays.date, '2027-08-17'))).length, 0);
    const ok = await admin.post('/admin/hari-libur/impor', {
      csv: 'date,name,kind\n2027-08-17,Kemerdekaan,libur_nasional\n"2027-12-24","Cuti bersama, Natal",cuti_bersama\n',
      source: 'SKB uji',
    });
    assert.equal(ok.statusCode, 303);
    const [row] = await t.db.select().from(holidays).where(eq(holidays.date, '2027-12-24'));
    assert.equal(row?.name, 'Cuti bersama, Natal');
    const del = await admin.post('/admin/hari-libur/2027-12-24/hapus', {});
    assert.equal(del.statusCode, 303);
    assert.equal((await t.db.select().from(holidays).where(eq(holidays.date, '2027-12-24'))).length, 0);
  });

  test('a vendor is refused the holiday page', async () => {
    const v = await buildUser(t, { roles: ['PENYEDIA'] });
    const vendor = new Agent(t.app);
    await vendor.login(v.username);
    const r = await vendor.get('/admin/hari-libur');
    assert.equal(r.statusCode, 403);
    assert.equal(r.headers['x-error-code'], 'FORBIDDEN');
    const p = await vendor.post('/admin/hari-libur', {
      date: '2026-04-01',
      name: 'x',
      kind: 'cuti_bersama',
      source: 'x',
    });
    assert.equal(p.statusCode, 403);
    assert.equal(p.headers['x-error-code'], 'FORBIDDEN');
  });

  test('a schedule change below the minimum, or shortening a started stage, is refused; a valid one is kept', async () => {
    t.clock.set('2026-03-01T00:00:00Z');
    const id = await newTender(witaAt('2026-03-09', '08:00'));
    const rows = await loadSchedule(t.db, id);
    const pengumuman = rows[0]!;
    const ctx = ctxOf(pokja);

    await assert.rejects(
      changeSchedule(
        ctx,
        id,
        [{ stage: 'pengumuman', start: pengumuman.start, end: witaAt('2026-03-10', '16:00') }],
        'Dipercepat',
      ),
      (e: Error & { code?: string; params?: Record<string, string> }) => {
        assert.equal(e.code, 'SCHEDULE_BELOW_MINIMUM');
        assert.equal(e.params?.stage, 'Pengumuman Pascakualifikasi');
        assert.equal(e.params?.minimum, '3 hari kerja');
        return true;
      },
    );

    // Extend it before it starts: kept with its reason.
    const longer = witaAt('2026-03-12', '16:00');
    await changeSchedule(ctx, id, [{ stage: 'pengumuman', start: pengumuman.start, end: longer }], 'Addendum');
    const history = await scheduleHistory(t.db, id);
    const change = history.find((h) => h.reason === 'Addendum')!;
    assert.equal(change.stage, 'pengumuman');
    assert.equal(change.oldEndsAt?.getTime(), pengumuman.end.getTime());
    assert.equal(change.newEndsAt.getTime(), longer.getTime());
    assert.equal(change.changedBy, pokja.userId);

    // Once started (by the Clock), it may not be shortened.
    t.clock.set(new Date(pengumuman.start.getTime() + 1000));
    await assert.rejects(
      changeSchedule(ctx, id, [{ stage: 'pengumuman', start: pengumuman.start, end: pengumuman.end }], 'Kembali'),
      (e: Error & { code?: string }) => e.code === 'SCHEDULE_STARTED_STAGE_SHORTENED',
    );
    await assert.rejects(
      changeSchedule(ctx, id, [{ stage: 'pengumuman', start: pengumuman.start, end: longer }], '  '),
      (e: Error & { code?: string }) => e.code === 'REASON_REQUIRED',
    );
    // Another agency's Pokja may not touch it.
    const other = await buildAgency(t);
    const stranger = { ...pokja, roles: [{ role: 'POKJA' as const, agencyId: other.id }] };
    await assert.rejects(
      changeSchedule(ctxOf(stranger), id, [{ stage: 'pengumuman', start: pengumuman.start, end: longer }], 'x'),
      (e: Error & { code?: string }) => e.code === 'FORBIDDEN',
    );
  });
});
