import type { BundleInput } from './bundle.ts';
import { awardTail, SANGGAH_2021, SANGGAH_BANDING_2021, TENDER_FAILURE, WORKING_HOURS } from './common.ts';

/**
 * Tender, Pascakualifikasi, 1 file, harga terendah sistem gugur: the most common case for goods, works and other
 * services. Stage names verbatim from SPSE's jadwal (DOMAIN §1.2).
 */
export default {
  id: 'tender-pascakualifikasi-1-file',
  version: '2021.1',
  metode: 'tender',
  name: 'Tender (Pascakualifikasi Satu File - Harga Terendah Sistem Gugur)',
  jenis: ['barang', 'pekerjaan_konstruksi', 'jasa_lainnya'],
  qualification: 'pascakualifikasi',
  documentMethod: 'satu_file',
  evaluationMethods: ['harga_terendah_sistem_gugur'],
  failure: TENDER_FAILURE,
  sanggah: SANGGAH_2021,
  sanggahBanding: SANGGAH_BANDING_2021,
  workingHours: WORKING_HOURS,
  source:
    'Perpres 16/2018 jo. Perpres 12/2021 Pasal 40 (satu file dengan harga terendah), Pasal 50, 51; Perlem LKPP 12/2021 Lampiran I (tahapan Tender)',
  caveat:
    'Minimum durations transcribed from general knowledge of Perlem LKPP 12/2021; check each against the Lampiran before production use.',
  stages: [
    {
      code: 'pengumuman',
      name: 'Pengumuman Pascakualifikasi',
      role: 'announcement',
      actors: ['POKJA'],
      minDuration: { n: 3, unit: 'working_days' },
      start: { at: 'template' },
    },
    {
      code: 'download_dokumen_pemilihan',
      name: 'Download Dokumen Pemilihan',
      role: 'document_download',
      actors: ['PENYEDIA'],
      minDuration: { n: 3, unit: 'working_days' },
      // SPSE runs it beside the announcement and keeps it open until bids close.
      start: { with: 'pengumuman' },
      until: 'upload_dokumen_penawaran',
    },
    {
      code: 'pemberian_penjelasan',
      name: 'Pemberian Penjelasan',
      role: 'clarification',
      actors: ['POKJA', 'PENYEDIA'],
      minDuration: { n: 1, unit: 'working_days' },
      start: { after: 'pengumuman' },
    },
    {
      code: 'upload_dokumen_penawaran',
      name: 'Upload Dokumen Penawaran',
      role: 'bid_upload',
      actors: ['PENYEDIA'],
      // Upload opens with the clarification, as in SPSE; it closes at least 5 working days after it.
      minDuration: { n: 6, unit: 'working_days' },
      start: { with: 'pemberian_penjelasan' },
      source:
        'Perlem LKPP 12/2021: batas akhir penyampaian penawaran paling cepat 5 hari kerja setelah pemberian penjelasan',
    },
    {
      code: 'pembukaan_dokumen_penawaran',
      name: 'Pembukaan Dokumen Penawaran',
      role: 'bid_opening',
      actors: ['POKJA'],
      minDuration: { n: 1, unit: 'hours' },
      start: { after: 'upload_dokumen_penawaran' },
    },
    {
      code: 'evaluasi_penawaran',
      name: 'Evaluasi Administrasi, Kualifikasi, Teknis, dan Harga',
      role: 'evaluation',
      actors: ['POKJA'],
      minDuration: { n: 1, unit: 'working_days' },
    },
    {
      code: 'pembuktian_kualifikasi',
      name: 'Pembuktian Kualifikasi',
      role: 'qualification_proof',
      actors: ['POKJA', 'PENYEDIA'],
      minDuration: { n: 1, unit: 'working_days' },
    },
    ...awardTail(SANGGAH_2021),
  ],
} satisfies BundleInput;
