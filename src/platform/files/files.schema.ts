import { bigint, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../db/columns.ts';

/** One uploaded document version. The bytes live in the blob store under their SHA-256; rows never change. */
export const documents = pgTable('documents', {
  id: id(),
  sha256: text('sha256').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  originalName: text('original_name').notNull(),
  docClass: text('doc_class').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: ts('created_at').notNull(),
});
