import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import type { Actor } from '../../platform/auth/permissions.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import type { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { blacklistEntries, registrations, vendors } from '../registration/registration.schema.ts';
import { sikapSections } from '../sikap/sikap.schema.ts';
import { checklistFor } from '../sulap/checklist.ts';
import { buildSulapWorld, packageInReview, review, type SulapWorld, signIn } from '../sulap/sulap.test-support.ts';
import { changeSchedule } from './commands/schedule.ts';
import { holdUploadsForQuestions, UPLOAD_HOLD_LEAD_MS, UPLOAD_HOLD_REASON } from './commands/upload-hold.ts';
import { blockingQuestions } from './index.ts';
import { invalidatePublicTenders } from './public-cache.ts';
import { loadSchedule } from './tenders.repository.ts';
import { tenderQuestions, tenderScheduleChanges, tenders } from './tenders.schema.ts';
import { approveAll } from './tenders.test-support.ts';

const form = {
  bundleId: 'tender-pascakualifikasi-1-file',
  kualifikasiUsaha: 'kecil',
  jenisKontrak: 'harga_satuan',
  lokasi: 'Desa Lantagi',
  izinUsaha: 'NIB/SBU Pekerjaan Konstruksi',
  kbli: '42101',
  pengalaman: '',
  tenagaAhli: '',
  peralatan: '',
  startDate: '2026-03-02',
};

let npwpSeq = 0;

