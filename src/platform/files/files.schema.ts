import { sql } from 'drizzle-orm';
import { bigint, check, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../db/columns.ts';

/**
 * One uploaded document version; rows never change (except the wrapped key, on a master-key rotation).
 * Plain documents live in the blob store under their SHA-256. Confidential ones (see document-classes.ts) are
 * encrypted under a random per-file data key and live at their own random `storage_key`; `wrapped_key` is that data
 * key wrapped by the master key `key_id` (kept in the key file, never here). `sha256` and `size` are always those of
 * the plaintext.
 */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    originalName: text('original_name').notNull(),
    docClass: text('doc_class').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: ts('created_at').notNull(),
    storageKey: text('storage_key'),
    wrappedKey: text('wrapped_key'),
    keyId: text('key_id'),
  },
  (t) => [
    // Encrypted: all three set; plain: none.
    check(
      'documents_encryption_all_or_none',
      sql`(${t.storageKey} is null) = (${t.wrappedKey} is null) and (${t.storageKey} is null) = (${t.keyId} is null)`,
    ),
  ],
);
