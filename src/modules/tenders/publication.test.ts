import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, like } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import type { Agent } from '../../test/agent.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { checklistFor } from '../sulap/checklist.ts';
import { buildSulapWorld, packageInReview, review, type SulapWorld, signIn } from '../sulap/sulap.test-support.ts';
import { tenderHighlights } from './index.ts';
import { bundleOf } from './methods/index.ts';
import { invalidatePublicTenders } from './public-cache.ts';
import { currentStages } from './schedule.ts';
import { loadSchedule } from './tenders.repository.ts';
import { tenders } from './tenders.schema.ts';
import { uploadDokumenPemilihan } from './tenders.test-support.ts';

const HPS = 'Rp 1.012.500.000';

const form = (overrides: Record<string, string> = {}) => ({
  bundleId: 'tender-pascakualifikasi-1-file',
  kualifikasiUsaha: 'kecil',
  jenisKontrak: 'harga_satuan',
  lokasi: 'Desa Lantagi, Kec. Wawonii Utara\nDesa Lampeapi',
  izinUsaha: 'NIB/SBU Pekerjaan Konstruksi',
  kbli: '42101, 42102',
  pengalaman: 'Satu pekerjaan konstruksi dalam 4 tahun terakhir',
  tenagaAhli: 'Manajer Pelaksanaan (SKK Madya)',
  peralatan: 'Excavator 1 unit\nDump truck 2 unit',
  startDate: '2026-03-02',
  ...overrides,
});

const stageCell = (html: string) => /Tahap Tender Saat Ini<\/dt><dd>(.*?)<\/dd>/.exec(html)?.[1] ?? '';

