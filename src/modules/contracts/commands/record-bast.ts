import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { contractBast, contracts } from '../contracts.schema.ts';
import { caseForPpk, refusal, signedContract } from './common.ts';

/** Construction has a masa pemeliharaan between the PHO and the FHO; other work is handed over once. */
export const hasMaintenancePeriod = (jenis: string | null) => jenis === 'pekerjaan_konstruksi';

/**
 * Berita Acara Serah Terima (PHO): the work is handed over when the last BAP shows 100 % fisik (Perpres 16/2018 jo.
 * 12/2021 Pasal 57), on or after that BAP. Closes the contract, except construction, which waits for its FHO. From
 * here the PPK may rate the vendor and the contract counts as the vendor's experience (`completedContractsOf`).
 * Audited.
 */
export async function recordBast(ctx: Ctx, awardId: string, input: { nomor: string; phoDate: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await caseForPpk(tx, ctx, awardId);
    const k = signedContract(c);
    if (k.status === 'diputus') throw refusal('CONTRACT_TERMINATED');
    if (c.bast) throw refusal('BAST_EXISTS');
    const last = c.payments[c.payments.length - 1];
    if (!last || last.fisikBasisPoin < 10000) throw refusal('BAST_PROGRESS_INCOMPLETE');
    if (input.phoDate < last.tanggal)
      throw refusal('BAST_DATE_ORDER', { field: 'phoDate', params: { date: last.tanggal } });
    await tx.insert(contractBast).values({
      contractId: k.id,
      nomor: input.nomor,
      phoDate: input.phoDate,
      createdBy: ctx.actor!.userId,
      createdAt: ctx.clock.now(),
    });
    const status = hasMaintenancePeriod(c.award.jenis) ? 'serah_terima' : 'selesai';
    await tx.update(contracts).set({ status }).where(eq(contracts.id, k.id));
    await recordAudit(tx, auditContext(ctx), {
      action: 'contract.bast_recorded',
      objectType: 'contract_award',
      objectId: awardId,
      summary: { nomor: input.nomor, kontrak: k.nomor, tanggal: input.phoDate, vendor: c.vendorName },
    });
  });
}
