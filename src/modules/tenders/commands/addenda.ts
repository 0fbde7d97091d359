import { count, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { insertDocument, type UploadedBlob } from '../../../platform/files/documents.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { addendumNeedsExtension } from '../lifecycle.rules.ts';
import { mailParticipants } from '../notify.ts';
import { invalidatePublicTenders } from '../public-cache.ts';
import { holidaySetFrom, loadSchedule } from '../tenders.repository.ts';
import { tenderAddenda, tenderDocuments } from '../tenders.schema.ts';
import { assertAnnouncedRunning, bundleOfTender, tenderOfPokja } from './support.ts';

/** Perlem LKPP 12/2021: a change to the Dokumen Pemilihan is an addendum, announced to every participant. */
export const ADDENDUM_BASIS = 'Perpres 16/2018 jo. 12/2021 Pasal 50; Perlem LKPP 12/2021 (adendum Dokumen Pemilihan)';

/**
 * Issue 9 item 7: a Pokja member publishes an addendum — the next number, a reason and the changed files — on a
 * running tender. Refused (409 TENDER_ADDENDUM_NEEDS_EXTENSION, naming the earliest end) while the upload stage has
 * less than its bundle's minimum left: the Pokja extends the schedule first. Participants are mailed; audited.
 */
export async function publishAddendum(
  ctx: Ctx,
  tenderId: string,
  input: { reason: string; files: UploadedBlob[] },
): Promise<number> {
  assertCan(ctx.actor, 'tenders:publish');
  const actor = ctx.actor;
  const reason = input.reason.trim();
  if (!reason) throw badRequest('REASON_REQUIRED', 'tenders.error.reasonRequired', {}, { field: 'addendumReason' });
  if (input.files.length === 0)
    throw badRequest('TENDER_ADDENDUM_FILE_REQUIRED', 'validation.file', {}, { field: 'addendumFile' });
  const number = await ctx.db.transaction(async (tx) => {
    const t = await tenderOfPokja(tx, actor, tenderId);
    assertAnnouncedRunning(t);
    const bundle = bundleOfTender(t);
    const now = ctx.clock.now();
    const schedule = await loadSchedule(tx, tenderId);
    const need = addendumNeedsExtension(bundle, schedule, now, await holidaySetFrom(tx, now));
    if (need && 'closed' in need) throw conflict('TENDER_ADDENDUM_UPLOAD_CLOSED', 'tenders.refused.addendumClosed');
    if (need) {
      const stage = bundle.stages.find((s) => s.code === need.stage)?.name ?? need.stage;
      throw conflict('TENDER_ADDENDUM_NEEDS_EXTENSION', 'tenders.refused.addendumNeedsExtension', {
        stage,
        earliestEnd: formatDateTime(need.earliestEnd, ctx.locale),
        currentEnd: formatDateTime(need.currentEnd, ctx.locale),
      });
    }
    const [c] = await tx.select({ n: count() }).from(tenderAddenda).where(eq(tenderAddenda.tenderId, tenderId));
    const number = Number(c?.n ?? 0) + 1;
    const [a] = await tx
      .insert(tenderAddenda)
      .values({ tenderId, number, reason, publishedBy: actor.userId, publishedAt: now })
      .returning({ id: tenderAddenda.id });
    const names: string[] = [];
    for (const f of input.files) {
      const doc = await insertDocument(tx, ctx.clock, f, actor.userId);
      await tx.insert(tenderDocuments).values({
        tenderId,
        kind: 'dokumen_pemilihan',
        version: number,
        addendumId: a!.id,
        documentId: doc.id,
        uploadedBy: actor.userId,
        uploadedAt: now,
      });
      names.push(f.filename);
    }
    actor.actingRole = 'POKJA';
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.addendum_published',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: t.kode!, number, reason, files: names },
    });
    await mailParticipants(
      tx,
      ctx,
      tenderId,
      { subject: 'tenders.mail.addendum.subject', body: 'tenders.mail.addendum.body' },
      { kode: t.kode!, nama: t.nama, number, reason, link: `${ctx.config.baseUrl}/tender/${t.kode}#adendum` },
    );
    return number;
  });
  invalidatePublicTenders();
  return number;
}
