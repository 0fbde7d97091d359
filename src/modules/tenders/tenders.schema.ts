import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
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
import { agencies } from '../organisation/organisation.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { sulapDraftTenders } from '../sulap/sulap.schema.ts';

export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/**
 * National holidays and cuti bersama (SKB 3 Menteri), kept by the LPSE: the working-day arithmetic of every schedule
 * template skips them. One row per date.
 */
export const holidays = pgTable(
  'holidays',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: HOLIDAY_KINDS }).notNull(),
    /** Where the date comes from (the SKB's number), or a note that it is demo data still to be checked. */
    source: text('source').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [check('holidays_kind', sql`${t.kind} in ('libur_nasional', 'cuti_bersama')`)],
);

export const TENDER_STATUSES = ['draft', 'berlangsung', 'selesai', 'gagal', 'batal'] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];

/** Cara pembayaran (SPSE "Jenis Kontrak"), Perpres 16/2018 jo. 12/2021 Pasal 27. */
export const JENIS_KONTRAK = ['lumsum', 'harga_satuan', 'gabungan', 'terima_jadi', 'kontrak_payung'] as const;
export type JenisKontrak = (typeof JENIS_KONTRAK)[number];

export const KUALIFIKASI_USAHA = ['kecil', 'non_kecil'] as const;
export type KualifikasiUsaha = (typeof KUALIFIKASI_USAHA)[number];

/**
 * Syarat kualifikasi as data (SIKaP reads it later to pre-check vendors): the business licence with its KBLI codes,
 * the experience asked for, and the experts and equipment, one line each.
 */
export interface SyaratKualifikasi {
  izinUsaha: string;
  kbli: string[];
  pengalaman: string | null;
  tenagaAhli: string[];
  peralatan: string[];
  /**
   * Optional structured parts (R06, SIKaP issue 10): what the qualification check can decide by itself. The text
   * lines above stay what is published; a tender without these is checked by the Pokja alone for those parts.
   */
  /** Licence types every participant must hold, valid (e.g. NIB, SBU). */
  izinJenis?: string[];
  /** For construction: SBU sub-classification codes (any one of them) and the grades accepted (K1…B2). */
  sbu?: { subklasifikasi: string[]; kualifikasi: string[] };
  /** At least `jumlah` completed contracts, each worth at least `nilai` rupiah (digits), within the last `tahun` years. */
  pengalamanMin?: { jumlah: number; nilai: string | null; tahun: number | null };
  /** Experts: `jumlah` people holding a valid certificate whose name contains `sertifikat`. */
  tenagaAhliMin?: { jumlah: number; sertifikat: string }[];
  /** Equipment: `jumlah` units in good condition whose type contains `jenis`. */
  peralatanMin?: { jenis: string; jumlah: number }[];
}

/**
 * A tender run (SPSE `lelang_seleksi`), minimal for now: its public code, the method bundle id + version it started
 * with (kept for its whole life, so a later regulation does not change it), its status and the SULAP draft it came
 * from. Publication, participation and the rest extend it.
 */
export const tenders = pgTable(
  'tenders',
  {
    id: id(),
    /** Kode Tender, given when the tender is announced (null while it is a draft). */
    kode: text('kode').unique(),
    nama: text('nama').notNull(),
    bundleId: text('bundle_id').notNull(),
    bundleVersion: text('bundle_version').notNull(),
    status: text('status', { enum: TENDER_STATUSES }).notNull().default('draft'),
    /** The agency whose package it is (satker/OPD). */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** The UKPBJ whose Pokja runs it; its Pokja members hold their role there. */
    ukpbjAgencyId: uuid('ukpbj_agency_id').references(() => agencies.id),
    sulapDraftTenderId: uuid('sulap_draft_tender_id')
      .references(() => sulapDraftTenders.id)
      .unique(),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
    /** Publication (filled from the SULAP draft tender by its Pokja; null for a tender made without one). */
    jenis: text('jenis'),
    metode: text('metode'),
    tahunAnggaran: integer('tahun_anggaran'),
    pagu: bigint('pagu', { mode: 'bigint' }),
    /** Confidential until the tender is announced (DOMAIN §2.5). */
    hps: bigint('hps', { mode: 'bigint' }),
    jenisKontrak: text('jenis_kontrak', { enum: JENIS_KONTRAK }),
    kualifikasiUsaha: text('kualifikasi_usaha', { enum: KUALIFIKASI_USAHA }),
    lokasi: jsonb('lokasi').$type<string[]>(),
    syaratKualifikasi: jsonb('syarat_kualifikasi').$type<SyaratKualifikasi>(),
    /** The RUP plans of the package (kode RUP). */
    rupKodes: jsonb('rup_kodes').$type<number[]>(),
    approvalRequestedAt: ts('approval_requested_at'),
    announcedAt: ts('announced_at'),
    /** SPSE `lls_versi_lelang`: 1, or the previous version + 1 for a tender ulang. */
    versi: integer('versi').notNull().default(1),
    /** A tender ulang: the failed tender it repeats (SPSE links the two; the old page links forward). */
    repeatOfId: uuid('repeat_of_id'),
    /** Why it is repeated (SPSE `lls_diulang_karena`), on the tender ulang. */
    repeatReason: text('repeat_reason'),
    /** Gagal (a reason code of FAILURE_REASONS) or batal: why, by whom, in which role and when. Public. */
    closedReason: text('closed_reason'),
    closedNote: text('closed_note'),
    closedBy: uuid('closed_by').references(() => users.id),
    closedRole: text('closed_role'),
    closedAt: ts('closed_at'),
  },
  (t) => [
    index('tenders_public_idx').on(t.status, t.announcedAt),
    // The public list's order (newest announcement first, as `desc()` sorts: nulls first): a page is read from the
    // index, not sorted from all rows.
    index('tenders_announced_idx')
      .on(t.announcedAt.desc().nullsFirst(), t.kode.desc().nullsFirst())
      .where(sql`${t.announcedAt} is not null`),
    check('tenders_status', sql`${t.status} in ('draft', 'berlangsung', 'selesai', 'gagal', 'batal')`),
    index('tenders_agency_idx').on(t.agencyId),
  ],
);

