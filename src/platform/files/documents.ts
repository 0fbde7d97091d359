import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { isUuid } from '../errors.ts';
import type { BlobStore, StoredBlob } from './blob-store.ts';
import { type DocumentClass, documentClass } from './document-classes.ts';
import { documents } from './files.schema.ts';

export type DocumentRow = typeof documents.$inferSelect;
export type UploadedBlob = StoredBlob & { filename: string; docClass: DocumentClass };

/**
 * Streams an upload into the blob store under the class's limits. Done outside any transaction: a slow island
 * connection must never hold the database. A blob without a row is harmless (content-addressed, collectable).
 */
export async function uploadBlob(
  store: BlobStore,
  docClass: DocumentClass,
  stream: Readable,
  filename: string,
): Promise<UploadedBlob> {
  const cls = documentClass(docClass);
  if (!cls) throw new Error(`unknown document class ${docClass}`);
  const blob = await store.put(stream, { maxBytes: cls.maxBytes, allowedMimes: cls.mimes });
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
    })
    .returning();
  return row!;
}

export async function getDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row;
}
