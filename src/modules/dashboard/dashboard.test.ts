import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import type { Role } from '../../platform/auth/roles.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { Agent } from '../../test/agent.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { postMultipart } from '../../test/multipart.ts';
import { VALID_VENDOR, vendorFiles } from '../registration/registration.test-support.ts';
import { formatAge } from './age.ts';

const PASSWORD = 'pulau-wawonii-indah-2026';
const HOUR = 3_600_000;

/** The dashboard is a work queue: counts and oldest age from every module's tasks, or what will appear, per role. */
describe('dashboard as a work queue', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** A vendor registration submitted for verification (no SMTP: the confirmation link is read from the outbox). */
  async function submitRegistration() {
    const a = new Agent(t.app);
    await a.get('/daftar');
    assert.equal((await a.post('/daftar', { kind: 'penyedia', email: 'kantor@bahari.co.id' })).statusCode, 303);
    const [mail] = await t.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'kantor@bahari.co.id'))
      .orderBy(desc(mailOutbox.createdAt));
    const link = /http:\/\/lpse\.test(\/daftar\/konfirmasi\?\S+)/.exec(mail!.bodyText)?.[1];
    assert.ok(link, 'link');
    await a.get(link);
    const created = await a.post('/daftar/konfirmasi', {
      token: new URL(`http://x${link}`).searchParams.get('token')!,
      jenis: 'penyedia',
      name: 'La Ode Bahari',
      username: 'bahari',
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    });
    assert.equal(created.statusCode, 303, created.body);
    await a.get('/daftar/formulir');
    const sent = await postMultipart(a, '/daftar/formulir', { ...VALID_VENDOR, aksi: 'kirim' }, vendorFiles('dash'));
    assert.equal(sent.statusCode, 303, sent.body);
  }

  async function dashboardOf(roles: Role[], agencyId?: string) {
    const u = await buildUser(t, { roles, agencyId });
    const a = new Agent(t.app);
    await a.login(u.username);
    const res = await a.get('/dasbor');
    assert.equal(res.statusCode, 200);
    return res.body;
  }

  const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';

  test('a Verifikator sees the count and the oldest age of submitted registrations; so does the Kepala LPSE', async () => {
    const before = main(await dashboardOf(['VERIFIKATOR']));
    assert.match(before, /Tidak ada pekerjaan yang menunggu Anda/);
    assert.match(before, /Pendaftaran yang diajukan dan menunggu verifikasi akan muncul di sini/);

    await submitRegistration();
    t.clock.advance(3 * 24 * HOUR + 2 * HOUR);

    const verifier = main(await dashboardOf(['VERIFIKATOR']));
    assert.match(verifier, /<a href="\/verifikasi">1 pendaftaran menunggu verifikasi, tertua 3 hari<\/a>/);
    assert.doesNotMatch(verifier, /Tidak ada pekerjaan/);

    const head = main(await dashboardOf(['KEPALA_LPSE']));
    assert.match(head, /1 pendaftaran menunggu verifikasi, tertua 3 hari/);
  });

  test('a PPK, with nothing to do yet, is told what will appear there and when; no list of menu links', async () => {
    const agency = await buildAgency(t);
    const html = await dashboardOf(['PPK'], agency.id);
    const body = main(html);
    assert.match(body, /Dokumen SULAP yang dikembalikan Pokja untuk diperbaiki akan muncul di sini/);
    // The menu is in the header's navigation, not repeated in the page.
    assert.match(html, /class="main-nav"/);
    assert.doesNotMatch(body, /href="\/akun"/);
    assert.doesNotMatch(body, /href="\/daftar-hitam"/);
    assert.doesNotMatch(body, /href="\/tim-lpse"/);
    assert.match(body, /Pejabat Pembuat Komitmen \(PPK\)/);
  });

  test('failed mail waits for the Admin Sistem, with its age, in English too', async () => {
    const admin = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    const a = new Agent(t.app);
    await a.login(admin.username);
    assert.match(main((await a.get('/dasbor')).body), /Surel yang gagal terkirim setelah semua percobaan/);
    await t.db.insert(mailOutbox).values({
      toAddress: 'salah@alamat',
      subject: 'S',
      bodyText: 'B',
      status: 'failed',
      attempts: 8,
      lastError: '550 no such user',
      nextAttemptAt: t.clock.now(),
      createdAt: new Date(t.clock.now().getTime() - 5 * HOUR),
    });
    const id = main((await a.get('/dasbor')).body);
    assert.match(id, /<a href="\/admin\/surel\?status=failed">1 surel gagal terkirim, tertua 5 jam<\/a>/);
    await a.get('/bahasa/en?kembali=/dasbor');
    const en = main((await a.get('/dasbor')).body);
    assert.match(en, /1 mails failed to send, oldest 5 hours/);
  });

  test('ages in days and hours in both languages', () => {
    const now = new Date('2026-03-10T00:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const tr = translator;
    assert.equal(formatAge(ago(10 * 60_000), now, tr('id')), 'kurang dari 1 jam');
    assert.equal(formatAge(ago(HOUR), now, tr('en')), '1 hour');
    assert.equal(formatAge(ago(23 * HOUR), now, tr('en')), '23 hours');
    assert.equal(formatAge(ago(25 * HOUR), now, tr('en')), '1 day');
    assert.equal(formatAge(ago(3 * 24 * HOUR), now, tr('id')), '3 hari');
    assert.equal(formatAge(ago(-HOUR), now, tr('en')), 'less than an hour');
  });
});
