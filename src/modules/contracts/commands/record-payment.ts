import { recordAudit } from '../../../platform/audit/audit.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { contractPayments } from '../contracts.schema.ts';
import { checkPayment, formatPercent, sumPaid } from '../rules.ts';
import { caseForPpk, refusal, rp, signedContract } from './common.ts';

export interface PaymentInput {
  nomor: string;
  tanggal: string;
  /** Cumulative realisasi fisik in hundredths of a percent (0..10000). */
  fisikBasisPoin: number;
  /** This termin's payment (realisasi keuangan), integer rupiah. */
  pembayaran: bigint;
}

/**
 * A Berita Acara Pembayaran: the next termin, after the SPMK, on or after the start of work and the previous BAP. The
 * realisasi fisik is cumulative and never goes down; the payments never add up above the current contract value
 * (these are the E-Monev figures: exact, R12). Allowed until the contract is closed (for construction, the retention
 * is paid between PHO and FHO). Audited. Returns the termin.
 */
export async function recordPayment(ctx: Ctx, awardId: string, input: PaymentInput): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const c = await caseForPpk(tx, ctx, awardId);
    const k = signedContract(c);
    if (k.status === 'selesai') throw refusal('CONTRACT_COMPLETED');
    if (!c.spmk) throw refusal('BAP_SPMK_REQUIRED');
    if (input.tanggal < c.spmk.mulaiKerja)
      throw refusal('BAP_DATE_ORDER', { field: 'tanggal', params: { date: c.spmk.mulaiKerja } });
    const problem = checkPayment(c.payments, input, k.nilai);
    const last = c.payments[c.payments.length - 1];
    if (problem === 'BAP_FISIK_DECREASING')
      throw refusal(problem, { field: 'fisik', params: { last: formatPercent(last!.fisikBasisPoin, ctx.locale) } });
    if (problem === 'BAP_DATE_ORDER') throw refusal(problem, { field: 'tanggal', params: { date: last!.tanggal } });
    if (problem === 'BAP_ABOVE_CONTRACT')
      throw refusal(problem, {
        field: 'pembayaran',
        params: { nilai: rp(k.nilai), sisa: rp(k.nilai - sumPaid(c.payments)) },
      });
    const termin = (last?.termin ?? 0) + 1;
    await tx.insert(contractPayments).values({
      contractId: k.id,
      termin,
      nomor: input.nomor,
      tanggal: input.tanggal,
      fisikBasisPoin: input.fisikBasisPoin,
      pembayaran: input.pembayaran,
      createdBy: ctx.actor!.userId,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, auditContext(ctx), {
      action: 'contract.payment_recorded',
      objectType: 'contract_award',
      objectId: awardId,
      summary: {
        nomor: input.nomor,
        kontrak: k.nomor,
        termin,
        fisik: formatPercent(input.fisikBasisPoin, 'id'),
        pembayaran: input.pembayaran.toString(),
      },
    });
    return termin;
  });
}
