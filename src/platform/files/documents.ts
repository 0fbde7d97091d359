import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { AppError, isUuid } from '../errors.ts';
import type { BlobStore, StoredBlob } from './blob-store.ts';
import { type DocumentClass, documentClass, isConfidential } from './document-classes.ts';
import { documents } from './files.schema.ts';

export type DocumentRow = typeof documents.$inferSelect;
export type UploadedBlob = StoredBlob & { filename: string; docClass: DocumentClass };

/**
 * Streams an upload into the blob store under the class's limits, encrypted when the class is confidential. Done
 * outside any transaction: a slow island connection must never hold the database. A blob without a row is harmless
 * (collected by `sweepOrphanBlobs`).
 */
export async function uploadBlob(
  store: BlobStore,
  docClass: DocumentClass,
  stream: Readable,
  filename: string,
): Promise<UploadedBlob> {
  const cls = documentClass(docClass);
  if (!cls) throw new Error(`unknown document class ${docClass}`);
  const blob = await store.put(stream, {
    maxBytes: cls.maxBytes,
    allowedMimes: cls.mimes,
    encrypt: isConfidential(docClass),
  });
  return { ...blob, filename: filename.slice(0, 200) || 'berkas', docClass };
}

/** Records the metadata row of an uploaded blob, inside the transaction of the change that uses it. */
export async function insertDocument(tx: Db, clock: Clock, blob: UploadedBlob, uploadedBy: string | null) {
  const [row] = await tx
    .insert(documents)
    .values({
      sha256: blob.sha256,
      size: blob.size,
      mime: blob.mime,
      originalName: blob.filename,
      docClass: blob.docClass,
      uploadedBy,
      createdAt: clock.now(),
      storageKey: blob.storageKey ?? null,
      wrappedKey: blob.wrappedKey ?? null,
      keyId: blob.keyId ?? null,
    })
    .returning();
  return row!;
}

export async function getDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row;
}

/**
 * The plaintext of a document for a reader the policy already allowed. The whole stored file is checked first (every
 * chunk's tag, then the plaintext's SHA-256 and size), so a changed file is refused before its first byte is sent:
 * DOCUMENT_INTEGRITY (409), recorded in the audit trail.
 */
export async function openDocumentForRead(
  db: Db,
  store: BlobStore,
  doc: DocumentRow,
  audit: AuditContext,
  via?: string,
): Promise<Readable> {
  try {
    return await store.openVerified(doc);
  } catch (err) {
    if (err instanceof AppError && err.code === 'DOCUMENT_INTEGRITY') {
      await db.transaction((tx) =>
        recordAudit(tx, audit, {
          action: 'document.integrity_failed',
          objectType: 'document',
          objectId: doc.id,
          summary: { docClass: doc.docClass, sha256: doc.sha256, encrypted: doc.storageKey !== null, via },
        }),
      );
    }
    throw err;
  }
}
