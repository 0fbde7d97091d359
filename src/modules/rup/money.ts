/**
 * Rupiah as typed by people and in SiRUP exports: "1.250.000.000", "Rp 1.250.000.000", "1250000000", "1.250.000.000,00".
 * Integer rupiah only (DOMAIN §2.5): parsed digit by digit into a bigint, never through a float. Returns null for
 * anything else ("1,5", "1.25", "-3", "1e9", "12.50.000").
 */
export function parseRupiah(input: unknown): bigint | null {
  if (typeof input === 'number') {
    return Number.isSafeInteger(input) && input > 0 ? BigInt(input) : null;
  }
  if (typeof input !== 'string') return null;
  let s = input
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s+/g, '');
  s = s.replace(/,(00|-)$/, '');
  if (!/^(\d{1,3}(\.\d{3})+|\d+)$/.test(s)) return null;
  const digits = s.replace(/\./g, '').replace(/^0+(?=\d)/, '');
  // bigint column limit (9.2e18); no budget comes near, but a typo of many zeros must not overflow.
  if (digits.length > 18) return null;
  const value = BigInt(digits);
  return value > 0n ? value : null;
}
