/**
 * HPS arithmetic in integer rupiah (DOMAIN §2.5): bigint only, never a float. Volumes may have up to three decimals
 * ("12,5" m³) and are kept in thousandths; a line total is volume × unit price rounded half up to whole rupiah.
 */

/** "12", "12,5", "12.5", "1.250" (thousands) … → thousandths; null for anything else or zero. */
export function parseVolume(input: unknown): bigint | null {
  if (typeof input !== 'string') return null;
  const s = input.trim().replace(/\s+/g, '');
  let whole: string;
  let frac = '';
  // "1.250" and "1.250,5": dots group thousands, the comma is the decimal mark (Indonesian).
  const id = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,3}))?$/.exec(s);
  const en = /^(\d+)\.(\d{1,2})$/.exec(s); // "12.5" typed the English way (at most two decimals, not a group)
  if (id) {
    whole = id[1]!.replace(/\./g, '');
    frac = id[2] ?? '';
  } else if (en) {
    whole = en[1]!;
    frac = en[2]!;
  } else return null;
  if (whole.length > 12) return null;
  const milli = BigInt(whole) * 1000n + BigInt((frac || '0').padEnd(3, '0'));
  return milli > 0n ? milli : null;
}

/** Thousandths back to the Indonesian way of writing: 12500 → "12,5". */
export function formatVolume(milli: bigint): string {
  const whole = milli / 1000n;
  const frac = (milli % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  const w = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return frac ? `${w},${frac}` : w;
}

/** Volume (thousandths) × unit price (rupiah), rounded half up to whole rupiah. */
export function lineTotal(volumeMilli: bigint, hargaSatuan: bigint): bigint {
  return (volumeMilli * hargaSatuan + 500n) / 1000n;
}

export function sum(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}
