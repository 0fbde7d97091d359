import { recordAudit } from '../../../platform/audit/audit.ts';
import { badRequest } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import type { FailureDeclarer } from '../failure-reasons.ts';
import { mailParticipants } from '../notify.ts';
import { invalidatePublicTenders } from '../public-cache.ts';
import { close, tenderForDeclarer } from './failure.ts';
import { assertAnnouncedRunning } from './support.ts';

/**
 * Issue 9 item 8: a running tender is cancelled (batal) with its reason, by its Pokja or the PA/KPA of the agency.
 * Public with the reason; participants are mailed; audited.
 */
export async function cancelTender(ctx: Ctx, tenderId: string, as: FailureDeclarer, note: string): Promise<void> {
  const why = note.trim();
  if (!why) throw badRequest('REASON_REQUIRED', 'tenders.error.reasonRequired', {}, { field: 'cancelNote' });
  await ctx.db.transaction(async (tx) => {
    const { t, role } = await tenderForDeclarer(ctx, tx, tenderId, as);
    assertAnnouncedRunning(t);
    await close(ctx, tx, t, { status: 'batal', reason: null, note: why, role });
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.cancelled',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: t.kode!, note: why, by: role },
    });
    await mailParticipants(
      tx,
      ctx,
      tenderId,
      { subject: 'tenders.mail.cancelled.subject', body: 'tenders.mail.cancelled.body' },
      { kode: t.kode!, nama: t.nama, note: why, link: `${ctx.config.baseUrl}/tender/${t.kode}` },
    );
  });
  invalidatePublicTenders();
}
