import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { contracts } from '../contracts.schema.ts';
import { caseForPpk, refusal, signedContract } from './common.ts';

export interface TerminationInput {
  /** The date of the PPK's termination letter (as typed, WITA). */
  tanggal: string;
  alasan: string;
  /** Terminated for the vendor's fault (cidera janji, cannot finish): a ground for a blacklist proposal. */
  kesalahanPenyedia: boolean;
}

/**
 * Pemutusan kontrak by the package's PPK (Perpres 16/2018 jo. 12/2021 Pasal 56, as transcribed: the vendor fails to
 * finish even after the extra time, is in default, or commits fraud — the grounds themselves are the PPK's to state
 * in the reason). Only a running contract, dated on or after its signing; the reason is kept, shown to the vendor and
 * readable by the blacklist (`contractTerminations`). Payments for work already done may still be recorded; no BAST
 * and no addendum follow. Audited.
 */
export async function terminateContract(ctx: Ctx, awardId: string, input: TerminationInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await caseForPpk(tx, ctx, awardId);
    const k = signedContract(c);
    if (k.status !== 'berjalan') throw refusal('TERMINATION_NOT_RUNNING');
    if (input.tanggal < k.tanggal)
      throw refusal('TERMINATION_DATE_ORDER', { field: 'tanggal', params: { date: k.tanggal } });
    const alasan = input.alasan.trim();
    if (alasan.length < 20) throw refusal('TERMINATION_REASON_REQUIRED', { field: 'alasan', status: 400 });
    await tx
      .update(contracts)
      .set({
        status: 'diputus',
        putusTanggal: input.tanggal,
        putusAlasan: alasan,
        putusKesalahanPenyedia: input.kesalahanPenyedia,
        putusBy: ctx.actor!.userId,
        putusAt: ctx.clock.now(),
      })
      .where(eq(contracts.id, k.id));
    await recordAudit(tx, auditContext(ctx), {
      action: 'contract.terminated',
      objectType: 'contract_award',
      objectId: awardId,
      summary: {
        kontrak: k.nomor,
        nomor: k.nomor,
        tanggal: input.tanggal,
        vendor: c.vendorName,
        kesalahanPenyedia: input.kesalahanPenyedia,
      },
    });
  });
}
