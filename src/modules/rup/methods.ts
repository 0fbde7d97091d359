/**
 * Which selection method (metode pemilihan) fits which procurement category and pagu. These are rules as data, each
 * with its legal source: when LKPP or the President changes a threshold, change it here and nowhere else. The form,
 * the import and the API all check through `checkMethod`.
 *
 * Sources: Peraturan Presiden 16/2018 tentang Pengadaan Barang/Jasa Pemerintah, as amended by Perpres 12/2021.
 */

/** `jenis_pengadaan` (Pasal 3(1) / SiRUP). */
export const JENIS = ['barang', 'pekerjaan_konstruksi', 'jasa_konsultansi', 'jasa_lainnya'] as const;
export type Jenis = (typeof JENIS)[number];

/** `metode_pengadaan` of a penyedia plan. */
export const METODE = [
  'e_purchasing',
  'pengadaan_langsung',
  'penunjukan_langsung',
  'tender_cepat',
  'tender',
  'seleksi',
] as const;
export type Metode = (typeof METODE)[number];

/** Sumber dana of a regional government's budget lines (SiRUP `sumber_dana`). */
export const SUMBER_DANA = ['APBD', 'APBN', 'DAK', 'DAU', 'DBH', 'BLUD', 'PHLN', 'LAINNYA'] as const;
export type SumberDana = (typeof SUMBER_DANA)[number];

/** Tipe swakelola (Pasal 18(6) Perpres 16/2018). */
export const TIPE_SWAKELOLA = [1, 2, 3, 4] as const;

const JUTA = 1_000_000n;

export interface MethodRule {
  metode: Metode;
  jenis: readonly Jenis[];
  /** Inclusive lower and upper pagu bounds in rupiah; null for none. */
  minExclusive: bigint | null;
  maxInclusive: bigint | null;
  /** The method needs one of the enumerated special cases (Penunjukan Langsung). */
  needsCase?: boolean;
  source: string;
}

const BKL: readonly Jenis[] = ['barang', 'pekerjaan_konstruksi', 'jasa_lainnya'];

export const METHOD_RULES: readonly MethodRule[] = [
  {
    metode: 'e_purchasing',
    jenis: BKL,
    minExclusive: null,
    maxInclusive: null,
    source:
      'Perpres 16/2018 Pasal 38(1)a dan (2), jo. Perpres 12/2021: e-purchasing untuk barang/jasa dalam katalog elektronik, tanpa batas nilai',
  },
  {
    metode: 'pengadaan_langsung',
    jenis: BKL,
    minExclusive: null,
    maxInclusive: 200n * JUTA,
    source: 'Perpres 16/2018 Pasal 38(3) sebagaimana diubah Perpres 12/2021: paling banyak Rp200.000.000',
  },
  {
    metode: 'pengadaan_langsung',
    jenis: ['jasa_konsultansi'],
    minExclusive: null,
    maxInclusive: 100n * JUTA,
    source: 'Perpres 16/2018 Pasal 41(3) sebagaimana diubah Perpres 12/2021: paling banyak Rp100.000.000',
  },
  {
    metode: 'penunjukan_langsung',
    jenis: BKL,
    minExclusive: null,
    maxInclusive: null,
    needsCase: true,
    source: 'Perpres 16/2018 Pasal 38(1)c dan (5) sebagaimana diubah Perpres 12/2021: dalam keadaan tertentu',
  },
  {
    metode: 'penunjukan_langsung',
    jenis: ['jasa_konsultansi'],
    minExclusive: null,
    maxInclusive: null,
    needsCase: true,
    source: 'Perpres 16/2018 Pasal 41(1)c dan (5) sebagaimana diubah Perpres 12/2021: dalam keadaan tertentu',
  },
  {
    metode: 'tender_cepat',
    jenis: BKL,
    minExclusive: 200n * JUTA,
    maxInclusive: null,
    source:
      'Perpres 16/2018 Pasal 38(4) sebagaimana diubah Perpres 12/2021: spesifikasi dan volume rinci, pelaku usaha terkualifikasi di SIKaP; di atas batas Pengadaan Langsung',
  },
  {
    metode: 'tender',
    jenis: BKL,
    minExclusive: 200n * JUTA,
    maxInclusive: null,
    source:
      'Perpres 16/2018 Pasal 38(6) sebagaimana diubah Perpres 12/2021: di atas batas Pengadaan Langsung (Rp200.000.000)',
  },
  {
    metode: 'seleksi',
    jenis: ['jasa_konsultansi'],
    minExclusive: 100n * JUTA,
    maxInclusive: null,
    source:
      'Perpres 16/2018 Pasal 41(2) sebagaimana diubah Perpres 12/2021: di atas batas Pengadaan Langsung jasa konsultansi (Rp100.000.000)',
  },
];

/**
 * The enumerated cases for Penunjukan Langsung ("keadaan tertentu", Perpres 16/2018 Pasal 38(5) and 41(5) as
 * amended by Perpres 12/2021), summarised; the code is the letter of the clause.
 */
export const PENUNJUKAN_CASES = [
  'a_konferensi_mendadak',
  'b_rahasia_negara',
  'c_satu_kesatuan_konstruksi',
  'd_satu_pelaku_usaha',
  'e_benih_pupuk_bencana',
  'f_psu_mbr',
  'g_hak_paten',
  'h_tender_ulang_satu_peserta',
] as const;
export type PenunjukanCase = (typeof PENUNJUKAN_CASES)[number];

export type MethodCheck =
  | { ok: true; rule: MethodRule }
  | {
      ok: false;
      code: 'METHOD_CATEGORY' | 'METHOD_ABOVE_THRESHOLD' | 'METHOD_BELOW_THRESHOLD' | 'METHOD_NEEDS_CASE';
      /** The threshold in rupiah that was crossed, when one was. */
      threshold?: bigint;
      source: string;
    };

/** Whether `metode` may be used for `jenis` at `pagu`; a refusal names the threshold and its source. */
export function checkMethod(metode: Metode, jenis: Jenis, pagu: bigint, penunjukanCase?: string | null): MethodCheck {
  const forMethod = METHOD_RULES.filter((r) => r.metode === metode);
  const rule = forMethod.find((r) => r.jenis.includes(jenis));
  if (!rule) {
    return { ok: false, code: 'METHOD_CATEGORY', source: forMethod[0]?.source ?? 'Perpres 16/2018 Pasal 38, 41' };
  }
  if (rule.maxInclusive !== null && pagu > rule.maxInclusive) {
    return { ok: false, code: 'METHOD_ABOVE_THRESHOLD', threshold: rule.maxInclusive, source: rule.source };
  }
  if (rule.minExclusive !== null && pagu <= rule.minExclusive) {
    return { ok: false, code: 'METHOD_BELOW_THRESHOLD', threshold: rule.minExclusive, source: rule.source };
  }
  if (rule.needsCase && !(PENUNJUKAN_CASES as readonly string[]).includes(penunjukanCase ?? '')) {
    return { ok: false, code: 'METHOD_NEEDS_CASE', source: rule.source };
  }
  return { ok: true, rule };
}

/** The methods allowed for a category and pagu, for hints on the form. */
export function allowedMethods(jenis: Jenis, pagu: bigint): Metode[] {
  return METODE.filter((m) => {
    const r = checkMethod(m, jenis, pagu, PENUNJUKAN_CASES[0]);
    return r.ok;
  });
}
