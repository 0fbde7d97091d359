/**
 * The money and progress rules of the contract, pure and in integer arithmetic (DOMAIN §2.5: bigint rupiah, never a
 * float; realisasi fisik in hundredths of a percent). Commands call these; `rules.test.ts` covers each one (R12).
 */

/** The price the winner is appointed at: after negotiation when there was one, else the corrected bid. */
export function awardPrice(a: { nilaiTerkoreksi: bigint; nilaiNegosiasi: bigint | null }): bigint {
  return a.nilaiNegosiasi ?? a.nilaiTerkoreksi;
}

/** Perpres 16/2018 jo. 12/2021 Pasal 33 ayat 1: a jaminan pelaksanaan for contracts above Rp 200.000.000. */
export const JAMINAN_THRESHOLD = 200_000_000n;

/**
 * The least jaminan pelaksanaan (Perpres 16/2018 jo. 12/2021 Pasal 33): none for consultancy or up to Rp 200 juta;
 * 5 % of the contract value when the corrected bid is at least 80 % of the HPS, else 5 % of the HPS. Rounded up to
 * whole rupiah. Null: not required.
 */
export function requiredJaminan(x: { jenis: string | null; nilai: bigint; terkoreksi: bigint; hps: bigint }) {
  if (x.jenis === 'jasa_konsultansi' || x.nilai <= JAMINAN_THRESHOLD) return null;
  const base = x.terkoreksi * 100n >= x.hps * 80n ? x.nilai : x.hps;
  return (base * 5n + 99n) / 100n;
}

/**
 * An addendum's change against the original value, cumulative: the absolute changes of every addendum so far plus this
 * one (an increase followed by a decrease does not reset the count), as a share of the original value. Above 10 %
 * (e-Kontrak `alasan_nilai_kontrak_10_persen`; Perpres 16/2018 jo. 12/2021 Pasal 54 ayat 2) the addendum needs a reason
 * of its own.
 */
export function cumulativeChange(nilaiAwal: bigint, changes: readonly bigint[]) {
  const total = changes.reduce((a, c) => a + (c < 0n ? -c : c), 0n);
  return { total, aboveTenPercent: total * 10n > nilaiAwal, basisPoints: Number((total * 10000n) / nilaiAwal) };
}

export type PaymentRefusal = 'BAP_FISIK_DECREASING' | 'BAP_ABOVE_CONTRACT' | 'BAP_DATE_ORDER';

/**
 * A new BAP against those before it: fisik never goes down (it is the cumulative physical progress), the payments
 * never add up above the contract value, and dates never go back.
 */
export function checkPayment(
  previous: readonly { tanggal: string; fisikBasisPoin: number; pembayaran: bigint }[],
  next: { tanggal: string; fisikBasisPoin: number; pembayaran: bigint },
  nilaiKontrak: bigint,
): PaymentRefusal | null {
  const last = previous[previous.length - 1];
  if (last && next.fisikBasisPoin < last.fisikBasisPoin) return 'BAP_FISIK_DECREASING';
  if (last && next.tanggal < last.tanggal) return 'BAP_DATE_ORDER';
  const paid = previous.reduce((a, p) => a + p.pembayaran, 0n);
  if (paid + next.pembayaran > nilaiKontrak) return 'BAP_ABOVE_CONTRACT';
  return null;
}

export const sumPaid = (rows: readonly { pembayaran: bigint }[]) => rows.reduce((a, p) => a + p.pembayaran, 0n);

/** "45", "45,5", "45,25", "45.5", "100" → hundredths of a percent (4500, 4550, 4525, 4550, 10000); null otherwise. */
export function parsePercent(input: unknown): number | null {
  if (typeof input !== 'string') return null;
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(input.trim());
  if (!m) return null;
  const v = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return v <= 10000 ? v : null;
}

/** 4550 → "45,5 %", 10000 → "100 %" (id); "45.5 %" (en). */
export function formatPercent(basisPoints: number, locale: 'id' | 'en' = 'id'): string {
  const whole = Math.trunc(basisPoints / 100);
  const frac = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${frac ? (locale === 'id' ? ',' : '.') + frac : ''} %`;
}
