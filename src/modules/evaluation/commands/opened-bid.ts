import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { evalBids, type PriceLine } from '../evaluation.schema.ts';
import { correctedTotal, parseVolume } from '../money.ts';

export interface OpenedBid {
  tenderId: string;
  vendorId: string;
  hargaPenawaran: bigint;
  priceLines?: { uraian: string; volume: string | number; satuan: string; hargaSatuan: bigint }[];
  openedAt: Date;
}

/**
 * THE input seam (R12): the bids module calls this at the opening, in its transaction, once per opened bid. Harga
 * terkoreksi is computed here (Σ volume × harga satuan, integer rupiah); without price lines it equals the bid.
 * Idempotent per (tender, vendor): a second call for the same bid is ignored. Audited as a system event.
 */
export async function recordOpenedBid(tx: Db, bid: OpenedBid): Promise<{ hargaTerkoreksi: bigint }> {
  if (bid.hargaPenawaran <= 0n) throw new Error('hargaPenawaran must be positive');
  const lines: PriceLine[] | null = bid.priceLines
    ? bid.priceLines.map((l) => {
        const volume = String(l.volume);
        if (parseVolume(volume) === null || l.hargaSatuan < 0n) throw new Error(`invalid price line ${l.uraian}`);
        return { uraian: l.uraian, volume, satuan: l.satuan, hargaSatuan: l.hargaSatuan.toString() };
      })
    : null;
  const hargaTerkoreksi = lines && lines.length > 0 ? correctedTotal(lines) : bid.hargaPenawaran;
  const inserted = await tx
    .insert(evalBids)
    .values({
      tenderId: bid.tenderId,
      vendorId: bid.vendorId,
      hargaPenawaran: bid.hargaPenawaran,
      priceLines: lines,
      hargaTerkoreksi,
      openedAt: bid.openedAt,
    })
    .onConflictDoNothing()
    .returning({ vendorId: evalBids.vendorId });
  if (inserted.length > 0) {
    await recordAudit(
      tx,
      { clock: { now: () => bid.openedAt }, requestId: null, actor: { userId: null, name: 'SPSE', role: null } },
      {
        action: 'evaluation.bid_recorded',
        objectType: 'tender',
        objectId: bid.tenderId,
        summary: {
          vendor: bid.vendorId,
          hargaPenawaran: bid.hargaPenawaran.toString(),
          hargaTerkoreksi: hargaTerkoreksi.toString(),
        },
      },
    );
  }
  return { hargaTerkoreksi };
}
