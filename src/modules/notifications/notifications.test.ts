import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { DAY, HOUR, MINUTE } from '../../platform/clock.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { users } from '../accounts/accounts.schema.ts';
import { registrations, vendors } from '../registration/registration.schema.ts';
import { signIn } from '../sulap/sulap.test-support.ts';
import { tenderMembers, tenderParticipants, tenderSchedule, tenders } from '../tenders/tenders.schema.ts';
import { notify, renderMessage } from './index.ts';
import { runTenderNotices, tenderNoticesJob } from './jobs.ts';
import { notifications, savedSearches } from './notifications.schema.ts';
import { matchesSearch, type SearchCriteria } from './saved-search.ts';

const BUNDLE = { bundleId: 'tender-pascakualifikasi-1-file', bundleVersion: '2021.1' };
let seq = 0;

/** A PENYEDIA user with an approved registration and its vendor row. */
async function vendorUser(t: TestApp) {
  const u = await buildUser(t, { roles: ['PENYEDIA'] });
  const now = t.clock.now();
  seq += 1;
  const [reg] = await t.db
    .insert(registrations)
    .values({
      number: `REG-2026-N${String(seq).padStart(5, '0')}`,
      kind: 'vendor',
      userId: u.id,
      status: 'approved',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [v] = await t.db
    .insert(vendors)
    .values({
      registrationId: reg!.id,
      userId: u.id,
      name: `CV Uji ${seq}`,
      npwp: `0${String(seq).padStart(14, '3')}`,
      verifiedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { user: u, vendor: v! };
}

/** An announced, running tender with the given schedule rows (offsets from `t0`). */
async function announcedTender(
  t: TestApp,
  opts: {
    kode: string;
    nama: string;
    agencyId: string;
    jenis: string;
    hps: bigint;
    at: Date;
    stages: [stage: string, ord: number, startMs: number, endMs: number][];
  },
) {
  const [row] = await t.db
    .insert(tenders)
    .values({
      ...BUNDLE,
      kode: opts.kode,
      nama: opts.nama,
      agencyId: opts.agencyId,
      jenis: opts.jenis,
      hps: opts.hps,
      status: 'berlangsung',
      createdAt: opts.at,
      announcedAt: opts.at,
    })
    .returning();
  for (const [stage, ord, s, e] of opts.stages) {
    await t.db.insert(tenderSchedule).values({
      tenderId: row!.id,
      stage,
      ord,
      startsAt: new Date(opts.at.getTime() + s),
      endsAt: new Date(opts.at.getTime() + e),
    });
  }
  return row!;
}

const mailsTo = async (t: TestApp, email: string) =>
  t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));
const inbox = async (t: TestApp, userId: string) =>
  t.db.select().from(notifications).where(eq(notifications.userId, userId));

describe('notify (issue 9 item 10)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('one notification per recipient and dedupe key; the mail is queued once, in the reader’s language', async () => {
    const a = await buildUser(t);
    const b = await buildUser(t);
    await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, b.id));
    const input = {
      userIds: [a.id, b.id, a.id],
      key: 'notifications.msg.stageOpened',
      params: {
        kode: '10001',
        nama: 'Jalan Uji',
        stage: { key: 'tenders.stage.pemberian_penjelasan' },
        end: { at: '2026-03-05T08:00:00.000Z' },
      },
      link: '/tender/10001',
      dedupeKey: 'uji:1',
      email: true,
    };
    const first = await t.db.transaction((tx) => notify(tx, t, input));
    assert.deepEqual(new Set(first), new Set([a.id, b.id]));
    const again = await t.db.transaction((tx) => notify(tx, t, input));
    assert.deepEqual(again, []);
    assert.equal((await inbox(t, a.id)).length, 1);
    const [mailA] = await mailsTo(t, a.email);
    const mailsB = await mailsTo(t, b.email);
    assert.equal(mailsB.length, 1);
    assert.match(
      mailA!.bodyText,
      /Tahap Pemberian Penjelasan tender 10001 \(Jalan Uji\) telah dimulai, sampai 5 Maret 2026/,
    );
    assert.match(mailA!.bodyText, /http:\/\/lpse\.test\/tender\/10001/);
    assert.match(mailsB[0]!.bodyText, /Clarification \(aanwijzing\) stage of tender 10001/);
    assert.match(mailsB[0]!.bodyText, /16:00 WITA/);
  });

  test('an inactive user is not notified; without `email` nothing is mailed', async () => {
    const off = await buildUser(t, { status: 'inactive' });
    const on = await buildUser(t);
    const sent = await t.db.transaction((tx) =>
      notify(tx, t, {
        userIds: [off.id, on.id],
        key: 'notifications.msg.searchMatch',
        dedupeKey: 'uji:2',
        email: false,
      }),
    );
    assert.deepEqual(sent, [on.id]);
    assert.equal((await mailsTo(t, on.email)).length, 0);
    assert.equal((await inbox(t, off.id)).length, 0);
  });

  test('a link that is not site-relative is refused (no open redirect through the inbox)', async () => {
    const u = await buildUser(t);
    await assert.rejects(
      t.db.transaction((tx) =>
        notify(tx, t, { userIds: [u.id], key: 'x', link: '//evil.example', dedupeKey: 'uji:3', email: false }),
      ),
    );
  });

  test('renderMessage translates nested keys and shows instants in WITA', () => {
    const params = {
      stage: { key: 'tenders.stage.upload_dokumen_penawaran' },
      kode: '1',
      nama: 'N',
      end: { at: '2026-03-12T08:00:00Z' },
    };
    assert.match(
      renderMessage('id', 'notifications.msg.deadlineHours', params),
      /Upload Dokumen Penawaran.*12 Maret 2026.*16\.00 WITA|Upload Dokumen Penawaran.*12 Maret 2026.*16:00 WITA/,
    );
    assert.match(renderMessage('en', 'notifications.msg.deadlineHours', params), /3 hours left/);
  });
});

