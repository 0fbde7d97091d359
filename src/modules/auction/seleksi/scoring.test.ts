import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  combinedScore,
  divHalfUp,
  formatScore,
  passesAmbang,
  priceScore,
  rank,
  type SeleksiSetup,
  setupProblem,
  technicalScore,
} from './scoring.ts';

const criteria = [
  { code: 'pengalaman', label: 'Pengalaman perusahaan', bobot: 20 },
  { code: 'metodologi', label: 'Pendekatan dan metodologi', bobot: 40 },
  { code: 'tenaga_ahli', label: 'Kualifikasi tenaga ahli', bobot: 40 },
];
const setup = (method: SeleksiSetup['method'], over: Partial<SeleksiSetup> = {}): SeleksiSetup => ({
  method,
  criteria,
  ambang: 70,
  bobotTeknis: 70,
  ...over,
});

describe('seleksi scoring: integer centi-points, rounded once half up', () => {
  test('divHalfUp rounds halves up and refuses negatives', () => {
    assert.equal(divHalfUp(5n, 2n), 3n);
    assert.equal(divHalfUp(4n, 3n), 1n);
    assert.equal(divHalfUp(5n, 3n), 2n);
    assert.throws(() => divHalfUp(-1n, 2n), RangeError);
  });

  test('technical score: weighted sum per member, averaged over the members, rounded once', () => {
    // member 1: 80·20 + 90·40 + 70·40 = 8000; member 2: 81·20 + 90·40 + 70·40 = 8020; member 3: 8020 → 24040/3 = 8013,33
    const t = technicalScore(criteria, [
      { pengalaman: 80, metodologi: 90, tenaga_ahli: 70 },
      { pengalaman: 81, metodologi: 90, tenaga_ahli: 70 },
      { pengalaman: 81, metodologi: 90, tenaga_ahli: 70 },
    ]);
    assert.equal(t, 8013);
    assert.equal(formatScore(t), '80,13');
    // 8000 + 8005 = 16005 / 2 = 8002,5 → 8003 (half up)
    assert.equal(
      technicalScore(
        [
          { code: 'a', label: 'a', bobot: 95 },
          { code: 'b', label: 'b', bobot: 5 },
        ],
        [
          { a: 80, b: 80 },
          { a: 80, b: 81 },
        ],
      ),
      8003,
    );
    assert.equal(technicalScore(criteria, []), null);
    assert.throws(() => technicalScore(criteria, [{ pengalaman: 101, metodologi: 1, tenaga_ahli: 1 }]), RangeError);
    assert.throws(() => technicalScore(criteria, [{ pengalaman: 1, metodologi: 1 }]), RangeError);
  });

  test('ambang batas compared exactly: 69,99 fails a 70 grade, 70,00 passes', () => {
    assert.equal(passesAmbang(6999, 70), false);
    assert.equal(passesAmbang(7000, 70), true);
  });

  test('price and combined scores', () => {
    assert.equal(priceScore(900_000_000n, 900_000_000n), 10_000);
    assert.equal(priceScore(900_000_000n, 1_000_000_000n), 9_000);
    assert.equal(priceScore(2n, 3n), 6_667); // 66,666… → 66,67
    assert.throws(() => priceScore(3n, 2n), RangeError);
    assert.equal(combinedScore(8_000, 9_000, 70), 8_300); // 0,7·80 + 0,3·90
    assert.equal(combinedScore(8_013, 6_667, 70), 7_609); // 5609,1 + 2000,1 = 7609,2
  });

  test('setup validation: weights sum to 100, integer, ambang in range', () => {
    assert.equal(setupProblem(setup('kualitas_biaya')), null);
    assert.equal(
      setupProblem(setup('kualitas_biaya', { criteria: [{ code: 'a', label: 'a', bobot: 99 }] })),
      'bobotSum',
    );
    assert.equal(setupProblem(setup('kualitas_biaya', { ambang: 101 })), 'ambang');
    assert.equal(setupProblem(setup('kualitas_biaya', { bobotTeknis: 70.5 })), 'bobotTeknis');
    assert.equal(setupProblem(setup('kualitas_biaya', { criteria: [] })), 'criteria');
  });

  const cands = [
    { vendorId: 'a', technical: 9_000, price: 1_000_000_000n },
    { vendorId: 'b', technical: 8_000, price: 800_000_000n },
    { vendorId: 'c', technical: 6_500, price: 500_000_000n }, // below the ambang: out, price never used
    { vendorId: 'd', technical: 7_500, price: 1_300_000_000n },
  ];

  test('kualitas dan biaya: combined score with the price score relative to the lowest eligible price', () => {
    const r = rank(setup('kualitas_biaya'), cands, null);
    const a = r.find((x) => x.vendorId === 'a')!;
    const b = r.find((x) => x.vendorId === 'b')!;
    // a: P = 8/10 = 80,00 → 0,7·90 + 0,3·80 = 87,00; b: P = 100 → 0,7·80 + 30 = 86,00
    assert.equal(a.priceScore, 8_000);
    assert.equal(a.combined, 8_700);
    assert.equal(b.combined, 8_600);
    assert.equal(r[0]!.vendorId, 'a', 'the highest combined score ranks first');
    assert.ok(r[0]!.winner, 'the first is the winner');
    const c = r.find((x) => x.vendorId === 'c')!;
    assert.equal(c.out, 'ambang');
    assert.equal(c.price, null, 'a failed bidder has no price in the ranking (File II stays closed)');
    assert.equal(c.rank, null);
    // With a 30/70 weighting the cheaper b wins.
    assert.equal(rank(setup('kualitas_biaya', { bobotTeknis: 30 }), cands, null)[0]!.vendorId, 'b');
  });

  test('kualitas, pagu anggaran, biaya terendah', () => {
    assert.equal(rank(setup('kualitas'), cands, null)[0]!.vendorId, 'a');
    const pagu = rank(setup('pagu_anggaran'), cands, 900_000_000n);
    assert.equal(pagu[0]!.vendorId, 'b', 'above the pagu is out, then the highest technical score');
    assert.equal(pagu.find((x) => x.vendorId === 'a')!.out, 'pagu');
    const low = rank(setup('biaya_terendah'), cands, null);
    assert.deepEqual(
      low.filter((x) => x.rank).map((x) => x.vendorId),
      ['b', 'a', 'd'],
      'lowest price among those above the ambang',
    );
  });

  test('the technical score can outweigh a lower price at a 50/50 weighting', () => {
    const r = rank(
      setup('kualitas_biaya', { bobotTeknis: 50 }),
      [
        { vendorId: 'x', technical: 8_000, price: 100n },
        { vendorId: 'y', technical: 9_000, price: 111n }, // P = 90,09 → (9000 + 9009)/2 = 9004,5 → 9005
      ],
      null,
    );
    assert.equal(r[0]!.vendorId, 'y');
  });
});