/** One row per stage of a tender's schedule (SPSE `jadwal`): [start, end), half-open. */
export const tenderSchedule = pgTable(
  'tender_schedule',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    ord: integer('ord').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.stage] }),
    check('tender_schedule_interval', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * Every change of a schedule, one row per stage changed (the template's first fill too, with no old value): who,
 * when, why, old → new. Rows of one change share `changedAt` and `reason`. SPSE shows the count as "Perubahan".
 */
export const tenderScheduleChanges = pgTable(
  'tender_schedule_changes',
  {
    id: id(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    oldStartsAt: ts('old_starts_at'),
    oldEndsAt: ts('old_ends_at'),
    newStartsAt: ts('new_starts_at').notNull(),
    newEndsAt: ts('new_ends_at').notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by'),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [index('tender_schedule_changes_tender_idx').on(t.tenderId, t.changedAt)],
);

/** The Pokja members of a tender (from the SK of its SULAP package): they approve the publication together. */
export const tenderMembers = pgTable(
  'tender_members',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Kolektif kolegial: when this member approved the announcement (null: not yet). */
    approvedAt: ts('approved_at'),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.userId] }), index('tender_members_user_idx').on(t.userId)],
);

/** Documents published with the announcement (the Dokumen Pemilihan): a public class, unlike SULAP's. */
export const tenderDocuments = pgTable(
  'tender_documents',
  {
    id: id(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['dokumen_pemilihan'] }).notNull(),
    /** The Dokumen Pemilihan's version: 1, 2… for uploads before the announcement (the highest is current). */
    version: integer('version').notNull().default(1),
    /** The addendum that published this file (null: the Dokumen Pemilihan of the announcement). */
    addendumId: uuid('addendum_id').references(() => tenderAddenda.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id)
      .unique(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [index('tender_documents_tender_idx').on(t.tenderId)],
);

/** The vendors that joined a tender (SPSE "Ikut Tender"), each having accepted the Pakta Integritas. */
export const tenderParticipants = pgTable(
  'tender_participants',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    /** The vendor's user who accepted the Pakta Integritas. */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The Pakta Integritas text as accepted (it may be reworded later). */
    pakta: text('pakta').notNull(),
    joinedAt: ts('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.vendorId] }), index('tender_participants_vendor_idx').on(t.vendorId)],
);

/**
 * Pengadaan Langsung / Penunjukan Langsung: the Pejabat Pengadaan (or Pokja) invites one chosen vendor; only an
 * invited vendor may join, and it accepts by joining with the Pakta Integritas (`acceptedAt`).
 */
export const tenderInvitations = pgTable(
  'tender_invitations',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    invitedAt: ts('invited_at').notNull(),
    acceptedAt: ts('accepted_at'),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.vendorId] }), index('tender_invitations_vendor_idx').on(t.vendorId)],
);

/** Aanwijzing (Pemberian Penjelasan): a participant's question and the Pokja's answer. */
export const tenderQuestions = pgTable(
  'tender_questions',
  {
    id: id(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    askedBy: uuid('asked_by')
      .notNull()
      .references(() => users.id),
    question: text('question').notNull(),
    /** Hidden from the other vendors (never from the Pokja). */
    anonymous: boolean('anonymous').notNull().default(false),
    askedAt: ts('asked_at').notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: ts('answered_at'),
  },
  (t) => [index('tender_questions_tender_idx').on(t.tenderId, t.askedAt)],
);

/**
 * Issue 9 item 7: an addendum to the Dokumen Pemilihan (SPSE `dok_lelang.dll_versi`): its number (1, 2…), the reason
 * and, in `tender_documents`, the changed files. Published at once; participants are mailed.
 */
export const tenderAddenda = pgTable(
  'tender_addenda',
  {
    id: id(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    reason: text('reason').notNull(),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: ts('published_at').notNull(),
  },
  (t) => [uniqueIndex('tender_addenda_number_idx').on(t.tenderId, t.number)],
);

/**
 * Issue 9 item 9 (Perka LKPP 1/2015): a technical disruption of the LPSE recorded by its staff — when it started and
 * ended, and what failed. Public; the Pokja of a tender whose upload stage overlaps it extends that stage by the overlap.
 */
export const outageIncidents = pgTable(
  'outage_incidents',
  {
    id: id(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    what: text('what').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    check('outage_incidents_interval', sql`${t.endsAt} > ${t.startsAt}`),
    index('outage_incidents_time_idx').on(t.startsAt),
  ],
);

/** An incident's extension applied to a tender (once per tender and incident). */
export const tenderOutageExtensions = pgTable(
  'tender_outage_extensions',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => outageIncidents.id),
    /** The extension in minutes (the overlap of the incident with the upload stage). */
    minutes: integer('minutes').notNull(),
    extendedBy: uuid('extended_by')
      .notNull()
      .references(() => users.id),
    extendedAt: ts('extended_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.incidentId] })],
);
