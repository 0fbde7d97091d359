import { createHash } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Content } from 'pdfmake';
import { canonicalJson } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { formatRupiah } from '../../platform/i18n/i18n.ts';
import { pdfmake } from '../../platform/pdf.ts';
import { siteIdentity } from '../../platform/ui/site.ts';
import { type ContractCase, loadCase } from './contracts.repository.ts';
import { contractAwards } from './contracts.schema.ts';
import { formatPercent } from './rules.ts';

/** The contract's official documents (issue 12 item 8): SPPBJ, the contract summary and the BAST. */
export const CONTRACT_DOCS = ['sppbj', 'kontrak', 'bast'] as const;
export type ContractDoc = (typeof CONTRACT_DOCS)[number];

const TITLES: Record<ContractDoc, string> = {
  sppbj: 'SURAT PENUNJUKAN PENYEDIA BARANG/JASA (SPPBJ)',
  kontrak: 'RINGKASAN KONTRAK',
  bast: 'BERITA ACARA SERAH TERIMA PEKERJAAN (BAST)',
};

/**
 * What the document states, as plain data (null while the step has not happened): the PDF prints it and the SHA-256
 * of its canonical JSON is the verification hash, recomputed by /verifikasi-dokumen from the current data (a later
 * addendum or FHO changes the contract summary or the BAST, so an old print reads "Tidak cocok" by design).
 */
export function contractDocContent(c: ContractCase, doc: ContractDoc) {
  const head = {
    doc,
    kode: c.tenderKode,
    nama: c.tenderNama,
    satker: c.agencyName,
    penyedia: c.vendorName,
  };
  if (doc === 'sppbj') {
    const s = c.sppbj;
    if (!s) return null;
    return {
      ...head,
      nomor: s.nomor,
      tanggal: s.tanggal,
      nilai: s.nilai.toString(),
      jaminan: s.jaminanNilai
        ? { nilai: s.jaminanNilai.toString(), penerbit: s.jaminanPenerbit, berlakuSampai: s.jaminanBerlakuSampai }
        : null,
      status: s.status,
      refusalReason: s.refusalReason,
    };
  }
  const k = c.contract;
  if (!k) return null;
  const kontrak = {
    nomor: k.nomor,
    jenisKontrak: k.jenisKontrak,
    nilaiAwal: k.nilaiAwal.toString(),
    nilai: k.nilai.toString(),
    tanggal: k.tanggal,
    mulai: k.mulai,
    selesai: k.selesai,
  };
  if (doc === 'kontrak')
    return {
      ...head,
      ...kontrak,
      ppk: { nama: k.ppkNama, nip: k.ppkNip },
      wakilPenyedia: { nama: k.penyediaNama, jabatan: k.penyediaJabatan },
      spmk: c.spmk ? { nomor: c.spmk.nomor, tanggal: c.spmk.tanggal, mulaiKerja: c.spmk.mulaiKerja } : null,
      addenda: c.addenda.map((a) => ({
        versi: a.versi,
        nomor: a.nomor,
        tanggal: a.tanggal,
        alasan: a.alasan,
        nilaiBaru: a.nilaiBaru.toString(),
        selesaiBaru: a.selesaiBaru,
      })),
    };
  const b = c.bast;
  if (!b) return null;
  const last = c.payments.at(-1);
  return {
    ...head,
    kontrak,
    pho: { nomor: b.nomor, tanggal: b.phoDate },
    fho: b.fhoNomor ? { nomor: b.fhoNomor, tanggal: b.fhoDate } : null,
    fisikBasisPoin: last?.fisikBasisPoin ?? 0,
  };
}

export const contractDocHash = (content: unknown) => createHash('sha256').update(canonicalJson(content)).digest('hex');

/**
 * For /verifikasi-dokumen (evaluation module): the document of the tender's current award (the active one, else the
 * latest), or null when there is none yet.
 */
export async function contractDocOfTender(db: Db, tenderId: string, doc: ContractDoc) {
  const [a] = await db
    .select({ id: contractAwards.id })
    .from(contractAwards)
    .where(eq(contractAwards.tenderId, tenderId))
    .orderBy(desc(eq(contractAwards.status, 'aktif')), desc(contractAwards.createdAt))
    .limit(1);
  const c = a ? await loadCase(db, a.id) : undefined;
  return c ? contractDocContent(c, doc) : null;
}

