import type { SyaratKualifikasi } from '../tenders/index.ts';
import type { Aspect } from './evaluation.schema.ts';

/** One item to check for a bidder: a stable key (for the form field) and its label in Bahasa Indonesia. */
export interface ChecklistTemplateItem {
  item: string;
  label: string;
}

/**
 * The checklists of each aspect, generated from the tender's requirements (SPSE `checklist_admin`,
 * `checklist_kualifikasi`, `checklist_teknis`, `checklist_harga`): the qualification items come from the tender's
 * syarat kualifikasi (licence, each KBLI, experience), the technical ones from its experts and equipment.
 *
 * SIKaP seam: when `sikap.qualificationSnapshot(db, tenderId, vendorId)` exists, its answers pre-fill the
 * `kualifikasi` items (the Pokja confirms or overrides with a reason); see docs/notes/eval.md.
 */
export function checklistOf(
  aspect: Aspect,
  syarat: SyaratKualifikasi | null,
  jenis: string | null,
): ChecklistTemplateItem[] {
  switch (aspect) {
    case 'administrasi':
      return [
        { item: 'surat_penawaran', label: 'Surat penawaran ditandatangani dan masa berlaku penawaran memenuhi' },
        ...(jenis === 'pekerjaan_konstruksi'
          ? [{ item: 'jaminan_penawaran', label: 'Jaminan penawaran (bila dipersyaratkan) sah dan nilainya cukup' }]
          : []),
        { item: 'pakta_integritas', label: 'Pakta Integritas disetujui saat mendaftar' },
      ];
    case 'kualifikasi':
      return [
        { item: 'izin_usaha', label: `Izin usaha: ${syarat?.izinUsaha ?? 'sesuai dokumen pemilihan'}` },
        ...(syarat?.kbli ?? []).map((k) => ({ item: `kbli_${k}`, label: `KBLI ${k}` })),
        ...(syarat?.pengalaman ? [{ item: 'pengalaman', label: `Pengalaman: ${syarat.pengalaman}` }] : []),
        { item: 'npwp_pajak', label: 'NPWP dan pemenuhan kewajiban perpajakan tahun terakhir' },
        { item: 'bukan_daftar_hitam', label: 'Tidak masuk daftar hitam' },
      ];
    case 'teknis':
      return [
        { item: 'metode_pelaksanaan', label: 'Metode pelaksanaan pekerjaan' },
        { item: 'jadwal_pelaksanaan', label: 'Jangka waktu pelaksanaan tidak melebihi yang ditetapkan' },
        ...(syarat?.tenagaAhli ?? []).map((x, i) => ({ item: `tenaga_ahli_${i + 1}`, label: `Personel: ${x}` })),
        ...(syarat?.peralatan ?? []).map((x, i) => ({ item: `peralatan_${i + 1}`, label: `Peralatan: ${x}` })),
      ];
    case 'harga':
      return [
        { item: 'rincian_harga', label: 'Rincian harga penawaran lengkap (koreksi aritmatik dilakukan sistem)' },
        { item: 'kewajaran_harga', label: 'Harga satuan wajar (tidak timpang)' },
      ];
  }
}
