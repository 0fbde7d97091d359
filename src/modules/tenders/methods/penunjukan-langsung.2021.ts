import type { BundleInput } from './bundle.ts';
import { nonTenderStages, WORKING_HOURS } from './common.ts';

/**
 * Penunjukan Langsung (non-tender, by the Pokja, in the "keadaan tertentu" of Pasal 38(5)/41(5)): the five SPSE
 * stages (DOMAIN §1.4). No sanggah.
 */
export default {
  id: 'penunjukan-langsung',
  version: '2021.1',
  metode: 'penunjukan_langsung',
  name: 'Penunjukan Langsung',
  jenis: ['barang', 'pekerjaan_konstruksi', 'jasa_konsultansi', 'jasa_lainnya'],
  qualification: 'tanpa',
  documentMethod: 'satu_file',
  evaluationMethods: ['klarifikasi_negosiasi'],
  failure: [
    {
      by: 'POKJA',
      reasons: ['a_kesalahan_evaluasi', 'b_tidak_ada_penawaran', 'c_tidak_ada_yang_lulus', 'g_harga_di_atas_hps'],
    },
    { by: 'PA_KPA', reasons: ['i_kkn_pokja_ppk'] },
  ],
  sanggah: null,
  sanggahBanding: null,
  workingHours: WORKING_HOURS,
  source:
    'Perpres 16/2018 jo. Perpres 12/2021 Pasal 38(1)c dan (5), 41(1)c dan (5); Perlem LKPP 12/2021 Lampiran (Penunjukan Langsung)',
  caveat: 'Minimum durations are the template defaults (1 working day), not taken from the regulation.',
  stages: nonTenderStages('POKJA'),
} satisfies BundleInput;