describe('saved-search matching (issue 9 item 10)', () => {
  const none: SearchCriteria = { jenis: null, agencyId: null, hpsMin: null, hpsMax: null, keyword: null };
  const tender = {
    jenis: 'pekerjaan_konstruksi',
    agencyId: 'a1',
    hps: 1_000_000_000n,
    nama: 'Pembangunan Jalan Desa Lantagi',
    kode: '10023',
  };

  test('an empty search matches every tender; each set criterion must hold', () => {
    assert.equal(matchesSearch(none, tender), true);
    assert.equal(matchesSearch({ ...none, jenis: 'pekerjaan_konstruksi' }, tender), true);
    assert.equal(matchesSearch({ ...none, jenis: 'barang' }, tender), false);
    assert.equal(matchesSearch({ ...none, agencyId: 'a1' }, tender), true);
    assert.equal(matchesSearch({ ...none, agencyId: 'a2' }, tender), false);
    assert.equal(matchesSearch({ ...none, jenis: 'pekerjaan_konstruksi', agencyId: 'a2' }, tender), false);
  });

  test('the HPS range is inclusive at both ends; a tender without HPS matches no bound', () => {
    assert.equal(matchesSearch({ ...none, hpsMin: 1_000_000_000n }, tender), true);
    assert.equal(matchesSearch({ ...none, hpsMin: 1_000_000_001n }, tender), false);
    assert.equal(matchesSearch({ ...none, hpsMax: 1_000_000_000n }, tender), true);
    assert.equal(matchesSearch({ ...none, hpsMax: 999_999_999n }, tender), false);
    assert.equal(matchesSearch({ ...none, hpsMin: 1n }, { ...tender, hps: null }), false);
  });

  test('keywords: every word, at the start of a word, in any order, case and accents ignored', () => {
    assert.equal(matchesSearch({ ...none, keyword: 'lantagi JALAN' }, tender), true);
    assert.equal(matchesSearch({ ...none, keyword: 'jal' }, tender), true);
    assert.equal(matchesSearch({ ...none, keyword: 'alan' }, tender), false);
    assert.equal(matchesSearch({ ...none, keyword: 'jalan jembatan' }, tender), false);
    assert.equal(matchesSearch({ ...none, keyword: '10023' }, tender), true);
    assert.equal(matchesSearch({ ...none, keyword: 'Lantagí' }, tender), true);
    assert.equal(matchesSearch({ ...none, keyword: ' , ' }, tender), true);
  });
});

