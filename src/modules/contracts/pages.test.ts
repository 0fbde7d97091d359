import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { signIn } from '../sulap/sulap.test-support.ts';
import { contractSppbj } from './contracts.schema.ts';
import { award, buildContractWorld } from './contracts.test-support.ts';

describe('contract pages: the PPK steps through forms without JavaScript; the vendor answers its SPPBJ', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('SPPBJ → contract → SPMK → BAP → BAST → rating through the PPK page; refusals show beside their field', async () => {
    const w = await buildContractWorld(t, { jenis: 'barang' });
    const id = await award(t, w);
    const ppk = await signIn(t, w.ppk.username);
    const list = await ppk.get('/kelola/kontrak');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`/kelola/kontrak/${id}`));
    assert.match(list.body, /Menunggu SPPBJ/);

    const page = await ppk.get(`/kelola/kontrak/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Rp 1\.290\.000\.000/);
    const base = {
      sppbj_nomor: '027/SPPBJ/PUPR/2026',
      sppbj_tanggal: '2026-03-03',
      sppbj_nilai: '1.290.000.000',
      sppbj_jaminanPenerbit: 'Bank Sultra',
      sppbj_jaminanBerlakuSampai: '2026-12-31',
    };
    const low = await ppk.post(`/kelola/kontrak/${id}/sppbj`, { ...base, sppbj_jaminanNilai: '1.000' });
    assert.equal(low.statusCode, 409);
    assert.equal(low.headers['x-error-code'], 'SPPBJ_JAMINAN_TOO_LOW');
    assert.match(low.body, /href="#sppbj_jaminanNilai"/);
    assert.match(low.body, /<title>Galat: /);
    const bad = await ppk.post(`/kelola/kontrak/${id}/sppbj`, { ...base, sppbj_nilai: '1,5', sppbj_jaminanNilai: '' });
    assert.equal(bad.statusCode, 400);
    const ok = await ppk.post(`/kelola/kontrak/${id}/sppbj`, { ...base, sppbj_jaminanNilai: '64.500.000' });
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 2000));

    // The vendor sees it and accepts.
    const vendor = await signIn(t, w.vendorUser.username);
    const mine = await vendor.get('/kontrak-saya');
    assert.match(mine.body, new RegExp(`/kontrak-saya/${id}`));
    await vendor.get(`/kontrak-saya/${id}`);
    assert.equal((await vendor.post(`/kontrak-saya/${id}/sppbj`, { keputusan: 'terima' })).statusCode, 303);
    const [s] = await t.db.select().from(contractSppbj).where(eq(contractSppbj.awardId, id));
    assert.equal(s!.status, 'diterima');
    // The vendor cannot reach the PPK's page.
    assert.equal((await vendor.get(`/kelola/kontrak/${id}`)).statusCode, 403);

    await ppk.get(`/kelola/kontrak/${id}`);
    const steps: [string, Record<string, string>][] = [
      [
        'kontrak',
        {
          kontrak_nomor: '600/KTR/PUPR/2026',
          kontrak_jenisKontrak: 'harga_satuan',
          kontrak_nilai: '1.290.000.000',
          kontrak_tanggal: '2026-03-05',
          kontrak_mulai: '2026-03-06',
          kontrak_selesai: '2026-09-30',
          kontrak_ppkNama: 'Ir. PPK Uji',
          kontrak_ppkNip: '',
          kontrak_penyediaNama: 'Direktur Uji',
          kontrak_penyediaJabatan: 'Direktur',
        },
      ],
      ['spmk', { spmk_nomor: 'SPMK-1', spmk_tanggal: '2026-03-05', spmk_mulaiKerja: '2026-03-06' }],
      ['bap', { bap_nomor: 'BAP-1', bap_tanggal: '2026-05-01', bap_fisik: '45,5', bap_pembayaran: '500.000.000' }],
    ];
    for (const [path, fields] of steps) {
      const r = await ppk.post(`/kelola/kontrak/${id}/${path}`, fields);
      assert.equal(r.statusCode, 303, `${path}: ${r.headers['x-error-code']} ${r.body.slice(0, 1500)}`);
    }
    const down = await ppk.post(`/kelola/kontrak/${id}/bap`, {
      bap_nomor: 'BAP-2',
      bap_tanggal: '2026-06-01',
      bap_fisik: '40',
      bap_pembayaran: '0',
    });
    assert.equal(down.headers['x-error-code'], 'BAP_FISIK_DECREASING');
    assert.match(down.body, /href="#bap_fisik"/);
    assert.match(down.body, /45,5 %/);
    const add = await ppk.post(`/kelola/kontrak/${id}/adendum`, {
      adendum_nomor: 'ADD-1',
      adendum_tanggal: '2026-05-02',
      adendum_alasan: 'Tambah item',
      adendum_nilaiBaru: '1.450.000.000',
      adendum_selesaiBaru: '',
      adendum_alasanSepuluhPersen: '',
    });
    assert.equal(add.headers['x-error-code'], 'ADDENDUM_REASON_10_PERCENT');
    assert.match(add.body, /href="#adendum_alasanSepuluhPersen"/);
    const rateEarly = await ppk.post(`/kelola/kontrak/${id}/penilaian`, {
      nilai_kualitas: '3',
      nilai_biaya: '3',
      nilai_waktu: '3',
      nilai_layanan: '3',
    });
    assert.equal(rateEarly.headers['x-error-code'], 'RATING_BEFORE_BAST');
    for (const [path, fields] of [
      ['bap', { bap_nomor: 'BAP-2', bap_tanggal: '2026-06-01', bap_fisik: '100', bap_pembayaran: '790.000.000' }],
      ['bast', { bast_nomor: 'BAST-1', bast_phoDate: '2026-06-02' }],
      ['penilaian', { nilai_kualitas: '3', nilai_biaya: '2', nilai_waktu: '3', nilai_layanan: '3', nilai_catatan: '' }],
    ] as const) {
      const r = await ppk.post(`/kelola/kontrak/${id}/${path}`, fields);
      assert.equal(r.statusCode, 303, `${path}: ${r.headers['x-error-code']} ${r.body.slice(0, 1500)}`);
    }
    const done = await ppk.get(`/kelola/kontrak/${id}`);
    assert.match(done.body, /Selesai/);
    assert.match(done.body, /2,80 — Sangat baik|2,80 — Baik/);
    // the vendor follows progress on its page
    const seen = await vendor.get(`/kontrak-saya/${id}`);
    assert.match(seen.body, /600\/KTR\/PUPR\/2026/);
    assert.match(seen.body, /100 %/);
    assert.doesNotMatch(seen.body, /action="\/kelola\/kontrak/);
  });

  test('another PPK of the agency gets the refusal page; a vendor refusing without a reason stays on the form', async () => {
    const w = await buildContractWorld(t);
    const id = await award(t, w);
    const other = await signIn(t, w.ppk2.username);
    const r = await other.get(`/kelola/kontrak/${id}`);
    assert.equal(r.statusCode, 403);
    assert.equal(r.headers['x-error-code'], 'CONTRACT_NOT_PPK');
    assert.doesNotMatch((await other.get('/kelola/kontrak')).body, new RegExp(id));
    const ppk = await signIn(t, w.ppk.username);
    assert.match((await ppk.get('/dasbor')).body, /1 pemenang menunggu SPPBJ/);
    await ppk.get(`/kelola/kontrak/${id}`);
    const ok = await ppk.post(`/kelola/kontrak/${id}/sppbj`, {
      sppbj_nomor: 'SPPBJ-X',
      sppbj_tanggal: '2026-03-03',
      sppbj_nilai: '1.290.000.000',
      sppbj_jaminanNilai: '64.500.000',
      sppbj_jaminanPenerbit: 'Bank Sultra',
      sppbj_jaminanBerlakuSampai: '2026-12-31',
    });
    assert.equal(ok.statusCode, 303);
    const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, w.vendorUser.email));
    assert.match(mail!.bodyText, new RegExp(`/kontrak-saya/${id}`));
    assert.doesNotMatch(mail!.bodyText, /1\.290\.000\.000/, 'no value in the mail');
    const vendor = await signIn(t, w.vendorUser.username);
    assert.match((await vendor.get('/dasbor')).body, /1 SPPBJ menunggu jawaban Anda/);
    await vendor.get(`/kontrak-saya/${id}`);
    const noReason = await vendor.post(`/kontrak-saya/${id}/sppbj`, { keputusan: 'tolak', reason: '' });
    assert.equal(noReason.headers['x-error-code'], 'SPPBJ_REFUSAL_REASON_REQUIRED');
    assert.match(noReason.body, /href="#reason"/);
    const refused = await vendor.post(`/kontrak-saya/${id}/sppbj`, {
      keputusan: 'tolak',
      reason: 'Peralatan utama tidak tersedia',
    });
    assert.equal(refused.statusCode, 303);
    assert.match((await vendor.get('/kontrak-saya')).body, /SPPBJ ditolak penyedia/);
    const [toPpk] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, w.ppk.email));
    assert.match(toPpk!.subject, /ditolak/);
  });
});
