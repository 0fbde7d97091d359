import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { registrations, vendors } from '../registration/registration.schema.ts';
import { checklistFor } from '../sulap/checklist.ts';
import { buildSulapWorld, packageInReview, review, type SulapWorld, signIn } from '../sulap/sulap.test-support.ts';
import { tenderParticipants, tenders } from '../tenders/tenders.schema.ts';
import { approveAll } from '../tenders/tenders.test-support.ts';
import { applySectionOp, newItem } from './commands/apply.ts';
import { currentSection } from './sikap.repository.ts';

const form = {
  bundleId: 'tender-pascakualifikasi-1-file',
  kualifikasiUsaha: 'kecil',
  jenisKontrak: 'harga_satuan',
  lokasi: 'Desa Lantagi',
  izinUsaha: 'NIB dan SBU Bangunan Sipil',
  kbli: '42112',
  pengalaman: '',
  tenagaAhli: '',
  peralatan: '',
  startDate: '2026-03-02',
  izinJenis: 'NIB, sbu',
  sbuSubklasifikasi: 'BS001',
  sbuKualifikasi: 'K1, K2, K3',
  pengalamanJumlah: '1',
  pengalamanNilai: 'Rp 500.000.000',
  pengalamanTahun: '4',
  tenagaAhliSyarat: '1; SKK Ahli Muda Teknik Jalan',
  peralatanSyarat: '2; Dump truck',
};

describe('qualification on the tender pages (R06 issue 10 items 4 and 5)', () => {
  let t: TestApp;
  let w: SulapWorld;
  let members: Agent[];
  let tenderId: string;
  let kode: string;

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
    // A malformed structured line: the form again with the message beside the field, nothing saved.
    const bad = await members[0]!.post(`/kelola/tender/baru/${r.id}`, { ...form, peralatanSyarat: 'Dump truck dua' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /jumlah; uraian/);
    const res = await members[0]!.post(`/kelola/tender/baru/${r.id}`, form);
    assert.equal(res.statusCode, 303, res.body.slice(0, 1000));
    tenderId = /\/kelola\/tender\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
    await approveAll(t, members, tenderId);
    const [done] = await t.db.select().from(tenders).where(eq(tenders.id, tenderId));
    kode = done!.kode!;
  });
  after(() => t.close());

  test('the publication form keeps the structured requirements', async () => {
    const [row] = await t.db.select().from(tenders).where(eq(tenders.id, tenderId));
    const s = row!.syaratKualifikasi!;
    assert.deepEqual(s.izinJenis, ['NIB', 'SBU']);
    assert.deepEqual(s.sbu, { subklasifikasi: ['BS001'], kualifikasi: ['K1', 'K2', 'K3'] });
    assert.deepEqual(s.pengalamanMin, { jumlah: 1, nilai: '500000000', tahun: 4 });
    assert.deepEqual(s.tenagaAhliMin, [{ jumlah: 1, sertifikat: 'SKK Ahli Muda Teknik Jalan' }]);
    assert.deepEqual(s.peralatanMin, [{ jenis: 'Dump truck', jumlah: 2 }]);
  });

  test('a vendor sees which requirements it fails before joining, fixes its profile, then passes', async () => {
    const u = await buildUser(t, { roles: ['PENYEDIA'] });
    const now = t.clock.now();
    const [reg] = await t.db
      .insert(registrations)
      .values({
        number: 'REG-2026-880001',
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
        name: 'CV Jalan Wawonii',
        npwp: '088888888888000',
        verifiedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const by = { userId: u.id, name: u.name };
    const add = (section: 'izin' | 'tenaga_ahli' | 'peralatan' | 'pengalaman', item: Record<string, unknown>) =>
      applySectionOp(t.db, t.clock, v!.id, section, { kind: 'add', item: newItem(item, null) }, by);
    await add('izin', { jenis: 'NIB', nomor: '9120', kbli: ['42112'], kualifikasiUsaha: 'kecil', berlakuSampai: null });
    await add('tenaga_ahli', {
      nama: 'Rahmat',
      sertifikat: 'SKK Ahli Muda Teknik Jalan',
      sertifikatBerlaku: '2030-01-01',
    });
    await add('peralatan', { jenis: 'Dump truck', jumlah: 1, kondisi: 'baik', kepemilikan: 'sewa' });
    await add('pengalaman', {
      nama: 'Jalan',
      pemberi: 'PUPR',
      nilai: '750000000',
      mulai: '2024-01-01',
      selesai: '2024-09-30',
    });

    const agent = await signIn(t, u.username);
    const page = await agent.get(`/tender/${kode}/ikut`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Pemeriksaan syarat kualifikasi/);
    assert.match(page.body, /Syarat yang belum terpenuhi: 3/);
    assert.match(page.body, /data-kind="izin" data-status="fail"/, 'no SBU');
    assert.match(page.body, /data-kind="sbu" data-status="fail"/);
    assert.match(page.body, /data-kind="peralatan" data-status="fail"/);
    assert.match(page.body, /Baru 1 dari 2 unit/);
    assert.match(page.body, /data-kind="kbli" data-status="pass"/);
    assert.match(page.body, /data-kind="pengalaman" data-status="pass"/);
    assert.match(page.body, /Rp 500\.000\.000/, 'the rupiah amount in words of the catalogue');

    await add('izin', {
      jenis: 'SBU',
      nomor: '1-7402',
      kbli: ['42112'],
      sbuSubklasifikasi: 'BS001 Konstruksi Jalan Raya',
      sbuKualifikasi: 'K3',
      berlakuSampai: '2030-01-01',
    });
    const items = (await currentSection(t.db, v!.id, 'peralatan'))!.items;
    await applySectionOp(t.db, t.clock, v!.id, 'peralatan', { kind: 'update', item: { ...items[0]!, jumlah: 2 } }, by);
    const fixed = await agent.get(`/tender/${kode}/ikut`);
    assert.match(fixed.body, /Semua syarat yang dapat diperiksa otomatis terpenuhi/);
    assert.doesNotMatch(fixed.body, /data-status="fail"/);

    // The Pokja's list of participants has the "Paket berjalan" column (runningWorkOf is tested on its own).
    await t.db
      .insert(tenderParticipants)
      .values({ tenderId, vendorId: v!.id, userId: u.id, pakta: 'p', joinedAt: now });
    const pokja = await members[1]!.get(`/kelola/tender/${tenderId}`);
    assert.match(pokja.body, /Paket berjalan/);
    assert.match(pokja.body, /CV Jalan Wawonii/);
    assert.match(pokja.body, /Tidak ada/, 'this tender itself is not counted');
  });
});
