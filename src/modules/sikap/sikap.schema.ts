import { boolean, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../platform/db/columns.ts';
import { documents } from '../../platform/files/files.schema.ts';
import { users } from '../accounts/accounts.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { tenders } from '../tenders/tenders.schema.ts';
import type { ProfileSnapshot, QualificationResult } from './qualification.ts';

/** One item of a section (a licence, a deed, an owner …): its own id, the typed fields, the evidence document. */
export type SectionItem = { id: string; bukti?: string | null; [field: string]: unknown };

/**
 * The current state of one profile section of one vendor (SIKaP, DOMAIN §2.1 "vendor qualification data"). Every save
 * writes a new `version`; the full list of items of each version stays in `sikap_section_versions`.
 */
export const sikapSections = pgTable(
  'sikap_sections',
  {
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    section: text('section').notNull(),
    version: integer('version').notNull(),
    items: jsonb('items').$type<SectionItem[]>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.vendorId, t.section] })],
);

/** Every saved version of every section, with who saved it and when (and the change request that approved it). */
export const sikapSectionVersions = pgTable(
  'sikap_section_versions',
  {
    id: id(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    section: text('section').notNull(),
    version: integer('version').notNull(),
    items: jsonb('items').$type<SectionItem[]>().notNull(),
    /** What changed: `add`, `update`, `remove` (of item `itemId`), or `approved` (a change request). */
    change: text('change').notNull(),
    itemId: text('item_id'),
    changeRequestId: uuid('change_request_id'),
    savedBy: uuid('saved_by').references(() => users.id),
    savedByName: text('saved_by_name'),
    savedAt: ts('saved_at').notNull(),
  },
  (t) => [unique().on(t.vendorId, t.section, t.version), index().on(t.vendorId)],
);

/** Which vendor an evidence file belongs to: the document read policy looks it up here. */
export const sikapEvidence = pgTable('sikap_evidence', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => documents.id),
  vendorId: uuid('vendor_id')
    .notNull()
    .references(() => vendors.id),
  section: text('section').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const CHANGE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** A proposed change: an item added to or removed from a verified section, or new identity values. */
export type ChangeOp =
  | { kind: 'add'; item: SectionItem }
  | { kind: 'remove'; itemId: string }
  | { kind: 'identitas'; values: Record<string, string | null> };

/**
 * A change to verified data (identity, deeds, directors): the Verifikator checks it against the originals, as in
 * registration (R31), and approves or rejects it with a reason.
 */
export const sikapChangeRequests = pgTable(
  'sikap_change_requests',
  {
    id: id(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    section: text('section').notNull(),
    op: jsonb('op').$type<ChangeOp>().notNull(),
    /** Why the vendor asks (e.g. "RUPS 12 Mei 2026 mengangkat direktur baru"). */
    note: text('note'),
    evidenceDocumentId: uuid('evidence_document_id').references(() => documents.id),
    status: text('status', { enum: CHANGE_STATUSES }).notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: ts('requested_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    reason: text('reason'),
  },
  (t) => [index().on(t.status), index().on(t.vendorId)],
);

/**
 * The profile of each participant as it stood when the tender's upload stage ended, and the qualification check on
 * it (issue 10 item 4): taken once by a job, never changed, so a later edit of the profile cannot change a past
 * evaluation. `snapshot` is rebuilt from the section versions saved up to `deadline`, so it does not depend on when
 * the job ran.
 */
export const sikapQualificationSnapshots = pgTable(
  'sikap_qualification_snapshots',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    /** The end of the upload stage. */
    deadline: ts('deadline').notNull(),
    snapshot: jsonb('snapshot').$type<ProfileSnapshot>().notNull(),
    /** The section versions the snapshot was built from (`izin: 3`, …). */
    versions: jsonb('versions').$type<Record<string, number>>().notNull(),
    result: jsonb('result').$type<QualificationResult>().notNull(),
    passed: boolean('passed').notNull(),
    takenAt: ts('taken_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.vendorId] }), index().on(t.vendorId)],
);