describe('tender notice job: stage openings, H-1 / H-3 jam reminders, saved-search alerts (issue 9 item 10)', () => {
  let t: TestApp;
  let t0: Date;
  let pupr: { id: string };
  let dikbud: { id: string };
  let a: Awaited<ReturnType<typeof vendorUser>>;
  let b: Awaited<ReturnType<typeof vendorUser>>;
  let c: Awaited<ReturnType<typeof vendorUser>>;
  let pokja: Awaited<ReturnType<typeof buildUser>>;
  let jalan: { id: string };

  before(async () => {
    t = await createTestApp();
    t0 = t.clock.now();
    pupr = await buildAgency(t, { name: 'Dinas PUPR Uji' });
    dikbud = await buildAgency(t, { name: 'Dinas Pendidikan Uji' });
    a = await vendorUser(t);
    b = await vendorUser(t);
    c = await vendorUser(t);
    pokja = await buildUser(t, { roles: ['POKJA'], agencyId: pupr.id });
    const now = t0;
    await t.db.insert(savedSearches).values([
      { userId: a.user.id, nama: 'Jalan', jenis: 'pekerjaan_konstruksi', keyword: 'jalan', createdAt: now },
      // Two of A's searches match the road: A is still told once.
      { userId: a.user.id, nama: 'PUPR', agencyId: pupr.id, createdAt: now },
      { userId: b.user.id, nama: 'Laptop murah', agencyId: dikbud.id, hpsMax: 500_000_000n, createdAt: now },
      { userId: c.user.id, nama: 'Jembatan', keyword: 'jembatan', createdAt: now },
    ]);
    jalan = await announcedTender(t, {
      kode: '90001',
      nama: 'Pembangunan Jalan Lantagi',
      agencyId: pupr.id,
      jenis: 'pekerjaan_konstruksi',
      hps: 1_200_000_000n,
      at: now,
      stages: [
        ['pengumuman', 0, 0, 2 * DAY],
        ['pemberian_penjelasan', 2, 3 * DAY, 3 * DAY + 8 * HOUR],
        ['upload_dokumen_penawaran', 3, 3 * DAY, 10 * DAY],
      ],
    });
    await announcedTender(t, {
      kode: '90002',
      nama: 'Pengadaan Laptop Sekolah',
      agencyId: dikbud.id,
      jenis: 'barang',
      hps: 300_000_000n,
      at: now,
      stages: [['pengumuman', 0, 0, 2 * DAY]],
    });
    await t.db.insert(tenderMembers).values({ tenderId: jalan.id, userId: pokja.id });
  });
  after(() => t.close());

  test('the job is registered with the runner as a recurring kind', async () => {
    const { registry } = await import('../../registry.ts');
    assert.ok(
      registry().jobs.some((j) => j.kind === tenderNoticesJob.kind && j.recurring),
      'registry().jobs.some((j) => j.kind === tenderNoticesJob.kind && j.recurring)',
    );
  });

  test('announcement: each saver of a matching search is told once; a search matches only what it should', async () => {
    t.clock.set(new Date(t0.getTime() + 5 * MINUTE));
    const counts = await runTenderNotices(t);
    assert.equal(counts.searchAlerts, 2);
    const ofA = (await inbox(t, a.user.id)).filter((n) => n.messageKey === 'notifications.msg.searchMatch');
    assert.deepEqual(
      ofA.map((n) => [n.params.kode, n.link]),
      [['90001', '/tender/90001']],
    );
    const ofB = await inbox(t, b.user.id);
    assert.deepEqual(
      ofB.map((n) => n.params.kode),
      ['90002'],
    );
    assert.equal((await inbox(t, c.user.id)).length, 0);
    assert.equal((await mailsTo(t, a.user.email)).length, 1);
    // The Pokja member hears of the opening stage in the inbox (no mail).
    const ofPokja = await inbox(t, pokja.id);
    assert.deepEqual(
      ofPokja.map((n) => [n.messageKey, n.link]),
      [['notifications.msg.stageOpened', `/kelola/tender/${jalan.id}`]],
    );
    assert.equal((await mailsTo(t, pokja.email)).length, 0);
  });

  test('a re-run sends nothing twice (and a run after a long pause does not repeat old news)', async () => {
    const before = (await t.db.select().from(mailOutbox)).length;
    assert.deepEqual(await runTenderNotices(t), { stageNotices: 0, reminders: 0, searchAlerts: 0 });
    t.clock.advance(10 * MINUTE);
    assert.deepEqual(await runTenderNotices(t), { stageNotices: 0, reminders: 0, searchAlerts: 0 });
    assert.equal((await t.db.select().from(mailOutbox)).length, before);
  });

  test('a stage opening tells the participants (inbox and mail) and the Pokja, once', async () => {
    await t.db.insert(tenderParticipants).values({
      tenderId: jalan.id,
      vendorId: a.vendor.id,
      userId: a.user.id,
      pakta: 'Pakta',
      joinedAt: t.clock.now(),
    });
    // One second before the stages open: nothing yet.
    t.clock.set(new Date(t0.getTime() + 3 * DAY - 1000));
    assert.equal((await runTenderNotices(t)).stageNotices, 0);
    t.clock.set(new Date(t0.getTime() + 3 * DAY + 1000));
    const counts = await runTenderNotices(t);
    // Pemberian Penjelasan and Upload Dokumen Penawaran, each to A and the Pokja member.
    assert.equal(counts.stageNotices, 4);
    const opened = (await inbox(t, a.user.id)).filter((n) => n.messageKey === 'notifications.msg.stageOpened');
    assert.deepEqual(opened.map((n) => (n.params.stage as { key: string }).key).sort(), [
      'tenders.stage.pemberian_penjelasan',
      'tenders.stage.upload_dokumen_penawaran',
    ]);
    const mails = await mailsTo(t, a.user.email);
    assert.equal(mails.length, 3);
    assert.ok(
      mails.some((m) => /Upload Dokumen Penawaran/.test(m.bodyText)),
      'mails.some((m) => /Upload Dokumen Penawaran/.test(m.bodyText))',
    );
    // B and C take no part: nothing for them.
    assert.equal((await inbox(t, b.user.id)).length, 1);
    assert.equal((await inbox(t, c.user.id)).length, 0);
    assert.equal((await runTenderNotices(t)).stageNotices, 0);
  });

  test('deadline reminders at H-1 and H-3 jam before the end of the upload stage, each once', async () => {
    const end = t0.getTime() + 10 * DAY;
    const reminders = async () =>
      (await inbox(t, a.user.id))
        .filter((n) => n.messageKey.startsWith('notifications.msg.deadline'))
        .map((n) => n.messageKey);
    // More than a day before: nothing.
    t.clock.set(new Date(end - DAY - MINUTE));
    assert.equal((await runTenderNotices(t)).reminders, 0);
    t.clock.set(new Date(end - 22 * HOUR));
    assert.equal((await runTenderNotices(t)).reminders, 1);
    assert.equal((await runTenderNotices(t)).reminders, 0);
    t.clock.set(new Date(end - 3 * HOUR - MINUTE));
    assert.equal((await runTenderNotices(t)).reminders, 0);
    t.clock.set(new Date(end - 2 * HOUR));
    assert.equal((await runTenderNotices(t)).reminders, 1);
    assert.equal((await runTenderNotices(t)).reminders, 0);
    assert.deepEqual(await reminders(), ['notifications.msg.deadlineDay', 'notifications.msg.deadlineHours']);
    // The Pokja member is not a bidder: no reminder.
    assert.equal(
      (await inbox(t, pokja.id)).filter((n) => n.messageKey.startsWith('notifications.msg.deadline')).length,
      0,
    );
  });

  test('an extended upload stage (outage) is a new deadline with its own reminder; a closed one gets none', async () => {
    const newEnd = t0.getTime() + 11 * DAY;
    await t.db
      .update(tenderSchedule)
      .set({ endsAt: new Date(newEnd) })
      .where(and(eq(tenderSchedule.tenderId, jalan.id), eq(tenderSchedule.stage, 'upload_dokumen_penawaran')));
    t.clock.set(new Date(newEnd - 2 * HOUR));
    assert.equal((await runTenderNotices(t)).reminders, 1);
    t.clock.set(new Date(newEnd + MINUTE));
    assert.equal((await runTenderNotices(t)).reminders, 0);
  });

  test('a tender announced later is matched when it is announced, not before', async () => {
    const at = t.clock.now();
    await announcedTender(t, {
      kode: '90003',
      nama: 'Rehabilitasi Jembatan Lantagi',
      agencyId: dikbud.id,
      jenis: 'pekerjaan_konstruksi',
      hps: 800_000_000n,
      at,
      stages: [['pengumuman', 0, 0, 2 * DAY]],
    });
    const counts = await runTenderNotices(t);
    // Only C ("jembatan"): A's searches want "jalan" or Dinas PUPR, B's wants Dikbud under Rp 500 juta.
    assert.equal(counts.searchAlerts, 1);
    assert.deepEqual(
      (await inbox(t, c.user.id)).map((n) => n.params.kode),
      ['90003'],
    );
  });
});

