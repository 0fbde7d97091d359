import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { contractBast, contracts } from '../contracts.schema.ts';
import { caseForPpk, refusal, signedContract } from './common.ts';
import { hasMaintenancePeriod } from './record-bast.ts';

/**
 * Serah terima akhir (FHO) of a construction contract after its masa pemeliharaan, on or after the PHO: closes the
 * contract. Audited.
 */
export async function recordFho(ctx: Ctx, awardId: string, input: { nomor: string; fhoDate: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await caseForPpk(tx, ctx, awardId);
    const k = signedContract(c);
    if (!hasMaintenancePeriod(c.award.jenis)) throw refusal('FHO_NOT_CONSTRUCTION');
    if (!c.bast || k.status !== 'serah_terima') throw refusal('FHO_NOT_AWAITING');
    if (input.fhoDate < c.bast.phoDate)
      throw refusal('FHO_DATE_ORDER', { field: 'fhoDate', params: { date: c.bast.phoDate } });
    const now = ctx.clock.now();
    await tx
      .update(contractBast)
      .set({ fhoNomor: input.nomor, fhoDate: input.fhoDate, fhoBy: ctx.actor!.userId, fhoAt: now })
      .where(eq(contractBast.contractId, k.id));
    await tx.update(contracts).set({ status: 'selesai' }).where(eq(contracts.id, k.id));
    await recordAudit(tx, auditContext(ctx), {
      action: 'contract.fho_recorded',
      objectType: 'contract_award',
      objectId: awardId,
      summary: { nomor: input.nomor, kontrak: k.nomor, tanggal: input.fhoDate },
    });
  });
}
