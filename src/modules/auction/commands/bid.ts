import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { formatDateTime, formatRupiah } from '../../../platform/i18n/i18n.ts';
import { type Auction, loadAuction, tenderBase, vendorOfUser } from '../auction.repository.ts';
import { auctionBids } from '../auction.schema.ts';
import { bidRefusal, minDecrement } from '../reverse/rules.ts';
import { auctionSpan, windowState } from '../windows.ts';

/** The auction of a Tender Cepat, or 404. */
export async function auctionOrNotFound(db: Db, by: { id: string } | { kode: string }): Promise<Auction> {
  const base = await tenderBase(db, by);
  if (base?.tender.metode !== 'tender_cepat') throw notFound('auction.error.notFound');
  return loadAuction(db, base);
}

/**
 * A bidder places a lower price in the e-reverse auction (Tender Cepat): only an eligible bidder (opened price ≤ HPS),
 * only while the auction window is open (the schedule's evaluation stage against the Clock: `AUCTION_NOT_YET`,
 * `AUCTION_CLOSED`), and lower than the own last price by at least the minimum decrement (`AUCTION_NOT_LOWER`).
 * The bidders' rows are locked in the transaction so two bids of one bidder cannot both pass the check. Audited.
 */
export async function placeAuctionBid(ctx: Ctx, kode: string, harga: bigint) {
  assertCan(ctx.actor, 'auction:bid');
  const actor = ctx.actor;
  const vendor = await vendorOfUser(ctx.db, actor.userId);
  if (!vendor) throw notFound('auction.error.notFound');
  return ctx.db.transaction(async (tx) => {
    const a = await auctionOrNotFound(tx, { kode });
    // Serialise the bids of one tender (an advisory lock held till commit).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`auction:${a.tender.id}`}))`);
    const fresh = await auctionOrNotFound(tx, { kode });
    const now = ctx.clock.now();
    const span = auctionSpan(fresh.bundle, fresh.schedule);
    const state = windowState(span, now);
    const at = (d: Date) => formatDateTime(d, ctx.locale);
    if (state === 'absent') throw conflict('AUCTION_NO_STAGE', 'auction.refused.noStage');
    if (state === 'not_yet')
      throw conflict('AUCTION_NOT_YET', 'auction.refused.auctionNotYet', { at: at(span!.start) });
    if (state === 'closed') throw conflict('AUCTION_CLOSED', 'auction.refused.auctionClosed', { at: at(span!.end) });
    const mine = fresh.standings.find((s) => s.vendorId === vendor.id);
    if (!mine) throw conflict('AUCTION_NOT_ELIGIBLE', 'auction.refused.notEligible');
    const decrement = minDecrement(fresh.tender.hps ?? mine.harga);
    const refusal = bidRefusal(mine.harga, harga, decrement);
    if (refusal)
      throw conflict(
        'AUCTION_NOT_LOWER',
        'auction.refused.notLower',
        { max: formatRupiah(mine.harga - decrement), decrement: formatRupiah(decrement) },
        { field: 'harga' },
      );
    await tx
      .insert(auctionBids)
      .values({ tenderId: fresh.tender.id, vendorId: vendor.id, harga, placedBy: actor.userId, placedAt: now });
    await recordAudit(tx, auditContext(ctx), {
      action: 'auction.bid_placed',
      objectType: 'tender',
      objectId: fresh.tender.id,
      summary: { kode, vendor: vendor.id, harga: harga.toString(), previous: mine.harga.toString() },
    });
  });
}
