import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgSequence, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, ts } from '../../platform/db/columns.ts';
import { users } from '../accounts/accounts.schema.ts';
import { agencies } from '../organisation/organisation.schema.ts';

/**
 * Kode RUP for plans made here: numeric like SiRUP's `kd_rup`, from a sequence (stable: never reused, never changed).
 * It starts far above the codes SiRUP has issued so far, so an imported SiRUP code and a local one never collide.
 */
export const rupKodeSeq = pgSequence('rup_kode_seq', { startWith: 900000001 });

/**
 * A procurement plan (RUP, SiRUP `isb_rup_paket`), penyedia or swakelola. Money is integer rupiah (bigint, never a
 * float). A revision (kaji ulang) never edits an announced row: it makes new rows and marks the old ones `revised`
 * (or `cancelled`), linked in `rup_revisions` — as SiRUP keeps `kd_rup_lama` → `kd_rup_baru`.
 */
export const rupPlans = pgTable(
  'rup_plans',
  {
    id: id(),
    kode: bigint('kode', { mode: 'number' }).notNull().unique().default(sql`nextval('rup_kode_seq')`),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** `kd_satker` / `nama_satker`: in a regency each OPD is its own satker; kept for SiRUP data. */
    satkerKode: text('satker_kode'),
    satkerNama: text('satker_nama').notNull(),
    /** `tipe_paket`: penyedia (through a vendor) or swakelola (self-managed). */
    tipe: text('tipe', { enum: ['penyedia', 'swakelola'] }).notNull(),
    tahunAnggaran: integer('tahun_anggaran').notNull(),
    namaPaket: text('nama_paket').notNull(),
    pagu: bigint('pagu', { mode: 'bigint' }).notNull(),
    sumberDana: text('sumber_dana').notNull(),
    /** Penyedia only (`metode_pengadaan`, `jenis_pengadaan`). */
    metode: text('metode'),
    jenis: text('jenis'),
    /** The enumerated case of Penunjukan Langsung (Pasal 38(5)); null otherwise. */
    alasanPenunjukan: text('alasan_penunjukan'),
    /** Swakelola only: tipe I–IV (Pasal 18(6)). */
    tipeSwakelola: integer('tipe_swakelola'),
    /** Planned months, `YYYY-MM` (`tgl_awal_pemilihan`, `tgl_awal_kontrak`, `tgl_awal_pemanfaatan`). */
    bulanPemilihan: text('bulan_pemilihan'),
    bulanKontrak: text('bulan_kontrak'),
    bulanPemanfaatan: text('bulan_pemanfaatan'),
    statusPdn: boolean('status_pdn').notNull().default(true),
    statusUkm: boolean('status_ukm').notNull().default(true),
    alasanNonUkm: text('alasan_non_ukm'),
    lokasi: text('lokasi'),
    volume: text('volume'),
    uraian: text('uraian'),
    spesifikasi: text('spesifikasi'),
    ppkUserId: uuid('ppk_user_id').references(() => users.id),
    status: text('status', { enum: ['draft', 'announced', 'revised', 'cancelled', 'withdrawn'] }).notNull(),
    announcedAt: ts('announced_at'),
    /** R14: who authored the plan (a PA/KPA of the agency, never the LPSE). */
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('rup_plans_public_idx').on(t.status, t.tahunAnggaran, t.agencyId),
    index('rup_plans_agency_idx').on(t.agencyId, t.status),
    // The public list's order (newest year, then newest kode): a page of 25 reads 25 index entries, not every plan.
    index('rup_plans_public_order_idx').on(t.status, t.tahunAnggaran.desc().nullsFirst(), t.kode.desc().nullsFirst()),
    check('rup_plans_pagu_positive', sql`${t.pagu} > 0`),
  ],
);

/** Budget lines (`paket-anggaran-penyedia`): program → kegiatan → sub-kegiatan, MAK, sumber dana, pagu. */
export const rupBudgetLines = pgTable(
  'rup_budget_lines',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => rupPlans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kodeProgram: text('kode_program').notNull(),
    kodeKegiatan: text('kode_kegiatan').notNull(),
    kodeSubKegiatan: text('kode_sub_kegiatan').notNull(),
    mak: text('mak').notNull(),
    sumberDana: text('sumber_dana').notNull(),
    pagu: bigint('pagu', { mode: 'bigint' }).notNull(),
  },
  (t) => [index('rup_budget_lines_plan_idx').on(t.planId), check('rup_budget_lines_pagu_positive', sql`${t.pagu} > 0`)],
);

/**
 * Kaji ulang: one revision links the plans it replaces to the plans replacing them (none for a pembatalan), with its
 * type and reason (`jenis_revisi`, `alasan_kajiulang`, `tgl_kaji_ulang`).
 */
export const rupRevisions = pgTable('rup_revisions', {
  id: id(),
  jenis: text('jenis', { enum: ['satu_ke_satu', 'satu_ke_banyak', 'banyak_ke_satu', 'pembatalan'] }).notNull(),
  alasan: text('alasan').notNull(),
  oldKodes: bigint('old_kodes', { mode: 'number' }).array().notNull(),
  newKodes: bigint('new_kodes', { mode: 'number' }).array().notNull(),
  byUserId: uuid('by_user_id').references(() => users.id),
  at: ts('at').notNull(),
});
