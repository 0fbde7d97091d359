import { isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { BlobStore } from './blob-store.ts';
import { documents } from './files.schema.ts';

export interface SweepResult {
  removed: { plain: number; encrypted: number; tmp: number };
  kept: number;
}

/**
 * Deletes the blobs no `documents` row references (plain ones by SHA-256, encrypted ones by storage key) and stale
 * temporary files, when they are older than `olderThan`. Blobs are written before the row that refers to them is
 * committed, so the cutoff must leave room for the slowest form (an hour is plenty). Meant for a scheduled job.
 */
export async function sweepOrphanBlobs(db: Db, store: BlobStore, olderThan: Date): Promise<SweepResult> {
  // Listing first, then reading the references: a row committed meanwhile refers to a blob older than its own row,
  // and a blob newer than the cutoff is kept anyway.
  const candidates = [];
  let kept = 0;
  for await (const entry of store.list()) {
    if (entry.modifiedAt < olderThan) candidates.push(entry);
    else kept += 1;
  }
  const plain = new Set(
    (await db.select({ sha256: documents.sha256 }).from(documents).where(isNull(documents.storageKey))).map(
      (r) => r.sha256,
    ),
  );
  const encrypted = new Set(
    (await db.select({ storageKey: documents.storageKey }).from(documents).where(isNotNull(documents.storageKey))).map(
      (r) => r.storageKey!,
    ),
  );
  const removed = { plain: 0, encrypted: 0, tmp: 0 };
  for (const entry of candidates) {
    const referenced =
      (entry.kind === 'plain' && plain.has(entry.address)) ||
      (entry.kind === 'encrypted' && encrypted.has(entry.address));
    if (referenced) {
      kept += 1;
      continue;
    }
    await store.remove(entry.key);
    removed[entry.kind] += 1;
  }
  return { removed, kept };
}
