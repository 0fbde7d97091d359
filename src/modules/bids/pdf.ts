import type { Content } from 'pdfmake';
import { formatDateTime, type Locale, type Translate } from '../../platform/i18n/i18n.ts';
import { pdfmake } from '../../platform/pdf.ts';
import type { SubmissionRow, WitnessRow } from './bids.repository.ts';
import { explainReason } from './reasons.ts';

interface P {
  t: Translate;
  locale: Locale;
  lpseName: string;
}

type Def = Parameters<typeof pdfmake.createPdf>[0];
const doc = (content: Content[]): Def => ({
  pageSize: 'A4',
  pageMargins: [50, 50, 50, 50],
  defaultStyle: { font: 'Helvetica', fontSize: 10 },
  content,
});

const kv = (rows: [string, string][]): Content => ({
  table: { widths: [130, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
  layout: 'lightHorizontalLines',
});

/** The receipt of one sealed bid: the signed fields, the signature, the token to verify it. */
export function receiptPdf(
  p: P,
  r: { kode: string; nama: string; vendorName: string; s: SubmissionRow; token: string; verifyUrl: string },
): Promise<Buffer> {
  return pdfmake
    .createPdf(
      doc([
        { text: p.lpseName.toUpperCase(), bold: true, fontSize: 12 },
        { text: p.t('bids.receipt.title'), bold: true, fontSize: 15, margin: [0, 10, 0, 10] },
        kv([
          ['Kode tender', r.kode],
          ['Nama tender', r.nama],
          [p.t('bids.col.vendor'), r.vendorName],
          [p.t('bids.col.kind'), p.t(`bids.kind.${r.s.kind}`)],
          [p.t('bids.col.hash'), r.s.sha256],
          [p.t('bids.col.size'), String(r.s.size)],
          [p.t('bids.col.time'), `${formatDateTime(r.s.receivedAt, p.locale)} (${r.s.receivedAt.toISOString()})`],
        ]),
        { text: 'Payload', bold: true, margin: [0, 10, 0, 2] },
        { text: r.s.receipt, fontSize: 8 },
        { text: 'Ed25519', bold: true, margin: [0, 6, 0, 2] },
        { text: r.s.signature, fontSize: 8 },
        { text: p.t('bids.verify.token'), bold: true, margin: [0, 6, 0, 2] },
        { text: r.token, fontSize: 7 },
        { text: p.t('bids.receipt.note', { url: r.verifyUrl }), margin: [0, 12, 0, 0], italics: true },
      ]),
    )
    .getBuffer();
}

/** Berita Acara Pembukaan: every bid that counts, with its hash, size, time and result. */
export function openingReportPdf(
  p: P,
  r: {
    kode: string;
    nama: string;
    openedAt: Date;
    members: string[];
    /** Opened by a Pengadaan Langsung's single Pejabat Pengadaan (not a Pokja's key shares). */
    single?: boolean;
    rows: { s: SubmissionRow; vendorName: string | null }[];
  },
): Promise<Buffer> {
  const body = [
    [
      p.t('bids.col.vendor'),
      p.t('bids.col.kind'),
      p.t('bids.col.time'),
      p.t('bids.col.hash'),
      p.t('bids.col.size'),
      p.t('bids.col.result'),
    ].map((text) => ({ text, bold: true })),
    ...r.rows.map(({ s, vendorName }) => [
      vendorName ?? s.vendorId,
      p.t(`bids.kind.${s.kind}`),
      formatDateTime(s.receivedAt, p.locale),
      { text: s.sha256, fontSize: 6 },
      String(s.size),
      s.openResult === 'opened'
        ? p.t('bids.open.ok')
        : p.t('bids.open.failed', { reason: explainReason(p.t, s.openReason) }),
    ]),
  ];
  return pdfmake
    .createPdf({
      ...doc([
        { text: p.lpseName.toUpperCase(), bold: true, fontSize: 12 },
        { text: p.t('bids.open.baTitle'), bold: true, fontSize: 14, margin: [0, 10, 0, 10] },
        {
          text: p.t(r.single ? 'bids.open.baIntroSingle' : 'bids.open.baIntro', {
            kode: r.kode,
            nama: r.nama,
            at: formatDateTime(r.openedAt, p.locale),
            members: r.members.join(', '),
          }),
          margin: [0, 0, 0, 10],
        },
        { table: { headerRows: 1, widths: [80, 55, 70, '*', 45, 60], body }, fontSize: 8 },
      ]),
      pageOrientation: 'landscape',
    })
    .getBuffer();
}

/** Berita acara kesaksian (R48): attendees, hashes, failure reason, findings and the report's verification hash. */
export function witnessReportPdf(
  p: P,
  r: { kode: string; nama: string; vendorName: string; w: WitnessRow },
): Promise<Buffer> {
  return pdfmake
    .createPdf(
      doc([
        { text: p.lpseName.toUpperCase(), bold: true, fontSize: 12 },
        { text: p.t('bids.witness.pdfTitle'), bold: true, fontSize: 14, margin: [0, 10, 0, 10] },
        kv([
          ['Kode tender', r.kode],
          ['Nama tender', r.nama],
          [p.t('bids.col.vendor'), r.vendorName],
          [p.t('bids.col.time'), formatDateTime(r.w.createdAt, p.locale)],
          [p.t('bids.witness.reason'), explainReason(p.t, r.w.failureReason)],
          [p.t('bids.witness.receiptHash'), r.w.receiptSha256],
          [p.t('bids.witness.storedHash'), r.w.storedSha256 ?? '—'],
          [p.t('bids.witness.findings'), explainReason(p.t, r.w.findings)],
          [p.t('bids.witness.notes'), r.w.notes ?? '—'],
        ]),
        { text: p.t('bids.witness.attendees'), bold: true, margin: [0, 10, 0, 4] },
        { ol: r.w.attendees },
        { text: p.t('bids.witness.reportHash'), bold: true, margin: [0, 10, 0, 2] },
        { text: r.w.reportSha256, fontSize: 9 },
      ]),
    )
    .getBuffer();
}
