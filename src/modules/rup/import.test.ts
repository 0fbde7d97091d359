import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { postMultipart } from '../../test/multipart.ts';
import { rupBudgetLines, rupPlans } from './rup.schema.ts';
import { buildAgencyWithPa, signIn } from './rup.test-support.ts';

const HEADER =
  'kd_rup,nama_paket,tahun_anggaran,pagu,tipe_paket,metode_pengadaan,jenis_pengadaan,sumber_dana,kd_program,kd_kegiatan,kd_subkegiatan,mak,pagu_anggaran,status_ukm,alasan_non_ukm,username_ppk,urarian_pekerjaan,tgl_awal_pemilihan';

describe('import from SiRUP-shaped CSV and JSON: dry run first, re-import updates by kode RUP', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('a dry run lists every problem per package and writes nothing; a clean file imports; a re-import updates', async () => {
    const { agency, pa, ppk } = await buildAgencyWithPa(t);
    const agent = await signIn(t, pa.username);
    await agent.get('/kelola/rup/impor');
    const bad = [
      HEADER,
      `41000001,Jalan Impor,2026,"1.250.000.000",Penyedia,Tender,Pekerjaan Konstruksi,APBD,1.03.10,1.03.10.2.01,1.03.10.2.01.0007,5.2.04,1.000.000.000,Ya,,${ppk.username},"Uraian, dengan koma",2026-03-01`,
      '41000001,Jalan Impor,2026,"1.250.000.000",Penyedia,Tender,Pekerjaan Konstruksi,APBD,1.03.10,1.03.10.2.01,1.03.10.2.01.0008,5.2.04,200.000.000,Ya,,,,',
      '41000002,ATK Kantor,2026,350000000,Penyedia,Pengadaan Langsung,Barang,APBD,1.01.01,1.01.01.2.01,1.01.01.2.01.0001,5.1.02,,Tidak,,,,',
      '41000003,,20x6,1.5,Penyedia,Lelang,Barang,APBX,1.01.01,1.01.01.2.01,1.01.01.2.01.0001,5.1.02,,,,,,',
    ].join('\r\n');
    const r = await postMultipart(
      agent,
      '/kelola/rup/impor',
      { agencyId: agency.id, mode: 'import' },
      {
        file: { name: 'sirup.csv', data: Buffer.from(bad), type: 'text/csv' },
      },
    );
    assert.equal(r.statusCode, 422);
    assert.match(r.body, /Tidak ada yang disimpan/);
    assert.match(r.body, /\(Rp 1\.200\.000\.000\) tidak sama dengan pagu paket \(Rp 1\.250\.000\.000\)/);
    assert.match(r.body, /hanya sampai pagu Rp 200\.000\.000/);
    assert.match(r.body, /alasan paket tidak dicadangkan/);
    assert.match(r.body, /Kolom nama_paket/);
    assert.match(r.body, /Kolom metode_pengadaan/);
    assert.match(r.body, /Kolom sumber_dana/);
    assert.equal((await t.db.select().from(rupPlans).where(eq(rupPlans.agencyId, agency.id))).length, 0);

    const good = [
      HEADER,
      `41000001,Jalan Impor,2026,"1.250.000.000",Penyedia,Tender,Pekerjaan Konstruksi,APBD,1.03.10,1.03.10.2.01,1.03.10.2.01.0007,5.2.04,1.000.000.000,Ya,,${ppk.username},"Uraian, dengan koma",2026-03-01`,
      '41000001,Jalan Impor,2026,"1.250.000.000",Penyedia,Tender,Pekerjaan Konstruksi,APBD,1.03.10,1.03.10.2.01,1.03.10.2.01.0008,5.2.04,250.000.000,Ya,,,,',
      '41000002,ATK Kantor,2026,150000000,Penyedia,Pengadaan Langsung,Barang,APBD,1.01.01,1.01.01.2.01,1.01.01.2.01.0001,5.1.02,,Ya,,,,',
    ].join('\n');
    const check = await postMultipart(
      agent,
      '/kelola/rup/impor',
      { agencyId: agency.id, mode: 'check' },
      {
        file: { name: 'sirup.csv', data: Buffer.from(good), type: 'text/csv' },
      },
    );
    assert.equal(check.statusCode, 200);
    assert.match(check.body, /Semua 2 paket dapat diimpor/);
    assert.equal((await t.db.select().from(rupPlans).where(eq(rupPlans.agencyId, agency.id))).length, 0, 'dry run');

    const run = await postMultipart(
      agent,
      '/kelola/rup/impor',
      { agencyId: agency.id, mode: 'import' },
      {
        file: { name: 'sirup.csv', data: Buffer.from(good), type: 'text/csv' },
      },
    );
    assert.equal(run.statusCode, 200);
    assert.match(run.body, /Impor selesai: 2 paket baru, 0 diperbarui/);
    const [jalan] = await t.db.select().from(rupPlans).where(eq(rupPlans.kode, 41000001));
    assert.equal(jalan!.pagu, 1_250_000_000n);
    assert.equal(jalan!.ppkUserId, ppk.id);
    assert.equal(jalan!.uraian, 'Uraian, dengan koma');
    assert.equal(jalan!.bulanPemilihan, '2026-03');
    assert.equal((await t.db.select().from(rupBudgetLines).where(eq(rupBudgetLines.planId, jalan!.id))).length, 2);

    // Re-import as JSON, with a changed name: updated by kode, not duplicated.
    const json = JSON.stringify([
      {
        kd_rup: 41000002,
        nama_paket: 'ATK Kantor (revisi draf)',
        tahun_anggaran: 2026,
        pagu: 150000000,
        metode_pengadaan: 'Pengadaan Langsung',
        jenis_pengadaan: 'Barang',
        sumber_dana: 'APBD',
        kd_program: '1.01.01',
        kd_kegiatan: '1.01.01.2.01',
        kd_subkegiatan: '1.01.01.2.01.0001',
        mak: '5.1.02',
        status_umumkan_rup: 'Terumumkan',
      },
    ]);
    const again = await postMultipart(
      agent,
      '/kelola/rup/impor',
      { agencyId: agency.id, mode: 'import' },
      {
        file: { name: 'sirup.json', data: Buffer.from(json), type: 'application/json' },
      },
    );
    assert.equal(again.statusCode, 200, again.body.slice(0, 3000));
    assert.match(again.body, /0 paket baru, 1 diperbarui/);
    const rows = await t.db.select().from(rupPlans).where(eq(rupPlans.kode, 41000002));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.namaPaket, 'ATK Kantor (revisi draf)');
    assert.equal(rows[0]!.status, 'announced');

    // An announced plan changed by a file is refused: changes go through kaji ulang.
    const changed = JSON.stringify([{ ...JSON.parse(json)[0], pagu: 160000000 }]);
    const refused = await postMultipart(
      agent,
      '/kelola/rup/impor',
      { agencyId: agency.id, mode: 'import' },
      {
        file: { name: 'sirup.json', data: Buffer.from(changed), type: 'application/json' },
      },
    );
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /sudah diumumkan; perubahan dilakukan melalui kaji ulang/);
  });

  test("a code of another agency, an unreadable file and an agency not one's own are refused", async () => {
    const mine = await buildAgencyWithPa(t);
    const other = await buildAgencyWithPa(t);
    const otherPa = await signIn(t, other.pa.username);
    await otherPa.get('/kelola/rup/impor');
    const row =
      '42000001,Paket Lain,2026,150000000,Penyedia,Pengadaan Langsung,Barang,APBD,1.01,1.01.2,1.01.2.01,5.1,,Ya,,,,';
    const file = { name: 'a.csv', data: Buffer.from(`${HEADER}\n${row}`), type: 'text/csv' };
    assert.equal(
      (await postMultipart(otherPa, '/kelola/rup/impor', { agencyId: other.agency.id, mode: 'import' }, { file }))
        .statusCode,
      200,
    );
    const agent = await signIn(t, mine.pa.username);
    await agent.get('/kelola/rup/impor');
    const r = await postMultipart(agent, '/kelola/rup/impor', { agencyId: mine.agency.id, mode: 'check' }, { file });
    assert.equal(r.statusCode, 422);
    assert.match(r.body, /milik perangkat daerah lain/);
    const broken = await postMultipart(
      agent,
      '/kelola/rup/impor',
      { agencyId: mine.agency.id, mode: 'check' },
      {
        file: { name: 'x.csv', data: Buffer.from('a,b\n"open,1'), type: 'text/csv' },
      },
    );
    assert.equal(broken.statusCode, 400);
    assert.match(broken.body, /tidak dapat dibaca/);
    const notMine = await postMultipart(
      agent,
      '/kelola/rup/impor',
      { agencyId: other.agency.id, mode: 'check' },
      { file },
    );
    assert.equal(notMine.statusCode, 400);
    assert.match(notMine.body, /Pilih perangkat daerah/);
  });
});
