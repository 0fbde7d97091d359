import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../platform/db/columns.ts';
import { documents } from '../../platform/files/files.schema.ts';
import { users } from '../accounts/accounts.schema.ts';
import { agencies } from '../organisation/organisation.schema.ts';
import { rupPlans } from '../rup/rup.schema.ts';

/**
 * The states of a SULAP package (DOMAIN §1.1): P2 `persiapan` (the PPK prepares the documents), P3 `diajukan`
 * (submitted to the UKPBJ), P4 `penugasan` is the assignment itself (recorded with its SK, the package moves on at
 * once), P5 `reviu` (per-document review and kaji ulang by the Pokja and the PPK), P7 `kolektif_kolegial` (every
 * Pokja member approved every mandatory document: the package is a draft tender, P6 comes with the tender engine).
 */
export const PACKAGE_STATUSES = ['persiapan', 'diajukan', 'reviu', 'kolektif_kolegial'] as const;
export type PackageStatus = (typeof PACKAGE_STATUSES)[number];

/** A checklist item's state (`checklist_paket.status`): 0 diajukan, 1 disetujui, 2 revisi, 3 ditolak. */
export const DOCUMENT_STATUSES = ['belum_ada', 'diajukan', 'disetujui', 'revisi', 'ditolak'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const REVIEW_DECISIONS = ['disetujui', 'revisi', 'ditolak'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * A package prepared by a PPK from one or more announced RUP plans of the PPK's agency. Money is integer rupiah
 * (bigint): `pagu` is the sum of the plans' pagu, `hps` the sum of the HPS lines, `hps <= pagu` (DOMAIN §2.5).
 * The HPS is confidential until the tender is announced: it is shown only to the package's own people.
 */
export const sulapPackages = pgTable(
  'sulap_packages',
  {
    id: id(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** The UKPBJ (the agency where its Kepala holds KEPALA_ULP) the package was submitted to. */
    ukpbjAgencyId: uuid('ukpbj_agency_id').references(() => agencies.id),
    /** R14: the author, the PPK of the package. */
    ppkUserId: uuid('ppk_user_id')
      .notNull()
      .references(() => users.id),
    namaPaket: text('nama_paket').notNull(),
    jenis: text('jenis').notNull(),
    metode: text('metode').notNull(),
    tahunAnggaran: integer('tahun_anggaran').notNull(),
    pagu: bigint('pagu', { mode: 'bigint' }).notNull(),
    hps: bigint('hps', { mode: 'bigint' }).notNull(),
    status: text('status', { enum: PACKAGE_STATUSES }).notNull(),
    /** Penugasan (P4): a Pokja (3 or 5 members) or a Pejabat Pengadaan (Pengadaan Langsung), by SK. */
    assigneeKind: text('assignee_kind', { enum: ['pokja', 'pejabat_pengadaan'] }),
    skNumber: text('sk_number'),
    skDate: date('sk_date'),
    assignedBy: uuid('assigned_by').references(() => users.id),
    submittedAt: ts('submitted_at'),
    assignedAt: ts('assigned_at'),
    completedAt: ts('completed_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('sulap_packages_agency_idx').on(t.agencyId, t.status),
    index('sulap_packages_ukpbj_idx').on(t.ukpbjAgencyId, t.status),
    check('sulap_packages_hps_within_pagu', sql`${t.hps} > 0 and ${t.hps} <= ${t.pagu}`),
  ],
);

/** The RUP plans consolidated into a package; a plan belongs to one package at most. */
export const sulapPackagePlans = pgTable(
  'sulap_package_plans',
  {
    packageId: uuid('package_id')
      .notNull()
      .references(() => sulapPackages.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id')
      .notNull()
      .references(() => rupPlans.id)
      .unique(),
    kode: bigint('kode', { mode: 'number' }).notNull(),
    pagu: bigint('pagu', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.planId] })],
);

/**
 * HPS lines: description, volume, unit, unit price. Volume in thousandths (3 decimals, "12,5 m3" = 12500), unit
 * price in rupiah; the line total is rounded half up to whole rupiah, all in bigint, never a float.
 */
export const sulapHpsItems = pgTable(
  'sulap_hps_items',
  {
    id: id(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => sulapPackages.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    uraian: text('uraian').notNull(),
    volumeMilli: bigint('volume_milli', { mode: 'bigint' }).notNull(),
    satuan: text('satuan').notNull(),
    hargaSatuan: bigint('harga_satuan', { mode: 'bigint' }).notNull(),
    jumlah: bigint('jumlah', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    index('sulap_hps_items_package_idx').on(t.packageId),
    check('sulap_hps_items_positive', sql`${t.volumeMilli} > 0 and ${t.hargaSatuan} > 0`),
  ],
);

/** One checklist item of a package (KAK, HPS, rancangan kontrak…) and its review state. */
export const sulapDocuments = pgTable(
  'sulap_documents',
  {
    id: id(),
    packageId: uuid('package_id')
      .notNull()
      .references(() => sulapPackages.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    status: text('status', { enum: DOCUMENT_STATUSES }).notNull(),
    currentVersion: integer('current_version').notNull().default(0),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [unique('sulap_documents_item_uq').on(t.packageId, t.itemKey)],
);

/** Every uploaded version of a checklist item, never changed: the history stays readable. */
export const sulapDocumentVersions = pgTable(
  'sulap_document_versions',
  {
    id: id(),
    sulapDocumentId: uuid('sulap_document_id')
      .notNull()
      .references(() => sulapDocuments.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id)
      .unique(),
    /** The PPK's answer to the notes of the previous version. */
    note: text('note'),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [unique('sulap_document_versions_uq').on(t.sulapDocumentId, t.version)],
);

/** A reviewer's decision on one version of one document (`persetujuan_dok_persiapan`), kept forever. */
export const sulapReviews = pgTable(
  'sulap_reviews',
  {
    id: id(),
    sulapDocumentId: uuid('sulap_document_id')
      .notNull()
      .references(() => sulapDocuments.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    reviewerUserId: uuid('reviewer_user_id')
      .notNull()
      .references(() => users.id),
    reviewerRole: text('reviewer_role').notNull(),
    decision: text('decision', { enum: REVIEW_DECISIONS }).notNull(),
    note: text('note'),
    at: ts('at').notNull(),
  },
  (t) => [index('sulap_reviews_doc_idx').on(t.sulapDocumentId, t.version)],
);

/** The assigned Pokja members (or the one Pejabat Pengadaan). */
export const sulapMembers = pgTable(
  'sulap_members',
  {
    packageId: uuid('package_id')
      .notNull()
      .references(() => sulapPackages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['POKJA', 'PEJABAT_PENGADAAN'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.userId] }), index('sulap_members_user_idx').on(t.userId)],
);

/** Kaji ulang (`kaji_ulang(role, dokumen, uraian)`): the Pokja's review of the preparation with the PPK. */
export const sulapKajiUlang = pgTable('sulap_kaji_ulang', {
  id: id(),
  packageId: uuid('package_id')
    .notNull()
    .references(() => sulapPackages.id, { onDelete: 'cascade' }),
  byUserId: uuid('by_user_id')
    .notNull()
    .references(() => users.id),
  role: text('role').notNull(),
  hasil: text('hasil', { enum: ['sesuai', 'perlu_perbaikan'] }).notNull(),
  uraian: text('uraian').notNull(),
  at: ts('at').notNull(),
});

/** The package as a draft tender (P7 reached), ready for the tender engine. */
export const sulapDraftTenders = pgTable('sulap_draft_tenders', {
  id: id(),
  packageId: uuid('package_id')
    .notNull()
    .references(() => sulapPackages.id)
    .unique(),
  pagu: bigint('pagu', { mode: 'bigint' }).notNull(),
  hps: bigint('hps', { mode: 'bigint' }).notNull(),
  createdAt: ts('created_at').notNull(),
});
