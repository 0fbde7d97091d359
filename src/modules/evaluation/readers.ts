import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { isAnnounced } from './commands/sanggah.ts';
import { type Evaluation, loadEvaluation } from './evaluation.repository.ts';
import { evalBids } from './evaluation.schema.ts';
import { sanggahSpan } from './windows.ts';

export interface Award {
  vendorId: string;
  nilaiPenawaran: bigint;
  nilaiTerkoreksi: bigint;
  nilaiNegosiasi: bigint | null;
  decidedAt: Date;
  decidedBy: string;
  decidedAs: 'POKJA' | 'PA_KPA';
}

/** Why the award does not stand yet (for the lead's wiring and the Pokja page). */
export type AwardBlocker = 'NO_AWARD' | 'NOT_ANNOUNCED' | 'MASA_SANGGAH' | 'SANGGAH_UNANSWERED' | 'BANDING_UNANSWERED';

export function awardBlockers(e: Evaluation, now: Date): AwardBlocker[] {
  if (!e.award) return ['NO_AWARD'];
  const out: AwardBlocker[] = [];
  if (!isAnnounced(e, now)) out.push('NOT_ANNOUNCED');
  const span = sanggahSpan(e.bundle, e.schedule);
  if (span && now.getTime() < span.end.getTime()) out.push('MASA_SANGGAH');
  if (e.sanggah.some((s) => !s.answeredAt)) out.push('SANGGAH_UNANSWERED');
  if (e.banding.some((b) => !b.answeredAt)) out.push('BANDING_UNANSWERED');
  return out;
}

/**
 * THE output seam (R12): the winner once it stands — penetapan done and announced, the masa sanggah over, and no
 * sanggah unanswered (an upheld sanggah withdraws the award). Null otherwise. The contracts module's `acceptAward`
 * starts from this.
 */
export async function awardOf(db: Db, tenderId: string, now: Date): Promise<Award | null> {
  const e = await loadEvaluation(db, tenderId);
  if (!e?.award || awardBlockers(e, now).length > 0) return null;
  const a = e.award;
  return {
    vendorId: a.vendorId,
    nilaiPenawaran: a.nilaiPenawaran,
    nilaiTerkoreksi: a.nilaiTerkoreksi,
    // The negotiated price as it stands (recorded on the bid; copied onto the award when negotiated after it).
    nilaiNegosiasi:
      a.nilaiNegosiasi ?? e.bidders.find((b) => b.bid.vendorId === a.vendorId)?.bid.hargaNegosiasi ?? null,
    decidedAt: a.decidedAt,
    decidedBy: a.decidedBy,
    decidedAs: a.decidedAs,
  };
}

/**
 * For tender gagal (Perpres 16/2018 Ps. 51(2)), built by the tenders module: what the evaluation says. `reason` is the
 * failure reason code of the bundle's `failure` list that applies, or null while the tender can still be awarded.
 */
export async function evaluationOutcome(
  db: Db,
  tenderId: string,
): Promise<{
  bids: number;
  passed: number;
  allAboveHps: boolean;
  reason: 'b_tidak_ada_penawaran' | 'c_tidak_ada_yang_lulus' | 'g_harga_di_atas_hps' | null;
} | null> {
  const e = await loadEvaluation(db, tenderId);
  if (!e) return null;
  const bids = e.bidders.length;
  const passed = e.bidders.filter((b) => !b.failed && !b.aboveHps).length;
  const allAboveHps = bids > 0 && e.bidders.every((b) => b.aboveHps);
  const finished = e.bidders.every((b) => b.failed || b.passedAll || b.aboveHps);
  const reason =
    bids === 0
      ? 'b_tidak_ada_penawaran'
      : allAboveHps
        ? 'g_harga_di_atas_hps'
        : finished && passed === 0
          ? 'c_tidak_ada_yang_lulus'
          : null;
  return { bids, passed, allAboveHps, reason };
}

/**
 * The harga penawaran already handed to the evaluation through `recordOpenedBid`, by vendor id: the opening page
 * shows them and refuses a second transcription.
 */
export async function recordedBidPrices(db: Db, tenderId: string): Promise<Map<string, bigint>> {
  const rows = await db
    .select({ vendorId: evalBids.vendorId, harga: evalBids.hargaPenawaran })
    .from(evalBids)
    .where(eq(evalBids.tenderId, tenderId));
  return new Map(rows.map((r) => [r.vendorId, r.harga]));
}