describe('tender publication by the Pokja and the public portal', () => {
  let t: TestApp;
  let w: SulapWorld;
  let packageId: string;
  let members: Agent[];
  let tenderId: string;
  let kode: string;
  let anon: Agent;

  before(async () => {
    t = await createTestApp();
    w = await buildSulapWorld(t);
    const r = await packageInReview(t, w);
    packageId = r.id;
    members = [];
    for (const m of w.pokja.slice(0, 3)) {
      const a = await signIn(t, m.username);
      for (const c of checklistFor('pekerjaan_konstruksi', 'tender').filter((x) => x.mandatory)) {
        assert.equal((await review(a, packageId, c.item, 'disetujui')).statusCode, 303);
      }
      members.push(a);
    }
    anon = await signIn(t, w.pa.username);
  });
  after(() => t.close());

  test('a Pokja member of the same UKPBJ who is not in the SK is refused, with the reason', async () => {
    const outsider = await signIn(t, w.pokja[3]!.username);
    const page = await outsider.get(`/kelola/tender/baru/${packageId}`);
    assert.equal(page.statusCode, 403);
    assert.equal(page.headers['x-error-code'], 'TENDER_NOT_POKJA_MEMBER');
    assert.match(page.body, /bukan anggota Pokja yang ditugaskan/);
    assert.doesNotMatch(page.body, /1\.012\.500\.000/, 'no HPS for a non-member');
    const post = await outsider.post(`/kelola/tender/baru/${packageId}`, form());
    assert.equal(post.statusCode, 403);
    assert.equal(post.headers['x-error-code'], 'TENDER_NOT_POKJA_MEMBER');
    assert.equal((await t.db.select().from(tenders)).length, 0);
  });

  test('a member builds the tender; it is announced only when every member has approved', async () => {
    const [m1, m2, m3] = members as [Agent, Agent, Agent];
    assert.equal((await m1.get(`/kelola/tender/baru/${packageId}`)).statusCode, 200);
    const wrong = await m1.post(
      `/kelola/tender/baru/${packageId}`,
      form({ bundleId: 'seleksi-prakualifikasi-2-file' }),
    );
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.headers['x-error-code'], 'TENDER_BUNDLE_MISMATCH');
    const res = await m1.post(`/kelola/tender/baru/${packageId}`, form());
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    tenderId = /\/kelola\/tender\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;

    const mails = await t.db
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.subject, 'Persetujuan pengumuman tender%'));
    assert.equal(mails.length, 3, 'every member is mailed');
    assert.ok(mails.every((m) => m.bodyText.includes(`/kelola/tender/${tenderId}`)));

    const [draft] = await t.db.select().from(tenders).where(eq(tenders.id, tenderId));
    assert.equal(draft!.status, 'draft');
    assert.equal(draft!.kode, null);
    assert.deepEqual(draft!.syaratKualifikasi?.kbli, ['42101', '42102']);
    assert.deepEqual(draft!.lokasi, ['Desa Lantagi, Kec. Wawonii Utara', 'Desa Lampeapi']);
    assert.equal(draft!.hps, 1_012_500_000n);
    assert.ok((await loadSchedule(t.db, tenderId)).length > 5, 'schedule from the template');

    // Kolektif kolegial approves the Dokumen Pemilihan with the announcement: none uploaded yet, refused.
    const noDoc = await m1.post(`/kelola/tender/${tenderId}/setujui`, {});
    assert.equal(noDoc.statusCode, 409);
    assert.equal(noDoc.headers['x-error-code'], 'TENDER_DOCUMENT_REQUIRED');
    assert.match(noDoc.body, /Unggah Dokumen Pemilihan lebih dahulu/);
    const [unapproved] = await t.db.select().from(tenders).where(eq(tenders.id, tenderId));
    assert.equal(unapproved!.status, 'draft');
    await uploadDokumenPemilihan(m1, tenderId);
    assert.equal((await m1.post(`/kelola/tender/${tenderId}/setujui`, {})).statusCode, 303);
    const twice = await m1.post(`/kelola/tender/${tenderId}/setujui`, {});
    assert.equal(twice.statusCode, 409);
    assert.equal((await m2.post(`/kelola/tender/${tenderId}/setujui`, {})).statusCode, 303);
    const [still] = await t.db.select().from(tenders).where(eq(tenders.id, tenderId));
    assert.equal(still!.status, 'draft', 'two of three is not enough');

    // Not public before the announcement: neither in the list nor its HPS anywhere.
    invalidatePublicTenders();
    const list = await anon.get('/tender');
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /Paket Jalan Lantagi/);
    assert.doesNotMatch(list.body, /1\.012\.500\.000/);
    assert.equal((await tenderHighlights(t.db, t.clock.now())).running, 0);
    const outsider = await signIn(t, w.pokja[4]!.username);
    const hidden = await outsider.get(`/kelola/tender/${tenderId}`);
    assert.equal(hidden.statusCode, 404);
    assert.doesNotMatch(hidden.body, /1\.012\.500\.000/);

    const last = await m3.post(`/kelola/tender/${tenderId}/setujui`, {});
    assert.equal(last.statusCode, 303);
    const [done] = await t.db.select().from(tenders).where(eq(tenders.id, tenderId));
    assert.equal(done!.status, 'berlangsung');
    assert.match(done!.kode!, /^2026\d{5}$/);
    assert.equal(done!.announcedAt?.getTime(), t.clock.now().getTime());
    kode = done!.kode!;

    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, tenderId))).map(
      (e) => e.action,
    );
    for (const a of ['tender.schedule_created', 'tender.publication_requested', 'tender.announced']) {
      assert.ok(actions.includes(a), a);
    }
    assert.equal(actions.filter((a) => a === 'tender.publication_approved').length, 3);
  });

  test('the public list filters; the detail shows the announcement and the current stage at a boundary', async () => {
    const hit = async (q: string) => (await anon.get(`/tender?${q}`)).body.includes(`/tender/${kode}`);
    assert.ok(await hit(''));
    assert.ok(await hit('q=Lantagi'));
    assert.ok(await hit(`q=${kode}`));
    assert.ok(!(await hit('q=Jembatan')));
    assert.ok(await hit('tahun=2026'));
    assert.ok(!(await hit('tahun=2025')));
    assert.ok(await hit(`agency=${w.agency.code}`));
    assert.ok(!(await hit(`agency=${w.ukpbj.code}`)));
    assert.ok(await hit('jenis=pekerjaan_konstruksi'));
    assert.ok(!(await hit('jenis=barang')));
    assert.ok(await hit('metode=tender'));
    assert.ok(!(await hit('metode=seleksi')));
    assert.ok(await hit('status=berlangsung'));
    assert.ok(!(await hit('status=gagal')));
    assert.ok(await hit('hpsMin=1.000.000.000&hpsMax=1.100.000.000'));
    assert.ok(!(await hit('hpsMax=900.000.000')));
    assert.ok(await hit('tahap=pengumuman'));
    assert.ok(!(await hit('tahap=evaluasi_penawaran')));
    const bad = await anon.get('/tender?hpsMin=satu&page=x&tahap=nope&tahun=abcd');
    assert.equal(bad.statusCode, 200);
    assert.match(bad.body, /tidak dapat dibaca/);

    const page = await anon.get(`/tender/${kode}`);
    assert.equal(page.statusCode, 200);
    for (const text of [
      kode,
      'Paket Jalan Lantagi',
      HPS,
      'Rp 1.250.000.000',
      'Harga Satuan',
      'Kecil',
      'Desa Lampeapi',
      `/rup/${w.kodes[0]}`,
      'KBLI 42101, 42102',
      'Excavator 1 unit',
      'Perubahan',
      'Peserta Tender',
      'WITA',
    ]) {
      assert.ok(page.body.includes(text), text);
    }
    const en = await anon.get(`/tender/${kode}?lang=en`);
    assert.equal(en.statusCode, 200);

    const schedule = await loadSchedule(t.db, tenderId);
    const bundle = bundleOf('tender-pascakualifikasi-1-file', '2021.1');
    const pengumuman = schedule.find((r) => r.stage === 'pengumuman')!;
    const name = bundle?.stages.find((s) => s.code === 'pengumuman')?.name ?? 'Pengumuman';
    t.clock.set(new Date(pengumuman.end.getTime() - 1));
    assert.ok(stageCell((await anon.get(`/tender/${kode}`)).body).includes(name));
    t.clock.set(pengumuman.end);
    const detail = (await anon.get(`/tender/${kode}`)).body;
    const afterCell = stageCell(detail);
    assert.match(detail, /K\/L\/PD<\/dt><dd>Pemerintah Kabupaten Konawe Kepulauan<\/dd>/);
    assert.ok(!afterCell.includes(name), afterCell);
    assert.ok(afterCell.length > 0, 'the stage cell is never empty');

    // Between two stages (after hours, over a weekend) the reader learns which stage opens next, and when.
    const gap = schedule
      .map((r) => ({ r, at: new Date(r.start.getTime() - 1) }))
      .find(({ at }) => at > pengumuman.start && currentStages(schedule, at).length === 0);
    assert.ok(gap, 'the template leaves a gap between two stages');
    t.clock.set(gap.at);
    const gapCell = stageCell((await anon.get(`/tender/${kode}`)).body);
    const nextName = bundle?.stages.find((s) => s.code === gap.r.stage)?.name ?? gap.r.stage;
    assert.ok(gapCell.includes('Di antara tahap') && gapCell.includes(nextName), gapCell);
    assert.ok(gapCell.includes('WITA'), `the opening time is shown in WITA: ${gapCell}`);
    t.clock.set(pengumuman.end);

    invalidatePublicTenders();
    const h = await tenderHighlights(t.db, t.clock.now());
    assert.equal(h.running, 1);
    assert.equal(h.latest[0]?.kode, kode);
    // Counted per current stage, in the database: exactly the stages whose window holds now, once each.
    const current = currentStages(await loadSchedule(t.db, tenderId), t.clock.now()).map((r) => r.stage);
    assert.ok(current.length > 0, 'a stage is open at the end of the announcement');
    assert.deepEqual(h.perStage.map((s) => [s.code, s.count]).sort(), current.map((c) => [c, 1]).sort());

    assert.equal((await anon.get('/tender/999999999')).statusCode, 404);
  });
});
