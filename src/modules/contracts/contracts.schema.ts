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
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, ts } from '../../platform/db/columns.ts';
import { users } from '../accounts/accounts.schema.ts';
import { agencies } from '../organisation/organisation.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { tenders } from '../tenders/tenders.schema.ts';

/**
 * The winner as the evaluation module hands it over when the masa sanggah is over (R12, DOMAIN §1.2 stage 8–10):
 * the seam between selection and the contract. Prices are integer rupiah (DOMAIN §2.5): penawaran → terkoreksi →
 * negosiasi. Pagu, HPS and the jenis kontrak are copied from the tender at that moment, so the money rules of the
 * SPPBJ and the contract read one row. `ditolak`: the winner refused the SPPBJ; the evaluation module may then award
 * the next bidder (a new row), so at most one award per tender is `aktif`.
 */
export const AWARD_STATUSES = ['aktif', 'ditolak'] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];

export const contractAwards = pgTable(
  'contract_awards',
  {
    id: id(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** The PPK of the package (SULAP's author); null for a tender made without SULAP: any PPK of the agency. */
    ppkUserId: uuid('ppk_user_id').references(() => users.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    nilaiPenawaran: bigint('nilai_penawaran', { mode: 'bigint' }).notNull(),
    nilaiTerkoreksi: bigint('nilai_terkoreksi', { mode: 'bigint' }).notNull(),
    nilaiNegosiasi: bigint('nilai_negosiasi', { mode: 'bigint' }),
    pagu: bigint('pagu', { mode: 'bigint' }).notNull(),
    hps: bigint('hps', { mode: 'bigint' }).notNull(),
    jenis: text('jenis'),
    jenisKontrak: text('jenis_kontrak'),
    status: text('status', { enum: AWARD_STATUSES }).notNull().default('aktif'),
    decidedAt: ts('decided_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('contract_awards_one_active').on(t.tenderId).where(sql`${t.status} = 'aktif'`),
    index('contract_awards_agency_idx').on(t.agencyId),
    index('contract_awards_vendor_idx').on(t.vendorId),
    check('contract_awards_status', sql`${t.status} in ('aktif', 'ditolak')`),
    check(
      'contract_awards_money',
      sql`${t.nilaiTerkoreksi} > 0 and ${t.nilaiTerkoreksi} <= ${t.hps} and ${t.hps} <= ${t.pagu} and (${t.nilaiNegosiasi} is null or (${t.nilaiNegosiasi} > 0 and ${t.nilaiNegosiasi} <= ${t.nilaiTerkoreksi}))`,
    ),
  ],
);

export const SPPBJ_STATUSES = ['terbit', 'diterima', 'ditolak'] as const;
export type SppbjStatus = (typeof SPPBJ_STATUSES)[number];

/**
 * Surat Penunjukan Penyedia Barang/Jasa by the PPK (e-Kontrak `no_sppbj`, `tgl_sppbj`, `nilai_kontrak_sppbj`,
 * `nilai_jaminan_pelaksanaan_sppbj`, `status_sppbj`), and the winner's answer. A refusal keeps its reason: it feeds the
 * blacklist categories (Perpres 16/2018 jo. 12/2021 Pasal 78 ayat 3 huruf b: mengundurkan diri).
 */
export const contractSppbj = pgTable(
  'contract_sppbj',
  {
    id: id(),
    awardId: uuid('award_id')
      .notNull()
      .references(() => contractAwards.id)
      .unique(),
    nomor: text('nomor').notNull().unique(),
    tanggal: date('tanggal', { mode: 'string' }).notNull(),
    nilai: bigint('nilai', { mode: 'bigint' }).notNull(),
    jaminanNilai: bigint('jaminan_nilai', { mode: 'bigint' }),
    jaminanPenerbit: text('jaminan_penerbit'),
    jaminanBerlakuSampai: date('jaminan_berlaku_sampai', { mode: 'string' }),
    status: text('status', { enum: SPPBJ_STATUSES }).notNull().default('terbit'),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: ts('issued_at').notNull(),
    respondedBy: uuid('responded_by').references(() => users.id),
    respondedAt: ts('responded_at'),
    refusalReason: text('refusal_reason'),
  },
  (t) => [
    check('contract_sppbj_status', sql`${t.status} in ('terbit', 'diterima', 'ditolak')`),
    check('contract_sppbj_refusal', sql`${t.status} <> 'ditolak' or ${t.refusalReason} is not null`),
  ],
);

/**
 * `berjalan` after signing; `serah_terima` after the PHO of a construction contract; `selesai` after the BAST;
 * `diputus` after a termination by the PPK (pemutusan kontrak, opentender `kontrakStatus` 1).
 */
export const CONTRACT_STATUSES = ['berjalan', 'serah_terima', 'selesai', 'diputus'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/**
 * The signed contract (e-Kontrak `no_kontrak`, `jenis_kontrak`, `tgl_kontrak`, `tgl_kontrak_awal/akhir`,
 * `nilai_kontrak`, PPK and `wakil_sah_penyedia`). `nilaiAwal` never changes; `nilai` and `selesai` follow the latest
 * addendum.
 */
export const contracts = pgTable(
  'contracts',
  {
    id: id(),
    awardId: uuid('award_id')
      .notNull()
      .references(() => contractAwards.id)
      .unique(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    nomor: text('nomor').notNull().unique(),
    jenisKontrak: text('jenis_kontrak').notNull(),
    nilaiAwal: bigint('nilai_awal', { mode: 'bigint' }).notNull(),
    nilai: bigint('nilai', { mode: 'bigint' }).notNull(),
    tanggal: date('tanggal', { mode: 'string' }).notNull(),
    mulai: date('mulai', { mode: 'string' }).notNull(),
    selesai: date('selesai', { mode: 'string' }).notNull(),
    ppkNama: text('ppk_nama').notNull(),
    ppkNip: text('ppk_nip'),
    penyediaNama: text('penyedia_nama').notNull(),
    penyediaJabatan: text('penyedia_jabatan').notNull(),
    status: text('status', { enum: CONTRACT_STATUSES }).notNull().default('berjalan'),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    /** Pemutusan kontrak: the date of the PPK's letter, the reason, whether the vendor was at fault (blacklist). */
    putusTanggal: date('putus_tanggal', { mode: 'string' }),
    putusAlasan: text('putus_alasan'),
    putusKesalahanPenyedia: boolean('putus_kesalahan_penyedia'),
    putusBy: uuid('putus_by').references(() => users.id),
    putusAt: ts('putus_at'),
  },
  (t) => [
    index('contracts_vendor_idx').on(t.vendorId, t.status),
    index('contracts_agency_idx').on(t.agencyId),
    check('contracts_status', sql`${t.status} in ('berjalan', 'serah_terima', 'selesai', 'diputus')`),
    check(
      'contracts_putus',
      sql`${t.status} <> 'diputus' or (${t.putusTanggal} is not null and ${t.putusAlasan} is not null and ${t.putusKesalahanPenyedia} is not null)`,
    ),
    check('contracts_money', sql`${t.nilaiAwal} > 0 and ${t.nilai} > 0`),
    check('contracts_dates', sql`${t.selesai} >= ${t.mulai}`),
  ],
);

/**
 * Addenda (e-Kontrak `versi_addendum`, `alasan_addendum`, `alasan_ubah_nilai_kontrak`, `alasan_nilai_kontrak_10_persen`):
 * each with its reason; a cumulative change of value above 10 % of the original carries its own reason.
 */
export const contractAddenda = pgTable(
  'contract_addenda',
  {
    id: id(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    versi: integer('versi').notNull(),
    nomor: text('nomor').notNull(),
    tanggal: date('tanggal', { mode: 'string' }).notNull(),
    alasan: text('alasan').notNull(),
    nilaiLama: bigint('nilai_lama', { mode: 'bigint' }).notNull(),
    nilaiBaru: bigint('nilai_baru', { mode: 'bigint' }).notNull(),
    selesaiLama: date('selesai_lama', { mode: 'string' }).notNull(),
    selesaiBaru: date('selesai_baru', { mode: 'string' }).notNull(),
    alasanSepuluhPersen: text('alasan_sepuluh_persen'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('contract_addenda_versi').on(t.contractId, t.versi)],
);

/** Surat Perintah Mulai Kerja (`no_spmk_spp`, `tgl_spmk_spp`, `tgl_mulai`): one per contract. */
export const contractSpmk = pgTable('contract_spmk', {
  contractId: uuid('contract_id')
    .primaryKey()
    .references(() => contracts.id),
  nomor: text('nomor').notNull(),
  tanggal: date('tanggal', { mode: 'string' }).notNull(),
  mulaiKerja: date('mulai_kerja', { mode: 'string' }).notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: ts('created_at').notNull(),
});

/**
 * Berita Acara Pembayaran (`bapbast_history_json`: no_bap, tgl_bap, besar_pembayaran, progres_pekerjaan): the
 * cumulative realisasi fisik in hundredths of a percent (4550 = 45,50 %, integer, never a float) and the payment of
 * this termin in rupiah. Fisik never goes down; the payments never add up above the contract value.
 */
export const contractPayments = pgTable(
  'contract_payments',
  {
    id: id(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    termin: integer('termin').notNull(),
    nomor: text('nomor').notNull(),
    tanggal: date('tanggal', { mode: 'string' }).notNull(),
    fisikBasisPoin: integer('fisik_basis_poin').notNull(),
    pembayaran: bigint('pembayaran', { mode: 'bigint' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('contract_payments_termin').on(t.contractId, t.termin),
    check('contract_payments_fisik', sql`${t.fisikBasisPoin} between 0 and 10000`),
    check('contract_payments_money', sql`${t.pembayaran} >= 0`),
  ],
);

/**
 * Berita Acara Serah Terima (`no_bast`, `tgl_bast`): the PHO (serah terima pertama) when the work is 100 % done, and
 * for construction the FHO (serah terima akhir) after the masa pemeliharaan (Perpres 16/2018 jo. 12/2021 Pasal 57).
 */
export const contractBast = pgTable(
  'contract_bast',
  {
    contractId: uuid('contract_id')
      .primaryKey()
      .references(() => contracts.id),
    nomor: text('nomor').notNull(),
    phoDate: date('pho_date', { mode: 'string' }).notNull(),
    fhoNomor: text('fho_nomor'),
    fhoDate: date('fho_date', { mode: 'string' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    fhoBy: uuid('fho_by').references(() => users.id),
    fhoAt: ts('fho_at'),
  },
  (t) => [check('contract_bast_fho', sql`${t.fhoDate} is null or ${t.fhoDate} >= ${t.phoDate}`)],
);

/**
 * Penilaian kinerja penyedia by the PPK after the BAST (SIKaP; e-Kontrak `penilaian_kinerja_penyedia`
 * [{indikator_penilaian, nilai_indikator}]): one per contract, a score per criterion on the scale in `rating.ts`, and
 * the weighted total in hundredths (integer).
 */
export const contractRatings = pgTable(
  'contract_ratings',
  {
    contractId: uuid('contract_id')
      .primaryKey()
      .references(() => contracts.id),
    vendorId: uuid('vendor_id')
      .notNull()
      .references(() => vendors.id),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    nilaiRatusan: integer('nilai_ratusan').notNull(),
    catatan: text('catatan'),
    ratedBy: uuid('rated_by')
      .notNull()
      .references(() => users.id),
    ratedAt: ts('rated_at').notNull(),
  },
  (t) => [index('contract_ratings_vendor_idx').on(t.vendorId)],
);
