import { createHash } from 'node:crypto';
import type { Content } from 'pdfmake';
import { canonicalJson } from '../../platform/audit/audit.ts';
import { formatDateTime, formatRupiah, type Translate } from '../../platform/i18n/i18n.ts';
import { pdfmake } from '../../platform/pdf.ts';
import { siteIdentity } from '../../platform/ui/site.ts';
import { companyName, maskNpwp } from '../registration/index.ts';
import type { Evaluation } from './evaluation.repository.ts';
import { ASPECTS } from './evaluation.schema.ts';

export const OFFICIAL_DOCS = ['pengumuman', 'bahp'] as const;
export type OfficialDoc = (typeof OFFICIAL_DOCS)[number];

const mark = (v: boolean | null | undefined) => (v === true ? 'L' : v === false ? 'G' : '-');

/**
 * What an official document states, as plain data: the PDF prints it and its SHA-256 (over the canonical JSON) is
 * the verification hash. The pengumuman pemenang carries only what the result page shows (masked NPWP, public fail
 * reasons); the BAHP adds each checklist and the members' approvals.
 */
export function officialContent(e: Evaluation, doc: OfficialDoc) {
  const winner = e.award ? e.bidders.find((b) => b.bid.vendorId === e.award!.vendorId) : undefined;
  return {
    doc,
    kode: e.tender.kode,
    nama: e.tender.nama,
    hps: e.tender.hps?.toString() ?? null,
    award: e.award
      ? {
          vendor: winner ? companyName(winner.businessForm, winner.name) : e.award.vendorId,
          npwp: winner?.npwp ? maskNpwp(winner.npwp) : null,
          penawaran: e.award.nilaiPenawaran.toString(),
          terkoreksi: e.award.nilaiTerkoreksi.toString(),
          // A Tender Cepat's is the last auction price, kept on the award only.
          negosiasi: (e.award.nilaiNegosiasi ?? winner?.bid.hargaNegosiasi)?.toString() ?? null,
          decidedAt: e.award.decidedAt.toISOString(),
          decidedAs: e.award.decidedAs,
        }
      : null,
    rows: e.bidders.map((b) => ({
      rank: b.rank,
      vendor: companyName(b.businessForm, b.name),
      npwp: b.npwp ? maskNpwp(b.npwp) : null,
      a: mark(b.results.administrasi?.lulus),
      k: mark(b.results.kualifikasi?.lulus),
      b: mark(b.proof?.lulus),
      t: mark(b.results.teknis?.lulus),
      h: mark(b.results.harga?.lulus),
      penawaran: b.bid.hargaPenawaran.toString(),
      terkoreksi: b.bid.hargaTerkoreksi.toString(),
      negosiasi: b.bid.hargaNegosiasi?.toString() ?? null,
      reason: b.failed ? `${b.failed.aspect}: ${b.failed.reason}` : null,
      ...(doc === 'bahp'
        ? {
            checklists: ASPECTS.flatMap((a) =>
              (b.results[a]?.checklist ?? []).map((c) => ({ aspect: a, item: c.label, ok: c.ok, note: c.note })),
            ),
          }
        : {}),
    })),
    ...(doc === 'bahp' ? { version: e.version, approvedBy: [...e.approvedBy].sort() } : {}),
  };
}

export const contentHash = (content: unknown) => createHash('sha256').update(canonicalJson(content)).digest('hex');

const rp = (s: string | null) => (s === null ? '-' : formatRupiah(BigInt(s)));

/** The PDF of an official document, with its verification hash and the public page that checks it. */
export async function officialPdf(
  e: Evaluation,
  doc: OfficialDoc,
  o: { t: Translate; lpseName: string; baseUrl: string },
): Promise<Buffer> {
  const c = officialContent(e, doc);
  const hash = contentHash(c);
  const site = siteIdentity(o.lpseName);
  const title = doc === 'bahp' ? 'BERITA ACARA HASIL PEMILIHAN' : 'PENGUMUMAN PEMENANG';
  const header = ['No', 'Peserta', 'NPWP', 'A', 'K', 'B', 'T', 'H', 'Penawaran', 'Terkoreksi', 'Negosiasi'];
  const content: Content[] = [
    { text: site.lpseName.toUpperCase(), bold: true, fontSize: 13 },
    { text: site.address, fontSize: 9, margin: [0, 0, 0, 12] },
    { text: title, bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 8] },
    { text: `Kode Tender ${c.kode} — ${c.nama}`, margin: [0, 0, 0, 4] },
    { text: `HPS: ${rp(c.hps)}`, margin: [0, 0, 0, 8] },
    {
      table: {
        headerRows: 1,
        widths: [18, '*', 70, 12, 12, 12, 12, 12, 60, 60, 55],
        body: [
          header.map((h) => ({ text: h, bold: true, fontSize: 8 })),
          ...c.rows.map((r) =>
            [
              String(r.rank),
              r.vendor,
              r.npwp ?? '-',
              r.a,
              r.k,
              r.b,
              r.t,
              r.h,
              rp(r.penawaran),
              rp(r.terkoreksi),
              rp(r.negosiasi),
            ].map((x) => ({ text: x, fontSize: 8 })),
          ),
        ],
      },
    },
    {
      text: 'A administrasi, K kualifikasi, B pembuktian, T teknis, H harga; L lulus, G gugur.',
      fontSize: 8,
      margin: [0, 4, 0, 8],
    },
    ...c.rows.filter((r) => r.reason).map((r) => ({ text: `${r.vendor} gugur — ${r.reason}`, fontSize: 9 }) as Content),
  ];
  if (c.award)
    content.push({
      text: `Pemenang: ${c.award.vendor} (NPWP ${c.award.npwp ?? '-'}), harga terkoreksi ${rp(c.award.terkoreksi)}, ditetapkan ${formatDateTime(new Date(c.award.decidedAt), 'id')} oleh ${c.award.decidedAs === 'PA_KPA' ? 'PA/KPA' : 'Pokja Pemilihan'}.`,
      bold: true,
      margin: [0, 8, 0, 0],
    });
  if (doc === 'bahp') {
    for (const r of c.rows)
      for (const x of r.checklists ?? [])
        content.push({
          text: `${r.vendor} · ${x.aspect} · ${x.item}: ${x.ok ? 'memenuhi' : 'tidak memenuhi'}${x.note ? ` (${x.note})` : ''}`,
          fontSize: 8,
        });
    content.push({
      text: `Disetujui ${c.approvedBy?.length ?? 0} anggota Pokja (versi evaluasi ${c.version}).`,
      margin: [0, 8, 0, 0],
    });
  }
  const verify = `${o.baseUrl}/verifikasi-dokumen?kode=${encodeURIComponent(c.kode ?? '')}&jenis=${doc}&h=${hash}`;
  content.push(
    { text: 'Kode verifikasi (SHA-256):', fontSize: 8, margin: [0, 16, 0, 0] },
    { text: hash, fontSize: 8 },
    { text: `Periksa keaslian: ${verify}`, fontSize: 8 },
  );
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageOrientation: 'landscape',
      pageMargins: [40, 40, 40, 40],
      defaultStyle: { font: 'Helvetica', fontSize: 10 },
      info: { title: `${title} ${c.kode}` },
      content,
    })
    .getBuffer();
}
