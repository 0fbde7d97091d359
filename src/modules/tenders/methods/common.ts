import type { BundleInput } from './bundle.ts';

/**
 * Pieces several bundles share, each with its source. A bundle file copies what it uses into its own data at load, so
 * changing a value here changes every bundle that uses it: do that only to fix a transcription error, never to follow
 * a new regulation (that is a new bundle version).
 */

type Sanggah = NonNullable<BundleInput['sanggah']>;

/** Jam kerja used by the schedule template (see working-days.ts for the convention). */
export const WORKING_HOURS = { start: '08:00', end: '16:00' } as const;

export const SANGGAH_2021: Sanggah = {
  filing: { n: 5, unit: 'calendar_days' },
  answer: { n: 3, unit: 'calendar_days' },
  source:
    'Perpres 16/2018 Pasal 50 jo. Perpres 12/2021; Perlem LKPP 12/2021 Lampiran I: sanggah 5 hari kalender setelah pengumuman pemenang, jawaban Pokja paling lambat 3 hari kalender',
};

export const SANGGAH_BANDING_2021: Sanggah = {
  filing: { n: 5, unit: 'calendar_days' },
  answer: { n: 14, unit: 'calendar_days' },
  jenis: ['pekerjaan_konstruksi'],
  source:
    'Perpres 16/2018 Pasal 50 jo. Perpres 12/2021: sanggah banding hanya untuk Pekerjaan Konstruksi, dengan jaminan sanggah banding; jawaban PA/KPA paling lambat 14 hari kalender',
};

/** Perpres 16/2018 Pasal 51(2) and (3): items a–h are declared by the Pokja, item i by the PA/KPA. */
export const TENDER_FAILURE: BundleInput['failure'] = [
  {
    by: 'POKJA',
    reasons: [
      'a_kesalahan_evaluasi',
      'b_tidak_ada_penawaran',
      'c_tidak_ada_yang_lulus',
      'd_kesalahan_dokumen_pemilihan',
      'e_kkn_peserta',
      'f_persaingan_tidak_sehat',
      'g_harga_di_atas_hps',
    ],
  },
  { by: 'PA_KPA', reasons: ['i_kkn_pokja_ppk'] },
];

export const SELEKSI_FAILURE: BundleInput['failure'] = [
  {
    by: 'POKJA',
    reasons: [
      'a_kesalahan_evaluasi',
      'b_tidak_ada_penawaran',
      'c_tidak_ada_yang_lulus',
      'd_kesalahan_dokumen_pemilihan',
      'e_kkn_peserta',
      'f_persaingan_tidak_sehat',
      'g_harga_di_atas_hps',
      'h_negosiasi_biaya_gagal',
    ],
  },
  { by: 'PA_KPA', reasons: ['i_kkn_pokja_ppk'] },
];

/** The five SPSE non-tender stages (DOMAIN §1.4), for Pengadaan Langsung and Penunjukan Langsung. */
export function nonTenderStages(official: 'POKJA' | 'PEJABAT_PENGADAAN'): BundleInput['stages'] {
  return [
    {
      code: 'upload_dokumen_penawaran',
      name: 'Upload Dokumen Penawaran',
      role: 'bid_upload',
      actors: ['PENYEDIA'],
      minDuration: { n: 1, unit: 'working_days' },
      start: { at: 'template' },
    },
    {
      code: 'pembukaan_dokumen_penawaran',
      name: 'Pembukaan Dokumen Penawaran',
      role: 'bid_opening',
      actors: [official],
      minDuration: { n: 1, unit: 'hours' },
    },
    {
      code: 'evaluasi_penawaran',
      name: 'Evaluasi Penawaran',
      role: 'evaluation',
      actors: [official],
      minDuration: { n: 1, unit: 'working_days' },
    },
    {
      code: 'klarifikasi_teknis_dan_negosiasi',
      name: 'Klarifikasi Teknis dan Negosiasi',
      role: 'negotiation',
      actors: [official, 'PENYEDIA'],
      minDuration: { n: 1, unit: 'working_days' },
    },
    {
      code: 'penandatanganan_kontrak',
      name: 'Penandatanganan Kontrak',
      role: 'contract',
      actors: ['PPK', 'PENYEDIA'],
      minDuration: { n: 1, unit: 'working_days' },
    },
  ];
}

/** The award tail of a tender: penetapan → pengumuman → masa sanggah → SPPBJ → kontrak (DOMAIN §1.2 #8–12). */
export function awardTail(sanggah: Sanggah, opts: { negotiation?: boolean } = {}): BundleInput['stages'] {
  return [
    {
      code: 'penetapan_pemenang',
      name: 'Penetapan Pemenang',
      role: 'award_decision',
      actors: ['POKJA'],
      minDuration: { n: 1, unit: 'working_days' },
    },
    {
      code: 'pengumuman_pemenang',
      name: 'Pengumuman Pemenang',
      role: 'award_announcement',
      actors: ['POKJA'],
      minDuration: { n: 1, unit: 'working_days' },
    },
    {
      code: 'masa_sanggah',
      name: 'Masa Sanggah',
      role: 'sanggah',
      actors: ['PENYEDIA', 'POKJA'],
      minDuration: sanggah.filing,
      source: sanggah.source,
    },
    ...(opts.negotiation
      ? [
          {
            code: 'klarifikasi_dan_negosiasi_teknis_dan_biaya',
            name: 'Klarifikasi dan Negosiasi Teknis dan Biaya',
            role: 'negotiation' as const,
            actors: ['POKJA' as const, 'PENYEDIA' as const],
            minDuration: { n: 1, unit: 'working_days' as const },
          },
        ]
      : []),
    {
      code: 'sppbj',
      name: 'Surat Penunjukan Penyedia Barang/Jasa',
      role: 'sppbj',
      actors: ['PPK'],
      minDuration: { n: 1, unit: 'working_days' },
    },
    {
      code: 'penandatanganan_kontrak',
      name: 'Penandatanganan Kontrak',
      role: 'contract',
      actors: ['PPK', 'PENYEDIA'],
      minDuration: { n: 1, unit: 'working_days' },
    },
  ];
}
