import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { conflict } from '../../../platform/errors.ts';
import { insertDocument, type UploadedBlob } from '../../../platform/files/documents.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { notify } from '../mails.ts';
import { canUpload } from '../sulap.policy.ts';
import { usersByIds } from '../sulap.repository.ts';
import { sulapDocuments, sulapDocumentVersions, sulapPackages } from '../sulap.schema.ts';
import { itemLabel } from '../views/labels.ts';
import { documentOf, loadFor } from './load.ts';

/**
 * The PPK uploads a version of a checklist item: while preparing, any item; during the review, only an item a
 * reviewer sent back (revisi / ditolak), with an answer to the notes. Old versions and their reviews stay.
 */
export async function uploadDocument(
  ctx: Ctx,
  packageId: string,
  itemKey: string,
  blob: UploadedBlob,
  note: string | null,
) {
  assertCan(ctx.actor, 'sulap:prepare');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const pkg = await loadFor(tx, ctx, packageId, canUpload);
    const doc = await documentOf(tx, packageId, itemKey);
    if (pkg.status === 'reviu' && doc.status !== 'revisi' && doc.status !== 'ditolak' && doc.status !== 'belum_ada') {
      throw conflict('SULAP_NOT_SENT_BACK', 'sulap.problem.notSentBack', {}, { field: 'berkas' });
    }
    const row = await insertDocument(tx, ctx.clock, blob, actor.userId);
    const version = doc.currentVersion + 1;
    const now = ctx.clock.now();
    await tx.insert(sulapDocumentVersions).values({
      sulapDocumentId: doc.id,
      version,
      documentId: row.id,
      note,
      uploadedBy: actor.userId,
      uploadedAt: now,
    });
    await tx
      .update(sulapDocuments)
      .set({ currentVersion: version, status: 'diajukan', updatedAt: now })
      .where(eq(sulapDocuments.id, doc.id));
    await tx.update(sulapPackages).set({ updatedAt: now }).where(eq(sulapPackages.id, packageId));
    await recordAudit(tx, auditContext(ctx), {
      action: 'sulap.document_uploaded',
      objectType: 'sulap_package',
      objectId: packageId,
      summary: { nama: pkg.namaPaket, item: itemKey, version, documentId: row.id },
    });
    if (pkg.status === 'reviu') {
      await notify(
        tx,
        ctx.clock,
        ctx.config,
        await usersByIds(tx, pkg.memberIds),
        { subject: 'sulap.mail.newVersion.subject', body: 'sulap.mail.newVersion.body' },
        { paket: pkg.namaPaket, id: packageId, item: itemLabel(ctx.t, itemKey), version },
      );
    }
    return { version, documentId: row.id };
  });
}
