import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { isUuid, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { verifiedVendorOfUser } from '../../registration/index.ts';
import { loadCase } from '../contracts.repository.ts';
import { contractAwards, contractSppbj } from '../contracts.schema.ts';
import { notifyUser } from '../mails.ts';
import { refusal } from './common.ts';

/**
 * The winner accepts or refuses the SPPBJ. A refusal needs its reason and is kept with it (a winner who withdraws may
 * be blacklisted: Perpres 16/2018 jo. 12/2021 Pasal 78 ayat 3 huruf b; the registration module reads `sppbjRefusals`);
 * it also ends the award, so the evaluation module may appoint the next bidder. Another vendor's award is not found.
 */
export async function respondSppbj(
  ctx: Ctx,
  awardId: string,
  input: { accept: boolean; reason: string | null },
): Promise<void> {
  assertCan(ctx.actor, 'contracts:respond');
  const actor = ctx.actor;
  if (!isUuid(awardId)) throw notFound('contracts.error.notFound');
  await ctx.db.transaction(async (tx) => {
    await tx.select({ id: contractAwards.id }).from(contractAwards).where(eq(contractAwards.id, awardId)).for('update');
    const vendor = await verifiedVendorOfUser(tx, actor.userId);
    const c = await loadCase(tx, awardId);
    if (!c || !vendor || c.award.vendorId !== vendor.id) throw notFound('contracts.error.notFound');
    if (c.sppbj?.status !== 'terbit') throw refusal('SPPBJ_NOT_AWAITING');
    const reason = input.reason?.trim() ?? '';
    if (!input.accept && reason.length < 10) throw refusal('SPPBJ_REFUSAL_REASON_REQUIRED', { field: 'reason' });
    const now = ctx.clock.now();
    await tx
      .update(contractSppbj)
      .set({
        status: input.accept ? 'diterima' : 'ditolak',
        respondedBy: actor.userId,
        respondedAt: now,
        refusalReason: input.accept ? null : reason,
      })
      .where(eq(contractSppbj.id, c.sppbj.id));
    if (!input.accept) await tx.update(contractAwards).set({ status: 'ditolak' }).where(eq(contractAwards.id, awardId));
    const summary = { nomor: c.sppbj.nomor, nama: c.tenderNama, vendor: c.vendorName };
    if (input.accept)
      await recordAudit(tx, auditContext(ctx), {
        action: 'contract.sppbj_accepted',
        objectType: 'contract_award',
        objectId: awardId,
        summary,
      });
    else
      await recordAudit(tx, auditContext(ctx), {
        action: 'contract.sppbj_refused',
        objectType: 'contract_award',
        objectId: awardId,
        summary: { ...summary, reason },
      });
    // The PPK hears of the answer (the package's PPK; the SPPBJ's issuer for a package without one).
    await notifyUser(
      tx,
      ctx.clock,
      ctx.config,
      c.award.ppkUserId ?? c.sppbj.issuedBy,
      {
        subject: input.accept ? 'contracts.mail.accepted.subject' : 'contracts.mail.refused.subject',
        body: input.accept ? 'contracts.mail.accepted.body' : 'contracts.mail.refused.body',
      },
      { nama: c.tenderNama, nomor: c.sppbj.nomor, vendor: c.vendorName, path: `/kelola/kontrak/${awardId}` },
    );
  });
}
