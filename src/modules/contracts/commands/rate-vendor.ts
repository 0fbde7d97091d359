import { recordAudit } from '../../../platform/audit/audit.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { contractRatings } from '../contracts.schema.ts';
import { type RatingCriterion, weightedScore } from '../rating.ts';
import { caseForPpk, refusal, signedContract } from './common.ts';

/**
 * Penilaian kinerja penyedia (SIKaP, R06): the PPK of the package scores the vendor once per contract, only after the
 * BAST, on the criteria and scale of `rating.ts`. Kept with its weighted total; SIKaP shows the average through
 * `vendorPerformance`. Audited.
 */
export async function rateVendor(
  ctx: Ctx,
  awardId: string,
  input: { scores: Record<RatingCriterion, number>; catatan: string | null },
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const c = await caseForPpk(tx, ctx, awardId);
    const k = signedContract(c);
    if (!c.bast) throw refusal('RATING_BEFORE_BAST');
    if (c.rating) throw refusal('RATING_EXISTS');
    const nilai = weightedScore(input.scores);
    await tx.insert(contractRatings).values({
      contractId: k.id,
      vendorId: k.vendorId,
      scores: input.scores,
      nilaiRatusan: nilai,
      catatan: input.catatan,
      ratedBy: ctx.actor!.userId,
      ratedAt: ctx.clock.now(),
    });
    await recordAudit(tx, auditContext(ctx), {
      action: 'contract.vendor_rated',
      objectType: 'contract_award',
      objectId: awardId,
      summary: { kontrak: k.nomor, vendor: c.vendorName, nilai: (nilai / 100).toFixed(2), ...input.scores },
    });
    return nilai;
  });
}
