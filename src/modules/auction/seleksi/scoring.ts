/**
 * Seleksi 2-file scoring (Perpres 16/2018 jo. 12/2021 Pasal 42; Perlem LKPP 12/2021 Lampiran II): pure functions,
 * integer arithmetic only.
 *
 * Units: a member scores each criterion 0–100 (integer). Weights (bobot) are integer percent and sum to 100. Every
 * derived score is kept in **centi-points** (hundredths of a point, 0–10 000) and rounded **once, half up**, where it
 * is derived (technical score: after averaging the members; price score; combined score). Shown as "87,50".
 */

export const SELEKSI_METHODS = ['kualitas_biaya', 'kualitas', 'pagu_anggaran', 'biaya_terendah'] as const;
export type SeleksiMethod = (typeof SELEKSI_METHODS)[number];

export interface Criterion {
  code: string;
  label: string;
  /** Integer percent; all criteria sum to 100. */
  bobot: number;
}

export interface SeleksiSetup {
  method: SeleksiMethod;
  criteria: Criterion[];
  /** Ambang batas (passing grade) of the technical score, in points 0–100. */
  ambang: number;
  /** Kualitas dan biaya: weight of the technical score, integer percent (the price weight is 100 − this). */
  bobotTeknis: number;
}

/** a / b rounded half up, for non-negative integers (b > 0). */
export function divHalfUp(a: bigint, b: bigint): bigint {
  if (b <= 0n || a < 0n) throw new RangeError('divHalfUp: non-negative numerator, positive divisor');
  return (2n * a + b) / (2n * b);
}

/** Why a setup is invalid (a message key suffix), or null. */
export function setupProblem(s: SeleksiSetup): string | null {
  if (!SELEKSI_METHODS.includes(s.method)) return 'method';
  if (s.criteria.length === 0) return 'criteria';
  const codes = new Set(s.criteria.map((c) => c.code));
  if (codes.size !== s.criteria.length) return 'criteria';
  if (s.criteria.some((c) => !Number.isInteger(c.bobot) || c.bobot <= 0)) return 'bobot';
  if (s.criteria.reduce((n, c) => n + c.bobot, 0) !== 100) return 'bobotSum';
  if (!Number.isInteger(s.ambang) || s.ambang < 0 || s.ambang > 100) return 'ambang';
  if (!Number.isInteger(s.bobotTeknis) || s.bobotTeknis < 0 || s.bobotTeknis > 100) return 'bobotTeknis';
  return null;
}

export const validScore = (v: number) => Number.isInteger(v) && v >= 0 && v <= 100;

/**
 * The technical score of one bidder in centi-points: each member's weighted sum Σ score × bobot (already centi-points,
 * since bobot is percent), averaged over the members who scored, rounded once half up. Null when nobody scored.
 */
export function technicalScore(
  criteria: readonly Criterion[],
  byMember: readonly Record<string, number>[],
): number | null {
  if (byMember.length === 0) return null;
  let total = 0n;
  for (const scores of byMember) {
    for (const c of criteria) {
      const v = scores[c.code];
      if (v === undefined || !validScore(v)) throw new RangeError(`score for ${c.code} missing or out of range`);
      total += BigInt(v) * BigInt(c.bobot);
    }
  }
  return Number(divHalfUp(total, BigInt(byMember.length)));
}

/** Passes the ambang batas: technical score ≥ ambang (points) — compared exactly in centi-points. */
export const passesAmbang = (technical: number, ambang: number) => technical >= ambang * 100;

/** Price score (kualitas dan biaya): lowest price / this price × 100 points, in centi-points, rounded half up. */
export function priceScore(lowest: bigint, price: bigint): number {
  if (price <= 0n || lowest <= 0n || lowest > price) throw new RangeError('priceScore: 0 < lowest ≤ price');
  return Number(divHalfUp(lowest * 10_000n, price));
}

