import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import type { JenisKontrak } from '../../tenders/index.ts';
import { contracts } from '../contracts.schema.ts';
import { caseForPpk, refusal, rp } from './common.ts';

export interface ContractInput {
  nomor: string;
  jenisKontrak: JenisKontrak;
  nilai: bigint;
  /** Signing date, and the period of work; YYYY-MM-DD (WITA). */
  tanggal: string;
  mulai: string;
  selesai: string;
  ppkNama: string;
  ppkNip: string | null;
  /** The vendor's director (or another wakil sah) who signs. */
  penyediaNama: string;
  penyediaJabatan: string;
}

/**
 * The PPK records the signed contract (DOMAIN §1.2 stage 12), after the winner accepted the SPPBJ. The value is the
 * SPPBJ's, never above the HPS nor the pagu (DOMAIN §2.5: opentender flags nilai kontrak > HPS; E-Monev checks
 * nilai kontrak ≤ pagu). Signed on or after the SPPBJ; the period ends on or after it starts, which is not before the
 * signing. Audited.
 */
export async function signContract(ctx: Ctx, awardId: string, input: ContractInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await caseForPpk(tx, ctx, awardId);
    if (c.contract) throw refusal('CONTRACT_EXISTS');
    if (c.sppbj?.status !== 'diterima') throw refusal('CONTRACT_SPPBJ_NOT_ACCEPTED');
    const [taken] = await tx.select({ id: contracts.id }).from(contracts).where(eq(contracts.nomor, input.nomor));
    if (taken) throw refusal('CONTRACT_NUMBER_TAKEN', { field: 'nomor' });
    if (input.nilai > c.award.pagu)
      throw refusal('CONTRACT_ABOVE_PAGU', { field: 'nilai', params: { pagu: rp(c.award.pagu) } });
    if (input.nilai > c.award.hps)
      throw refusal('CONTRACT_ABOVE_HPS', { field: 'nilai', params: { hps: rp(c.award.hps) } });
    if (input.nilai !== c.sppbj.nilai)
      throw refusal('CONTRACT_VALUE_MISMATCH', { field: 'nilai', params: { nilai: rp(c.sppbj.nilai) } });
    if (input.tanggal < c.sppbj.tanggal)
      throw refusal('CONTRACT_DATE_BEFORE_SPPBJ', { field: 'tanggal', params: { date: c.sppbj.tanggal } });
    if (input.mulai < input.tanggal) throw refusal('CONTRACT_PERIOD_INVALID', { field: 'mulai' });
    if (input.selesai < input.mulai) throw refusal('CONTRACT_PERIOD_INVALID', { field: 'selesai' });
    const [row] = await tx
      .insert(contracts)
      .values({
        awardId,
        tenderId: c.award.tenderId,
        agencyId: c.award.agencyId,
        vendorId: c.award.vendorId,
        nomor: input.nomor,
        jenisKontrak: input.jenisKontrak,
        nilaiAwal: input.nilai,
        nilai: input.nilai,
        tanggal: input.tanggal,
        mulai: input.mulai,
        selesai: input.selesai,
        ppkNama: input.ppkNama,
        ppkNip: input.ppkNip,
        penyediaNama: input.penyediaNama,
        penyediaJabatan: input.penyediaJabatan,
        signedBy: ctx.actor!.userId,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: contracts.id });
    await recordAudit(tx, auditContext(ctx), {
      action: 'contract.signed',
      objectType: 'contract_award',
      objectId: awardId,
      summary: {
        nomor: input.nomor,
        nama: c.tenderNama,
        vendor: c.vendorName,
        nilai: input.nilai.toString(),
        contractId: row!.id,
      },
    });
  });
}
