import { recordAudit } from '../../../platform/audit/audit.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { contractSpmk } from '../contracts.schema.ts';
import { caseForPpk, refusal, signedContract } from './common.ts';

/**
 * Surat Perintah Mulai Kerja (e-Kontrak `no_spmk_spp`, `tgl_spmk_spp`, `tgl_mulai`): one per contract, dated on or after
 * the signing; work starts on or after it and before the period ends. Audited.
 */
export async function issueSpmk(
  ctx: Ctx,
  awardId: string,
  input: { nomor: string; tanggal: string; mulaiKerja: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await caseForPpk(tx, ctx, awardId);
    const k = signedContract(c);
    if (k.status === 'diputus') throw refusal('CONTRACT_TERMINATED');
    if (c.spmk) throw refusal('SPMK_EXISTS');
    if (input.tanggal < k.tanggal) throw refusal('SPMK_DATE_ORDER', { field: 'tanggal', params: { date: k.tanggal } });
    if (input.mulaiKerja < input.tanggal)
      throw refusal('SPMK_DATE_ORDER', { field: 'mulaiKerja', params: { date: input.tanggal } });
    if (input.mulaiKerja > k.selesai)
      throw refusal('SPMK_START_OUTSIDE_PERIOD', { field: 'mulaiKerja', params: { date: k.selesai } });
    await tx.insert(contractSpmk).values({
      contractId: k.id,
      nomor: input.nomor,
      tanggal: input.tanggal,
      mulaiKerja: input.mulaiKerja,
      createdBy: ctx.actor!.userId,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, auditContext(ctx), {
      action: 'contract.spmk_issued',
      objectType: 'contract_award',
      objectId: awardId,
      summary: { nomor: input.nomor, kontrak: k.nomor, mulaiKerja: input.mulaiKerja },
    });
  });
}
