import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { conflict } from '../../../platform/errors.ts';
import { insertDocument, type UploadedBlob } from '../../../platform/files/documents.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { latestDocumentVersion } from '../lifecycle.repository.ts';
import { tenderDocuments } from '../tenders.schema.ts';
import { tenderOfPokja } from './support.ts';

/**
 * Issue 9 item 3: a Pokja member uploads the Dokumen Pemilihan before the announcement. Each upload is a new version
 * (1, 2…; the highest is the one announced, the older stay on record). After the announcement the document changes
 * only through an addendum. Audited.
 */
export async function uploadDokumenPemilihan(ctx: Ctx, tenderId: string, blob: UploadedBlob): Promise<number> {
  assertCan(ctx.actor, 'tenders:publish');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const t = await tenderOfPokja(tx, actor, tenderId);
    if (t.announcedAt || t.status !== 'draft')
      throw conflict('TENDER_DOCUMENT_LOCKED', 'tenders.refused.documentLocked', {}, { field: 'berkas' });
    const version = (await latestDocumentVersion(tx, tenderId)) + 1;
    const doc = await insertDocument(tx, ctx.clock, blob, actor.userId);
    await tx.insert(tenderDocuments).values({
      tenderId,
      kind: 'dokumen_pemilihan',
      version,
      documentId: doc.id,
      uploadedBy: actor.userId,
      uploadedAt: ctx.clock.now(),
    });
    actor.actingRole = 'POKJA';
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.document_uploaded',
      objectType: 'tender',
      objectId: tenderId,
      summary: { nama: t.nama, version, file: blob.filename, sha256: doc.sha256 },
    });
    return version;
  });
}
