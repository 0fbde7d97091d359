import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../platform/db/columns.ts';
import { users } from '../accounts/accounts.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { tenders } from '../tenders/tenders.schema.ts';
import { type Criterion, SELEKSI_METHODS } from './seleksi/scoring.ts';

/**
 * Seleksi 2-file: the evaluation criteria and weights of the Dokumen Pemilihan, the ambang batas and, for kualitas
 * dan biaya, the technical weight — as data on the tender. `version` rises with every score change (approvals of an
 * earlier version lapse, as in the evaluation module); `file2OpenedAt` is set when File I is approved by every member
 * (scores are then closed and File II prices may be recorded).
 */
export const seleksiSetup = pgTable(
  'seleksi_setup',
  {
    tenderId: uuid('tender_id')
      .primaryKey()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    method: text('method', { enum: SELEKSI_METHODS }).notNull(),
    criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
    ambang: integer('ambang').notNull(),
    bobotTeknis: integer('bobot_teknis').notNull(),
    version: integer('version').notNull().default(0),
    file1ApprovedAt: ts('file1_approved_at'),
    resultApprovedAt: ts('result_approved_at'),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: ts('set_at').notNull(),
  },
  (t) => [check('seleksi_setup_ranges', sql`${t.ambang} between 0 and 100 and ${t.bobotTeknis} between 0 and 100`)],
);

/** One Pokja member's File I scores of one bidder: criterion code → 0–100. Replaced on re-scoring (audit keeps all). */
export const seleksiScores = pgTable(
  'seleksi_scores',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => users.id),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.vendorId, t.memberId] })],
);

/** Kolektif kolegial per phase (`file1`: the technical result; `hasil`: the final ranking) and version. */
export const seleksiApprovals = pgTable(
  'seleksi_approvals',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    phase: text('phase', { enum: ['file1', 'hasil'] }).notNull(),
    version: integer('version').notNull(),
    approvedAt: ts('approved_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenderId, t.userId, t.phase, t.version] })],
);

/** Tender Cepat e-reverse auction: every price bid (append-only; the lowest per bidder is its standing). */
export const auctionBids = pgTable(
  'auction_bids',
  {
    id: id(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    harga: bigint('harga', { mode: 'bigint' }).notNull(),
    placedBy: uuid('placed_by')
      .notNull()
      .references(() => users.id),
    placedAt: ts('placed_at').notNull(),
  },
  (t) => [index('auction_bids_tender').on(t.tenderId, t.vendorId), check('auction_bids_positive', sql`${t.harga} > 0`)],
);
