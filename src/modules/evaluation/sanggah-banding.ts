/**
 * The jaminan sanggah banding rate, as data (basis points of the HPS). Perpres 16/2018 Pasal 50 jo. Perpres 12/2021
 * and Perlem LKPP 12/2021: jaminan sanggah banding sebesar 1% (satu persen) dari nilai HPS. Caveat: transcribed from
 * general knowledge; check against the text. A new rate is a new value here (each appeal keeps the rate it was filed
 * under).
 */
export const JAMINAN_SANGGAH_BANDING_BP = 100;
export const JAMINAN_SOURCE =
  'Perpres 16/2018 jo. 12/2021 Pasal 50; Perlem LKPP 12/2021: jaminan sanggah banding 1% dari HPS';

/** rate × HPS, rounded up to the rupiah (never below the rule). */
export function jaminanOf(hps: bigint, rateBp = JAMINAN_SANGGAH_BANDING_BP): bigint {
  return (hps * BigInt(rateBp) + 9_999n) / 10_000n;
}
