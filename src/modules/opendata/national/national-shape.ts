import { CATEGORY, METHOD } from '../codelists.ts';
import type { Release } from '../merge.ts';

// biome-ignore lint/suspicious/noExplicitAny: reading releases this module wrote
type Loose = Record<string, any>;

const num = (v: unknown) => (v === undefined || v === null || Number.isNaN(Number(v)) ? undefined : Number(v));
const methodName = (details: string | undefined) =>
  details ? (Object.values(METHOD).find((m) => details.startsWith(m.name))?.name ?? details) : undefined;
const categoryName = (main: string | undefined, extra: string[] | undefined) =>
  Object.values(CATEGORY).find(
    (c) => c.main === main && (c.additional ? extra?.includes(c.additional) : !extra?.length),
  )?.name;

/**
 * One release in the shape the national side reads (R49, DOMAIN §2.3–2.4): a RUP announcement by `kd_rup`
 * (`isb_rup_paket` field names) or a tender by `kd_tender` (`isb_tender`), with the OCDS ids so either can be
 * followed to the full release. Derived from the published release only: nothing unpublished can leak here.
 */
export function nationalItem(seq: number, release: Release) {
  const r = release as Loose;
  const common = { seq, ocid: r.ocid, release_id: r.id, tanggal_status: r.date, tag: r.tag };
  const buyer = (r.parties as Loose[] | undefined)?.find((p) => p.roles?.includes('buyer'));
  if (r.ocid.includes('-rup-')) {
    return {
      jenis_data: 'RUP-PaketPenyedia-Terumumkan',
      ...common,
      kd_rup: num(r.planning?.budget?.id),
      nama_paket: r.tender?.title,
      pagu: r.planning?.budget?.amount?.amount,
      sumber_dana: r.planning?.budget?.description?.split(';')[0],
      metode_pengadaan: methodName(r.tender?.procurementMethodDetails),
      jenis_pengadaan: categoryName(r.tender?.mainProcurementCategory, r.tender?.additionalProcurementCategories),
      nama_satker: buyer?.name,
      status_umumkan_rup: r.tag.includes('planning') ? 'Terumumkan' : undefined,
      status_aktif_rup: r.tender?.status === 'planned',
      kd_rup_lama: (r.relatedProcesses as Loose[] | undefined)
        ?.filter((p) => p.relationship.includes('prior'))
        .map((p) => num(String(p.identifier).split('-rup-')[1])),
      url: r.planning?.budget?.uri,
    };
  }
  // After an upheld sanggah the cancelled award stays in the record: the one in force is the winner.
  const awards = r.awards as Loose[] | undefined;
  const award = awards?.find((a) => a.status === 'active') ?? awards?.[awards.length - 1];
  const contract = (r.contracts as Loose[] | undefined)?.[0];
  return {
    jenis_data: 'SPSE-TenderPengumuman',
    ...common,
    kd_tender: num(r.tender?.id),
    kd_rup: (r.relatedProcesses as Loose[] | undefined)
      ?.filter((p) => p.relationship.includes('planning'))
      .map((p) => num(String(p.identifier).split('-rup-')[1])),
    nama_paket: r.tender?.title,
    pagu: r.planning?.budget?.amount?.amount,
    hps: r.tender?.value?.amount,
    jenis_pengadaan: categoryName(r.tender?.mainProcurementCategory, r.tender?.additionalProcurementCategories),
    mtd_pemilihan: methodName(r.tender?.procurementMethodDetails),
    status_tender: r.tender?.status,
    nama_satker: buyer?.name,
    nama_penyedia: award?.status === 'active' ? award.suppliers?.[0]?.name : undefined,
    nilai_kontrak: contract?.value?.amount,
    tgl_kontrak: contract?.dateSigned,
  };
}