/** Combined score: (T × bobotTeknis + P × (100 − bobotTeknis)) / 100, centi-points, rounded half up. */
export function combinedScore(technical: number, price: number, bobotTeknis: number): number {
  return Number(divHalfUp(BigInt(technical) * BigInt(bobotTeknis) + BigInt(price) * BigInt(100 - bobotTeknis), 100n));
}

export interface Candidate {
  vendorId: string;
  /** Centi-points, or null while not every member scored. */
  technical: number | null;
  /** File II price (integer rupiah), or null when not opened / not passed. */
  price: bigint | null;
}

export interface Ranked {
  vendorId: string;
  technical: number | null;
  passed: boolean;
  price: bigint | null;
  priceScore: number | null;
  combined: number | null;
  /** Why the bidder is out (message key suffix): below the ambang, above the pagu. */
  out: 'ambang' | 'pagu' | null;
  /** 1-based among the eligible ones, by the method's order; null when out. */
  rank: number | null;
  winner: boolean;
}

const byVendor = (a: { vendorId: string }, b: { vendorId: string }) => (a.vendorId < b.vendorId ? -1 : 1);

/**
 * Rank every bidder by the method (ties broken by the technical score, then the price, then the vendor id, so the
 * order is total and reproducible):
 * - kualitas_biaya: combined score, descending (price score relative to the lowest eligible price);
 * - kualitas: technical score, descending (the price is negotiated with the first, afterwards);
 * - pagu_anggaran: technical score, descending, among prices ≤ pagu (above the pagu: out);
 * - biaya_terendah: price, ascending, among those who passed the ambang.
 * Everyone below the ambang is out. Price-dependent methods rank only bidders with a File II price.
 */
export function rank(setup: SeleksiSetup, candidates: readonly Candidate[], pagu: bigint | null): Ranked[] {
  const rows: Ranked[] = [...candidates].sort(byVendor).map((c) => {
    const passed = c.technical !== null && passesAmbang(c.technical, setup.ambang);
    const abovePagu = setup.method === 'pagu_anggaran' && c.price !== null && pagu !== null && c.price > pagu;
    return {
      vendorId: c.vendorId,
      technical: c.technical,
      passed,
      price: passed ? c.price : null,
      priceScore: null,
      combined: null,
      out: c.technical === null ? null : !passed ? 'ambang' : abovePagu ? 'pagu' : null,
      rank: null,
      winner: false,
    };
  });
  const needsPrice = setup.method !== 'kualitas';
  const eligible = rows.filter((r) => r.passed && !r.out && (!needsPrice || r.price !== null));
  if (setup.method === 'kualitas_biaya' && eligible.length > 0) {
    let lowest = eligible[0]!.price!;
    for (const r of eligible) if (r.price! < lowest) lowest = r.price!;
    for (const r of eligible) {
      r.priceScore = priceScore(lowest, r.price!);
      r.combined = combinedScore(r.technical!, r.priceScore, setup.bobotTeknis);
    }
  }
  const tech = (a: Ranked, b: Ranked) => b.technical! - a.technical!;
  const price = (a: Ranked, b: Ranked) => (a.price === b.price ? 0 : (a.price ?? 0n) < (b.price ?? 0n) ? -1 : 1);
  const cmp: (a: Ranked, b: Ranked) => number =
    setup.method === 'kualitas_biaya'
      ? (a, b) => b.combined! - a.combined! || tech(a, b) || price(a, b)
      : setup.method === 'biaya_terendah'
        ? (a, b) => price(a, b) || tech(a, b)
        : (a, b) => tech(a, b) || price(a, b);
  eligible.sort((a, b) => cmp(a, b) || byVendor(a, b));
  eligible.forEach((r, i) => {
    r.rank = i + 1;
    r.winner = i === 0;
  });
  return rows.sort(
    (a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || (b.technical ?? -1) - (a.technical ?? -1) || byVendor(a, b),
  );
}

/** "8750" → "87,50" (centi-points as shown on the pages). */
export const formatScore = (centi: number | null) =>
  centi === null ? '–' : `${Math.floor(centi / 100)},${String(centi % 100).padStart(2, '0')}`;
