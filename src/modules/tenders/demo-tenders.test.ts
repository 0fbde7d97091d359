import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { DemoContext } from '../../platform/module.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { demoSchedule, loadDemoTenders } from './demo-tenders.ts';
import { latestBundle } from './methods/index.ts';
import { publicTenderByKode } from './public.repository.ts';
import { currentStages } from './schedule.ts';
import { outageIncidents, tenders } from './tenders.schema.ts';
import { witaAt } from './working-days.ts';

const bundle = latestBundle('tender-pascakualifikasi-1-file')!;

describe('demo tenders are in a current stage at any load time (issue 9 "Done when": demo data)', () => {
  // A Monday noon, a Friday evening, Saturday midnight (WITA).
  const times = [witaAt('2026-03-02', '12:00'), witaAt('2026-03-06', '19:30'), witaAt('2026-03-07', '00:00')];
  for (const now of times) {
    for (const stage of ['pengumuman', 'pemberian_penjelasan', 'upload_dokumen_penawaran', 'evaluasi_penawaran']) {
      test(`${stage} is open at ${now.toISOString()}`, () => {
        const rows = demoSchedule(bundle, stage, now);
        assert.ok(currentStages(rows, now).some((r) => r.stage === stage));
        for (const r of rows) assert.ok(r.end.getTime() > r.start.getTime(), r.stage);
      });
    }
  }
});

describe('loadDemoTenders', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    t.clock.set(witaAt('2026-03-07', '21:00'));
  });
  after(() => t.close());

  test('announced tenders in every stage and state: gagal with its tender ulang, batal, an outage', async () => {
    const codes = ['SETDA', 'DINKES', 'DISDIK', 'PUPR', 'DISHUB', 'DKP'];
    const agencies = new Map<string, string>();
    for (const code of codes) agencies.set(code, (await buildAgency(t, { code })).id);
    const users = new Map<string, string>();
    for (const u of ['pokja1', 'pokja2', 'pokja3', 'admin.sistem'])
      users.set(u, (await buildUser(t, { username: u, roles: ['POKJA'], agencyId: agencies.get('SETDA')! })).id);
    await t.db.transaction(async (tx) => {
      const ctx = {
        tx,
        clock: t.clock,
        config: t.config,
        files: t.files,
        audit: { actor: null, requestId: null, ip: null },
        agencyId: (c: string) => agencies.get(c)!,
        userId: (u: string) => users.get(u)!,
        rememberUser: () => {},
        passwordHash: async () => 'x',
      } as unknown as DemoContext;
      await loadDemoTenders(ctx);
    });
    const rows = await t.db.select().from(tenders);
    assert.equal(rows.length, 6);
    const now = t.clock.now();
    const running = rows.filter((r) => r.status === 'berlangsung');
    for (const r of running) {
      const pub = await publicTenderByKode(t.db, r.kode!);
      assert.ok(currentStages(pub!.schedule, now).length > 0, `${r.nama} has a current stage`);
    }
    const failed = rows.find((r) => r.status === 'gagal')!;
    const repeat = rows.find((r) => r.repeatOfId === failed.id)!;
    assert.equal(repeat.versi, 2);
    assert.equal(repeat.status, 'berlangsung');
    assert.ok(rows.some((r) => r.status === 'batal' && r.closedNote));
    assert.equal((await t.db.select().from(outageIncidents)).length, 1);
    const [up] = await t.db.select().from(tenders).where(eq(tenders.nama, 'Pengadaan Meubelair Sekolah Dasar'));
    const stages = currentStages((await publicTenderByKode(t.db, up!.kode!))!.schedule, now).map((s) => s.stage);
    assert.ok(stages.includes('upload_dokumen_penawaran'));
  });
});
