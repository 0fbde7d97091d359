import type { BundleInput } from './bundle.ts';
import { awardTail, SANGGAH_2021, SELEKSI_FAILURE, WORKING_HOURS } from './common.ts';
import { PRAKUALIFIKASI_STAGES } from './prakualifikasi-stages.ts';

/** Seleksi, Prakualifikasi, 2 file (consultancy): the 21 SPSE stages, verbatim (DOMAIN §1.3). */
export default {
  id: 'seleksi-prakualifikasi-2-file',
  version: '2021.1',
  metode: 'seleksi',
  name: 'Seleksi (Prakualifikasi Dua File - Kualitas dan Biaya)',
  jenis: ['jasa_konsultansi'],
  qualification: 'prakualifikasi',
  documentMethod: 'dua_file',
  evaluationMethods: ['kualitas_biaya', 'kualitas', 'pagu_anggaran', 'biaya_terendah'],
  failure: SELEKSI_FAILURE,
  sanggah: SANGGAH_2021,
  // Sanggah banding is for Pekerjaan Konstruksi only (Perpres 12/2021); consultancy has none.
  sanggahBanding: null,
  workingHours: WORKING_HOURS,
  source:
    'Perpres 16/2018 jo. Perpres 12/2021 Pasal 41 (Seleksi), Pasal 42 (metode evaluasi jasa konsultansi), Pasal 50, 51; Perlem LKPP 12/2021 Lampiran II',
  caveat:
    'Minimum durations, including the 3-day prakualifikasi sanggah, are from general knowledge; check against Perlem LKPP 12/2021 Lampiran II.',
  stages: [
    ...PRAKUALIFIKASI_STAGES,
    {
      code: 'upload_dokumen_penawaran',
      name: 'Upload Dokumen Penawaran',
      role: 'bid_upload',
      actors: ['PENYEDIA'],
      minDuration: { n: 6, unit: 'working_days' },
      start: { with: 'pemberian_penjelasan' },
    },
    {
      code: 'pembukaan_evaluasi_file_1',
      name: 'Pembukaan dan Evaluasi Penawaran File I: Administrasi dan Teknis',
      role: 'bid_opening',
      actors: ['POKJA'],
      minDuration: { n: 1, unit: 'working_days' },
      start: { after: 'upload_dokumen_penawaran' },
    },
    {
      code: 'pengumuman_hasil_evaluasi_administrasi_teknis',
      name: 'Pengumuman Hasil Evaluasi Administrasi dan Teknis',
      role: 'technical_result',
      actors: ['POKJA'],
      minDuration: { n: 1, unit: 'working_days' },
    },
    {
      code: 'pembukaan_evaluasi_file_2',
      name: 'Pembukaan dan Evaluasi Penawaran File II: Harga',
      role: 'price_opening',
      actors: ['POKJA'],
      minDuration: { n: 1, unit: 'working_days' },
    },
    ...awardTail(SANGGAH_2021, { negotiation: true }),
  ],
} satisfies BundleInput;
