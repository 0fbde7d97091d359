/**
 * Tender Cepat e-reverse auction (Perpres 16/2018 jo. 12/2021 Pasal 38(4); DOMAIN §1.5): pure rules.
 *
 * Eligible: a bidder whose opened price (eval_bids, harga terkoreksi) is ≤ HPS. Each new bid must be lower than the
 * bidder's own last price by at least the minimum decrement, and positive. At the close the lowest price wins (a tie:
 * the earlier bid). Money is integer rupiah.
 */

/** The minimum decrement: 0,5 % of the HPS rounded up to the rupiah, at least Rp1 (data; per tender later). */
export const MIN_DECREMENT_BP = 50n; // basis points of the HPS

export function minDecrement(hps: bigint): bigint {
  const d = (hps * MIN_DECREMENT_BP + 9_999n) / 10_000n;
  return d < 1n ? 1n : d;
}

export type BidRefusal = 'NOT_LOWER' | 'NOT_POSITIVE';

/** Why `price` may not follow `last` (the bidder's own current price), or null. */
export function bidRefusal(last: bigint, price: bigint, decrement: bigint): BidRefusal | null {
  if (price <= 0n) return 'NOT_POSITIVE';
  if (price > last - decrement) return 'NOT_LOWER';
  return null;
}

export interface AuctionBid {
  vendorId: string;
  harga: bigint;
  at: Date;
}

export interface Standing {
  vendorId: string;
  /** The bidder's current (lowest, i.e. last) price. */
  harga: bigint;
  /** When that price was placed (ties: earlier first). */
  at: Date;
  rank: number;
}

/**
 * The standing from the opened prices and the auction bids: each bidder's last (= lowest) price, ranked ascending,
 * then by time. `opened` are the eligible bidders' opening prices (the starting point).
 */
export function standings(opened: readonly AuctionBid[], bids: readonly AuctionBid[]): Standing[] {
  const current = new Map<string, AuctionBid>();
  for (const b of [...opened, ...bids].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const prev = current.get(b.vendorId);
    if (!prev || b.harga < prev.harga) current.set(b.vendorId, b);
  }
  return [...current.values()]
    .sort((a, b) =>
      a.harga === b.harga
        ? a.at.getTime() - b.at.getTime() || (a.vendorId < b.vendorId ? -1 : 1)
        : a.harga < b.harga
          ? -1
          : 1,
    )
    .map((b, i) => ({ vendorId: b.vendorId, harga: b.harga, at: b.at, rank: i + 1 }));
}

/** What a bidder may see during the auction: own rank and price, the current lowest price, how many bid (no names). */
export function bidderView(all: readonly Standing[], vendorId: string) {
  const mine = all.find((s) => s.vendorId === vendorId) ?? null;
  return {
    rank: mine?.rank ?? null,
    own: mine?.harga ?? null,
    lowest: all[0]?.harga ?? null,
    bidders: all.length,
  };
}
