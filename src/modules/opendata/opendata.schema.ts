import { bigint, index, integer, pgSequence, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../platform/db/columns.ts';
import { users } from '../accounts/accounts.schema.ts';

/** Release numbers: never reused (a rolled-back number is skipped, never given again). */
export const ocdsReleaseSeq = pgSequence('ocds_release_seq', { startWith: 1 });

/**
 * One OCDS release per public event (R02), written in the transaction of the change by an audit subscriber and
 * never changed afterwards. `seq` is the harvesting cursor: it is drawn while the audit trail's transaction lock is
 * held (recordAudit), so releases commit in `seq` order and a reader paging by `seq > since` never misses one.
 * The release JSON is stored as text, exactly as served: the bulk export streams it without parsing.
 */
export const ocdsReleases = pgTable(
  'ocds_releases',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    ocid: text('ocid').notNull(),
    /** `<ocid>-<seq>`: unique everywhere, stable, never reused. */
    releaseId: text('release_id').notNull().unique(),
    /** The release tags (closed `releaseTag` codelist), for filters without parsing the JSON. */
    tag: text('tag').array().notNull(),
    date: ts('date').notNull(),
    /** The audit event it publishes (null for generated bench data). */
    auditSeq: bigint('audit_seq', { mode: 'number' }),
    action: text('action').notNull(),
    json: text('json').notNull(),
  },
  (t) => [index('ocds_releases_ocid_idx').on(t.ocid, t.seq)],
);

/**
 * API keys of the national portal's harvesters (R49), issued by the Admin Sistem. Only the SHA-256 of the key is
 * kept (a key is 32 random bytes, so a fast hash is enough); the key itself is shown once, when issued.
 */
export const opendataApiKeys = pgTable('opendata_api_keys', {
  id: id(),
  /** Who harvests with it ("Portal Pengadaan Nasional"). */
  name: text('name').notNull(),
  /** The key's first characters, to recognise it in the list and in logs. */
  keyPrefix: text('key_prefix').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  revokedAt: ts('revoked_at'),
  revokedBy: uuid('revoked_by').references(() => users.id),
  lastUsedAt: ts('last_used_at'),
});

/**
 * The push job's delivery log (R49): one row per batch of releases sent to the national endpoint, in release order.
 * A batch is retried with backoff until the receiver accepts it; the next batch waits, so the receiver never sees a
 * gap. `toSeq` of the newest row is the push cursor.
 */
export const opendataPushDeliveries = pgTable(
  'opendata_push_deliveries',
  {
    id: id(),
    url: text('url').notNull(),
    fromSeq: bigint('from_seq', { mode: 'number' }).notNull(),
    toSeq: bigint('to_seq', { mode: 'number' }).notNull().unique(),
    releases: integer('releases').notNull(),
    status: text('status', { enum: ['pending', 'delivered'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** The receiver's HTTP status of the last attempt (null: no answer). */
    lastStatus: integer('last_status'),
    /** The last failure (kept after a later success, so the log shows why it took several attempts). */
    lastError: text('last_error'),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    createdAt: ts('created_at').notNull(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [index('opendata_push_deliveries_status_idx').on(t.status, t.toSeq)],
);
