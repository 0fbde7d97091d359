import type { Bundle } from './methods/bundle.ts';
import { FAILURE_REASONS } from './methods/bundle.ts';

export type FailureReason = (typeof FAILURE_REASONS)[number];

/**
 * Issue 9 item 8 (R11): why a tender may be declared gagal, as data — Perpres 16/2018 jo. 12/2021 Pasal 51 ayat (2)
 * huruf a–i, each with its text and its legal basis. Who may declare which reason is in each method bundle
 * (`failure`: the Pokja for a–h, the PA/KPA for i), so a new regulation changes data, not code.
 */
export const FAILURE_REASON_TEXT: Record<FailureReason, { huruf: string; text: string; basis: string }> = {
  a_kesalahan_evaluasi: {
    huruf: 'a',
    text: 'terdapat kesalahan dalam proses evaluasi',
    basis: 'Perpres 16/2018 jo. 12/2021 Pasal 51 ayat (2) huruf a',
  },
  b_tidak_ada_penawaran: {
    huruf: 'b',
    text: 'tidak ada peserta yang menyampaikan dokumen penawaran setelah ada pemberian waktu perpanjangan',
    basis: 'Perpres 16/2018 jo. 12/2021 Pasal 51 ayat (2) huruf b',
  },
  c_tidak_ada_yang_lulus: {
    huruf: 'c',
    text: 'tidak ada peserta yang lulus evaluasi penawaran',
    basis: 'Perpres 16/2018 jo. 12/2021 Pasal 51 ayat (2) huruf c',
  },
  d_kesalahan_dokumen_pemilihan: {
    huruf: 'd',
    text: 'ditemukan kesalahan dalam Dokumen Pemilihan atau Dokumen Pemilihan tidak sesuai dengan ketentuan',
    basis: 'Perpres 16/2018 jo. 12/2021 Pasal 51 ayat (2) huruf d',
  },
  e_kkn_peserta: {
    huruf: 'e',
    text: 'seluruh peserta terlibat Korupsi, Kolusi, dan Nepotisme (KKN)',
    basis: 'Perpres 16/2018 jo. 12/2021 Pasal 51 ayat (2) huruf e',
  },
  f_persaingan_tidak_sehat: {
    huruf: 'f',
    text: 'seluruh peserta terlibat persaingan usaha tidak sehat',
    basis: 'Perpres 16/2018 jo. 12/2021 Pasal 51 ayat (2) huruf f',
  },
  g_harga_di_atas_hps: {
    huruf: 'g',
    text: 'seluruh penawaran harga Tender Barang/Pekerjaan Konstruksi/Jasa Lainnya di atas HPS',
    basis: 'Perpres 16/2018 jo. 12/2021 Pasal 51 ayat (2) huruf g',
  },
  h_negosiasi_biaya_gagal: {
    huruf: 'h',
    text: 'negosiasi biaya pada Seleksi tidak tercapai',
    basis: 'Perpres 16/2018 jo. 12/2021 Pasal 51 ayat (2) huruf h',
  },
  i_kkn_pokja_ppk: {
    huruf: 'i',
    text: 'KKN melibatkan Pokja Pemilihan/PPK',
    basis: 'Perpres 16/2018 jo. 12/2021 Pasal 51 ayat (2) huruf i dan ayat (4)',
  },
};

export const CANCEL_BASIS = 'Perpres 16/2018 jo. 12/2021 Pasal 51 dan Pasal 52; Perlem LKPP 12/2021 (tender batal)';

export type FailureDeclarer = 'POKJA' | 'PEJABAT_PENGADAAN' | 'PA_KPA';

/** The reasons a declarer may give under a bundle (empty when the bundle names none for it). */
export function reasonsFor(bundle: Bundle, by: FailureDeclarer): FailureReason[] {
  return bundle.failure.filter((f) => f.by === by).flatMap((f) => f.reasons);
}

export function isFailureReason(v: string): v is FailureReason {
  return (FAILURE_REASONS as readonly string[]).includes(v);
}
