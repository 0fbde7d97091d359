import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { signIn } from '../sulap/sulap.test-support.ts';
import { addAddendum } from './commands/add-addendum.ts';
import { issueSpmk } from './commands/issue-spmk.ts';
import { issueSppbj } from './commands/issue-sppbj.ts';
import { recordBast } from './commands/record-bast.ts';
import { recordPayment } from './commands/record-payment.ts';
import { respondSppbj } from './commands/respond-sppbj.ts';
import { signContract } from './commands/sign-contract.ts';
import { award, buildContractWorld, buildVendor } from './contracts.test-support.ts';
import { contractDocHash, contractDocOfTender } from './index.ts';

/**
 * Issue 12 item 8: SPPBJ, contract summary and BAST as PDF, each with the SHA-256 of what it states and the public
 * /verifikasi-dokumen page that recomputes it from the current data.
 */
describe('contract documents as PDF with a verification hash (R12 item 8)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const verify = async (kode: string, jenis: string, h: string) =>
    (await t.app.inject({ method: 'GET', url: `/verifikasi-dokumen?kode=${kode}&jenis=${jenis}&h=${h}` })).body;

  test('each document exists once its step happened, for the PPK and the winner only; the hash verifies', async () => {
    const w = await buildContractWorld(t, { jenis: 'barang' });
    const id = await award(t, w);
    const kode = w.tender.kode!;
    const ppk = await signIn(t, w.ppk.username);
    const winner = await signIn(t, w.vendorUser.username);
    const other = await signIn(t, (await buildVendor(t, 'Vendor Lain')).user.username);
    const pdf = async (agent: typeof ppk, url: string) => {
      const res = await agent.get(url);
      return {
        status: res.statusCode,
        pdf: res.headers['content-type'] === 'application/pdf' && res.body.startsWith('%PDF'),
      };
    };

    // Before the SPPBJ: nothing to print, nothing to verify.
    assert.equal((await pdf(ppk, `/kelola/kontrak/${id}/sppbj.pdf`)).status, 404);
    assert.equal(await contractDocOfTender(t.db, w.tender.id, 'sppbj'), null);

    await issueSppbj(w.asPpk, id, {
      nomor: '027/SPPBJ/PDF/1',
      tanggal: '2026-03-03',
      nilai: 1_290_000_000n,
      jaminanNilai: 64_500_000n,
      jaminanPenerbit: 'Bank Sultra',
      jaminanBerlakuSampai: '2026-12-31',
    });
    assert.deepEqual(await pdf(ppk, `/kelola/kontrak/${id}/sppbj.pdf`), { status: 200, pdf: true });
    assert.deepEqual(await pdf(winner, `/kontrak-saya/${id}/sppbj.pdf`), { status: 200, pdf: true });
    assert.equal((await pdf(other, `/kontrak-saya/${id}/sppbj.pdf`)).status, 404, 'another vendor: not found');
    const page = await ppk.get(`/kelola/kontrak/${id}`);
    assert.match(page.body, new RegExp(`href="/kelola/kontrak/${id}/sppbj.pdf"`));
    const sppbj = (await contractDocOfTender(t.db, w.tender.id, 'sppbj')) as { nomor: string };
    assert.equal(sppbj.nomor, '027/SPPBJ/PDF/1');
    assert.match(await verify(kode, 'sppbj', contractDocHash(sppbj)), /Sah:/);
    assert.match(await verify(kode, 'sppbj', 'a'.repeat(64)), /Tidak cocok/);
    // The winner's acceptance changes what the SPPBJ states (its status): the old print no longer matches.
    await respondSppbj(w.asVendor, id, { accept: true, reason: null });
    assert.match(await verify(kode, 'sppbj', contractDocHash(sppbj)), /Tidak cocok/);

    await signContract(w.asPpk, id, {
      nomor: '600/KTR/PDF/1',
      jenisKontrak: 'harga_satuan',
      nilai: 1_290_000_000n,
      tanggal: '2026-03-05',
      mulai: '2026-03-06',
      selesai: '2026-09-30',
      ppkNama: 'Ir. PPK Uji',
      ppkNip: null,
      penyediaNama: 'Direktur Uji',
      penyediaJabatan: 'Direktur',
    });
    assert.deepEqual(await pdf(ppk, `/kelola/kontrak/${id}/kontrak.pdf`), { status: 200, pdf: true });
    assert.equal((await pdf(ppk, `/kelola/kontrak/${id}/bast.pdf`)).status, 404, 'no BAST yet');
    const before = (await contractDocOfTender(t.db, w.tender.id, 'kontrak'))!;
    assert.match(await verify(kode, 'kontrak', contractDocHash(before)), /Sah:/);
    await addAddendum(w.asPpk, id, {
      nomor: 'ADD-1',
      tanggal: '2026-04-01',
      alasan: 'Penambahan volume pekerjaan',
      nilaiBaru: 1_300_000_000n,
      selesaiBaru: null,
      alasanSepuluhPersen: null,
    });
    const afterAddendum = (await contractDocOfTender(t.db, w.tender.id, 'kontrak')) as { addenda: unknown[] };
    assert.equal(afterAddendum.addenda.length, 1);
    assert.match(
      await verify(kode, 'kontrak', contractDocHash(before)),
      /Tidak cocok/,
      'the summary before the addendum',
    );
    assert.match(await verify(kode, 'kontrak', contractDocHash(afterAddendum)), /Sah:/);

    await issueSpmk(w.asPpk, id, { nomor: 'SPMK-1', tanggal: '2026-03-05', mulaiKerja: '2026-03-06' });
    await recordPayment(w.asPpk, id, {
      nomor: 'BAP-1',
      tanggal: '2026-06-01',
      fisikBasisPoin: 10000,
      pembayaran: 1_000_000_000n,
    });
    await recordBast(w.asPpk, id, { nomor: 'BAST-1', phoDate: '2026-06-02' });
    assert.deepEqual(await pdf(ppk, `/kelola/kontrak/${id}/bast.pdf`), { status: 200, pdf: true });
    assert.deepEqual(await pdf(winner, `/kontrak-saya/${id}/bast.pdf`), { status: 200, pdf: true });
    const bast = (await contractDocOfTender(t.db, w.tender.id, 'bast')) as { pho: { nomor: string } };
    assert.equal(bast.pho.nomor, 'BAST-1');
    assert.match(await verify(kode, 'bast', contractDocHash(bast)), /Sah:/);
    // A hash of one document does not verify as another.
    assert.match(await verify(kode, 'sppbj', contractDocHash(bast)), /Tidak cocok/);
  });
});
