import type { BundleInput } from './bundle.ts';
import { TENDER_FAILURE, WORKING_HOURS } from './common.ts';

/**
 * Tender Cepat (goods, works and other services with detailed specifications; vendors qualified in SIKaP). Stages
 * from DOMAIN §1.5; price bids may be resubmitted until the deadline (e-reverse auction), so the price stage is
 * measured in hours as SPSE does. Qualification is checked automatically against SIKaP data, hence no pembuktian.
 */
export default {
  id: 'tender-cepat',
  version: '2021.1',
  metode: 'tender_cepat',
  name: 'Tender Cepat',
  jenis: ['barang', 'pekerjaan_konstruksi', 'jasa_lainnya'],
  qualification: 'sikap',
  documentMethod: 'satu_file',
  evaluationMethods: ['harga_terendah_reverse_auction'],
  failure: TENDER_FAILURE,
  // No sanggah in Tender Cepat as transcribed here; check Perlem LKPP 12/2021 before relying on it.
  sanggah: null,
  sanggahBanding: null,
  workingHours: WORKING_HOURS,
  source:
    'Perpres 16/2018 jo. Perpres 12/2021 Pasal 38(4), Pasal 50; Perlem LKPP 12/2021 Lampiran I (Tender Cepat); SPSE Tender Cepat user guide',
  caveat:
    'Stage names follow the SPSE guide in prose, not a jadwal page; durations and the absence of sanggah are unverified.',
  stages: [
    {
      code: 'undangan',
      name: 'Undangan',
      role: 'invitation',
      actors: ['POKJA', 'SYSTEM'],
      minDuration: { n: 1, unit: 'working_days' },
      start: { at: 'template' },
    },
    {
      code: 'pendaftaran',
      name: 'Pendaftaran',
      role: 'registration',
      actors: ['PENYEDIA'],
      minDuration: { n: 1, unit: 'working_days' },
      start: { with: 'undangan' },
      until: 'penyampaian_penawaran_harga',
    },
    {
      code: 'pemberian_penjelasan',
      name: 'Pemberian Penjelasan',
      role: 'clarification',
      actors: ['POKJA', 'PENYEDIA'],
      minDuration: { n: 1, unit: 'working_days' },
      start: { after: 'undangan' },
      optional: true,
    },
    {
      code: 'penyampaian_penawaran_harga',
      name: 'Penyampaian Penawaran Harga',
      role: 'bid_upload',
      actors: ['PENYEDIA'],
      minDuration: { n: 2, unit: 'hours' },
      start: { after: 'pemberian_penjelasan' },
    },
    {
      code: 'evaluasi_penawaran',
      name: 'Evaluasi Penawaran',
      role: 'evaluation',
      actors: ['POKJA', 'SYSTEM'],
      minDuration: { n: 1, unit: 'working_days' },
    },
    {
      code: 'penetapan_dan_pengumuman_pemenang',
      name: 'Penetapan dan Pengumuman Pemenang',
      role: 'award_announcement',
      actors: ['POKJA'],
      minDuration: { n: 1, unit: 'working_days' },
    },
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
  ],
} satisfies BundleInput;