describe('participation (Pakta Integritas) and aanwijzing', () => {
  let t: TestApp;
  let w: SulapWorld;
  let members: Agent[];
  let tenderId: string;
  let kode: string;

  /** A vendor user with its registration (approved when verified) and its vendor row, signed in. */
  async function vendor(name: string, opts: { verified?: boolean; blacklisted?: boolean } = {}) {
    const u = await buildUser(t, { roles: ['PENYEDIA'] });
    const now = t.clock.now();
    const [reg] = await t.db
      .insert(registrations)
      .values({
        number: `REG-2026-${String(++npwpSeq).padStart(6, '0')}`,
        kind: 'vendor',
        userId: u.id,
        status: opts.verified === false ? 'submitted' : 'approved',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const npwp = `0${String(npwpSeq).padStart(14, '7')}`;
    const [v] = await t.db
      .insert(vendors)
      .values({
        registrationId: reg!.id,
        userId: u.id,
        name,
        npwp,
        verifiedAt: opts.verified === false ? null : now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (opts.blacklisted) {
      await t.db.insert(blacklistEntries).values({
        vendorId: v!.id,
        vendorName: name,
        npwp,
        offence: 'pemalsuan_dokumen',
        skNumber: 'SK-DH/07/2026',
        skDate: '2026-01-05',
        issuingAgency: 'Dinas PUPR',
        startsOn: '2026-01-05',
        endsOn: '2027-01-04',
        createdBy: u.id,
        createdAt: now,
      });
    }
    return { agent: await signIn(t, u.username), vendor: v!, username: u.username };
  }

  before(async () => {
    t = await createTestApp();
    w = await buildSulapWorld(t);
    const r = await packageInReview(t, w);
    members = [];
    for (const m of w.pokja.slice(0, 3)) {
      const a = await signIn(t, m.username);
      for (const c of checklistFor('pekerjaan_konstruksi', 'tender').filter((x) => x.mandatory)) {
        assert.equal((await review(a, r.id, c.item, 'disetujui')).statusCode, 303);
      }
      members.push(a);
    }
    const res = await members[0]!.post(`/kelola/tender/baru/${r.id}`, form);
    assert.equal(res.statusCode, 303, res.body.slice(0, 1000));
    tenderId = /\/kelola\/tender\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
    await approveAll(t, members, tenderId);
    const [done] = await t.db.select().from(tenders).where(eq(tenders.id, tenderId));
    kode = done!.kode!;
    const schedule = await loadSchedule(t.db, tenderId);
    t.clock.set(new Date(schedule[0]!.start.getTime() + 60_000));
  });
  after(() => t.close());

  /** Sessions expire after 8 idle hours: sign in again after moving the clock by days. */
  async function moveClock(to: Date) {
    t.clock.set(to);
    alpha.agent = await signIn(t, alpha.username);
    beta.agent = await signIn(t, beta.username);
    members = await Promise.all(w.pokja.slice(0, 3).map((m) => signIn(t, m.username)));
  }

  const stage = async (code: string) => (await loadSchedule(t.db, tenderId)).find((r) => r.stage === code)!;

  let alpha: Awaited<ReturnType<typeof vendor>>;
  let beta: Awaited<ReturnType<typeof vendor>>;

  test('a verified vendor joins by accepting the Pakta Integritas; the public page counts it', async () => {
    alpha = await vendor('CV Alpha Wawonii');
    assert.match((await alpha.agent.get(`/tender/${kode}`)).body, new RegExp(`/tender/${kode}/ikut`));
    const page = await alpha.agent.get(`/tender/${kode}/ikut`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Pakta Integritas/);
    const unticked = await alpha.agent.post(`/tender/${kode}/ikut`, {});
    assert.equal(unticked.statusCode, 400);
    assert.match(unticked.body, /Centang persetujuan Pakta Integritas/);
    const res = await alpha.agent.post(`/tender/${kode}/ikut`, { pakta: 'ya' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 1000));
    const twice = await alpha.agent.post(`/tender/${kode}/ikut`, { pakta: 'ya' });
    assert.equal(twice.headers['x-error-code'], 'TENDER_ALREADY_JOINED');

    beta = await vendor('PT Beta Konawe');
    assert.equal((await beta.agent.post(`/tender/${kode}/ikut`, { pakta: 'ya' })).statusCode, 303);

    invalidatePublicTenders();
    const pub = await (await signIn(t, w.pa.username)).get(`/tender/${kode}`);
    assert.match(pub.body, /Peserta Tender<\/dt><dd>2<\/dd>/);
    assert.doesNotMatch(pub.body, /CV Alpha Wawonii/, 'names are for the Pokja only');
    const pokjaPage = await members[1]!.get(`/kelola/tender/${tenderId}`);
    assert.match(pokjaPage.body, /CV Alpha Wawonii/);
    assert.match(pokjaPage.body, /PT Beta Konawe/);

    const joins = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'tender.joined'));
    assert.equal(joins.length, 2);
  });

  test('a blacklisted or unverified vendor is refused with the reason', async () => {
    const black = await vendor('CV Hitam', { blacklisted: true });
    const r1 = await black.agent.post(`/tender/${kode}/ikut`, { pakta: 'ya' });
    assert.equal(r1.statusCode, 403);
    assert.equal(r1.headers['x-error-code'], 'TENDER_VENDOR_BLACKLISTED');
    assert.match(r1.body, /daftar hitam/);
    assert.match(r1.body, /SK-DH\/07\/2026/);
    const pending = await vendor('CV Baru', { verified: false });
    const r2 = await pending.agent.post(`/tender/${kode}/ikut`, { pakta: 'ya' });
    assert.equal(r2.statusCode, 403);
    assert.equal(r2.headers['x-error-code'], 'TENDER_VENDOR_NOT_VERIFIED');
    assert.match(r2.body, /sudah diverifikasi/);

    // An expired business licence in SIKaP blocks joining, naming the item and its date.
    const expired = await vendor('CV Izin Lama');
    await t.db.insert(sikapSections).values({
      vendorId: expired.vendor.id,
      section: 'izin',
      version: 1,
      items: [{ id: 'izin-1', jenis: 'NIB', nomor: '123', berlakuSampai: '2026-01-03' }],
      updatedAt: t.clock.now(),
    });
    const r3 = await expired.agent.post(`/tender/${kode}/ikut`, { pakta: 'ya' });
    assert.equal(r3.statusCode, 403);
    assert.equal(r3.headers['x-error-code'], 'TENDER_VENDOR_PROFILE_EXPIRED');
    assert.match(r3.body, /berakhir 3 Jan 2026/);
  });

  test('a question outside Pemberian Penjelasan is refused naming the time; within it, asked and answered', async () => {
    const pp = await stage('pemberian_penjelasan');
    await moveClock(new Date(pp.start.getTime() - 60_000));
    const early = await alpha.agent.post(`/tender/${kode}/penjelasan`, { question: 'Apakah boleh?' });
    assert.equal(early.statusCode, 403);
    assert.equal(early.headers['x-error-code'], 'TENDER_CLARIFICATION_NOT_YET');
    assert.match(early.body, /dibuka .*WITA/);

    await moveClock(new Date(pp.start.getTime() + 60_000));
    const ok = await alpha.agent.post(`/tender/${kode}/penjelasan`, {
      question: 'Berapa ketebalan aspal yang diminta?',
      anonymous: 'ya',
    });
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 1000));

    // Anonymous: the other vendor does not see who asked; the Pokja does.
    const seen = await beta.agent.get(`/tender/${kode}/penjelasan`);
    assert.equal(seen.statusCode, 200);
    assert.match(seen.body, /ketebalan aspal/);
    assert.doesNotMatch(seen.body, /CV Alpha Wawonii/);
    assert.match(seen.body, /Peserta \(anonim\)/);
    assert.match(seen.body, /Pertanyaan hanya diterima dalam tahap ini/);
    const pokjaPage = await members[0]!.get(`/kelola/tender/${tenderId}`);
    assert.match(pokjaPage.body, /ketebalan aspal/);
    assert.match(pokjaPage.body, /CV Alpha Wawonii \(anonim bagi peserta lain\)/);
    assert.match(pokjaPage.body, /1 pertanyaan belum dijawab/);
    assert.match((await members[0]!.get('/dasbor')).body, /1 pertanyaan penjelasan tender belum dijawab/);

    // An outsider vendor (not a participant) sees nothing.
    const outsider = await vendor('CV Luar');
    assert.equal((await outsider.agent.get(`/tender/${kode}/penjelasan`)).statusCode, 403);

    // Unanswered: the upload stage cannot be shortened.
    assert.equal((await blockingQuestions(t.db, tenderId)).length, 1);
    const up = await stage('upload_dokumen_penawaran');
    const m = w.pokja[0]!;
    const actor: Actor = {
      userId: m.id,
      username: m.username,
      name: m.name,
      email: m.email,
      roles: [{ role: 'POKJA', agencyId: w.ukpbj.id }],
      sessionId: 'x',
    };
    const ctx: Ctx = {
      db: t.db,
      clock: t.clock,
      config: t.config,
      files: t.files,
      actor,
      requestId: null,
      locale: 'id',
      t: translator('id'),
    };
    const shorter = new Date(up.end.getTime() - 86_400_000);
    await assert.rejects(
      changeSchedule(ctx, tenderId, [{ stage: up.stage, start: up.start, end: shorter }], 'Dipercepat'),
      (e: Error & { code?: string; params?: Record<string, unknown> }) => {
        assert.equal(e.code, 'TENDER_UPLOAD_BLOCKED_BY_QUESTIONS');
        assert.equal(e.params?.count, 1);
        return true;
      },
    );

    // The Pokja answers; every participant sees the answer. A Pokja member not named for this tender may not.
    const [q] = await t.db.select().from(tenderQuestions).where(eq(tenderQuestions.tenderId, tenderId));
    const stranger = await signIn(t, w.pokja[3]!.username);
    const refused = await stranger.post(`/kelola/tender/${tenderId}/pertanyaan/${q!.id}/jawab`, { answer: 'Tidak' });
    assert.equal(refused.statusCode, 404);
    const answered = await members[0]!.post(`/kelola/tender/${tenderId}/pertanyaan/${q!.id}/jawab`, {
      answer: 'Lapis AC-WC 4 cm.',
    });
    assert.equal(answered.statusCode, 303, answered.body.slice(0, 1000));
    assert.match((await beta.agent.get(`/tender/${kode}/penjelasan`)).body, /Lapis AC-WC 4 cm/);
    assert.equal((await blockingQuestions(t.db, tenderId)).length, 0);

    await moveClock(pp.end);
    const late = await beta.agent.post(`/tender/${kode}/penjelasan`, { question: 'Terlambat?' });
    assert.equal(late.headers['x-error-code'], 'TENDER_CLARIFICATION_CLOSED');
    assert.match(late.body, /sudah ditutup .*WITA/);

    // Participation closes with the upload stage, and the refusal names the time.
    await moveClock((await stage('upload_dokumen_penawaran')).end);
    const tooLate = await vendor('CV Terlambat');
    const closed = await tooLate.agent.post(`/tender/${kode}/ikut`, { pakta: 'ya' });
    assert.equal(closed.statusCode, 403);
    assert.equal(closed.headers['x-error-code'], 'TENDER_JOIN_CLOSED');
    assert.match(closed.body, /sudah ditutup .*WITA/);
  });

  test('the upload stage does not end while a question is unanswered: the system holds it a day, once per lead time', async () => {
    const up = await stage('upload_dokumen_penawaran');
    const [q] = await t.db
      .insert(tenderQuestions)
      .values({
        tenderId,
        vendorId: alpha.vendor.id,
        askedBy: alpha.vendor.userId,
        question: 'Apakah gambar kerja revisi berlaku?',
        askedAt: new Date(up.start.getTime() - 3_600_000),
      })
      .returning();
    t.clock.set(new Date(up.end.getTime() - UPLOAD_HOLD_LEAD_MS - 60_000));
    assert.deepEqual(await holdUploadsForQuestions(t.db, t.clock), [], 'not yet within the lead time');

    t.clock.set(new Date(up.end.getTime() - 10 * 60_000));
    const mailsBefore = (await t.db.select().from(mailOutbox)).length;
    assert.deepEqual(await holdUploadsForQuestions(t.db, t.clock), [tenderId]);
    const held = await stage('upload_dokumen_penawaran');
    assert.ok(held.end.getTime() >= up.end.getTime() + 86_400_000, `the end moved a day: ${held.end.toISOString()}`);
    assert.equal(held.start.getTime(), up.start.getTime(), 'the start is kept');
    const history = await t.db.select().from(tenderScheduleChanges).where(eq(tenderScheduleChanges.tenderId, tenderId));
    const row = history.find((h) => h.reason === UPLOAD_HOLD_REASON && h.stage === up.stage);
    assert.ok(row, 'the hold is in the public change history with its reason');
    assert.equal(row.changedBy, null, 'changed by the system, not by a person');
    const mails = (await t.db.select().from(mailOutbox)).slice(mailsBefore);
    assert.ok(
      mails.some((m) => /ditahan/.test(m.subject)),
      'participants are told the upload stage is held',
    );
    assert.match((await t.app.inject({ url: `/tender/${kode}` })).body, /Ditahan otomatis/);

    // Once held, the end is a day away: a second run does nothing.
    assert.deepEqual(await holdUploadsForQuestions(t.db, t.clock), [], 'a hold is given once per lead time');

    // Answered: at the new end nothing is held.
    await t.db
      .update(tenderQuestions)
      .set({ answer: 'Ya.', answeredAt: t.clock.now() })
      .where(eq(tenderQuestions.id, q!.id));
    t.clock.set(new Date(held.end.getTime() - 10 * 60_000));
    assert.deepEqual(await holdUploadsForQuestions(t.db, t.clock), [], 'no hold once every question is answered');
    assert.equal((await stage('upload_dokumen_penawaran')).end.getTime(), held.end.getTime());
  });
});
