import { sql } from 'drizzle-orm';
import { check, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../platform/db/columns.ts';

/**
 * The identity of the site (one row, id = 1): the regency's name, emblem, office address, service hours and helpdesk
 * contacts, shown in the header, the footer, the PDF letterheads and every mail. No row means the defaults.
 */
export const siteSettings = pgTable(
  'site_settings',
  {
    id: smallint('id').primaryKey().default(1),
    regencyName: text('regency_name').notNull(),
    address: text('address').notNull(),
    hours: text('hours').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    whatsapp: text('whatsapp'),
    emblemDocumentId: uuid('emblem_document_id'),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [check('site_settings_single_row', sql`${t.id} = 1`)],
);
