import type { BundleInput } from './bundle.ts';
import { nonTenderStages, WORKING_HOURS } from './common.ts';

/** Pengadaan Langsung (non-tender, by the Pejabat Pengadaan): the five SPSE stages (DOMAIN §1.4). No sanggah. */
export default {
  id: 'pengadaan-langsung',
  version: '2021.1',
  metode: 'pengadaan_langsung',
  name: 'Pengadaan Langsung',
  jenis: ['barang', 'pekerjaan_konstruksi', 'jasa_konsultansi', 'jasa_lainnya'],
  qualification: 'tanpa',
  documentMethod: 'satu_file',
  evaluationMethods: ['klarifikasi_negosiasi'],
  failure: [
    {
      by: 'PEJABAT_PENGADAAN',
      reasons: ['a_kesalahan_evaluasi', 'b_tidak_ada_penawaran', 'c_tidak_ada_yang_lulus', 'g_harga_di_atas_hps'],
    },
    { by: 'PA_KPA', reasons: ['i_kkn_pokja_ppk'] },
  ],
  sanggah: null,
  sanggahBanding: null,
  workingHours: WORKING_HOURS,
  source:
    'Perpres 16/2018 jo. Perpres 12/2021 Pasal 38(3), 41(3) (paling banyak Rp200 juta / Rp100 juta konsultansi); Perlem LKPP 12/2021 Lampiran (Pengadaan Langsung)',
  caveat: 'Minimum durations are the template defaults (1 working day), not taken from the regulation.',
  stages: nonTenderStages('PEJABAT_PENGADAAN'),
} satisfies BundleInput;
