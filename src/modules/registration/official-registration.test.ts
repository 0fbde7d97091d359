import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { Agent } from '../../test/agent.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { PDF, postMultipart } from '../../test/multipart.ts';
import { startTestSmtp, type TestSmtp } from '../../test/smtp.ts';
import { userRoles, users } from '../accounts/accounts.schema.ts';
import { registrationDocuments, registrations } from './registration.schema.ts';
import {
  approveAll as approveBy,
  assertAudited,
  confirmationLink,
  APPLICANT_PASSWORD as PASSWORD,
  startRegistration,
  submittedVendor,
} from './registration.test-support.ts';

describe('non-vendor users register with their assignment letter (R32, R22)', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let verifier: Awaited<ReturnType<typeof buildUser>>;
  let agency: Awaited<ReturnType<typeof buildAgency>>;

  before(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ smtpUrl: smtp.url });
    verifier = await buildUser(t, { roles: ['VERIFIKATOR'] });
    agency = await buildAgency(t, { name: 'Dinas Pekerjaan Umum' });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const approveAll = (regId: string) => approveBy(t, verifier.username, regId);

  test('a PPK registers by e-mail with the SK, is approved, gets the role and signs in', async () => {
    const email = 'ppk.pu@konkep.go.id';
    const a = new Agent(t.app);
    await a.get('/daftar');
    assert.equal((await a.post('/daftar', { kind: 'non-penyedia', email })).statusCode, 303);
    await t.mail.runOnce();
    const { link, token } = confirmationLink(smtp, email);
    await a.get(link);
    const created = await a.post('/daftar/konfirmasi', {
      token,
      jenis: 'non-penyedia',
      name: 'Andi Mappasessu, S.T.',
      username: 'ppk.pu',
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    });
    assert.equal(created.statusCode, 303);
    const form = await a.get('/daftar/formulir');
    assert.match(form.body, /Surat tugas atau SK/);
    assert.match(form.body, /Dinas Pekerjaan Umum/);

    const badNip = await postMultipart(a, '/daftar/formulir', {
      agencyId: agency.id,
      requestedRole: 'PPK',
      nip: '1234',
      position: 'Kepala Bidang Bina Marga',
      aksi: 'simpan',
    });
    assert.equal(badNip.statusCode, 400);
    assert.match(badNip.body, /NIP terdiri dari 18 angka/i);

    // Submitting without the SK: the data typed is saved, only the document is named as missing.
    await a.get('/daftar/formulir');
    const noSk = await postMultipart(a, '/daftar/formulir', {
      agencyId: agency.id,
      requestedRole: 'PPK',
      nip: '198203122006041003',
      position: 'Kepala Bidang Bina Marga',
      aksi: 'kirim',
    });
    assert.equal(noSk.statusCode, 400);
    assert.match(noSk.body, /href="#doc_surat_tugas"/);
    assert.doesNotMatch(noSk.body, /href="#agencyId"/);

    await a.get('/daftar/formulir');
    const sent = await postMultipart(
      a,
      '/daftar/formulir',
      {
        agencyId: agency.id,
        requestedRole: 'PPK',
        nip: '198203122006041003',
        position: 'Kepala Bidang Bina Marga',
        surat_tugas_number: '800/45/PU/2026',
        surat_tugas_date: '2026-01-10',
        aksi: 'kirim',
      },
      { doc_surat_tugas: { name: 'sk-ppk.pdf', data: PDF } },
    );
    assert.equal(sent.statusCode, 303);
    const [user] = await t.db.select().from(users).where(eq(users.username, 'ppk.pu'));
    const [reg] = await t.db.select().from(registrations).where(eq(registrations.userId, user!.id));
    assert.equal(reg!.status, 'submitted');

    // The applicant can open their own SK while pending, through the registration session.
    const [doc] = await t.db
      .select()
      .from(registrationDocuments)
      .where(eq(registrationDocuments.registrationId, reg!.id));
    assert.equal((await a.get(`/daftar/berkas/${doc!.documentId}`)).statusCode, 200);

    assert.equal((await approveAll(reg!.id)).statusCode, 303);
    const roles = await t.db.select().from(userRoles).where(eq(userRoles.userId, user!.id));
    assert.deepEqual(
      roles.map((r) => [r.role, r.agencyId]),
      [['PPK', agency.id]],
    );
    const [after] = await t.db.select().from(users).where(eq(users.id, user!.id));
    assert.equal(after!.status, 'active');
    assert.equal(after!.nip, '198203122006041003');
    const login = await new Agent(t.app).post('/masuk', { username: 'ppk.pu', password: PASSWORD });
    assert.equal(login.statusCode, 303);
    await assertAudited(t, ['registration.submitted', 'registration.approved']);
  });

  test('an unknown agency is refused beside its field, on the draft and on the role request', async () => {
    const ghost = randomUUID();
    const { a } = await startRegistration(t, smtp, { kind: 'non-penyedia' });
    const draft = await postMultipart(a, '/daftar/formulir', {
      agencyId: ghost,
      requestedRole: 'PPK',
      position: 'Kepala Seksi Jalan',
      aksi: 'simpan',
    });
    assert.equal(draft.statusCode, 400);
    assert.equal(draft.headers['x-error-code'], 'AGENCY_UNKNOWN');
    assert.match(draft.body, /href="#agencyId"/);
    assert.match(draft.body, /value="Kepala Seksi Jalan"/);

    const auditor = await buildUser(t, { roles: ['AUDITOR'], agencyId: agency.id });
    const o = new Agent(t.app);
    await o.login(auditor.username);
    await o.get('/akun/permohonan-peran');
    const fields = {
      agencyId: ghost,
      requestedRole: 'PPK',
      position: 'Kepala Seksi Jembatan',
      surat_tugas_number: 'SK-9',
      surat_tugas_date: '2026-02-01',
    };
    const res = await postMultipart(o, '/akun/permohonan-peran', fields, {
      doc_surat_tugas: { name: 'sk.pdf', data: PDF },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#agencyId"/);
    assert.match(res.body, /value="Kepala Seksi Jembatan"/);
    assert.equal((await t.db.select().from(registrations).where(eq(registrations.userId, auditor.id))).length, 0);

    // A refused file (not a PDF) keeps every other typed value too.
    await o.get('/akun/permohonan-peran');
    const notPdf = await postMultipart(
      o,
      '/akun/permohonan-peran',
      { ...fields, agencyId: agency.id },
      { doc_surat_tugas: { name: 'sk.pdf', data: Buffer.from('MZ not a pdf') } },
    );
    assert.equal(notPdf.statusCode, 415);
    assert.match(notPdf.body, /href="#doc_surat_tugas"/);
    assert.match(notPdf.body, /value="Kepala Seksi Jembatan"/);
    assert.match(notPdf.body, /value="SK-9"/);
  });

  test('an LPSE-team member cannot become a Pokja member (Pasal 13(3), R22)', async () => {
    const helpdesk = await buildUser(t, { roles: ['HELPDESK'] });
    const a = new Agent(t.app);
    await a.login(helpdesk.username);
    assert.equal((await a.get('/akun/permohonan-peran')).statusCode, 200);
    const res = await postMultipart(
      a,
      '/akun/permohonan-peran',
      {
        agencyId: agency.id,
        requestedRole: 'POKJA',
        position: 'Staf',
        surat_tugas_number: 'SK-1',
        surat_tugas_date: '2026-02-01',
      },
      { doc_surat_tugas: { name: 'sk.pdf', data: PDF } },
    );
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Helpdesk|LPSE/);
    // The refusal names its field: the role, with the role held as the message's parameter.
    assert.match(res.body, /href="#requestedRole"/);
    assert.match(res.body, /value="SK-1"/);
    assert.equal((await t.db.select().from(registrations).where(eq(registrations.userId, helpdesk.id))).length, 0);
  });

  test('an official with a User ID asks for a further role; approval checks separation of duties again', async () => {
    const auditor = await buildUser(t, { roles: ['AUDITOR'], agencyId: agency.id });
    const a = new Agent(t.app);
    await a.login(auditor.username);
    await a.get('/akun/permohonan-peran');
    const missingFile = await postMultipart(a, '/akun/permohonan-peran', {
      agencyId: agency.id,
      requestedRole: 'POKJA',
      position: 'Anggota Pokja',
      surat_tugas_number: 'SK-2',
      surat_tugas_date: '2026-02-01',
    });
    assert.equal(missingFile.statusCode, 400);
    assert.match(missingFile.body, /Pilih berkas/i);
    await a.get('/akun/permohonan-peran');
    const res = await postMultipart(
      a,
      '/akun/permohonan-peran',
      {
        agencyId: agency.id,
        requestedRole: 'POKJA',
        position: 'Anggota Pokja',
        surat_tugas_number: 'SK-2',
        surat_tugas_date: '2026-02-01',
      },
      { doc_surat_tugas: { name: 'sk-pokja.pdf', data: PDF } },
    );
    assert.equal(res.statusCode, 303);
    await t.mail.runOnce();
    assert.match(smtp.lastTo(auditor.email) ?? '', /Permohonan peran Anggota Pokja Pemilihan/);
    const [reg] = await t.db.select().from(registrations).where(eq(registrations.userId, auditor.id));
    // Between request and approval the person joined the LPSE team: the approval is refused (R22).
    await t.db.insert(userRoles).values({ userId: auditor.id, role: 'SEKRETARIAT', createdAt: t.clock.now() });
    const refused = await approveAll(reg!.id);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Sekretariat|LPSE/);
    const roles = await t.db.select().from(userRoles).where(eq(userRoles.userId, auditor.id));
    assert.ok(!roles.some((r) => r.role === 'POKJA'), "!roles.some((r) => r.role === 'POKJA')");
  });

  test('a vendor may not use the official role request', async () => {
    const vendor = await buildUser(t, { roles: ['PENYEDIA'] });
    const a = new Agent(t.app);
    await a.login(vendor.username);
    await a.get('/akun/permohonan-peran');
    const res = await postMultipart(
      a,
      '/akun/permohonan-peran',
      {
        agencyId: agency.id,
        requestedRole: 'PPK',
        position: 'x',
        surat_tugas_number: '1',
        surat_tugas_date: '2026-02-01',
      },
      { doc_surat_tugas: { name: 'sk.pdf', data: PDF } },
    );
    assert.equal(res.statusCode, 403);
  });

  test('the Kepala LPSE reads the queue and archives but does not decide', async () => {
    const kepala = await buildUser(t, { roles: ['KEPALA_LPSE'] });
    const { reg } = await submittedVendor(t, smtp);
    const a = new Agent(t.app);
    await a.login(kepala.username);
    assert.equal((await a.get('/verifikasi?status=disetujui')).statusCode, 200);
    assert.equal((await a.get(`/verifikasi/pengguna/${reg!.userId}`)).statusCode, 200);
    assert.equal((await a.post(`/verifikasi/${reg!.id}/tolak`, { reason: 'x' })).statusCode, 403);
    const ppk = await buildUser(t, { roles: ['PPK'], agencyId: agency.id });
    const p = new Agent(t.app);
    await p.login(ppk.username);
    assert.equal((await p.get('/verifikasi')).statusCode, 403);
  });
});
