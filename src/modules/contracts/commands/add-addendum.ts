import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { contractAddenda, contracts } from '../contracts.schema.ts';
import { cumulativeChange, sumPaid } from '../rules.ts';
import { caseForPpk, refusal, rp, signedContract } from './common.ts';

export interface AddendumInput {
  nomor: string;
  tanggal: string;
  alasan: string;
  /** The new value (null: unchanged). */
  nilaiBaru: bigint | null;
  /** The new end of the period (null: unchanged). */
  selesaiBaru: string | null;
  /** Required when the cumulative change of value passes 10 % of the original value; not the same as `alasan`. */
  alasanSepuluhPersen: string | null;
}

/**
 * An addendum to a running contract (e-Kontrak `versi_addendum`, `alasan_addendum`), with its reason. The value never
 * goes above the pagu nor below what was already paid; when the changes of value add up (in absolute terms, against
 * the original value) to more than 10 %, the addendum needs a reason of its own (`alasan_nilai_kontrak_10_persen`,
 * DOMAIN §2.5; Perpres 16/2018 jo. 12/2021 Pasal 54 ayat 2). Not after the BAST. Audited.
 */
export async function addAddendum(ctx: Ctx, awardId: string, input: AddendumInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await caseForPpk(tx, ctx, awardId);
    const k = signedContract(c);
    if (k.status !== 'berjalan') throw refusal('CONTRACT_COMPLETED');
    const nilaiBaru = input.nilaiBaru ?? k.nilai;
    const selesaiBaru = input.selesaiBaru ?? k.selesai;
    if (nilaiBaru === k.nilai && selesaiBaru === k.selesai) throw refusal('ADDENDUM_NO_CHANGE', { field: 'nilaiBaru' });
    const last = c.addenda[c.addenda.length - 1];
    const notBefore = last && last.tanggal > k.tanggal ? last.tanggal : k.tanggal;
    if (input.tanggal < notBefore)
      throw refusal('ADDENDUM_DATE_ORDER', { field: 'tanggal', params: { date: notBefore } });
    if (selesaiBaru < k.mulai) throw refusal('CONTRACT_PERIOD_INVALID', { field: 'selesaiBaru' });
    if (nilaiBaru > c.award.pagu)
      throw refusal('ADDENDUM_ABOVE_PAGU', { field: 'nilaiBaru', params: { pagu: rp(c.award.pagu) } });
    const paid = sumPaid(c.payments);
    if (nilaiBaru < paid) throw refusal('ADDENDUM_BELOW_PAID', { field: 'nilaiBaru', params: { paid: rp(paid) } });
    const change = cumulativeChange(k.nilaiAwal, [
      ...c.addenda.map((a) => a.nilaiBaru - a.nilaiLama),
      nilaiBaru - k.nilai,
    ]);
    const own = input.alasanSepuluhPersen?.trim() || null;
    // Only an addendum that changes the value answers for the 10 %: a later change of dates alone does not.
    const needsOwnReason = nilaiBaru !== k.nilai && change.aboveTenPercent;
    const percent = (change.basisPoints / 100).toFixed(2).replace('.', ',');
    if (needsOwnReason && !own)
      throw refusal('ADDENDUM_REASON_10_PERCENT', { field: 'alasanSepuluhPersen', params: { percent } });
    if (needsOwnReason && own === input.alasan.trim())
      throw refusal('ADDENDUM_REASON_10_PERCENT_SAME', { field: 'alasanSepuluhPersen' });
    const versi = (last?.versi ?? 0) + 1;
    await tx.insert(contractAddenda).values({
      contractId: k.id,
      versi,
      nomor: input.nomor,
      tanggal: input.tanggal,
      alasan: input.alasan,
      nilaiLama: k.nilai,
      nilaiBaru,
      selesaiLama: k.selesai,
      selesaiBaru,
      alasanSepuluhPersen: needsOwnReason ? own : null,
      createdBy: ctx.actor!.userId,
      createdAt: ctx.clock.now(),
    });
    await tx.update(contracts).set({ nilai: nilaiBaru, selesai: selesaiBaru }).where(eq(contracts.id, k.id));
    await recordAudit(tx, auditContext(ctx), {
      action: 'contract.addendum_added',
      objectType: 'contract_award',
      objectId: awardId,
      summary: {
        nomor: input.nomor,
        kontrak: k.nomor,
        versi,
        alasan: input.alasan,
        nilaiLama: k.nilai.toString(),
        nilaiBaru: nilaiBaru.toString(),
        selesaiBaru,
        perubahanKumulatif: percent,
        ...(needsOwnReason ? { alasanSepuluhPersen: own! } : {}),
      },
    });
  });
}
