import type { Jenis, Metode } from '../rup/index.ts';

/**
 * The preparation documents a PPK hands to the Pokja, per procurement category (jenis) × selection method (metode):
 * rules as data, each with its legal source, like the method thresholds of the RUP. The first matching rule of an item
 * decides whether it is mandatory; an item no rule matches is not on the checklist.
 *
 * Sources: Peraturan Presiden 16/2018 tentang Pengadaan Barang/Jasa Pemerintah as amended by Perpres 12/2021
 * (Pasal 11(1): the PPK's duties; Pasal 25(1): persiapan pengadaan melalui penyedia oleh PPK; Pasal 26–28), and
 * Peraturan LKPP 12/2021 (pedoman pelaksanaan pengadaan melalui penyedia).
 */

export const ITEM_KEYS = [
  'kak_spesifikasi',
  'hps',
  'rancangan_kontrak',
  'gambar_rencana',
  'analisa_harga_satuan',
  'uang_muka_jaminan',
  'dokumen_anggaran',
  'usulan_kualifikasi',
  'lainnya',
] as const;
export type ItemKey = (typeof ITEM_KEYS)[number];

/** Methods handed over to a Pokja or a Pejabat Pengadaan (e-purchasing goes through the catalogue, not SULAP). */
export const SULAP_METHODS = [
  'tender',
  'tender_cepat',
  'seleksi',
  'penunjukan_langsung',
  'pengadaan_langsung',
] as const satisfies readonly Metode[];
export type SulapMethod = (typeof SULAP_METHODS)[number];

export interface ChecklistRule {
  item: ItemKey;
  /** The categories and methods the rule covers; `all` for any. */
  jenis: readonly Jenis[] | 'all';
  metode: readonly Metode[] | 'all';
  mandatory: boolean;
  source: string;
}

const ALL = 'all' as const;
const P25 = 'Perpres 16/2018 Pasal 25(1) jo. Perpres 12/2021';

export const CHECKLIST_RULES: readonly ChecklistRule[] = [
  {
    item: 'kak_spesifikasi',
    jenis: ALL,
    metode: ALL,
    mandatory: true,
    source: `${P25} huruf c dan Pasal 11(1)b: PPK menetapkan spesifikasi teknis/KAK (Pasal 27)`,
  },
  {
    item: 'hps',
    jenis: ALL,
    metode: ALL,
    mandatory: true,
    source: `${P25} huruf a dan Pasal 11(1)d: PPK menetapkan HPS beserta rinciannya (Pasal 26)`,
  },
  {
    item: 'rancangan_kontrak',
    jenis: ALL,
    metode: ALL,
    mandatory: true,
    source: `${P25} huruf b dan Pasal 11(1)c: PPK menetapkan rancangan kontrak (Pasal 28)`,
  },
  {
    item: 'gambar_rencana',
    jenis: ['pekerjaan_konstruksi'],
    metode: ALL,
    mandatory: true,
    source: 'Peraturan LKPP 12/2021 Lampiran I: spesifikasi teknis pekerjaan konstruksi dilengkapi gambar rencana',
  },
  {
    item: 'gambar_rencana',
    jenis: ['barang', 'jasa_lainnya'],
    metode: ALL,
    mandatory: false,
    source: 'Perpres 16/2018 Pasal 27(1): spesifikasi teknis dapat dilengkapi gambar',
  },
  {
    item: 'analisa_harga_satuan',
    jenis: ['pekerjaan_konstruksi'],
    metode: ALL,
    mandatory: true,
    source:
      'Perpres 16/2018 Pasal 26(3) dan Permen PUPR 1/2022: HPS pekerjaan konstruksi disusun dari analisa harga satuan',
  },
  {
    item: 'uang_muka_jaminan',
    jenis: ALL,
    metode: ['tender', 'tender_cepat', 'seleksi', 'penunjukan_langsung'],
    mandatory: true,
    source: `${P25} huruf d: besaran uang muka, jaminan uang muka, jaminan pelaksanaan, jaminan pemeliharaan`,
  },
  {
    item: 'uang_muka_jaminan',
    jenis: ALL,
    metode: ['pengadaan_langsung'],
    mandatory: false,
    source: `${P25} huruf d: untuk Pengadaan Langsung bila diperlukan`,
  },
  {
    item: 'dokumen_anggaran',
    jenis: ALL,
    metode: ALL,
    mandatory: false,
    source: 'Perpres 16/2018 Pasal 20: dokumen anggaran (DPA) sebagai dasar pengadaan',
  },
  {
    item: 'usulan_kualifikasi',
    jenis: ALL,
    metode: ['tender', 'tender_cepat', 'seleksi'],
    mandatory: false,
    source: 'Perpres 16/2018 Pasal 44: persyaratan kualifikasi ditetapkan Pokja; PPK dapat mengusulkan',
  },
  { item: 'lainnya', jenis: ALL, metode: ALL, mandatory: false, source: 'Dokumen pendukung lain dari PPK' },
];

export interface ChecklistItem {
  item: ItemKey;
  mandatory: boolean;
  source: string;
}

const covers = <T extends string>(list: readonly T[] | 'all', v: string) =>
  list === ALL || (list as readonly string[]).includes(v);

/** The checklist of a package: each item once, mandatory first, in the order of ITEM_KEYS. */
export function checklistFor(jenis: string, metode: string): ChecklistItem[] {
  const out: ChecklistItem[] = [];
  for (const item of ITEM_KEYS) {
    const rule = CHECKLIST_RULES.find((r) => r.item === item && covers(r.jenis, jenis) && covers(r.metode, metode));
    if (rule) out.push({ item, mandatory: rule.mandatory, source: rule.source });
  }
  return [...out.filter((i) => i.mandatory), ...out.filter((i) => !i.mandatory)];
}

export const isSulapMethod = (m: string | null | undefined): m is SulapMethod =>
  !!m && (SULAP_METHODS as readonly string[]).includes(m);

export const isItemKey = (k: string): k is ItemKey => (ITEM_KEYS as readonly string[]).includes(k);
