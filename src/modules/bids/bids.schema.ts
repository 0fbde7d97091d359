import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, ts } from '../../platform/db/columns.ts';
import { documents } from '../../platform/files/files.schema.ts';
import { users } from '../accounts/accounts.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { tenders } from '../tenders/tenders.schema.ts';
import type { EnvelopeHeader, WrappedPrivateKey } from './crypto/sealed.ts';

/**
 * A person's sealing key (R12): an X25519 public key and its private key wrapped in the person's browser under their
 * passphrase (PBKDF2-SHA256 ≥ 600,000 iterations, AES-256-GCM). The server never sees the passphrase or the private
 * key. Pokja members receive shares; a vendor's key receives the vendor's own copy of the content key (self-check).
 * Re-enrolment replaces the row (`version` + 1); sealed bids name the fingerprint they were sealed to.
 */
export const bidKeys = pgTable('bid_keys', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  publicKey: text('public_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  wrapped: jsonb('wrapped').$type<WrappedPrivateKey>().notNull(),
  version: integer('version').notNull().default(1),
  enrolledAt: ts('enrolled_at').notNull(),
});

/**
 * Per tender: k of the k-of-n split, set by the Pokja before the upload stage (default: a majority of n), with n at
 * that time. k ≥ 2 for a Pokja; k = 1 only when n = 1 (a Pengadaan Langsung's single Pejabat Pengadaan).
 */
export const bidSettings = pgTable(
  'bid_settings',
  {
    tenderId: uuid('tender_id')
      .primaryKey()
      .references(() => tenders.id),
    threshold: integer('threshold').notNull(),
    /** n: the tender's members when k was set. */
    members: integer('members').notNull(),
    setBy: uuid('set_by'),
    setAt: ts('set_at').notNull(),
  },
  (t) => [
    check(
      'bid_settings_threshold',
      sql`${t.threshold} <= ${t.members} AND (${t.threshold} >= 2 OR (${t.threshold} = 1 AND ${t.members} = 1))`,
    ),
  ],
);

export const UPLOAD_STATUSES = ['partial', 'received', 'refused'] as const;
export const FILE_KINDS = ['penawaran', 'file_i', 'file_ii'] as const;

/**
 * One tus upload (its id is the tus id): created when the vendor's browser starts, `received` only when the last byte
 * is in, the SHA-256 matches, the header fits the tender and the upload stage was still open. A partial upload is
 * never a bid.
 */
export const bidUploads = pgTable(
  'bid_uploads',
  {
    id: text('id').primaryKey(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    userId: uuid('user_id').notNull(),
    kind: text('kind', { enum: FILE_KINDS }).notNull(),
    declaredSha256: text('declared_sha256').notNull(),
    declaredSize: bigint('declared_size', { mode: 'number' }).notNull(),
    status: text('status', { enum: UPLOAD_STATUSES }).notNull().default('partial'),
    refusal: text('refusal'),
    createdAt: ts('created_at').notNull(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('bid_uploads_tender_idx').on(t.tenderId, t.vendorId)],
);

export const OPEN_RESULTS = ['opened', 'failed'] as const;

/**
 * A receipted bid: the envelope's SHA-256 and size, the header (public: no secret in it), where the envelope lies
 * (`DATA_DIR/bids/<storage_key>`), the server time and the Ed25519 receipt signature. The last one per
 * (tender, vendor, kind) without `superseded_at` counts. Opening results are filled at the opening.
 */
export const bidSubmissions = pgTable(
  'bid_submissions',
  {
    id: id(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    kind: text('kind', { enum: FILE_KINDS }).notNull(),
    uploadId: text('upload_id')
      .notNull()
      .references(() => bidUploads.id),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    header: jsonb('header').$type<EnvelopeHeader>().notNull(),
    receivedAt: ts('received_at').notNull(),
    /** The canonical receipt payload (JSON text) and its Ed25519 signature (base64url). */
    receipt: text('receipt').notNull(),
    signature: text('signature').notNull(),
    supersededAt: ts('superseded_at'),
    openResult: text('open_result', { enum: OPEN_RESULTS }),
    openReason: text('open_reason'),
    openedDocumentId: uuid('opened_document_id').references(() => documents.id),
  },
  (t) => [
    index('bid_submissions_tender_idx').on(t.tenderId, t.kind),
    uniqueIndex('bid_submissions_current_idx').on(t.tenderId, t.vendorId, t.kind).where(sql`${t.supersededAt} is null`),
  ],
);

/** The opening of one file kind of a tender: when, and by which members' shares. */
export const bidOpenings = pgTable(
  'bid_openings',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id),
    kind: text('kind', { enum: FILE_KINDS }).notNull(),
    openedAt: ts('opened_at').notNull(),
    members: jsonb('members').$type<string[]>().notNull(),
    opened: integer('opened').notNull(),
    failed: integer('failed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.kind] })],
);

/**
 * Berita acara kesaksian (R48): the LPSE's attempt, under audit, on a bid that failed to open — who attended, the
 * receipt hash, the hash of the file as stored now, what the attempt found and why the opening failed. `reportSha256`
 * is the SHA-256 of the report's canonical JSON, printed on the PDF so a copy can be checked against the platform.
 */
export const bidWitnessReports = pgTable('bid_witness_reports', {
  id: id(),
  submissionId: uuid('submission_id')
    .notNull()
    .references(() => bidSubmissions.id),
  attendees: jsonb('attendees').$type<string[]>().notNull(),
  receiptSha256: text('receipt_sha256').notNull(),
  storedSha256: text('stored_sha256'),
  failureReason: text('failure_reason').notNull(),
  findings: text('findings').notNull(),
  notes: text('notes'),
  reportSha256: text('report_sha256').notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by').notNull(),
});

export const FAILURE_DECISIONS = ['gugur', 'tunda'] as const;

/**
 * What the tender's official decided about a bid that failed to open, once the LPSE's berita acara kesaksian is out
 * (R48, DOMAIN §3): `gugur` — the bid is disqualified, the file being confirmed unreadable; `tunda` — the evaluation
 * waits `postpone_days` days for a forensic test through LKPP (the schedule is changed on the tender's schedule page,
 * citing the report). A `tunda` may later be followed by a `gugur`; a `gugur` is final. Rows are never changed.
 */
export const bidFailureDecisions = pgTable(
  'bid_failure_decisions',
  {
    id: id(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => bidSubmissions.id),
    witnessReportId: uuid('witness_report_id')
      .notNull()
      .references(() => bidWitnessReports.id),
    decision: text('decision', { enum: FAILURE_DECISIONS }).notNull(),
    reason: text('reason').notNull(),
    postponeDays: integer('postpone_days'),
    decidedAt: ts('decided_at').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index('bid_failure_decisions_submission_idx').on(t.submissionId, t.decidedAt),
    check(
      'bid_failure_decisions_days',
      sql`(${t.decision} = 'tunda' and ${t.postponeDays} between 1 and 60) or (${t.decision} = 'gugur' and ${t.postponeDays} is null)`,
    ),
  ],
);