const rp = (s: string | null | undefined) => (s ? formatRupiah(BigInt(s)) : '-');
const line = (label: string, value: string): Content => ({
  columns: [
    { text: label, width: 170 },
    { text: `: ${value}`, width: '*' },
  ],
  margin: [0, 0, 0, 2],
});

/** The PDF of one contract document with its verification hash and link; null while the step has not happened. */
export async function contractPdf(
  c: ContractCase,
  doc: ContractDoc,
  o: { lpseName: string; baseUrl: string },
): Promise<Buffer | null> {
  const content = contractDocContent(c, doc);
  if (!content) return null;
  const hash = contractDocHash(content);
  const site = siteIdentity(o.lpseName);
  const body: Content[] = [
    { text: site.lpseName.toUpperCase(), bold: true, fontSize: 13 },
    { text: site.address, fontSize: 9, margin: [0, 0, 0, 12] },
    { text: TITLES[doc], bold: true, fontSize: 13, alignment: 'center', margin: [0, 0, 0, 10] },
    line('Kode tender', c.tenderKode ?? '-'),
    line('Nama paket', c.tenderNama),
    line('Satuan kerja', c.agencyName),
    line('Penyedia', c.vendorName),
  ];
  if (doc === 'sppbj' && c.sppbj) {
    const s = c.sppbj;
    body.push(
      line('Nomor SPPBJ', s.nomor),
      line('Tanggal', s.tanggal),
      line('Nilai', formatRupiah(s.nilai)),
      line(
        'Jaminan pelaksanaan',
        s.jaminanNilai
          ? `${formatRupiah(s.jaminanNilai)}, ${s.jaminanPenerbit ?? '-'}, berlaku s.d. ${s.jaminanBerlakuSampai ?? '-'}`
          : 'tidak dipersyaratkan',
      ),
      line(
        'Status',
        s.status === 'ditolak'
          ? `ditolak penyedia: ${s.refusalReason}`
          : s.status === 'diterima'
            ? 'diterima'
            : 'terbit',
      ),
    );
  }
  if (c.contract && doc !== 'sppbj') {
    const k = c.contract;
    body.push(
      line('Nomor kontrak', k.nomor),
      line('Jenis kontrak', k.jenisKontrak),
      line('Tanggal kontrak', k.tanggal),
      line('Nilai awal', formatRupiah(k.nilaiAwal)),
      line('Nilai setelah adendum', formatRupiah(k.nilai)),
      line('Masa pelaksanaan', `${k.mulai} s.d. ${k.selesai}`),
    );
    if (doc === 'kontrak') {
      body.push(
        line('PPK', `${k.ppkNama}${k.ppkNip ? ` (NIP ${k.ppkNip})` : ''}`),
        line('Wakil sah penyedia', `${k.penyediaNama}, ${k.penyediaJabatan}`),
        line('SPMK', c.spmk ? `${c.spmk.nomor}, ${c.spmk.tanggal}, mulai kerja ${c.spmk.mulaiKerja}` : '-'),
      );
      for (const a of c.addenda)
        body.push({
          text: `Adendum ${a.versi} (${a.nomor}, ${a.tanggal}): ${a.alasan} — nilai ${rp(a.nilaiBaru.toString())}, selesai ${a.selesaiBaru}`,
          fontSize: 9,
        });
    }
    if (doc === 'bast' && c.bast) {
      body.push(
        line('BAST (PHO)', `${c.bast.nomor}, ${c.bast.phoDate}`),
        line('FHO', c.bast.fhoNomor ? `${c.bast.fhoNomor}, ${c.bast.fhoDate}` : '-'),
        line('Realisasi fisik', `${formatPercent(c.payments.at(-1)?.fisikBasisPoin ?? 0)} %`),
      );
    }
  }
  const verify = `${o.baseUrl}/verifikasi-dokumen?kode=${encodeURIComponent(c.tenderKode ?? '')}&jenis=${doc}&h=${hash}`;
  body.push(
    { text: 'Kode verifikasi (SHA-256):', fontSize: 8, margin: [0, 16, 0, 0] },
    { text: hash, fontSize: 8 },
    { text: `Periksa keaslian: ${verify}`, fontSize: 8 },
  );
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [50, 50, 50, 50],
      defaultStyle: { font: 'Helvetica', fontSize: 10 },
      info: { title: `${TITLES[doc]} ${c.tenderKode ?? ''}` },
      content: body,
    })
    .getBuffer();
}
