/**
 * Who decides the winner (penetapan pemenang), as data with its source. Below the threshold the Pokja decides; above
 * it the PA/KPA does, on the Pokja's proposal.
 *
 * Source: Perpres 16/2018 Pasal 9 ayat (1) huruf h (PA menetapkan pemenang untuk Tender/Penunjukan Langsung barang,
 * pekerjaan konstruksi, jasa lainnya dengan pagu > Rp100.000.000.000 dan Seleksi jasa konsultansi dengan pagu >
 * Rp10.000.000.000), kept in Perpres 12/2021. Caveat: transcribed from general knowledge of the regulation; check
 * against the text before production use.
 */
export const AWARD_THRESHOLDS = [
  { jenis: ['barang', 'pekerjaan_konstruksi', 'jasa_lainnya'], above: 100_000_000_000n },
  { jenis: ['jasa_konsultansi'], above: 10_000_000_000n },
] as const;

export const AWARD_AUTHORITY_SOURCE =
  'Perpres 16/2018 jo. 12/2021 Pasal 9 ayat (1) huruf h: penetapan pemenang oleh PA di atas Rp100 miliar (barang, konstruksi, jasa lainnya) atau Rp10 miliar (jasa konsultansi)';

/** `PA_KPA` when the tender's pagu is above the threshold of its category, else `POKJA`. */
export function awardAuthority(jenis: string | null, pagu: bigint | null): 'POKJA' | 'PA_KPA' {
  if (pagu === null || jenis === null) return 'POKJA';
  const rule = AWARD_THRESHOLDS.find((r) => (r.jenis as readonly string[]).includes(jenis));
  return rule && pagu > rule.above ? 'PA_KPA' : 'POKJA';
}