describe('the inbox pages: own notifications only, mark as read, paging, nav count (issue 9 item 10)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const note = (userId: string, i: number) =>
    t.db.transaction((tx) =>
      notify(tx, t, {
        userIds: [userId],
        key: 'notifications.msg.searchMatch',
        params: { search: `Cari ${i}`, kode: `8${String(i).padStart(4, '0')}`, nama: `Paket ${i}`, hps: 'Rp 1' },
        link: '/tender',
        dedupeKey: `page:${i}`,
        email: false,
      }),
    );

  test('a person sees only their own notifications, newest first, paged, with the unread count in the nav', async () => {
    const me = await buildUser(t, { roles: ['PENYEDIA'] });
    const other = await buildUser(t);
    for (let i = 1; i <= 22; i++) {
      await note(me.id, i);
      t.clock.advance(MINUTE);
    }
    await note(other.id, 99);
    const agent = await signIn(t, me.username);
    const page1 = await agent.get('/notifikasi');
    assert.equal(page1.statusCode, 200);
    assert.match(
      page1.body,
      /<span class="nav-count" aria-hidden="true">22<\/span><span class="visually-hidden">\(22 belum dibaca\)<\/span>/,
    );
    assert.match(page1.body, /22 belum dibaca/);
    assert.ok(page1.body.indexOf('Cari 22') < page1.body.indexOf('Cari 21'), 'newest first');
    assert.doesNotMatch(page1.body, /Cari 2&quot;|Cari 99/);
    assert.match(page1.body, /href="\/notifikasi\?page=2"/);
    const page2 = await agent.get('/notifikasi?page=2');
    assert.match(page2.body, /Cari 1&quot;/);
    assert.match(page2.body, /Cari 2&quot;/);
    assert.doesNotMatch(page2.body, /Cari 3&quot;/);
    // Junk page numbers are page 1 (never a 5xx).
    assert.equal((await agent.get('/notifikasi?page=abc')).statusCode, 200);
  });

  test('mark one as read (POST + CSRF); someone else’s is 404 and stays unread', async () => {
    const me = await buildUser(t);
    const other = await buildUser(t);
    await note(me.id, 1);
    await note(other.id, 2);
    const [mine] = await inbox(t, me.id);
    const [theirs] = await inbox(t, other.id);
    const agent = await signIn(t, me.username);
    await agent.get('/notifikasi');
    const refused = await agent.post(`/notifikasi/${theirs!.id}/baca`, {});
    assert.equal(refused.statusCode, 404);
    assert.equal((await inbox(t, other.id))[0]!.readAt, null);
    assert.equal((await agent.post('/notifikasi/bukan-uuid/baca', {})).statusCode, 404);
    assert.equal((await agent.post(`/notifikasi/${mine!.id}/baca`, {}, { csrf: null })).statusCode, 403);
    const ok = await agent.post(`/notifikasi/${mine!.id}/baca`, { kembali: '//evil.example' });
    assert.equal(ok.statusCode, 303);
    assert.match(String(ok.headers.location), /^\/notifikasi\?ok=/);
    assert.ok((await inbox(t, me.id))[0]!.readAt, '(await inbox(t, me.id))[0]!.readAt');
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'notification.read'));
    assert.equal(audit.length, 1);
    const page = await agent.get('/notifikasi');
    assert.doesNotMatch(page.body, /nav-count/);
    assert.doesNotMatch(page.body, /Tandai sudah dibaca/);
  });

  test('mark all as read touches only one’s own; the dashboard line goes away', async () => {
    const me = await buildUser(t);
    const other = await buildUser(t);
    for (let i = 1; i <= 3; i++) await note(me.id, i);
    await note(other.id, 1);
    const agent = await signIn(t, me.username);
    // The dashboard's work queue names the unread ones.
    assert.match((await agent.get('/dasbor')).body, /3 pemberitahuan belum dibaca/);
    await agent.get('/notifikasi');
    const res = await agent.post('/notifikasi/baca-semua', { kembali: '/notifikasi?page=1' });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/notifikasi\?page=1&ok=/);
    const mineUnread = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, me.id), isNull(notifications.readAt)));
    assert.equal(mineUnread.length, 0);
    assert.equal((await inbox(t, other.id))[0]!.readAt, null);
    assert.doesNotMatch((await agent.get('/dasbor')).body, /pemberitahuan belum dibaca/);
  });

  test('not signed in: /notifikasi leads to the sign-in page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/notifikasi' });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/masuk/);
  });
});

