import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../platform/db/columns.ts';
import { documents } from '../../platform/files/files.schema.ts';
import { users } from '../accounts/accounts.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { tenders } from '../tenders/tenders.schema.ts';

/** One line of a bid's price list (Rincian Harga Penawaran): integer rupiah, volume as a decimal string ("12,5"). */
export interface PriceLine {
  uraian: string;
  /** Decimal with up to 4 places, as a string ("12.5"): never a float in arithmetic. */
  volume: string;
  satuan: string;
  /** Integer rupiah as a decimal string (jsonb holds no bigint). */
  hargaSatuan: string;
}

/**
 * The opened bids as the evaluation sees them (SPSE `peserta.psr_harga`, `psr_harga_terkoreksi`): written by
 * `recordOpenedBid` at the opening (the bids module calls it), never edited afterwards except the negotiated price.
 */
export const evalBids = pgTable(
  'eval_bids',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    /** Harga penawaran as read at the opening. */
    hargaPenawaran: bigint('harga_penawaran', { mode: 'bigint' }).notNull(),
    priceLines: jsonb('price_lines').$type<PriceLine[]>(),
    /** Σ volume × harga satuan, rounded to the rupiah (equal to the bid when there are no lines). */
    hargaTerkoreksi: bigint('harga_terkoreksi', { mode: 'bigint' }).notNull(),
    openedAt: ts('opened_at').notNull(),
    /** Klarifikasi dan negosiasi (where the method has it). */
    hargaNegosiasi: bigint('harga_negosiasi', { mode: 'bigint' }),
    negotiatedBy: uuid('negotiated_by').references(() => users.id),
    negotiatedAt: ts('negotiated_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.vendorId] }),
    check('eval_bids_positive', sql`${t.hargaPenawaran} > 0 and ${t.hargaTerkoreksi} >= 0`),
  ],
);

export const ASPECTS = ['administrasi', 'kualifikasi', 'teknis', 'harga'] as const;
export type Aspect = (typeof ASPECTS)[number];

/** One checklist item as the Pokja decided it. */
export interface ChecklistItem {
  item: string;
  label: string;
  ok: boolean;
  note: string | null;
}

/**
 * The Pokja's result of one aspect for one bidder (SPSE `nilai_evaluasi`: `nev_lulus`, `nev_uraian`). Re-recording
 * replaces it (the audit trail keeps every version) and withdraws the members' approvals.
 */
export const evalResults = pgTable(
  'eval_results',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    aspect: text('aspect', { enum: ASPECTS }).notNull(),
    lulus: boolean('lulus').notNull(),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull(),
    /** Why the bidder fails (required when it fails); public on the result page. */
    reason: text('reason'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.vendorId, t.aspect] }),
    check('eval_results_reason', sql`${t.lulus} or ${t.reason} is not null`),
  ],
);

/**
 * Kolektif kolegial: each Pokja member's approval of the evaluation as it stands at `version` (the count of result
 * changes). A change of any result raises the version, so earlier approvals no longer count.
 */
export const evalApprovals = pgTable(
  'eval_approvals',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull(),
    approvedAt: ts('approved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.userId, t.version] })],
);

/** Per tender: the evaluation's version (raised by every result change). */
export const evalState = pgTable('eval_state', {
  tenderId: uuid('tender_id')
    .primaryKey()
    .references(() => tenders.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(0),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * Pembuktian kualifikasi (SPSE `/kirim_pesan/{peserta}/8`: waktu, sampai, tempat, is_online, link_pembuktian, dibawa,
 * hadir): the invitation and its result. One per bidder; a new invitation replaces an unanswered one.
 */
export const evalProofs = pgTable(
  'eval_proofs',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    waktu: ts('waktu').notNull(),
    sampai: ts('sampai').notNull(),
    tempat: text('tempat'),
    isOnline: boolean('is_online').notNull().default(false),
    link: text('link'),
    dibawa: text('dibawa').notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    invitedAt: ts('invited_at').notNull(),
    hadir: boolean('hadir'),
    lulus: boolean('lulus'),
    reason: text('reason'),
    resultBy: uuid('result_by').references(() => users.id),
    resultAt: ts('result_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenderId, t.vendorId] }),
    check('eval_proofs_interval', sql`${t.sampai} > ${t.waktu}`),
    check('eval_proofs_reason', sql`${t.lulus} is null or ${t.lulus} or ${t.reason} is not null`),
  ],
);

export const DECIDED_AS = ['POKJA', 'PA_KPA'] as const;

/** Penetapan pemenang: one per tender (a sanggah that is upheld withdraws it: `withdrawnAt`). */
export const evalAwards = pgTable(
  'eval_awards',
  {
    id: id(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    nilaiPenawaran: bigint('nilai_penawaran', { mode: 'bigint' }).notNull(),
    nilaiTerkoreksi: bigint('nilai_terkoreksi', { mode: 'bigint' }).notNull(),
    nilaiNegosiasi: bigint('nilai_negosiasi', { mode: 'bigint' }),
    decidedAs: text('decided_as', { enum: DECIDED_AS }).notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: ts('decided_at').notNull(),
    /** The evaluation version the award rests on. */
    evalVersion: integer('eval_version').notNull(),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [
    index('eval_awards_tender_idx').on(t.tenderId),
    check('eval_awards_decided_as', sql`${t.decidedAs} in ('POKJA', 'PA_KPA')`),
  ],
);

export const SANGGAH_OUTCOMES = ['ditolak', 'diterima'] as const;
export type SanggahOutcome = (typeof SANGGAH_OUTCOMES)[number];

/** A sanggah by a participant in the masa sanggah and the Pokja's answer (visible to every participant). */
export const evalSanggah = pgTable(
  'eval_sanggah',
  {
    id: id(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    filedBy: uuid('filed_by')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    filedAt: ts('filed_at').notNull(),
    answer: text('answer'),
    outcome: text('outcome', { enum: SANGGAH_OUTCOMES }),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: ts('answered_at'),
  },
  (t) => [
    index('eval_sanggah_tender_idx').on(t.tenderId, t.filedAt),
    check('eval_sanggah_answer', sql`(${t.answer} is null) = (${t.outcome} is null)`),
  ],
);

/**
 * Sanggah banding (construction only, from the bundle's `sanggahBanding.jenis`): a bidder whose sanggah was rejected
 * appeals to the PA/KPA with a jaminan sanggah banding; the tender waits until the PA/KPA answers.
 */
export const evalSanggahBanding = pgTable(
  'eval_sanggah_banding',
  {
    id: id(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    sanggahId: uuid('sanggah_id')
      .notNull()
      .references(() => evalSanggah.id)
      .unique(),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    filedBy: uuid('filed_by')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    /** The jaminan sanggah banding: its number (bank guarantee) and value (rate × HPS, integer rupiah). */
    jaminanNomor: text('jaminan_nomor').notNull(),
    jaminanNilai: bigint('jaminan_nilai', { mode: 'bigint' }).notNull(),
    /** The rate in basis points at filing (kept: a later change of the rate does not change this appeal). */
    jaminanRateBp: integer('jaminan_rate_bp').notNull(),
    filedAt: ts('filed_at').notNull(),
    answer: text('answer'),
    outcome: text('outcome', { enum: SANGGAH_OUTCOMES }),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: ts('answered_at'),
  },
  (t) => [
    index('eval_sanggah_banding_tender_idx').on(t.tenderId),
    check('eval_sanggah_banding_answer', sql`(${t.answer} is null) = (${t.outcome} is null)`),
  ],
);
