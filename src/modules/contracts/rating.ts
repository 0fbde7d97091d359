/**
 * Penilaian kinerja penyedia (SIKaP, R06) as data: the four criteria the PPK scores after the BAST, their weights, and
 * the scale. Taken from Peraturan LKPP 4/2021 (pembinaan pelaku usaha) as we understand it — DOMAIN cites the SIKaP
 * slides [S17] without the numbers, so the LPSE should check these against the regulation before relying on them.
 * Changing the weights changes new ratings only: each rating keeps its scores and its weighted total.
 */
export const RATING_CRITERIA = [
  { key: 'kualitas', weight: 30 },
  { key: 'biaya', weight: 20 },
  { key: 'waktu', weight: 30 },
  { key: 'layanan', weight: 20 },
] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number]['key'];

/** 0 kurang, 1 cukup, 2 baik, 3 sangat baik. */
export const RATING_SCALE = [0, 1, 2, 3] as const;
export const RATING_MAX = 3;

/** The weighted total in hundredths (0..300): Σ score × weight, weights summing to 100. Integer, never a float. */
export function weightedScore(scores: Readonly<Record<RatingCriterion, number>>): number {
  return RATING_CRITERIA.reduce((a, c) => a + scores[c.key] * c.weight, 0);
}

/** The category of a total in hundredths: 300 sangat baik, ≥ 200 baik, ≥ 100 cukup, below that kurang. */
export function ratingCategory(hundredths: number): 'sangat_baik' | 'baik' | 'cukup' | 'kurang' {
  if (hundredths >= 300) return 'sangat_baik';
  if (hundredths >= 200) return 'baik';
  if (hundredths >= 100) return 'cukup';
  return 'kurang';
}

/** 250 → "2,50" (id) / "2.50" (en). */
export function formatScore(hundredths: number, locale: 'id' | 'en' = 'id'): string {
  const s = `${Math.trunc(hundredths / 100)}${locale === 'id' ? ',' : '.'}${String(hundredths % 100).padStart(2, '0')}`;
  return s;
}
