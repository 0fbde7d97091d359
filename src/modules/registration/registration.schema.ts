import { boolean, date, index, integer, jsonb, pgSequence, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../platform/db/columns.ts';
import { users } from '../accounts/accounts.schema.ts';
import { agencies } from '../organisation/organisation.schema.ts';

/** Registration numbers come from a sequence: two registrations submitted at once never share a number. */
export const registrationNumberSeq = pgSequence('registration_number_seq', { startWith: 1 });

export const REGISTRATION_KINDS = ['vendor', 'official'] as const;
/**
 * draft → submitted (waiting for the originals at the LPSE office) → approved | rejected | revision → submitted …
 * (R31, R33). There is no field-inspection state: Pasal 23(6) forbids one (R34).
 */
export const REGISTRATION_STATUSES = ['draft', 'submitted', 'revision', 'approved', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** One registration request of one person: a vendor's company, or an official's assignment (R30–R33). */
export const registrations = pgTable(
  'registrations',
  {
    id: id(),
    /** Shown on the receipt and asked for at the LPSE counter, e.g. REG-2026-000012. */
    number: text('number').notNull().unique(),
    kind: text('kind', { enum: REGISTRATION_KINDS }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull().default('draft'),
    /** Official registrations (R32): the agency, the requested role, NIP and position of the person. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    requestedRole: text('requested_role'),
    nip: text('nip'),
    position: text('position'),
    submittedAt: ts('submitted_at'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionReason: text('decision_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index().on(t.status), index().on(t.userId)],
);

/** The vendor (SPSE `rekanan`, DOMAIN §2.1). One NPWP registers once (R31): the unique index is the final guard. */
export const vendors = pgTable('vendors', {
  id: id(),
  registrationId: uuid('registration_id')
    .notNull()
    .unique()
    .references(() => registrations.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  name: text('name'),
  businessForm: text('business_form'),
  /** Digits only, 15 or 16 of them. */
  npwp: text('npwp').unique(),
  nib: text('nib'),
  address: text('address'),
  city: text('city'),
  postalCode: text('postal_code'),
  phone: text('phone'),
  email: text('email'),
  isBranch: boolean('is_branch').notNull().default(false),
  headOfficeName: text('head_office_name'),
  headOfficeAddress: text('head_office_address'),
  /** The responsible person (director, owner or authorised officer) whose User ID is activated (R33). */
  picName: text('pic_name'),
  picNik: text('pic_nik'),
  picPosition: text('pic_position'),
  verifiedAt: ts('verified_at'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * Every uploaded version of every required document (R36). A new upload for the same requirement adds a version and
 * retires the old one; nothing is deleted. `originalChecked` is the "asli sesuai" tick of the Verifikator (R31).
 */
export const registrationDocuments = pgTable(
  'registration_documents',
  {
    id: id(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id),
    requirement: text('requirement').notNull(),
    version: integer('version').notNull(),
    current: boolean('current').notNull().default(true),
    documentId: uuid('document_id').notNull(),
    docNumber: text('doc_number'),
    issuedOn: date('issued_on', { mode: 'string' }),
    issuer: text('issuer'),
    validUntil: date('valid_until', { mode: 'string' }),
    originalChecked: boolean('original_checked').notNull().default(false),
    checkedBy: uuid('checked_by').references(() => users.id),
    checkedAt: ts('checked_at'),
    /** The Verifikator's note when asking for a revision of this document. */
    revisionNote: text('revision_note'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index().on(t.registrationId), unique().on(t.registrationId, t.requirement, t.version)],
);

/** The registration's own history, shown on the archive page (R36); the audit trail holds the same facts, chained. */
export const registrationEvents = pgTable(
  'registration_events',
  {
    id: id(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    kind: text('kind').notNull(),
    note: text('note'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index().on(t.registrationId)],
);

/**
 * A registrant's access to their own draft before the User ID is active (login refuses pending accounts). Only the
 * SHA-256 of the cookie is stored.
 */
export const registrationSessions = pgTable('registration_sessions', {
  id: text('id').primaryKey(),
  registrationId: uuid('registration_id')
    .notNull()
    .references(() => registrations.id),
  expiresAt: ts('expires_at').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const REQUESTER_KINDS = ['PA', 'KPA', 'PPK', 'POKJA', 'ULP', 'PELANGGARAN'] as const;

/** Deactivations and reactivations of a User ID, each with reason, requester and reference document (R35). */
export const accountStatusChanges = pgTable(
  'account_status_changes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    action: text('action', { enum: ['deactivate', 'reactivate'] }).notNull(),
    reason: text('reason').notNull(),
    requesterKind: text('requester_kind', { enum: REQUESTER_KINDS }).notNull(),
    requesterName: text('requester_name'),
    referenceNumber: text('reference_number'),
    referenceDocumentId: uuid('reference_document_id'),
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    at: ts('at').notNull(),
  },
  (t) => [index().on(t.userId)],
);

/** Offence categories of Perlem LKPP 17/2018 on the Daftar Hitam. */
export const OFFENCES = [
  'pemalsuan_dokumen',
  'mengundurkan_diri',
  'menolak_sppbj',
  'pemutusan_kontrak',
  'cacat_mutu',
  'persekongkolan',
  'kkn',
  'temuan_audit',
] as const;

/** A blacklist decision (R35). NPWP and name are copied so the public list survives later edits of the vendor. */
export const blacklistEntries = pgTable(
  'blacklist_entries',
  {
    id: id(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    vendorName: text('vendor_name').notNull(),
    npwp: text('npwp').notNull(),
    offence: text('offence', { enum: OFFENCES }).notNull(),
    skNumber: text('sk_number').notNull(),
    skDate: date('sk_date', { mode: 'string' }).notNull(),
    issuingAgency: text('issuing_agency').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index().on(t.vendorId)],
);
