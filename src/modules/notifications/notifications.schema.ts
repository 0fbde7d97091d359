import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../platform/db/columns.ts';
import { users } from '../accounts/accounts.schema.ts';
import { agencies } from '../organisation/organisation.schema.ts';

/**
 * A parameter of a notification's message: plain text or a number as is, `{ key }` a catalogue key translated in the
 * reader's language (a stage name), `{ at }` an ISO instant shown in WITA in the reader's language.
 */
export type NotificationParam = string | number | { key: string } | { at: string };
export type NotificationParams = Record<string, NotificationParam>;

/**
 * A person's inbox (issue 9 item 10): one row per recipient. The message is a catalogue key with its parameters, so
 * each reader sees it in their own language. `dedupe_key` is unique per recipient: a job that runs twice (at least
 * once after a crash) never tells anyone twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    messageKey: text('message_key').notNull(),
    params: jsonb('params').$type<NotificationParams>().notNull(),
    /** A site-relative path (`/tender/…`), or null. */
    link: text('link'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_idx').on(t.userId, t.dedupeKey),
    index('notifications_inbox_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    check('notifications_link_local', sql`${t.link} is null or ${t.link} like '/%'`),
  ],
);

/**
 * A vendor's saved search: every criterion that is set must hold for an announced tender to match (category/jenis,
 * agency, HPS range, words of the name). The saver is told once per tender, whichever of their searches matched.
 */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    nama: text('nama').notNull(),
    jenis: text('jenis'),
    agencyId: uuid('agency_id').references(() => agencies.id),
    hpsMin: bigint('hps_min', { mode: 'bigint' }),
    hpsMax: bigint('hps_max', { mode: 'bigint' }),
    keyword: text('keyword'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('saved_searches_user_idx').on(t.userId),
    check('saved_searches_hps_range', sql`${t.hpsMin} is null or ${t.hpsMax} is null or ${t.hpsMin} <= ${t.hpsMax}`),
  ],
);

/**
 * How far each notice job has looked (the upper end of its last window), so the next run looks at (until, now] and a
 * slow or missed run still catches up (within a bound; see jobs.ts).
 */
export const noticeCursors = pgTable('notice_cursors', {
  kind: text('kind').primaryKey(),
  until: ts('until').notNull(),
});
