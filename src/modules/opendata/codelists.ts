/**
 * Indonesian methods and categories → the closed OCDS codelists (R02). The Indonesian name always goes with it, in
 * `procurementMethodDetails`, so nothing is lost by the mapping. Reasons (Perpres 16/2018 jo. 12/2021):
 * - tender, tender cepat: any qualified vendor may bid → `open`;
 * - seleksi (consultants, with prakualifikasi and a short list): only the short-listed bid → `selective`;
 * - e-purchasing (from the e-katalog, whose providers were selected beforehand) → `selective`;
 * - pengadaan langsung (the Pejabat Pengadaan asks chosen vendors for offers) → `limited`;
 * - penunjukan langsung (one vendor, named by law, Pasal 38(5)) → `direct`.
 */
export const METHOD: Record<string, { code: 'open' | 'selective' | 'limited' | 'direct'; name: string }> = {
  tender: { code: 'open', name: 'Tender' },
  tender_cepat: { code: 'open', name: 'Tender Cepat' },
  seleksi: { code: 'selective', name: 'Seleksi' },
  e_purchasing: { code: 'selective', name: 'E-Purchasing' },
  pengadaan_langsung: { code: 'limited', name: 'Pengadaan Langsung' },
  penunjukan_langsung: { code: 'direct', name: 'Penunjukan Langsung' },
};

/** Jenis pengadaan → `procurementCategory` (closed) and `extendedProcurementCategory` (open). */
export const CATEGORY: Record<string, { main: 'goods' | 'works' | 'services'; additional?: string; name: string }> = {
  barang: { main: 'goods', name: 'Barang' },
  pekerjaan_konstruksi: { main: 'works', name: 'Pekerjaan Konstruksi' },
  jasa_konsultansi: { main: 'services', additional: 'consultingServices', name: 'Jasa Konsultansi' },
  jasa_lainnya: { main: 'services', name: 'Jasa Lainnya' },
};

export function methodFields(metode: string | null, detail?: string) {
  const m = metode ? METHOD[metode] : undefined;
  return {
    procurementMethod: m?.code,
    procurementMethodDetails: detail ?? m?.name,
  };
}

export function categoryFields(jenis: string | null) {
  const c = jenis ? CATEGORY[jenis] : undefined;
  return {
    mainProcurementCategory: c?.main,
    additionalProcurementCategories: c?.additional ? [c.additional] : undefined,
  };
}
