import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvCell, parseCsv } from './csv.ts';
import { allowedMethods, checkMethod, METHOD_RULES } from './methods.ts';
import { parseRupiah } from './money.ts';
import { type PlanInput, planProblems } from './plan-input.ts';

describe('method rules (Perpres 16/2018 jo. 12/2021), as data with their source', () => {
  test('every rule names its legal source', () => {
    for (const r of METHOD_RULES) assert.match(r.source, /Perpres 16\/2018 Pasal \d+/);
  });
  test('Pengadaan Langsung: up to Rp200.000.000 for goods, works and other services, Rp100.000.000 for consultancy', () => {
    assert.equal(checkMethod('pengadaan_langsung', 'barang', 200_000_000n).ok, true);
    const above = checkMethod('pengadaan_langsung', 'barang', 200_000_001n);
    assert.equal(above.ok, false);
    assert.equal(!above.ok && above.code, 'METHOD_ABOVE_THRESHOLD');
    assert.equal(!above.ok && above.threshold, 200_000_000n);
    assert.equal(checkMethod('pengadaan_langsung', 'jasa_konsultansi', 100_000_000n).ok, true);
    assert.equal(checkMethod('pengadaan_langsung', 'jasa_konsultansi', 100_000_001n).ok, false);
  });
  test('Tender and Tender Cepat above the PL threshold and not for consultancy; Seleksi only for consultancy above Rp100 juta', () => {
    assert.equal(checkMethod('tender', 'pekerjaan_konstruksi', 200_000_001n).ok, true);
    const low = checkMethod('tender', 'pekerjaan_konstruksi', 150_000_000n);
    assert.equal(!low.ok && low.code, 'METHOD_BELOW_THRESHOLD');
    assert.equal(!checkMethod('tender', 'jasa_konsultansi', 900_000_000n).ok && 'refused', 'refused');
    assert.equal(checkMethod('seleksi', 'jasa_konsultansi', 100_000_001n).ok, true);
    assert.equal(checkMethod('seleksi', 'barang', 900_000_000n).ok, false);
    assert.equal(checkMethod('tender_cepat', 'barang', 5_000_000_000n).ok, true);
  });
  test('E-purchasing at any value; Penunjukan Langsung only with an enumerated case', () => {
    assert.equal(checkMethod('e_purchasing', 'barang', 1n).ok, true);
    assert.equal(checkMethod('e_purchasing', 'barang', 90_000_000_000n).ok, true);
    const pl = checkMethod('penunjukan_langsung', 'barang', 500_000_000n);
    assert.equal(!pl.ok && pl.code, 'METHOD_NEEDS_CASE');
    assert.equal(checkMethod('penunjukan_langsung', 'barang', 500_000_000n, 'd_satu_pelaku_usaha').ok, true);
  });
  test('allowed methods for a consultancy of Rp150 juta', () => {
    assert.deepEqual(allowedMethods('jasa_konsultansi', 150_000_000n), ['penunjukan_langsung', 'seleksi']);
  });
});

describe('rupiah parsing: integer rupiah without floats', () => {
  test('the ways people and SiRUP write amounts', () => {
    assert.equal(parseRupiah('1.250.000.000'), 1_250_000_000n);
    assert.equal(parseRupiah('Rp 1.250.000.000'), 1_250_000_000n);
    assert.equal(parseRupiah('Rp1.250.000.000,00'), 1_250_000_000n);
    assert.equal(parseRupiah('1250000000'), 1_250_000_000n);
    assert.equal(parseRupiah(' 999.999.999.999.999 '), 999_999_999_999_999n);
    // Beyond 2^53 stays exact: no float anywhere.
    assert.equal(parseRupiah('9.007.199.254.740.993'), 9_007_199_254_740_993n);
  });
  test('anything else is refused', () => {
    for (const bad of ['1,5', '1.25', '-3', '1e9', '12.50.000', '', '0', 'Rp', '1.250.000.000,50', '1 2 3x']) {
      assert.equal(parseRupiah(bad), null, bad);
    }
    assert.equal(parseRupiah(1.5), null);
  });
});

