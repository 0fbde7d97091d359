import { bigint, index, pgSequence, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from '../../platform/db/columns.ts';

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
