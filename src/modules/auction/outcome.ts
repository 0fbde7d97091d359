import type { Db } from '../../platform/db/database.ts';
import { loadAuction, loadSeleksi, tenderBase } from './auction.repository.ts';
import { auctionSpan, windowState } from './windows.ts';

/**
 * The order in which a seleksi 2-file or a Tender Cepat reverse auction ranks its bidders for the award (the seam
 * evaluation reads in its penetapan, like registration's `isEligibleToBid` for tenders):
 * - `null`: the tender has no such order (evaluation keeps its lowest harga terkoreksi);
 * - `final: false`: it has one, but it is not settled yet (the seleksi's final ranking is not approved by every
 *   member, or the auction has not closed at `now`): no candidate yet;
 * - `final: true`: the bidders in rank order (winner first) with the price the rank rests on — the File II price of a
 *   seleksi, the last auction price of a Tender Cepat (its contract price; the opened price stays the evaluation's).
 */
export type AwardRanking =
  | { source: 'seleksi' | 'auction'; final: false }
  | { source: 'seleksi' | 'auction'; final: true; order: { vendorId: string; harga: bigint | null }[] };

export async function awardRanking(db: Db, tenderId: string, now: Date): Promise<AwardRanking | null> {
  const base = await tenderBase(db, { id: tenderId });
  if (!base) return null;
  if (base.tender.metode === 'tender_cepat') {
    const a = await loadAuction(db, base);
    if (windowState(auctionSpan(a.bundle, a.schedule), now) !== 'closed') return { source: 'auction', final: false };
    return {
      source: 'auction',
      final: true,
      order: a.standings.map((s) => ({ vendorId: s.vendorId, harga: s.harga })),
    };
  }
  if (base.tender.metode === 'seleksi' && base.bundle.documentMethod === 'dua_file') {
    const s = await loadSeleksi(db, base);
    if (!s.setup?.resultApprovedAt) return { source: 'seleksi', final: false };
    const ranked = s.ranking.filter((r) => r.rank !== null).sort((x, y) => x.rank! - y.rank!);
    return { source: 'seleksi', final: true, order: ranked.map((r) => ({ vendorId: r.vendorId, harga: r.price })) };
  }
  return null;
}