const base: PlanInput = {
  tipe: 'penyedia',
  tahunAnggaran: 2026,
  namaPaket: 'Uji',
  satkerKode: null,
  satkerNama: null,
  pagu: 1_250_000_000n,
  sumberDana: 'APBD',
  metode: 'tender',
  jenis: 'barang',
  alasanPenunjukan: null,
  tipeSwakelola: null,
  bulanPemilihan: '2026-03',
  bulanKontrak: '2026-05',
  bulanPemanfaatan: '2026-12',
  statusPdn: true,
  statusUkm: true,
  alasanNonUkm: null,
  lokasi: null,
  volume: null,
  uraian: null,
  spesifikasi: null,
  ppkUserId: null,
  lines: [
    {
      kodeProgram: '1.01',
      kodeKegiatan: '1.01.2',
      kodeSubKegiatan: '1.01.2.01',
      mak: '5.2',
      sumberDana: 'APBD',
      pagu: 1_000_000_000n,
    },
    {
      kodeProgram: '1.01',
      kodeKegiatan: '1.01.2',
      kodeSubKegiatan: '1.01.2.02',
      mak: '5.2',
      sumberDana: 'APBD',
      pagu: 250_000_000n,
    },
  ],
};

describe('plan rules', () => {
  test('budget lines that add up pass; a rupiah off is refused with both sums', () => {
    assert.deepEqual(planProblems(base), []);
    const off = planProblems({ ...base, pagu: 1_250_000_001n });
    assert.equal(off[0]?.code, 'RUP_LINES_SUM');
    assert.equal(off[0]?.params?.sum, 'Rp 1.250.000.000');
  });
  test('not reserved for small business needs a reason; swakelola needs its type; months in order', () => {
    assert.equal(planProblems({ ...base, statusUkm: false })[0]?.code, 'RUP_NON_UKM_REASON');
    assert.equal(planProblems({ ...base, tipe: 'swakelola' })[0]?.code, 'RUP_TIPE_SWAKELOLA');
    assert.deepEqual(planProblems({ ...base, tipe: 'swakelola', tipeSwakelola: 1, metode: null, jenis: null }), []);
    assert.equal(planProblems({ ...base, bulanKontrak: '2026-01' })[0]?.code, 'RUP_MONTHS_ORDER');
  });
  test('a method above its threshold names the threshold and the source', () => {
    const p = planProblems({ ...base, metode: 'pengadaan_langsung' });
    assert.equal(p[0]?.code, 'METHOD_ABOVE_THRESHOLD');
    assert.equal(p[0]?.params?.threshold, 'Rp 200.000.000');
    assert.match(String(p[0]?.params?.source), /Perpres 12\/2021/);
  });
});

describe('CSV (RFC 4180, strict)', () => {
  test('quotes, escaped quotes, line breaks in quotes, CRLF, BOM, semicolons', () => {
    assert.deepEqual(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",2\n'), [
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', '2'],
    ]);
    assert.deepEqual(parseCsv('a;b\n1;2'), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    assert.deepEqual(parseCsv('a,b\n1,\n'), [
      ['a', 'b'],
      ['1', ''],
    ]);
  });
  test('malformed input is an error with its line, not a guess', () => {
    assert.throws(() => parseCsv('a,b\n"open,2'), /baris 2/);
    assert.throws(() => parseCsv('a,b\nx"y,2'), /kutip/);
    assert.throws(() => parseCsv('a\n"x"y'), /setelah/);
  });
  test('cells a spreadsheet would run as formulas are neutralised', () => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('+62'), "'+62");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell(1250000000n), '1250000000');
    assert.equal(csvCell('a,b'), '"a,b"');
  });
});
