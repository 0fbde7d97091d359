import type { BundleInput } from './bundle.ts';

/**
 * The prakualifikasi stages SPSE shows before the Dokumen Pemilihan (DOMAIN §1.3, stages 1–9), shared by Seleksi
 * 2 file and Tender 2 tahap.
 */
export const PRAKUALIFIKASI_STAGES: BundleInput['stages'] = [
  {
    code: 'pengumuman',
    name: 'Pengumuman Prakualifikasi',
    role: 'announcement',
    actors: ['POKJA'],
    minDuration: { n: 3, unit: 'working_days' },
    start: { at: 'template' },
  },
  {
    code: 'download_dokumen_kualifikasi',
    name: 'Download Dokumen Kualifikasi',
    role: 'document_download',
    actors: ['PENYEDIA'],
    minDuration: { n: 3, unit: 'working_days' },
    start: { with: 'pengumuman' },
    until: 'kirim_persyaratan_kualifikasi',
  },
  {
    code: 'penjelasan_dokumen_prakualifikasi',
    name: 'Penjelasan Dokumen Prakualifikasi',
    role: 'clarification',
    actors: ['POKJA', 'PENYEDIA'],
    minDuration: { n: 1, unit: 'working_days' },
    start: { after: 'pengumuman' },
  },
  {
    code: 'kirim_persyaratan_kualifikasi',
    name: 'Kirim Persyaratan Kualifikasi',
    role: 'qualification_submission',
    actors: ['PENYEDIA'],
    minDuration: { n: 4, unit: 'working_days' },
    start: { with: 'penjelasan_dokumen_prakualifikasi' },
  },
  {
    code: 'evaluasi_dokumen_kualifikasi',
    name: 'Evaluasi Dokumen Kualifikasi',
    role: 'qualification_evaluation',
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
  {
    code: 'penetapan_hasil_kualifikasi',
    name: 'Penetapan Hasil Kualifikasi',
    role: 'qualification_result',
    actors: ['POKJA'],
    minDuration: { n: 1, unit: 'working_days' },
  },
  {
    code: 'pengumuman_hasil_prakualifikasi',
    name: 'Pengumuman Hasil Prakualifikasi',
    role: 'qualification_result',
    actors: ['POKJA'],
    minDuration: { n: 1, unit: 'working_days' },
  },
  {
    code: 'masa_sanggah_prakualifikasi',
    name: 'Masa Sanggah Prakualifikasi',
    role: 'qualification_sanggah',
    actors: ['PENYEDIA', 'POKJA'],
    minDuration: { n: 3, unit: 'calendar_days' },
  },
  {
    code: 'download_dokumen_pemilihan',
    name: 'Download Dokumen Pemilihan',
    role: 'document_download',
    actors: ['PENYEDIA'],
    minDuration: { n: 1, unit: 'working_days' },
    until: 'upload_dokumen_penawaran',
  },
  {
    code: 'pemberian_penjelasan',
    name: 'Pemberian Penjelasan',
    role: 'clarification',
    actors: ['POKJA', 'PENYEDIA'],
    minDuration: { n: 1, unit: 'working_days' },
    start: { after: 'masa_sanggah_prakualifikasi' },
  },
];
