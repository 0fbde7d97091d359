import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { registrations, vendors } from '../registration/registration.schema.ts';
import { latestBundle, type SyaratKualifikasi, stageOfRole } from '../tenders/index.ts';
import { tenderParticipants, tenderSchedule, tenders } from '../tenders/tenders.schema.ts';
import { applySectionOp, newItem } from './commands/apply.ts';
import { qualificationFor, qualificationSnapshot, runningWorkOf, takeQualificationSnapshots } from './index.ts';
import { currentSection } from './sikap.repository.ts';
import { sikapQualificationSnapshots } from './sikap.schema.ts';

const HOUR = 3_600_000;
let seq = 0;

const SYARAT: SyaratKualifikasi = {
  izinUsaha: 'SBU Bangunan Sipil kualifikasi Kecil',
  kbli: ['42112'],
  pengalaman: null,
  tenagaAhli: [],
  peralatan: [],
  izinJenis: ['SBU'],
  sbu: { subklasifikasi: ['BS001'], kualifikasi: ['K1', 'K2', 'K3'] },
};

describe('qualification snapshot at the upload deadline (R06 issue 10 item 4)', () => {
  let t: TestApp;
  let agencyId: string;
  const bundle = latestBundle('tender-pascakualifikasi-1-file')!;
  const upload = stageOfRole(bundle, 'bid_upload')!;

  before(async () => {
    t = await createTestApp();
    agencyId = (await buildAgency(t)).id;
  });
  after(() => t.close());

  async function vendor(name: string) {
    const u = await buildUser(t, { roles: ['PENYEDIA'] });
    const now = t.clock.now();
    const [reg] = await t.db
      .insert(registrations)
      .values({
        number: `REG-2026-9${String(++seq).padStart(5, '0')}`,
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
        name,
        npwp: `0${String(seq).padStart(14, '3')}`,
        verifiedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return { vendor: v!, user: u };
  }

  const by = (user: { id: string; name: string }) => ({ userId: user.id, name: user.name });
  const sbuItem = {
    jenis: 'SBU',
    nomor: '1-7402-2-00412',
    kbli: ['42112'],
    sbuSubklasifikasi: 'BS001 Konstruksi Jalan Raya',
    sbuKualifikasi: 'K2',
    kualifikasiUsaha: null,
    penerbit: 'LPJK',
    berlakuSampai: '2030-01-01',
  };

  /** An announced, running tender whose upload stage ends at `deadline`, with these participants. */
  async function tender(deadline: Date, vendorIds: string[], status: 'berlangsung' | 'batal' = 'berlangsung') {
    const now = t.clock.now();
    const [row] = await t.db
      .insert(tenders)
      .values({
        kode: `2026${String(90000 + ++seq)}`,
        nama: `Jalan ${seq}`,
        bundleId: bundle.id,
        bundleVersion: bundle.version,
        status,
        agencyId,
        createdAt: now,
        announcedAt: now,
        kualifikasiUsaha: 'kecil',
        syaratKualifikasi: SYARAT,
      })
      .returning();
    await t.db.insert(tenderSchedule).values({
      tenderId: row!.id,
      stage: upload.code,
      ord: 1,
      startsAt: new Date(deadline.getTime() - 72 * HOUR),
      endsAt: deadline,
    });
    for (const vendorId of vendorIds) {
      const [v] = await t.db.select().from(vendors).where(eq(vendors.id, vendorId));
      await t.db.insert(tenderParticipants).values({
        tenderId: row!.id,
        vendorId,
        userId: v!.userId,
        pakta: 'pakta',
        joinedAt: now,
      });
    }
    return row!;
  }

  test('taken once after the deadline, from the profile as it stood then; later edits change nothing', async () => {
    const a = await vendor('Jalan Lurus');
    const b = await vendor('Tanpa SBU');
    const sbu = newItem(sbuItem, null);
    await applySectionOp(t.db, t.clock, a.vendor.id, 'izin', { kind: 'add', item: sbu }, by(a.user));
    const deadline = new Date(t.clock.now().getTime() + 48 * HOUR);
    const tn = await tender(deadline, [a.vendor.id, b.vendor.id]);

    // Before the deadline: nothing taken, but the live check already answers for the join page.
    t.clock.set(new Date(deadline.getTime() - 1));
    assert.equal(await takeQualificationSnapshots(t.db, t.clock), 0);
    assert.equal(await qualificationSnapshot(t.db, tn.id, a.vendor.id), undefined);
    assert.equal((await qualificationFor(t.db, a.vendor.id, tn, t.clock.now())).passed, true);
    assert.equal((await qualificationFor(t.db, b.vendor.id, tn, t.clock.now())).passed, false);

    // After the deadline, but before the job runs, the vendor removes its SBU: the snapshot still has it.
    t.clock.set(new Date(deadline.getTime() + 60_000));
    await applySectionOp(t.db, t.clock, a.vendor.id, 'izin', { kind: 'remove', itemId: sbu.id }, by(a.user));
    assert.equal((await currentSection(t.db, a.vendor.id, 'izin'))?.items.length, 0);
    // The recurring job: the first run schedules its next slot (at most 5 minutes on), which then runs.
    await t.jobs.runDue();
    assert.equal(await qualificationSnapshot(t.db, tn.id, a.vendor.id), undefined);
    t.clock.advance(5 * 60_000);
    assert.ok((await t.jobs.runDue()) >= 1, 'the recurring job ran');

    const snapA = await qualificationSnapshot(t.db, tn.id, a.vendor.id);
    assert.ok(snapA, 'taken by the job');
    assert.equal(snapA.passed, true, JSON.stringify(snapA.result.items.filter((i) => i.status === 'fail')));
    assert.equal(snapA.snapshot.izin[0]?.nomor, '1-7402-2-00412');
    assert.deepEqual(snapA.versions, { izin: 1 });
    assert.equal(snapA.deadline.getTime(), deadline.getTime());
    const snapB = await qualificationSnapshot(t.db, tn.id, b.vendor.id);
    assert.equal(snapB?.passed, false);
    assert.deepEqual(
      snapB?.result.items.filter((i) => i.status === 'fail').map((i) => i.kind),
      ['izin', 'kbli', 'sbu', 'kualifikasi'],
    );
    // The live check now fails for A; the snapshot does not move.
    assert.equal((await qualificationFor(t.db, a.vendor.id, tn, t.clock.now())).passed, false);

    // Idempotent: a second run (or a retried job) writes nothing and audits nothing.
    assert.equal(await takeQualificationSnapshots(t.db, t.clock), 0);
    const rows = await t.db
      .select()
      .from(sikapQualificationSnapshots)
      .where(eq(sikapQualificationSnapshots.tenderId, tn.id));
    assert.equal(rows.length, 2);
    const audits = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'sikap.qualification_snapshot'), eq(auditEvents.objectId, tn.id)));
    assert.equal(audits.length, 1);
    assert.deepEqual(
      { vendors: audits[0]!.summary.vendors, passed: audits[0]!.summary.passed },
      { vendors: 2, passed: 1 },
    );
  });

  test('a licence valid until the deadline day counts; a participant added later gets its own row only', async () => {
    const a = await vendor('Batas Hari');
    // The deadline is 16.00 WITA on 2027-03-10 (08.00 UTC); the SBU is valid through that day.
    t.clock.set(new Date('2027-03-01T00:00:00Z'));
    await applySectionOp(
      t.db,
      t.clock,
      a.vendor.id,
      'izin',
      { kind: 'add', item: newItem({ ...sbuItem, berlakuSampai: '2027-03-10' }, null) },
      by(a.user),
    );
    const deadline = new Date('2027-03-10T08:00:00Z');
    const tn = await tender(deadline, [a.vendor.id]);
    t.clock.set(new Date('2027-03-10T08:00:00Z'));
    await takeQualificationSnapshots(t.db, t.clock);
    const first = await qualificationSnapshot(t.db, tn.id, a.vendor.id);
    assert.equal(first?.passed, true);

    // The day after the licence's last day, it no longer counts.
    const nextDay = new Date('2027-03-11T08:00:00Z');
    const tn2 = await tender(nextDay, [a.vendor.id]);
    t.clock.set(nextDay);
    await takeQualificationSnapshots(t.db, t.clock);
    const late = await qualificationSnapshot(t.db, tn2.id, a.vendor.id);
    assert.equal(late?.passed, false);
    assert.equal(late?.result.onDate, '2027-03-11');

    // A row missing for one participant only: that row is written, the existing one stays as it was.
    const b = await vendor('Susulan');
    await t.db
      .insert(tenderParticipants)
      .values({ tenderId: tn.id, vendorId: b.vendor.id, userId: b.user.id, pakta: 'pakta', joinedAt: t.clock.now() });
    assert.equal(await takeQualificationSnapshots(t.db, t.clock), 1);
    assert.deepEqual(await qualificationSnapshot(t.db, tn.id, a.vendor.id), first);

    // A cancelled tender gets none.
    const c = await vendor('Batal');
    const cancelled = await tender(deadline, [c.vendor.id], 'batal');
    assert.equal(await takeQualificationSnapshots(t.db, t.clock), 0);
    assert.equal(await qualificationSnapshot(t.db, cancelled.id, c.vendor.id), undefined);
  });

  test('cek paket berjalan: the running tenders a vendor takes part in, other than this one', async () => {
    const a = await vendor('Sibuk');
    const b = await vendor('Senggang');
    const later = new Date(t.clock.now().getTime() + 240 * HOUR);
    const one = await tender(later, [a.vendor.id, b.vendor.id]);
    const two = await tender(later, [a.vendor.id]);
    await tender(later, [a.vendor.id], 'batal');
    const work = await runningWorkOf(t.db, [a.vendor.id, b.vendor.id], one.id);
    assert.deepEqual(
      work.get(a.vendor.id)?.map((w) => [w.kind, w.kode]),
      [['tender', two.kode]],
    );
    assert.deepEqual(work.get(b.vendor.id), []);
    assert.equal(await qualificationSnapshot(t.db, 'not-a-uuid', a.vendor.id), undefined);
  });
});
