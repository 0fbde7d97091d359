import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatScore, ratingCategory, weightedScore } from './rating.ts';
import { awardPrice, checkPayment, cumulativeChange, formatPercent, parsePercent, requiredJaminan } from './rules.ts';

describe('contract rules (R12, DOMAIN §2.5)', () => {
  test('the award price is the negotiated one when there was a negotiation', () => {
    assert.equal(awardPrice({ nilaiTerkoreksi: 100n, nilaiNegosiasi: null }), 100n);
    assert.equal(awardPrice({ nilaiTerkoreksi: 100n, nilaiNegosiasi: 90n }), 90n);
  });

  test('jaminan pelaksanaan: none up to Rp 200 juta or for consultancy; 5 % of the value, or of the HPS below 80 %', () => {
    const hps = 1_000_000_000n;
    assert.equal(requiredJaminan({ jenis: 'barang', nilai: 200_000_000n, terkoreksi: 200_000_000n, hps }), null);
    assert.equal(
      requiredJaminan({ jenis: 'jasa_konsultansi', nilai: 900_000_000n, terkoreksi: 900_000_000n, hps }),
      null,
    );
    assert.equal(requiredJaminan({ jenis: 'barang', nilai: 900_000_000n, terkoreksi: 900_000_000n, hps }), 45_000_000n);
    // exactly 80 % of the HPS: still 5 % of the value
    assert.equal(requiredJaminan({ jenis: 'barang', nilai: 800_000_000n, terkoreksi: 800_000_000n, hps }), 40_000_000n);
    // below 80 %: 5 % of the HPS
    assert.equal(requiredJaminan({ jenis: 'barang', nilai: 799_999_999n, terkoreksi: 799_999_999n, hps }), 50_000_000n);
    // rounded up to whole rupiah
    assert.equal(
      requiredJaminan({ jenis: 'barang', nilai: 200_000_001n, terkoreksi: 200_000_001n, hps: 200_000_001n }),
      10_000_001n,
    );
  });

  test('addendum: the change is cumulative in absolute terms; 10 % exactly is not above 10 %', () => {
    assert.equal(cumulativeChange(1000n, [100n]).aboveTenPercent, false);
    assert.equal(cumulativeChange(1000n, [101n]).aboveTenPercent, true);
    assert.equal(cumulativeChange(1000n, [60n, 41n]).aboveTenPercent, true);
    // up then down still counts both changes
    assert.equal(cumulativeChange(1000n, [60n, -60n]).aboveTenPercent, true);
    assert.equal(cumulativeChange(1000n, [-50n]).basisPoints, 500);
  });

  test('BAP: fisik never goes down, payments never above the contract value, dates never back', () => {
    const prev = [{ tanggal: '2026-05-01', fisikBasisPoin: 4000, pembayaran: 400n }];
    assert.equal(
      checkPayment(prev, { tanggal: '2026-06-01', fisikBasisPoin: 3999, pembayaran: 0n }, 1000n),
      'BAP_FISIK_DECREASING',
    );
    assert.equal(
      checkPayment(prev, { tanggal: '2026-06-01', fisikBasisPoin: 4000, pembayaran: 601n }, 1000n),
      'BAP_ABOVE_CONTRACT',
    );
    assert.equal(
      checkPayment(prev, { tanggal: '2026-04-30', fisikBasisPoin: 5000, pembayaran: 1n }, 1000n),
      'BAP_DATE_ORDER',
    );
    assert.equal(checkPayment(prev, { tanggal: '2026-05-01', fisikBasisPoin: 4000, pembayaran: 600n }, 1000n), null);
    assert.equal(
      checkPayment([], { tanggal: '2026-05-01', fisikBasisPoin: 0, pembayaran: 1001n }, 1000n),
      'BAP_ABOVE_CONTRACT',
    );
  });

  test('percent in hundredths: Indonesian and English decimal marks, never above 100, never a float', () => {
    assert.equal(parsePercent('45'), 4500);
    assert.equal(parsePercent('45,5'), 4550);
    assert.equal(parsePercent('45.25'), 4525);
    assert.equal(parsePercent('100'), 10000);
    assert.equal(parsePercent('100,01'), null);
    assert.equal(parsePercent('45,555'), null);
    assert.equal(parsePercent('-1'), null);
    assert.equal(parsePercent('abc'), null);
    assert.equal(formatPercent(4550), '45,5 %');
    assert.equal(formatPercent(10000), '100 %');
    assert.equal(formatPercent(4525, 'en'), '45.25 %');
  });

  test('rating: weighted total in hundredths, categories from the scale', () => {
    assert.equal(weightedScore({ kualitas: 3, biaya: 3, waktu: 3, layanan: 3 }), 300);
    assert.equal(weightedScore({ kualitas: 3, biaya: 2, waktu: 2, layanan: 1 }), 90 + 40 + 60 + 20);
    assert.equal(ratingCategory(300), 'sangat_baik');
    assert.equal(ratingCategory(210), 'baik');
    assert.equal(ratingCategory(199), 'cukup');
    assert.equal(ratingCategory(99), 'kurang');
    assert.equal(formatScore(250), '2,50');
  });
});
