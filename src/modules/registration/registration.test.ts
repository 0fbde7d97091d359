import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { PDF, postMultipart } from '../../test/multipart.ts';
import { startTestSmtp, type TestSmtp } from '../../test/smtp.ts';
import { users } from '../accounts/accounts.schema.ts';
import { isEligibleToBid } from './index.ts';
import { registrationDocuments, registrations, vendors } from './registration.schema.ts';
import {
  approveAll,
  assertAudited,
  confirmationLink,
  APPLICANT_PASSWORD as PASSWORD,
  startRegistration,
  submittedVendor,
  submitVendor,
  uniqueNpwp,
  VALID_VENDOR,
  vendorFiles,
} from './registration.test-support.ts';

describe('vendor registration and verification (R30–R36)', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let verifier: Awaited<ReturnType<typeof buildUser>>;

  before(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ smtpUrl: smtp.url });
    verifier = await buildUser(t, { roles: ['VERIFIKATOR'] });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  async function verifierAgent() {
    const v = new Agent(t.app);
    await v.login(verifier.username);
    return v;
  }

  test('the whole path: e-mail link, draft, bad input, submit twice, receipt, approval, sign-in', async () => {
    const { a, username, email, reg, user, link } = await startRegistration(t, smtp);
    assert.equal(user.status, 'pending');

    // The link works once.
    const reused = await a.get(link);
    assert.equal(reused.statusCode, 410);
    assert.match(reused.body, /sudah dipakai atau sudah kedaluwarsa/);

    // A pending account cannot sign in yet.
    const early = await new Agent(t.app).post('/masuk', { username, password: PASSWORD });
    assert.equal(early.statusCode, 403);

    // Malformed NPWP and NIK: 400, clear messages, what was typed is kept.
    await a.get('/daftar/formulir');
    const bad = await postMultipart(
      a,
      '/daftar/formulir',
      { ...VALID_VENDOR, npwp: '12.345', picNik: '12345', aksi: 'simpan' },
      { doc_akta_perubahan: { name: 'akta-perubahan.pdf', data: Buffer.concat([PDF, Buffer.from('%ubah\n')]) } },
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /NPWP terdiri dari 15 atau 16 angka/i);
    assert.match(bad.body, /NIK terdiri dari 16 angka/i);
    assert.match(bad.body, /href="#npwp"/);
    assert.match(bad.body, /value="Bahari Wawonii Konstruksi"/);
    // The accepted file is kept, so it is not uploaded twice over a slow connection.
    assert.match(bad.body, /akta-perubahan\.pdf/);

    // A "PDF" that is not a PDF, and one that is too large.
    await a.get('/daftar/formulir');
    const notPdf = await postMultipart(
      a,
      '/daftar/formulir',
      { ...VALID_VENDOR, aksi: 'simpan' },
      { doc_akta_pendirian: { name: 'akta.pdf', data: Buffer.from('MZ this is an executable, not a PDF') } },
    );
    assert.equal(notPdf.statusCode, 415);
    assert.match(notPdf.body, /Jenis berkas tidak diizinkan/i);
    await a.get('/daftar/formulir');
    const big = await postMultipart(
      a,
      '/daftar/formulir',
      { ...VALID_VENDOR, aksi: 'simpan' },
      { doc_ktp: { name: 'ktp.pdf', data: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 + 10, 32)]) } },
    );
    assert.equal(big.statusCode, 413);
    assert.match(big.body, /Ukuran maksimal 5 MB/i);

    // Submitting before the documents are there: the draft is saved, the missing items are named.
    await a.get('/daftar/formulir');
    const incomplete = await postMultipart(a, '/daftar/formulir', { ...VALID_VENDOR, aksi: 'kirim' });
    assert.equal(incomplete.statusCode, 400);
    assert.match(incomplete.body, /href="#doc_ktp"/);
    assert.match(incomplete.body, /Draf tersimpan, tetapi belum dapat dikirim/);
    // What was typed is shown as typed, not as the stored digits.
    assert.match(incomplete.body, /value="01\.234\.567\.8-912\.000"/);
    const [saved] = await t.db.select().from(vendors).where(eq(vendors.registrationId, reg.id));
    assert.equal(saved!.npwp, '012345678912000');

    // Submit, then the double click: one registration, one set of documents, the same receipt.
    const first = await submitVendor(a, VALID_VENDOR.npwp, 'a');
    assert.equal(first.statusCode, 303);
    assert.match(String(first.headers.location), /^\/daftar\/status/);
    const second = await submitVendor(a, VALID_VENDOR.npwp, 'a');
    assert.equal(second.statusCode, 303);
    assert.equal((await t.db.select().from(registrations).where(eq(registrations.userId, user.id))).length, 1);
    const docs = await t.db
      .select()
      .from(registrationDocuments)
      .where(eq(registrationDocuments.registrationId, reg.id));
    assert.equal(docs.length, 5);
    const [submitted] = await t.db.select().from(registrations).where(eq(registrations.id, reg.id));
    assert.equal(submitted!.status, 'submitted');

    const status = await a.get('/daftar/status');
    assert.match(status.body, new RegExp(reg.number));
    // On a shared computer the applicant leaves; the cookie no longer opens the draft, resuming needs the password.
    assert.equal((await a.post('/daftar/keluar', {})).statusCode, 303);
    const closed = await a.get('/daftar/status');
    assert.equal(closed.statusCode, 303);
    assert.equal(closed.headers.location, '/daftar/lanjut');
    await a.get('/daftar/lanjut');
    assert.equal((await a.post('/daftar/lanjut', { username, password: 'salah-salah-salah' })).statusCode, 401);
    assert.equal((await a.post('/daftar/lanjut', { username, password: PASSWORD })).statusCode, 303);
    assert.equal((await a.get('/daftar/status')).statusCode, 200);
    const receipt = await a.get('/daftar/tanda-terima.pdf');
    assert.equal(receipt.statusCode, 200);
    assert.equal(receipt.headers['content-type'], 'application/pdf');
    assert.ok(
      receipt.rawPayload.subarray(0, 5).toString() === '%PDF-',
      "receipt.rawPayload.subarray(0, 5).toString() === '%PDF-'",
    );

    // The Verifikator: the queue, approval refused until every original is ticked, then approved.
    const v = await verifierAgent();
    const queue = await v.get('/verifikasi?status=baru');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, new RegExp(reg.number));
    const tooSoon = await v.post(`/verifikasi/${reg.id}/setujui`, {});
    assert.equal(tooSoon.statusCode, 409);
    assert.match(tooSoon.body, /Asli sesuai/);
    // One original seen: the registration moves from "baru" to "menunggu asli".
    const [firstDoc] = await t.db
      .select()
      .from(registrationDocuments)
      .where(eq(registrationDocuments.registrationId, reg.id));
    await v.get(`/verifikasi/${reg.id}`);
    assert.equal((await v.post(`/verifikasi/${reg.id}/asli`, { asli: firstDoc!.id })).statusCode, 303);
    assert.doesNotMatch((await v.get('/verifikasi?status=baru')).body, new RegExp(reg.number));
    assert.match((await v.get('/verifikasi?status=menunggu_asli')).body, new RegExp(reg.number));
    const approved = await approveAll(t, verifier.username, reg.id);
    assert.equal(approved.statusCode, 303);

    await t.mail.runOnce();
    assert.match(smtp.lastTo(email) ?? '', new RegExp(`Pendaftaran ${reg.number} disetujui`));
    assert.match(smtp.lastTo(email) ?? '', new RegExp(`User ID ${username} sudah aktif`));
    const login = await new Agent(t.app).post('/masuk', { username, password: PASSWORD });
    assert.equal(login.statusCode, 303);
    const [vendor] = await t.db.select().from(vendors).where(eq(vendors.registrationId, reg.id));
    assert.deepEqual(await isEligibleToBid(t.db, vendor!.id, t.clock.now()), { eligible: true });
    await assertAudited(t, [
      'registration.email_confirmation_requested',
      'registration.created',
      'registration.draft_saved',
      'registration.submitted',
      'registration.originals_checked',
      'registration.approved',
    ]);
  });

  test('an expired confirmation link is refused with 410', async () => {
    const email = 'lambat@contoh.co.id';
    const a = new Agent(t.app);
    await a.get('/daftar');
    await a.post('/daftar', { kind: 'penyedia', email });
    await t.mail.runOnce();
    const { link, token } = confirmationLink(smtp, email);
    t.clock.advance(25 * 3600_000);
    const page = await a.get(link);
    assert.equal(page.statusCode, 410);
    const post = await a.post('/daftar/konfirmasi', {
      token,
      name: 'Lambat',
      username: 'lambat',
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    });
    assert.equal(post.statusCode, 410);
    assert.equal((await t.db.select().from(users).where(eq(users.username, 'lambat'))).length, 0);
  });

  test('one NPWP registers once: the duplicate is refused with a way to recover the account', async () => {
    const npwp = uniqueNpwp();
    const first = await startRegistration(t, smtp);
    assert.equal(
      (await postMultipart(first.a, '/daftar/formulir', { ...VALID_VENDOR, npwp, aksi: 'simpan' })).statusCode,
      303,
    );
    const { a } = await startRegistration(t, smtp);
    await a.get('/daftar/formulir');
    const dup = await postMultipart(a, '/daftar/formulir', { ...VALID_VENDOR, npwp, aksi: 'simpan' });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.headers['x-error-code'], 'NPWP_TAKEN');
    // The refusal names its field: the message is beside the NPWP, and linked from the summary.
    assert.match(dup.body, /href="#npwp"/);
    assert.match(dup.body, /NPWP ini sudah terdaftar/);
    assert.match(dup.body, /Lupa kata sandi/);
    assert.match(dup.body, /value="Konawe Kepulauan"/);
  });

  test('a vendor opening another vendor’s KTP gets 403 and the attempt is audited', async () => {
    const owner = await submittedVendor(t, smtp);
    const [ktp] = await t.db
      .select()
      .from(registrationDocuments)
      .where(and(eq(registrationDocuments.registrationId, owner.reg.id), eq(registrationDocuments.requirement, 'ktp')));
    const other = await buildUser(t, { roles: ['PENYEDIA'] });
    const a = new Agent(t.app);
    await a.login(other.username);
    const res = await a.get(`/berkas/${ktp!.documentId}`);
    assert.equal(res.statusCode, 403);
    const denied = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'document.read_denied'), eq(auditEvents.objectId, ktp!.documentId)));
    assert.equal(denied.length, 1);
    assert.equal(denied[0]!.actorUserId, other.id);
    // The Verifikator may read it, and that read is audited too.
    const v = await verifierAgent();
    assert.equal((await v.get(`/berkas/${ktp!.documentId}`)).statusCode, 200);
    // An applicant still in draft cannot reach it through the registration session either.
    const { a: applicant, user: applicantUser } = await startRegistration(t, smtp);
    assert.equal((await applicant.get(`/daftar/berkas/${ktp!.documentId}`)).statusCode, 403);
    const viaDraft = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'document.read_denied'), eq(auditEvents.actorUserId, applicantUser.id)));
    assert.equal(viaDraft.length, 1);
    await assertAudited(t, ['document.read', 'document.read_denied']);
  });

  test('a revision round keeps every version, then a rejection with a reason', async () => {
    const { a, reg } = await startRegistration(t, smtp);
    const npwp = uniqueNpwp();
    assert.equal((await submitVendor(a, npwp, 'r1')).statusCode, 303);
    const v = await verifierAgent();
    await v.get(`/verifikasi/${reg.id}`);
    const [ktp] = await t.db
      .select()
      .from(registrationDocuments)
      .where(and(eq(registrationDocuments.registrationId, reg.id), eq(registrationDocuments.requirement, 'ktp')));
    const revision = await v.post(`/verifikasi/${reg.id}/revisi`, { note: '', [`note_${ktp!.id}`]: 'KTP buram' });
    assert.equal(revision.statusCode, 303);
    await t.mail.runOnce();

    const form = await a.get('/daftar/formulir');
    assert.match(form.body, /KTP buram/);
    const fixed = await postMultipart(
      a,
      '/daftar/formulir',
      { ...VALID_VENDOR, npwp, aksi: 'kirim' },
      { doc_ktp: { name: 'ktp-jelas.pdf', data: Buffer.concat([PDF, Buffer.from('%jelas\n')]) } },
    );
    assert.equal(fixed.statusCode, 303);
    const versions = await t.db
      .select()
      .from(registrationDocuments)
      .where(and(eq(registrationDocuments.registrationId, reg.id), eq(registrationDocuments.requirement, 'ktp')));
    assert.deepEqual(versions.map((x) => x.version).sort(), [1, 2]);

    const archive = await v.get(`/verifikasi/pengguna/${reg.userId}`);
    assert.equal(archive.statusCode, 200);
    assert.match(archive.body, /ktp-jelas\.pdf/);
    assert.match(archive.body, /Perbaikan diminta/);
    const csv = await v.get(`/verifikasi/pengguna/${reg.userId}/riwayat.csv`);
    assert.match(csv.body, /revision_requested/);
    assert.match(csv.body, /resubmitted/);

    const noReason = await v.post(`/verifikasi/${reg.id}/tolak`, { reason: '' });
    assert.equal(noReason.statusCode, 400);
    const rejected = await v.post(`/verifikasi/${reg.id}/tolak`, { reason: 'Akta tidak sesuai aslinya' });
    assert.equal(rejected.statusCode, 303);
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, reg.id));
    assert.equal(row!.status, 'rejected');
    const [u] = await t.db.select().from(users).where(eq(users.id, reg.userId));
    assert.equal(u!.status, 'pending');
    await assertAudited(t, ['registration.revision_requested', 'registration.resubmitted', 'registration.rejected']);
  });

  test('a refused decision shows its message with its parameters, and the typed values stay', async () => {
    const { reg, username } = await submittedVendor(t, smtp);
    const v = await verifierAgent();
    // A revision request without any note: the message is beside the note field.
    await v.get(`/verifikasi/${reg.id}`);
    const noNote = await v.post(`/verifikasi/${reg.id}/revisi`, { note: '' });
    assert.equal(noNote.statusCode, 400);
    assert.match(noNote.body, /href="#note"/);
    // A reference that is not a PDF: refused beside its field, and what was typed is kept.
    assert.equal((await approveAll(t, verifier.username, reg.id)).statusCode, 303);
    await v.get(`/verifikasi/pengguna/${reg.userId}`);
    const fields = { reason: 'Permintaan PPK', requesterKind: 'PPK', referenceNumber: '028/PPK/2026' };
    const notPdf = await postMultipart(v, `/verifikasi/pengguna/${reg.userId}/nonaktifkan`, fields, {
      reference: { name: 'surat.pdf', data: Buffer.from('MZ not a pdf') },
    });
    assert.equal(notPdf.statusCode, 415);
    assert.match(notPdf.body, /href="#reference"/);
    assert.match(notPdf.body, /value="028\/PPK\/2026"/);
    // Deactivating a User ID twice: the message names the User ID (the error's parameter).
    await v.get(`/verifikasi/pengguna/${reg.userId}`);
    assert.equal((await postMultipart(v, `/verifikasi/pengguna/${reg.userId}/nonaktifkan`, fields)).statusCode, 303);
    const twice = await postMultipart(v, `/verifikasi/pengguna/${reg.userId}/nonaktifkan`, fields);
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.headers['x-error-code'], 'ACCOUNT_ALREADY_INACTIVE');
    assert.match(twice.body, new RegExp(`User ID ${username} tidak sedang aktif`));
  });

  test('deactivation, reactivation and the blacklist decide eligibility; the public list masks the NPWP', async () => {
    const { a, reg, username } = await startRegistration(t, smtp);
    assert.equal((await submitVendor(a, '03.111.222.3-444.555', 'd')).statusCode, 303);
    const v = await verifierAgent();
    assert.equal((await approveAll(t, verifier.username, reg.id)).statusCode, 303);
    const [vendor] = await t.db.select().from(vendors).where(eq(vendors.registrationId, reg.id));

    const vendorAgent = new Agent(t.app);
    await vendorAgent.login(username, PASSWORD);
    await v.get(`/verifikasi/pengguna/${reg.userId}`);
    const noReason = await postMultipart(v, `/verifikasi/pengguna/${reg.userId}/nonaktifkan`, { requesterKind: 'PPK' });
    assert.equal(noReason.statusCode, 400);
    const off = await postMultipart(
      v,
      `/verifikasi/pengguna/${reg.userId}/nonaktifkan`,
      {
        reason: 'Permintaan PPK terkait sanksi',
        requesterKind: 'PPK',
        requesterName: 'PPK Dinas PUPR',
        referenceNumber: '027/PPK/2026',
      },
      { reference: { name: 'surat.pdf', data: PDF } },
    );
    assert.equal(off.statusCode, 303);
    // The session stops working at once, and signing in is refused.
    const dash = await vendorAgent.get('/dasbor');
    assert.equal(dash.statusCode, 303);
    assert.equal((await new Agent(t.app).post('/masuk', { username, password: PASSWORD })).statusCode, 403);
    assert.deepEqual(await isEligibleToBid(t.db, vendor!.id, t.clock.now()), {
      eligible: false,
      reason: 'ACCOUNT_INACTIVE',
    });
    await v.get(`/verifikasi/pengguna/${reg.userId}`);
    const on = await postMultipart(v, `/verifikasi/pengguna/${reg.userId}/aktifkan`, {
      reason: 'Sanksi dicabut',
      requesterKind: 'PPK',
    });
    assert.equal(on.statusCode, 303);

    await v.get('/verifikasi/daftar-hitam');
    const badPeriod = await v.post('/verifikasi/daftar-hitam', {
      vendorId: vendor!.id,
      offence: 'pemutusan_kontrak',
      skNumber: '600/12/PUPR/2026',
      skDate: '2026-02-20',
      issuingAgency: 'Dinas PUPR',
      startsOn: '2026-03-01',
      endsOn: '2026-01-01',
    });
    assert.equal(badPeriod.statusCode, 400);
    const added = await v.post('/verifikasi/daftar-hitam', {
      vendorId: vendor!.id,
      offence: 'pemutusan_kontrak',
      skNumber: '600/12/PUPR/2026',
      skDate: '2026-02-20',
      issuingAgency: 'Dinas PUPR',
      startsOn: '2026-03-01',
      endsOn: '2028-02-29',
    });
    assert.equal(added.statusCode, 303);
    const verdict = await isEligibleToBid(t.db, vendor!.id, t.clock.now());
    assert.equal(verdict.eligible, false);
    assert.equal(!verdict.eligible && verdict.reason, 'BLACKLISTED');
    // Before the period it is not in force.
    assert.equal((await isEligibleToBid(t.db, vendor!.id, new Date('2026-02-01T00:00:00Z'))).eligible, true);
    // A blacklisted vendor keeps read access: it can still sign in, and its own page says why it may not bid.
    const own = new Agent(t.app);
    await own.login(username, PASSWORD);
    const profile = await own.get('/penyedia/profil');
    assert.equal(profile.statusCode, 200);
    assert.match(profile.body, /Tidak: masuk Daftar Hitam/);
    assert.match(profile.body, /href="\/penyedia\/profil"/);
    // Its own KTP is readable by its owner.
    const ownKtp = /href="(\/berkas\/[0-9a-f-]+)\?unduh=1">ktp\.pdf/.exec(profile.body)?.[1];
    assert.ok(ownKtp, 'ownKtp');
    assert.equal((await own.get(ownKtp)).statusCode, 200);

    const archive = await v.get(`/verifikasi/pengguna/${reg.userId}`);
    assert.match(archive.body, /Tidak: masuk Daftar Hitam/);
    assert.match(archive.body, /600\/12\/PUPR\/2026/);
    const page = await new Agent(t.app).get('/daftar-hitam');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /0\*\.1\*\*\.2\*\*\.\*-\*44\.\*\*5/);
    assert.doesNotMatch(page.body, /03\.111\.222/);
    assert.match(page.body, /600\/12\/PUPR\/2026/);
    await assertAudited(t, ['user.deactivated', 'user.reactivated', 'blacklist.entry_added']);
  });

  test('two clicks at the same moment: one account, one submission', async () => {
    // The confirmation link posted twice at once.
    const email = 'kembar@contoh.co.id';
    const a = new Agent(t.app);
    await a.get('/daftar');
    await a.post('/daftar', { kind: 'penyedia', email });
    await t.mail.runOnce();
    const { link, token } = confirmationLink(smtp, email);
    await a.get(link);
    const form = { token, name: 'Kembar', username: 'kembar', password: PASSWORD, passwordConfirm: PASSWORD };
    const [r1, r2] = await Promise.all([a.post('/daftar/konfirmasi', form), a.post('/daftar/konfirmasi', form)]);
    assert.deepEqual([r1.statusCode, r2.statusCode].sort(), [303, 410]);
    const made = await t.db.select().from(users).where(eq(users.email, email));
    assert.equal(made.length, 1);

    // The submit button pressed twice at once.
    const { a: b, reg } = await startRegistration(t, smtp);
    await b.get('/daftar/formulir');
    const npwp = uniqueNpwp();
    const post = () =>
      postMultipart(b, '/daftar/formulir', { ...VALID_VENDOR, npwp, aksi: 'kirim' }, vendorFiles('twin'));
    const [s1, s2] = await Promise.all([post(), post()]);
    assert.deepEqual([s1.statusCode, s2.statusCode], [303, 303]);
    const submittedEvents = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'registration.submitted'), eq(auditEvents.objectId, reg.id)));
    assert.equal(submittedEvents.length, 1);
    const docs = await t.db
      .select()
      .from(registrationDocuments)
      .where(eq(registrationDocuments.registrationId, reg.id));
    assert.equal(docs.length, 4);
  });

  test('an applicant who chose English gets the e-mails in English', async () => {
    const email = 'english@contoh.co.id';
    const a = new Agent(t.app);
    await a.get('/bahasa/en');
    await a.get('/daftar');
    await a.post('/daftar', { kind: 'penyedia', email });
    await t.mail.runOnce();
    assert.match(smtp.lastTo(email) ?? '', /To continue registering at/);
  });

  test('a form post without the CSRF token is refused', async () => {
    const a = new Agent(t.app);
    await a.get('/daftar');
    const res = await a.post('/daftar', { kind: 'penyedia', email: 'x@contoh.co.id' }, { csrf: null });
    assert.equal(res.statusCode, 403);
  });

  test('the forms can be downloaded from the portal (R34)', async () => {
    for (const f of ['pendaftaran', 'keikutsertaan']) {
      const res = await new Agent(t.app).get(`/formulir/${f}.pdf`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
    }
  });
});
