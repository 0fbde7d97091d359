import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { postMultipart } from '../../test/multipart.ts';
import { startTestSmtp } from '../../test/smtp.ts';
import { users } from '../accounts/accounts.schema.ts';
import { registrationDocuments, registrations } from './registration.schema.ts';
import { VALID_VENDOR, vendorFiles } from './registration.test-support.ts';

const PASSWORD = 'pulau-wawonii-indah-2026';

/** Issue 7: the walk of a vendor from registration to sign-in, as the people doing it saw it. */
describe('registration walk: draft sign-in, tick-and-approve in one submit', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let verifier: Awaited<ReturnType<typeof buildUser>>;
  let n = 0;

  before(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ smtpUrl: smtp.url });
    verifier = await buildUser(t, { roles: ['VERIFIKATOR'] });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  async function startRegistration() {
    n += 1;
    const email = `jalan${n}@contoh.co.id`;
    const a = new Agent(t.app);
    await a.get('/daftar');
    assert.equal((await a.post('/daftar', { kind: 'penyedia', email })).statusCode, 303);
    await t.mail.runOnce();
    const link = /http:\/\/lpse\.test(\/daftar\/konfirmasi\?[^\s]+)/.exec(smtp.lastTo(email) ?? '')?.[1];
    assert.ok(link, 'link');
    await a.get(link);
    const token = new URL(`http://x${link}`).searchParams.get('token')!;
    const username = `jalan${n}`;
    const created = await a.post('/daftar/konfirmasi', {
      token,
      jenis: 'penyedia',
      name: `Jalan ${n}`,
      username,
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    });
    assert.equal(created.statusCode, 303);
    const [user] = await t.db.select().from(users).where(eq(users.username, username));
    const [reg] = await t.db.select().from(registrations).where(eq(registrations.userId, user!.id));
    return { a, username, reg: reg! };
  }

  test('a vendor whose registration is a draft is told so at "Masuk", with a link to continue', async () => {
    const { username } = await startRegistration();
    const b = new Agent(t.app);
    await b.get('/masuk');
    const r = await b.post('/masuk', { username, password: PASSWORD });
    assert.equal(r.statusCode, 403);
    assert.equal(r.headers['x-error-code'], 'ACCOUNT_PENDING');
    assert.match(r.body, /Pendaftaran Anda belum disetujui: masih draf/);
    assert.match(r.body, /<a class="button" href="\/daftar\/lanjut">Lanjutkan pendaftaran<\/a>/);
    assert.doesNotMatch(r.body, /tidak aktif/);
  });

  test('the error summary names each field and links to it; required uploads are not "(opsional)"', async () => {
    const { a } = await startRegistration();
    const page = await a.get('/daftar/formulir');
    const ktp = /<label for="doc_ktp">([^<]*)(<span class="optional">)?/.exec(page.body);
    assert.ok(ktp, 'the KTP upload field');
    assert.equal(ktp[2], undefined, 'a required document is not labelled optional');
    const sent = await postMultipart(a, '/daftar/formulir', {
      ...VALID_VENDOR,
      npwp: '03.234.567.8-912.000',
      ktp_number: '',
      aksi: 'kirim',
    });
    assert.ok(sent.statusCode >= 400, 'sent.statusCode >= 400');
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(sent.body)?.[0] ?? '';
    for (const [, href, text] of summary.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)) {
      assert.match(text!, /^[^:]+: /, `"${text}" names its field`);
      assert.match(sent.body, new RegExp(`id="${href}"`), `#${href} exists`);
    }
    assert.match(summary, /<a href="#doc_ktp">KTP[^<]*— Unggah berkas: /);
  });

  test('the Verifikator ticks every original and approves in one submit; the vendor signs in', async () => {
    const { a, username, reg } = await startRegistration();
    await a.get('/daftar/formulir');
    const sent = await postMultipart(
      a,
      '/daftar/formulir',
      { ...VALID_VENDOR, name: 'CV Bahari Mandiri', npwp: '02.234.567.8-912.000', aksi: 'kirim' },
      vendorFiles('walk'),
    );
    assert.equal(sent.statusCode, 303, sent.body);

    const v = new Agent(t.app);
    await v.login(verifier.username);
    const detail = await v.get(`/verifikasi/${reg.id}`);
    assert.equal(detail.statusCode, 200);
    // The approve button is in the checklist form (formaction), so the ticks travel with it.
    const checklist = /<form[^>]*action="\/verifikasi\/[^"]+\/asli"[\s\S]*?<\/form>/.exec(detail.body)?.[0] ?? '';
    assert.match(checklist, /formaction="\/verifikasi\/[^"]+\/setujui"/i);
    assert.doesNotMatch(detail.body, /style="/);
    assert.match(detail.body, /CV Bahari Mandiri/);
    assert.doesNotMatch(detail.body, /CV CV Bahari/);

    const docs = await t.db
      .select()
      .from(registrationDocuments)
      .where(and(eq(registrationDocuments.registrationId, reg.id), eq(registrationDocuments.current, true)));
    const body = new URLSearchParams({ _csrf: v.csrf!, checklist: '1' });
    for (const d of docs) body.append('asli', d.id);
    const approved = await v.request({
      method: 'POST',
      url: `/verifikasi/${reg.id}/setujui`,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(approved.statusCode, 303, approved.body);
    const [after] = await t.db.select().from(registrations).where(eq(registrations.id, reg.id));
    assert.equal(after!.status, 'approved');

    const b = new Agent(t.app);
    await b.login(username, PASSWORD);
    const profile = await b.get('/penyedia/profil');
    assert.equal(profile.statusCode, 200);
  });
});
