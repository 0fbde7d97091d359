import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { PolicyRefusal } from '../../platform/auth/policy.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { PDF, postMultipart } from '../../test/multipart.ts';
import { startTestSmtp, type TestSmtp } from '../../test/smtp.ts';
import { users } from '../accounts/accounts.schema.ts';
import { maskNpwp } from '../registration/index.ts';
import { vendors } from '../registration/registration.schema.ts';
import {
  APPLICANT_PASSWORD,
  approveAll,
  assertAudited,
  submittedVendor,
} from '../registration/registration.test-support.ts';
import { requestChange } from './commands/change-requests.ts';
import { reminderAt, witaDate } from './expiry.ts';
import { profileBlockers } from './index.ts';
import { sikapChangeRequests, sikapSections, sikapSectionVersions } from './sikap.schema.ts';

const DAY = 86_400_000;
let fileN = 0;
const pdf = () => ({ bukti: { name: 'bukti.pdf', data: Buffer.concat([PDF, Buffer.from(`%${++fileN}\n`)]) } });

describe('SIKaP vendor profile (R06)', () => {
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

  /** An approved vendor, signed in on its own agent. */
  async function approvedVendor() {
    const applicant = await submittedVendor(t, smtp);
    const approved = await approveAll(t, verifier.username, applicant.reg.id);
    assert.equal(approved.statusCode, 303, approved.body);
    const a = new Agent(t.app);
    await a.login(applicant.username, APPLICANT_PASSWORD);
    const [vendor] = await t.db.select().from(vendors).where(eq(vendors.userId, applicant.user.id));
    assert.equal((await a.get('/sikap')).statusCode, 200);
    return { a, vendor: vendor!, user: applicant.user };
  }

  const section = async (vendorId: string, s: string) =>
    (
      await t.db
        .select()
        .from(sikapSections)
        .where(and(eq(sikapSections.vendorId, vendorId), eq(sikapSections.section, s)))
    )[0];

  test('sections save directly, each save a version with who and when; edits keep the evidence', async () => {
    const { a, vendor, user } = await approvedVendor();
    const tool = { jenis: 'Excavator', jumlah: '1', kapasitas: '0,8 m3', kondisi: 'baik', kepemilikan: 'milik' };
    await a.get('/sikap/peralatan');
    const added = await postMultipart(a, '/sikap/peralatan', tool, pdf());
    assert.equal(added.statusCode, 303, added.body);
    const first = await section(vendor.id, 'peralatan');
    assert.equal(first?.version, 1);
    const item = first!.items[0]!;
    assert.ok(item.bukti, 'item.bukti');

    // Missing evidence on a new item, and a bad number: the form again, what was typed kept.
    await a.get('/sikap/peralatan');
    const bad = await postMultipart(a, '/sikap/peralatan', { ...tool, jumlah: 'dua' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Masukkan bilangan bulat/);

    await a.get(`/sikap/peralatan?ubah=${item.id}`);
    const edited = await postMultipart(a, `/sikap/peralatan/${item.id}`, { ...tool, jumlah: '2' });
    assert.equal(edited.statusCode, 303, edited.body);
    const second = await section(vendor.id, 'peralatan');
    assert.equal(second?.version, 2);
    assert.equal(second!.items[0]!.jumlah, 2);
    assert.equal(second!.items[0]!.bukti, item.bukti, 'the evidence stays');

    const versions = await t.db
      .select()
      .from(sikapSectionVersions)
      .where(and(eq(sikapSectionVersions.vendorId, vendor.id), eq(sikapSectionVersions.section, 'peralatan')));
    assert.deepEqual(versions.map((v) => [v.version, v.change, v.savedBy]).sort(), [
      [1, 'add', user.id],
      [2, 'update', user.id],
    ]);
    assert.equal(versions.find((v) => v.version === 1)!.items[0]!.jumlah, 1, 'the old version is kept');
    const page = await a.get('/sikap/peralatan');
    assert.match(page.body, /Riwayat versi/);
    // The evidence is readable by its owner, not by a stranger.
    assert.equal((await a.get(`/berkas/${item.bukti}`)).statusCode, 200);
    const other = await approvedVendor();
    assert.equal((await other.a.get(`/berkas/${item.bukti}`)).statusCode, 403);
    await assertAudited(t, ['sikap.section_saved']);
  });

  test("owners' shares above 100 % are refused", async () => {
    const { a, vendor } = await approvedVendor();
    await a.get('/sikap/pemilik');
    const ok = await postMultipart(a, '/sikap/pemilik', { nama: 'La Ode Bahari', saham: '60' }, pdf());
    assert.equal(ok.statusCode, 303, ok.body);
    await a.get('/sikap/pemilik');
    const over = await postMultipart(a, '/sikap/pemilik', { nama: 'Wa Ode Sitti', saham: '40,5' }, pdf());
    assert.equal(over.statusCode, 409);
    assert.equal(over.headers['x-error-code'], 'SIKAP_SHARES_OVER_100');
    assert.match(over.body, /100,5%, lebih dari 100%/);
    assert.equal((await section(vendor.id, 'pemilik'))!.items.length, 1);
    await a.get('/sikap/pemilik');
    assert.equal(
      (await postMultipart(a, '/sikap/pemilik', { nama: 'Wa Ode Sitti', saham: '40' }, pdf())).statusCode,
      303,
    );
  });

  test('a new director is requested, refused to another vendor, approved by the Verifikator against originals', async () => {
    const { a, vendor, user } = await approvedVendor();
    const director = { nama: 'Muh. Arsyad', jenis: 'direksi', jabatan: 'Direktur', mulai: '2026-02-20' };
    // Directors are verified data: no direct save.
    await a.get('/sikap/pengurus');
    const asked = await postMultipart(a, '/sikap/pengurus', { ...director, note: 'RUPS 20 Feb 2026' }, pdf());
    assert.equal(asked.statusCode, 303, asked.body);
    assert.equal(await section(vendor.id, 'pengurus'), undefined, 'nothing changes before approval');
    const [req] = await t.db.select().from(sikapChangeRequests).where(eq(sikapChangeRequests.vendorId, vendor.id));
    assert.equal(req?.status, 'pending');

    // Another vendor's user can neither ask for this vendor nor decide.
    const other = await approvedVendor();
    const [otherUser] = await t.db.select().from(users).where(eq(users.id, other.user.id));
    const otherCtx = {
      db: t.db,
      clock: t.clock,
      config: t.config,
      files: t.files,
      actor: {
        userId: otherUser!.id,
        username: otherUser!.username,
        name: otherUser!.name,
        email: otherUser!.email,
        roles: [{ role: 'PENYEDIA' as const, agencyId: null }],
        sessionId: 'x',
      },
      requestId: null,
      locale: 'id' as const,
      t: (k: string) => k,
    };
    await assert.rejects(
      requestChange(otherCtx as never, vendor.id, 'pengurus', { kind: 'add', item: director }, null, {} as never),
      (e) => e instanceof PolicyRefusal && e.code === 'SIKAP_NOT_OWN_VENDOR',
    );
    const decideByOther = await other.a.post(`/verifikasi/sikap/${req!.id}`, { decision: 'approve' });
    assert.equal(decideByOther.statusCode, 403);
    assert.equal((await other.a.get(`/verifikasi/sikap/${req!.id}`)).statusCode, 403);

    // The Verifikator: a rejection needs a reason; then approval applies the change as a new version.
    const v = new Agent(t.app);
    await v.login(verifier.username);
    const queue = await v.get('/verifikasi/sikap');
    assert.match(queue.body, new RegExp(`/verifikasi/sikap/${req!.id}`));
    const detail = await v.get(`/verifikasi/sikap/${req!.id}`);
    assert.match(detail.body, /Muh\. Arsyad/);
    assert.equal((await v.post(`/verifikasi/sikap/${req!.id}`, { decision: 'reject', reason: '' })).statusCode, 409);
    const approved = await v.post(`/verifikasi/sikap/${req!.id}`, { decision: 'approve', reason: 'Asli sesuai' });
    assert.equal(approved.statusCode, 303, approved.body);
    const now = await section(vendor.id, 'pengurus');
    assert.deepEqual(
      now!.items.map((i) => i.nama),
      ['Muh. Arsyad'],
    );
    const [ver] = await t.db
      .select()
      .from(sikapSectionVersions)
      .where(and(eq(sikapSectionVersions.vendorId, vendor.id), eq(sikapSectionVersions.section, 'pengurus')));
    assert.equal(ver?.change, 'approved');
    assert.equal(ver?.changeRequestId, req!.id);
    assert.equal((await v.post(`/verifikasi/sikap/${req!.id}`, { decision: 'approve' })).statusCode, 409);
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, user.email));
    assert.ok(
      mails.some((m) => /Pengurus disetujui/.test(m.subject)),
      'mails.some((m) => /Pengurus disetujui/.test(m.subject))',
    );
    await assertAudited(t, ['sikap.change_requested', 'sikap.change_approved']);
  });

  test('an expiring licence: one reminder at H-30 (rescheduled when its date moves), a blocker after expiry', async () => {
    const { a, vendor, user } = await approvedVendor();
    const today = witaDate(t.clock.now());
    const inDays = (n: number) => witaDate(new Date(Date.parse(`${today}T00:00:00Z`) + n * DAY));
    const licence = { jenis: 'SIUP', nomor: '503/77/2026', penerbit: 'DPMPTSP', berlakuSampai: inDays(45) };
    await a.get('/sikap/izin');
    assert.equal((await postMultipart(a, '/sikap/izin', licence, pdf())).statusCode, 303);
    const itemId = (await section(vendor.id, 'izin'))!.items[0]!.id;
    // The date moves: the first reminder is cancelled, one for the new date is scheduled.
    const until = inDays(50);
    await a.get(`/sikap/izin?ubah=${itemId}`);
    const moved = await postMultipart(a, `/sikap/izin/${itemId}`, { ...licence, berlakuSampai: until });
    assert.equal(moved.statusCode, 303, moved.body);

    const reminders = () =>
      t.db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.toAddress, user.email), like(mailOutbox.subject, '%berakhir%')));
    await t.jobs.runDue();
    assert.equal((await reminders()).length, 0, 'nothing before H-30');
    t.clock.set(new Date(reminderAt(until).getTime() - 60_000));
    await t.jobs.runDue();
    assert.equal((await reminders()).length, 0, 'the old date was cancelled, the new one is not due yet');
    t.clock.set(reminderAt(until));
    await t.jobs.runDue();
    const sent = await reminders();
    assert.equal(sent.length, 1);
    assert.match(sent[0]!.bodyText, /503\/77\/2026/);
    // Saving the licence again with the same date does not remind twice.
    await a.get(`/sikap/izin?ubah=${itemId}`);
    await postMultipart(a, `/sikap/izin/${itemId}`, { ...licence, penerbit: 'DPMPTSP Kab.', berlakuSampai: until });
    t.clock.advance(10 * DAY);
    await t.jobs.runDue();
    assert.equal((await reminders()).length, 1, 'exactly one reminder');

    const untilDate = new Date(`${until}T00:00:00+08:00`);
    assert.deepEqual(await profileBlockers(t.db, vendor.id, new Date(untilDate.getTime() + 12 * 3_600_000)), []);
    const blockers = await profileBlockers(t.db, vendor.id, new Date(untilDate.getTime() + DAY + 3_600_000));
    assert.equal(blockers.length, 1);
    assert.equal(blockers[0]!.kind, 'izin');
    assert.match(blockers[0]!.reason, /^izin usaha berakhir \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    // The vendor's own page says so (a new session: weeks passed on the test clock).
    t.clock.set(new Date(untilDate.getTime() + DAY + 3_600_000));
    const again = new Agent(t.app);
    await again.login(user.username, APPLICANT_PASSWORD);
    assert.match((await again.get('/sikap')).body, /izin usaha berakhir/);
  });

  test('the public page shows a masked NPWP and nothing confidential; the vendor links to it', async () => {
    const { a, vendor } = await approvedVendor();
    await a.get('/sikap/pemilik');
    await postMultipart(a, '/sikap/pemilik', { nama: 'Wa Ode Rahma', nik: '7402015505800001', saham: '100' }, pdf());
    await a.get('/sikap/izin');
    await postMultipart(
      a,
      '/sikap/izin',
      {
        jenis: 'SBU',
        nomor: '1-7402-2-00999',
        kbli: '42101',
        sbuSubklasifikasi: 'BG009',
        sbuKualifikasi: 'K2',
        penerbit: 'LPJK',
        berlakuSampai: '2028-01-01',
      },
      pdf(),
    );
    const own = await a.get('/sikap');
    assert.match(own.body, new RegExp(`href="/penyedia/${vendor.id}"`));
    const page = await new Agent(t.app).get(`/penyedia/${vendor.id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(maskNpwp(vendor.npwp!)), 'masked NPWP');
    for (const secret of [
      vendor.npwp!,
      vendor.picNik!,
      '7402015505800001',
      'Wa Ode Rahma',
      '1-7402-2-00999',
      '/berkas/',
    ]) {
      assert.ok(!page.body.includes(secret), `no ${secret}`);
    }
    assert.match(page.body, /SBU/);
    assert.match(page.body, /Kecil/);
    assert.equal((await new Agent(t.app).get('/penyedia/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  });
});
