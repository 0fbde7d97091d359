import type { PriceLine } from './evaluation.schema.ts';

/**
 * Arithmetic correction of a bid's price list (koreksi aritmatik, Perlem LKPP 12/2021 Lampiran: "hasil koreksi
 * aritmatik"): harga terkoreksi = Σ volume × harga satuan, in integer rupiah. Volumes are decimals of up to 4 places
 * held as strings and scaled to integers; the sum is exact and rounded once, half up, to the rupiah. No float is used.
 */
const SCALE = 10_000n;

/** "12,5" / "12.5" / "3" → 125000n (× 10⁻⁴), or null for anything else (negative, > 4 places, exponent, empty). */
export function parseVolume(input: string): bigint | null {
  const s = input.trim().replace(',', '.');
  const m = /^(\d{1,12})(?:\.(\d{1,4}))?$/.exec(s);
  if (!m) return null;
  return BigInt(m[1]!) * SCALE + BigInt((m[2] ?? '').padEnd(4, '0'));
}

/** Σ volume × harga satuan, rounded half up to the rupiah. Throws on an unreadable line (callers validate first). */
export function correctedTotal(lines: readonly Pick<PriceLine, 'volume' | 'hargaSatuan'>[]): bigint {
  let scaled = 0n;
  for (const l of lines) {
    const v = parseVolume(l.volume);
    if (v === null || !/^\d{1,18}$/.test(l.hargaSatuan)) throw new Error(`unreadable price line ${l.volume}`);
    scaled += v * BigInt(l.hargaSatuan);
  }
  return (scaled + SCALE / 2n) / SCALE;
}

/** The correction as a signed difference (terkoreksi − penawaran) and its share of the bid in basis points. */
export function correctionOf(penawaran: bigint, terkoreksi: bigint): { diff: bigint; basisPoints: bigint } {
  const diff = terkoreksi - penawaran;
  return { diff, basisPoints: penawaran > 0n ? (diff * 10_000n) / penawaran : 0n };
}
