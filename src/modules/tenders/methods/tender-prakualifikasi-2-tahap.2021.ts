import type { BundleInput } from './bundle.ts';
import { awardTail, SANGGAH_2021, SANGGAH_BANDING_2021, TENDER_FAILURE, WORKING_HOURS } from './common.ts';
import { PRAKUALIFIKASI_STAGES } from './prakualifikasi-stages.ts';

/**
 * Tender, Prakualifikasi, 2 tahap (complex goods and works: the technical bid is settled first, then the price).
 * SPSE 4.5 names this flow (DOMAIN §1.3, [S23]); the names of the Tahap I/II stages below are NOT verified against an
 * SPSE jadwal: compare with a real 2 tahap schedule and, if they differ, publish a corrected version.
 */
export default {
  id: 'tender-prakualifikasi-2-tahap',
  version: '2021.1',
  metode: 'tender',
  name: 'Tender (Prakualifikasi Dua Tahap)',
  jenis: ['barang', 'pekerjaan_konstruksi', 'jasa_lainnya'],
  qualification: 'prakualifikasi',
  documentMethod: 'dua_tahap',
  evaluationMethods: ['sistem_nilai', 'penilaian_biaya_selama_umur_ekonomis', 'harga_terendah_sistem_gugur'],
  failure: TENDER_FAILURE,
  sanggah: SANGGAH_2021,
  sanggahBanding: SANGGAH_BANDING_2021,
  workingHours: WORKING_HOURS,
  source:
    'Perpres 16/2018 jo. Perpres 12/2021 Pasal 40(4) (dua tahap untuk spesifikasi teknis yang belum bisa ditentukan), Pasal 50, 51; Perlem LKPP 12/2021 Lampiran I',
  caveat: 'Stage names of Tahap I/II and all minimum durations unverified (see the file comment).',
  stages: [
    ...PRAKUALIFIKASI_STAGES,
    {
      code: 'upload_dokumen_penawaran',
      name: 'Upload Dokumen Penawaran Tahap I',
      role: 'bid_upload',
      actors: ['PENYEDIA'],
      minDuration: { n: 6, unit: 'working_days' },
      start: { with: 'pemberian_penjelasan' },
    },
    {
      code: 'pembukaan_evaluasi_tahap_1',
      name: 'Pembukaan dan Evaluasi Penawaran Tahap I: Administrasi dan Teknis',
      role: 'bid_opening',
      actors: ['POKJA'],
      minDuration: { n: 1, unit: 'working_days' },
      start: { after: 'upload_dokumen_penawaran' },
    },
    {
      code: 'klarifikasi_teknis_tahap_1',
      name: 'Klarifikasi dan Perubahan Teknis',
      role: 'negotiation',
      actors: ['POKJA', 'PENYEDIA'],
      minDuration: { n: 1, unit: 'working_days' },
    },
    {
      code: 'pengumuman_hasil_tahap_1',
      name: 'Pengumuman Hasil Evaluasi Tahap I',
      role: 'technical_result',
      actors: ['POKJA'],
      minDuration: { n: 1, unit: 'working_days' },
    },
    {
      code: 'upload_dokumen_penawaran_tahap_2',
      name: 'Upload Dokumen Penawaran Tahap II',
      role: 'bid_upload',
      actors: ['PENYEDIA'],
      minDuration: { n: 3, unit: 'working_days' },
    },
    {
      code: 'pembukaan_evaluasi_tahap_2',
      name: 'Pembukaan dan Evaluasi Penawaran Tahap II',
      role: 'price_opening',
      actors: ['POKJA'],
      minDuration: { n: 1, unit: 'working_days' },
    },
    ...awardTail(SANGGAH_2021),
  ],
} satisfies BundleInput;