describe('saved searches page (PENYEDIA, own)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('a vendor saves a search, sees it, deletes it; bad input is a 400 with the field named', async () => {
    const v = await buildUser(t, { roles: ['PENYEDIA'] });
    const agency = await buildAgency(t, { name: 'Dinas Perikanan Uji' });
    const agent = await signIn(t, v.username);
    const page = await agent.get('/notifikasi/pencarian');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Dinas Perikanan Uji/);
    const bad = await agent.post('/notifikasi/pencarian', {
      nama: 'Perahu',
      jenis: 'bukan_jenis',
      agencyId: '',
      hpsMin: '900.000.000',
      hpsMax: '100.000.000',
      keyword: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#jenis"/);
    const range = await agent.post('/notifikasi/pencarian', {
      nama: 'Perahu',
      hpsMin: '900.000.000',
      hpsMax: '100.000.000',
    });
    assert.equal(range.statusCode, 400);
    assert.match(range.body, /HPS paling rendah tidak boleh melebihi HPS paling tinggi/);
    assert.match(range.body, /value="900\.000\.000"/);
    const badHps = await agent.post('/notifikasi/pencarian', { nama: 'Perahu', hpsMin: 'seratus' });
    assert.equal(badHps.statusCode, 400);
    assert.match(badHps.body, /Tulis rupiah bulat/);
    const unknownAgency = await agent.post('/notifikasi/pencarian', {
      nama: 'Perahu',
      agencyId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(unknownAgency.statusCode, 400);
    const ok = await agent.post('/notifikasi/pencarian', {
      nama: 'Perahu nelayan',
      jenis: 'barang',
      agencyId: agency.id,
      hpsMin: '100.000.000',
      hpsMax: '1.000.000.000',
      keyword: 'perahu',
    });
    assert.equal(ok.statusCode, 303);
    const [row] = await t.db.select().from(savedSearches).where(eq(savedSearches.userId, v.id));
    assert.equal(row!.hpsMin, 100_000_000n);
    assert.equal(row!.jenis, 'barang');
    const list = await agent.get('/notifikasi/pencarian');
    assert.match(list.body, /Perahu nelayan/);
    assert.match(list.body, /Rp 100\.000\.000 – Rp 1\.000\.000\.000/);

    // Another vendor cannot delete it (404), and does not see it.
    const w = await buildUser(t, { roles: ['PENYEDIA'] });
    const other = await signIn(t, w.username);
    assert.doesNotMatch((await other.get('/notifikasi/pencarian')).body, /Perahu nelayan/);
    assert.equal((await other.post(`/notifikasi/pencarian/${row!.id}/hapus`, {})).statusCode, 404);
    await agent.get('/notifikasi/pencarian');
    assert.equal((await agent.post(`/notifikasi/pencarian/${row!.id}/hapus`, {})).statusCode, 303);
    assert.equal((await t.db.select().from(savedSearches).where(eq(savedSearches.userId, v.id))).length, 0);
    const actions = (await t.db.select().from(auditEvents)).map((e) => e.action);
    assert.ok(
      actions.includes('saved_search.created') && actions.includes('saved_search.deleted'),
      "actions.includes('saved_search.created') && actions.includes('saved_search.deleted')",
    );
  });

  test('only vendors keep saved searches: a Pokja member is refused (403)', async () => {
    const p = await buildUser(t, { roles: ['POKJA'] });
    const agent = await signIn(t, p.username);
    assert.equal((await agent.get('/notifikasi/pencarian')).statusCode, 403);
    const inboxPage = await agent.get('/notifikasi');
    assert.equal(inboxPage.statusCode, 200);
    assert.doesNotMatch(inboxPage.body, /href="\/notifikasi\/pencarian"/);
  });
});
