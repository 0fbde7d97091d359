import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq, like } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { documents } from '../../platform/files/files.schema.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import type { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { PDF, postMultipart } from '../../test/multipart.ts';
import { ocdsValidators } from '../opendata/ocds-validate.test-support.ts';
import { ocdsReleases } from '../opendata/opendata.schema.ts';
import { buildAgencyWithPa } from '../rup/rup.test-support.ts';
import { type SulapWorld, signIn } from '../sulap/sulap.test-support.ts';
import { invalidatePublicTenders } from './public-cache.ts';
import { loadSchedule } from './tenders.repository.ts';
import { tenderDocuments, tenders } from './tenders.schema.ts';
import { approveAll, draftTender, verifiedVendor } from './tenders.test-support.ts';
import { witaAt } from './working-days.ts';

const mails = async (t: TestApp, subject: string) =>
  t.db
    .select()
    .from(mailOutbox)
    .where(like(mailOutbox.subject, `${subject}%`));

describe('tender life after publication: documents, addenda, outage, gagal / ulang / batal (issue 9)', () => {
  let t: TestApp;
  let w: SulapWorld;
  let members: Agent[];
  let tenderId: string;
  let kode: string;
  let alpha: Awaited<ReturnType<typeof verifiedVendor>>;
  let beta: Awaited<ReturnType<typeof verifiedVendor>>;
  let admin: { username: string };

  /** Sessions expire after 8 idle hours: everyone signs in again after the clock moves. */
  async function moveClock(to: Date) {
    t.clock.set(to);
    invalidatePublicTenders();
    members = await Promise.all(w.pokja.slice(0, 3).map((m) => signIn(t, m.username)));
    alpha.agent = await signIn(t, alpha.username);
    beta.agent = await signIn(t, beta.username);
  }
  const upload = async (id = tenderId) =>
    (await loadSchedule(t.db, id)).find((r) => r.stage === 'upload_dokumen_penawaran')!;
  const tenderRow = async (id: string) => (await t.db.select().from(tenders).where(eq(tenders.id, id)))[0]!;

  before(async () => {
    t = await createTestApp();
    ({ w, members, tenderId } = await draftTender(t));
    admin = await buildUser(t, { roles: ['ADMIN_SISTEM'], agencyId: null });
  });
  after(() => t.close());

  test('item 3: the Dokumen Pemilihan is uploaded in versions before the announcement, and locked after it', async () => {
    const m = members[0]!;
    await m.get(`/kelola/tender/${tenderId}`);
    for (const n of [1, 2]) {
      const res = await postMultipart(
        m,
        `/kelola/tender/${tenderId}/dokumen`,
        {},
        { berkas: { name: `dp-v${n}.pdf`, data: PDF } },
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
    }
    const outsider = await signIn(t, w.pokja[4]!.username);
    await outsider.get('/dasbor');
    const refused = await postMultipart(
      outsider,
      `/kelola/tender/${tenderId}/dokumen`,
      {},
      { berkas: { name: 'x.pdf', data: PDF } },
    );
    assert.equal(refused.statusCode, 404, 'not a member of this Pokja');
    kode = await approveAll(t, members, tenderId);
    const page = await (await signIn(t, admin.username)).get(`/tender/${kode}`);
    assert.match(page.body, /dp-v1\.pdf.*versi 1/s);
    assert.match(page.body, /dp-v2\.pdf.*versi 2/s);
    const locked = await postMultipart(
      m,
      `/kelola/tender/${tenderId}/dokumen`,
      {},
      { berkas: { name: 'v3.pdf', data: PDF } },
    );
    assert.equal(locked.statusCode, 409);
    assert.equal(locked.headers['x-error-code'], 'TENDER_DOCUMENT_LOCKED');
    assert.match(locked.body, /hanya melalui adendum/);
  });

  test('item 6: the Berita Acara Pemberian Penjelasan only after the stage, for the Pokja and participants', async () => {
    alpha = await verifiedVendor(t, 'CV Alpha Lifecycle');
    beta = await verifiedVendor(t, 'PT Beta Lifecycle');
    for (const v of [alpha, beta])
      assert.equal((await v.agent.post(`/tender/${kode}/ikut`, { pakta: 'ya' })).statusCode, 303);
    const early = await members[0]!.get(`/kelola/tender/${tenderId}/berita-acara-penjelasan.pdf`);
    assert.equal(early.statusCode, 409);
    assert.equal(early.headers['x-error-code'], 'TENDER_BA_NOT_YET');

    await moveClock(witaAt('2026-03-05', '09:00'));
    const ask = await alpha.agent.post(`/tender/${kode}/penjelasan`, {
      question: 'Apakah boleh beton K-250?',
      anonymous: 'ya',
    });
    assert.equal(ask.statusCode, 303);
    const qid = /pertanyaan\/([0-9a-f-]{36})\/jawab/.exec(
      (await members[1]!.get(`/kelola/tender/${tenderId}`)).body,
    )![1]!;
    assert.equal(
      (await members[1]!.post(`/kelola/tender/${tenderId}/pertanyaan/${qid}/jawab`, { answer: 'Tidak, K-300.' }))
        .statusCode,
      303,
    );

    await moveClock(witaAt('2026-03-06', '09:00'));
    const pdf = await members[0]!.get(`/kelola/tender/${tenderId}/berita-acara-penjelasan.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.ok(pdf.rawPayload.subarray(0, 5).toString() === '%PDF-');
    const forVendor = await beta.agent.get(`/tender/${kode}/penjelasan/berita-acara.pdf`);
    assert.equal(forVendor.statusCode, 200);
    const stranger = await verifiedVendor(t, 'CV Bukan Peserta');
    const refused = await stranger.agent.get(`/tender/${kode}/penjelasan/berita-acara.pdf`);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.headers['x-error-code'], 'TENDER_NOT_PARTICIPANT');
  });

  test('item 7: an addendum is refused until the upload stage is extended; then published and mailed', async () => {
    const m = members[0]!;
    await m.get(`/kelola/tender/${tenderId}`);
    const addendum = () =>
      postMultipart(
        m,
        `/kelola/tender/${tenderId}/adendum`,
        { addendumReason: 'Perubahan spesifikasi beton' },
        { addendumFile: { name: 'adendum-1.pdf', data: PDF } },
      );
    const refused = await addendum();
    assert.equal(refused.statusCode, 409, refused.body.slice(0, 1000));
    assert.equal(refused.headers['x-error-code'], 'TENDER_ADDENDUM_NEEDS_EXTENSION');
    assert.match(refused.body, /Perpanjang jadwal dahulu/);
    assert.equal((await mails(t, 'Adendum')).length, 0);

    const before = await upload();
    const bad = await m.post(`/kelola/tender/${tenderId}/perpanjang`, { end: '2026-03-10T16:00', extendReason: 'x' });
    assert.equal(bad.headers['x-error-code'], 'TENDER_EXTENSION_NOT_LATER');
    const ext = await m.post(`/kelola/tender/${tenderId}/perpanjang`, {
      end: '2026-03-13T16:00',
      extendReason: 'Adendum spesifikasi beton',
    });
    assert.equal(ext.statusCode, 303, ext.body.slice(0, 1500));
    const after = await upload();
    assert.equal(after.end.getTime(), witaAt('2026-03-13', '16:00').getTime());
    assert.equal(after.start.getTime(), before.start.getTime());
    const opening = (await loadSchedule(t.db, tenderId)).find((r) => r.stage === 'pembukaan_dokumen_penawaran')!;
    assert.ok(opening.start.getTime() >= after.end.getTime(), 'the opening moved after the new deadline');

    const ok = await addendum();
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 1500));
    const sent = await mails(t, 'Adendum 1 tender');
    assert.deepEqual(sent.map((x) => x.toAddress).sort(), [alpha.email, beta.email].sort());
    invalidatePublicTenders();
    const page = await alpha.agent.get(`/tender/${kode}`);
    assert.match(page.body, /Adendum 1/);
    assert.match(page.body, /Perubahan spesifikasi beton/);
    assert.match(page.body, /adendum-1\.pdf/);
    assert.match(page.body, /Adendum spesifikasi beton/, 'the schedule change and its reason are public');
  });

  test('item 9: LPSE staff record an outage; the Pokja extends the upload stage by its overlap, once', async () => {
    const pokjaTry = await members[0]!.get('/admin/gangguan');
    assert.equal(pokjaTry.statusCode, 403);
    const a = await signIn(t, admin.username);
    await a.get('/admin/gangguan');
    const wrong = await a.post('/admin/gangguan', { start: '2026-03-06T08:30', end: '2026-03-06T06:00', what: 'x' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.headers['x-error-code'], 'OUTAGE_END_BEFORE_START');
    const rec = await a.post('/admin/gangguan', {
      start: '2026-03-06T06:00',
      end: '2026-03-06T08:30',
      what: 'Server SPSE tidak dapat diakses',
    });
    assert.equal(rec.statusCode, 303, rec.body.slice(0, 1000));

    const before = await upload();
    const page = await members[0]!.get(`/kelola/tender/${tenderId}`);
    assert.match(page.body, /Server SPSE tidak dapat diakses/);
    const action = /action="(\/kelola\/tender\/[0-9a-f-]{36}\/gangguan\/[0-9a-f-]{36})"/.exec(page.body)![1]!;
    assert.equal((await members[0]!.post(action, {})).statusCode, 303);
    assert.equal((await upload()).end.getTime() - before.end.getTime(), 150 * 60_000, '2 h 30 min overlap');
    const twice = await members[0]!.post(action, {});
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.headers['x-error-code'], 'OUTAGE_ALREADY_APPLIED');
    assert.equal((await mails(t, 'Tahap upload tender')).length, 2, 'both participants told');
    invalidatePublicTenders();
    const pub = await beta.agent.get(`/tender/${kode}`);
    assert.match(pub.body, /Gangguan teknis LPSE .*Server SPSE tidak dapat diakses.*perpanjangan 150 menit/s);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'tender.outage_extended'));
    assert.equal(audit.length, 1);
  });

  test('item 8: the Pokja declares gagal (a–g only); public with the article; a tender ulang links both ways', async () => {
    const m = members[0]!;
    const notYours = await m.post(`/kelola/tender/${tenderId}/gagal`, { failReason: 'i_kkn_pokja_ppk', failNote: 'x' });
    assert.equal(notYours.statusCode, 403);
    assert.equal(notYours.headers['x-error-code'], 'TENDER_FAILURE_REASON_NOT_YOURS');
    const repeatEarly = await m.post(`/kelola/tender/${tenderId}/ulang`, {
      repeatReason: 'x',
      repeatStart: '2026-03-09',
    });
    assert.equal(repeatEarly.headers['x-error-code'], 'TENDER_NOT_FAILED');
    const res = await m.post(`/kelola/tender/${tenderId}/gagal`, {
      failReason: 'c_tidak_ada_yang_lulus',
      failNote: 'Tidak ada penawaran yang memenuhi syarat teknis',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
    const row = await tenderRow(tenderId);
    assert.equal(row.status, 'gagal');
    assert.equal(row.closedRole, 'POKJA');
    invalidatePublicTenders();
    const pub = await alpha.agent.get(`/tender/${kode}`);
    assert.match(pub.body, /Tender Gagal/);
    assert.match(pub.body, /Pasal 51 ayat \(2\) huruf c/);
    assert.match(pub.body, /Tidak ada penawaran yang memenuhi syarat teknis/);
    assert.equal((await mails(t, `Tender ${kode} dinyatakan gagal`)).length, 2);
    const late = await verifiedVendor(t, 'CV Terlambat');
    const join = await late.agent.post(`/tender/${kode}/ikut`, { pakta: 'ya' });
    assert.equal(join.headers['x-error-code'], 'TENDER_NOT_RUNNING');

    const rep = await m.post(`/kelola/tender/${tenderId}/ulang`, {
      repeatReason: 'Gagal: tidak ada yang lulus',
      repeatStart: '2026-03-09',
    });
    assert.equal(rep.statusCode, 303, rep.body.slice(0, 1500));
    const nextId = /\/kelola\/tender\/([0-9a-f-]{36})/.exec(String(rep.headers.location))![1]!;
    assert.notEqual(nextId, tenderId);
    const next = await tenderRow(nextId);
    assert.equal(next.status, 'draft');
    assert.equal(next.versi, 2);
    assert.equal(next.repeatOfId, tenderId);
    assert.equal(next.hps, row.hps);
    assert.deepEqual(
      next.syaratKualifikasi,
      row.syaratKualifikasi,
      'the requirements are carried into the tender ulang',
    );
    assert.ok(next.syaratKualifikasi !== null, 'the failed tender had requirements to carry');
    // The Dokumen Pemilihan as it stood: the last announced version, then the addendum's file.
    const carried = await t.db
      .select({ version: tenderDocuments.version, name: documents.originalName, sha256: documents.sha256 })
      .from(tenderDocuments)
      .innerJoin(documents, eq(documents.id, tenderDocuments.documentId))
      .where(eq(tenderDocuments.tenderId, nextId))
      .orderBy(asc(tenderDocuments.version));
    assert.deepEqual(
      carried.map((d) => [d.version, d.name]),
      [
        [1, 'dp-v2.pdf'],
        [2, 'adendum-1.pdf'],
      ],
    );
    const draftPage = await m.get(`/kelola/tender/${nextId}`);
    assert.match(draftPage.body, /dp-v2\.pdf/, 'the Pokja sees the carried document on the draft');
    const again = await m.post(`/kelola/tender/${tenderId}/ulang`, { repeatReason: 'x', repeatStart: '2026-03-09' });
    assert.equal(again.headers['x-error-code'], 'TENDER_ALREADY_REPEATED');
    const kode2 = await approveAll(t, members, nextId);
    assert.notEqual(kode2, kode);
    invalidatePublicTenders();
    const oldPage = await alpha.agent.get(`/tender/${kode}`);
    assert.match(oldPage.body, new RegExp(`diulang sebagai tender <a href="/tender/${kode2}">`));
    const newPage = await alpha.agent.get(`/tender/${kode2}`);
    assert.match(newPage.body, new RegExp(`Tender ulang dari tender <a href="/tender/${kode}">`));
  });

  test('item 8: the PA/KPA of the agency declares gagal for reason i only; the Pokja cancels a tender ulang (batal)', async () => {
    const [next] = await t.db.select().from(tenders).where(eq(tenders.repeatOfId, tenderId));
    const kode2 = next!.kode!;
    const pa = await signIn(t, w.pa.username);
    assert.equal((await pa.get(`/tender/${kode2}/pa`)).statusCode, 200);
    const other = await buildAgencyWithPa(t);
    const otherPa = await signIn(t, other.pa.username);
    assert.equal((await otherPa.get(`/tender/${kode2}/pa`)).statusCode, 404, 'another agency’s PA');
    const a = await pa.post(`/tender/${kode2}/pa/gagal`, { failReason: 'a_kesalahan_evaluasi', failNote: 'x' });
    assert.equal(a.statusCode, 403);
    assert.equal(a.headers['x-error-code'], 'TENDER_FAILURE_REASON_NOT_YOURS');
    const i = await pa.post(`/tender/${kode2}/pa/gagal`, {
      failReason: 'i_kkn_pokja_ppk',
      failNote: 'Laporan APIP nomor 12/2026',
    });
    assert.equal(i.statusCode, 303, i.body.slice(0, 1500));
    const failed = await tenderRow(next!.id);
    assert.equal(failed.status, 'gagal');
    assert.equal(failed.closedRole, 'PA');

    const rep = await members[0]!.post(`/kelola/tender/${next!.id}/ulang`, {
      repeatReason: 'KKN',
      repeatStart: '2026-03-09',
    });
    assert.equal(rep.statusCode, 303);
    const thirdId = /\/kelola\/tender\/([0-9a-f-]{36})/.exec(String(rep.headers.location))![1]!;
    const kode3 = await approveAll(t, members, thirdId);
    assert.equal((await tenderRow(thirdId)).versi, 3);
    const empty = await members[0]!.post(`/kelola/tender/${thirdId}/batal`, { cancelNote: '' });
    assert.equal(empty.statusCode, 400);
    const batal = await members[0]!.post(`/kelola/tender/${thirdId}/batal`, {
      cancelNote: 'Anggaran dialihkan untuk tanggap darurat',
    });
    assert.equal(batal.statusCode, 303);
    assert.equal((await tenderRow(thirdId)).status, 'batal');
    invalidatePublicTenders();
    const pub = await pa.get(`/tender/${kode3}`);
    assert.match(pub.body, /Tender Batal/);
    assert.match(pub.body, /Anggaran dialihkan untuk tanggap darurat/);
    for (const action of [
      'tender.failed',
      'tender.cancelled',
      'tender.repeated',
      'tender.addendum_published',
      'outage.recorded',
      'tender.document_uploaded',
    ]) {
      const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.action, action));
      assert.ok(rows.length > 0, action);
    }
  });
  test('R02 open data: every change above is an OCDS release that validates (amendments, gagal, batal)', async () => {
    const rows = await t.db.select({ json: ocdsReleases.json }).from(ocdsReleases);
    const releases = rows.map((r) => JSON.parse(r.json) as { id: string; tag: string[]; tender?: { status?: string } });
    const validators = ocdsValidators();
    for (const r of releases) assert.deepEqual(validators.release(r), [], r.id);
    const tags = new Set(releases.flatMap((r) => r.tag));
    for (const tag of ['tender', 'tenderAmendment', 'tenderUpdate', 'tenderCancellation'])
      assert.ok(tags.has(tag), tag);
    const statusOf = (tag: string) => releases.filter((r) => r.tag.includes(tag)).map((r) => r.tender?.status);
    assert.ok(statusOf('tenderUpdate').includes('unsuccessful'));
    assert.deepEqual([...new Set(statusOf('tenderCancellation'))], ['cancelled']);
  });
});
