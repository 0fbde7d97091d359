import { boolean, date, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../platform/db/columns.ts';

/** OPD/satker of the regency, and BUMN, BUMD and non-government organisations the LPSE serves (R13). */
export const agencies = pgTable('agencies', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['OPD', 'BUMN', 'BUMD', 'NON_PEMERINTAH'] }).notNull(),
  address: text('address'),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull(),
});

/** The Bupati decree (SK) that forms the Tim LPSE (R20, Pasal 5–6). The newest active one is in force. */
export const lpseDecrees = pgTable('lpse_decrees', {
  id: id(),
  number: text('number').notNull(),
  decreeDate: date('decree_date', { mode: 'string' }).notNull(),
  documentId: uuid('document_id'),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull(),
});
