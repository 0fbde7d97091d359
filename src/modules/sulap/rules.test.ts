import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JENIS } from '../rup/methods.ts';
import { CHECKLIST_RULES, checklistFor, SULAP_METHODS } from './checklist.ts';
import { documentStatusOf } from './commands/review-document.ts';
import { formatVolume, lineTotal, parseVolume } from './money.ts';

describe('SULAP rules as data: the checklist per category × method, HPS arithmetic in bigint', () => {
  test('KAK/spesifikasi, HPS and rancangan kontrak are mandatory for every category and method', () => {
    for (const jenis of JENIS) {
      for (const metode of SULAP_METHODS) {
        const mandatory = checklistFor(jenis, metode)
          .filter((c) => c.mandatory)
          .map((c) => c.item);
        for (const item of ['kak_spesifikasi', 'hps', 'rancangan_kontrak']) {
          assert.ok(mandatory.includes(item as never), `${item} for ${jenis} × ${metode}`);
        }
      }
    }
  });

  test('konstruksi needs drawings and unit price analysis; a consultancy does not; PL makes guarantees optional', () => {
    const konstruksi = checklistFor('pekerjaan_konstruksi', 'tender');
    assert.deepEqual(
      konstruksi.filter((c) => c.mandatory).map((c) => c.item),
      ['kak_spesifikasi', 'hps', 'rancangan_kontrak', 'gambar_rencana', 'analisa_harga_satuan', 'uang_muka_jaminan'],
    );
    const konsultansi = checklistFor('jasa_konsultansi', 'seleksi').map((c) => c.item);
    assert.ok(!konsultansi.includes('gambar_rencana'), "!konsultansi.includes('gambar_rencana')");
    assert.ok(!konsultansi.includes('analisa_harga_satuan'), "!konsultansi.includes('analisa_harga_satuan')");
    const pl = checklistFor('barang', 'pengadaan_langsung');
    assert.equal(pl.find((c) => c.item === 'uang_muka_jaminan')?.mandatory, false);
    assert.equal(pl.find((c) => c.item === 'gambar_rencana')?.mandatory, false);
    assert.equal(
      pl.find((c) => c.item === 'usulan_kualifikasi'),
      undefined,
      'no qualification proposal for direct procurement',
    );
  });

  test('every rule names its legal source', () => {
    for (const r of CHECKLIST_RULES) assert.ok(r.source.length > 10, r.item);
  });

  test('volumes in thousandths, line totals rounded half up in integer rupiah', () => {
    assert.equal(parseVolume('12,5'), 12_500n);
    assert.equal(parseVolume('12.5'), 12_500n);
    assert.equal(parseVolume('1.250'), 1_250_000n, 'a dot groups thousands');
    assert.equal(parseVolume('0,001'), 1n);
    assert.equal(parseVolume('0'), null);
    assert.equal(parseVolume('1,2345'), null);
    assert.equal(parseVolume('1e3'), null);
    assert.equal(formatVolume(12_500n), '12,5');
    assert.equal(formatVolume(1_250_000n), '1.250');
    assert.equal(lineTotal(12_500n, 1_000_000n), 12_500_000n);
    assert.equal(lineTotal(1n, 500n), 1n, '0,001 × 500 = 0,5 → 1');
    assert.equal(lineTotal(1n, 499n), 0n);
    // Beyond 2^53: no float anywhere.
    assert.equal(lineTotal(3_000n, 9_007_199_254_740_993n), 27_021_597_764_222_979n);
  });

  test('a document is approved only when every member approved its current version; a rejection wins', () => {
    const at = (n: number) => new Date(2026, 0, 1, 0, n);
    const members = ['a', 'b', 'c'];
    assert.equal(documentStatusOf(members, []), 'diajukan');
    assert.equal(
      documentStatusOf(members, [
        { reviewerUserId: 'a', decision: 'disetujui', at: at(1) },
        { reviewerUserId: 'b', decision: 'disetujui', at: at(2) },
      ]),
      'diajukan',
    );
    assert.equal(
      documentStatusOf(members, [
        { reviewerUserId: 'a', decision: 'revisi', at: at(1) },
        { reviewerUserId: 'a', decision: 'disetujui', at: at(2) },
        { reviewerUserId: 'b', decision: 'disetujui', at: at(3) },
        { reviewerUserId: 'c', decision: 'disetujui', at: at(4) },
        { reviewerUserId: 'ppk', decision: 'ditolak', at: at(5) },
      ]),
      'disetujui',
      'the latest decision of each member counts; the PPK does not decide',
    );
    assert.equal(
      documentStatusOf(members, [
        { reviewerUserId: 'a', decision: 'revisi', at: at(1) },
        { reviewerUserId: 'b', decision: 'ditolak', at: at(2) },
      ]),
      'ditolak',
    );
  });
});
