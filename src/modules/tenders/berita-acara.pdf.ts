import type { Content } from 'pdfmake';
import { formatDateTime, type Locale, type Translate } from '../../platform/i18n/i18n.ts';
import { pdfmake } from '../../platform/pdf.ts';
import { contactLine, siteIdentity } from '../../platform/ui/site.ts';
import type { QuestionRow } from './participation.repository.ts';

export interface BeritaAcaraInput {
  t: Translate;
  locale: Locale;
  lpseName: string;
  kode: string;
  nama: string;
  agencyName: string;
  stageName: string;
  start: Date;
  end: Date;
  /** Every question; an anonymous asker is shown as "Peserta" to every reader, the Pokja included. */
  questions: readonly QuestionRow[];
  members: readonly string[];
  generatedAt: Date;
}

/**
 * Issue 9 item 6: the Berita Acara Pemberian Penjelasan — the tender, the stage's window, every question with its
 * answer (an anonymous asker shown as "Peserta"), and the Pokja members. Generated on demand; nothing is stored.
 */
export async function beritaAcaraPenjelasanPdf(p: BeritaAcaraInput): Promise<Buffer> {
  const site = siteIdentity(p.lpseName);
  const at = (d: Date | null) => formatDateTime(d, p.locale);
  const content: Content[] = [
    { text: site.lpseName.toUpperCase(), bold: true, fontSize: 13 },
    { text: site.address, fontSize: 9 },
    { text: contactLine(site), fontSize: 9, margin: [0, 0, 0, 10] },
    { text: p.t('tenders.ba.title'), style: 'h1', alignment: 'center' },
    {
      table: {
        widths: [150, '*'],
        body: [
          [{ text: p.t('tenders.field.kode'), bold: true }, p.kode],
          [{ text: p.t('tenders.field.nama'), bold: true }, p.nama],
          [{ text: p.t('tenders.field.satker'), bold: true }, p.agencyName],
          [{ text: p.stageName, bold: true }, `${at(p.start)} – ${at(p.end)}`],
          [{ text: p.t('tenders.ba.count'), bold: true }, String(p.questions.length)],
        ],
      },
      margin: [0, 0, 0, 10],
    },
  ];
  if (p.questions.length === 0) content.push({ text: p.t('tenders.qa.none'), italics: true });
  p.questions.forEach((q, i) => {
    content.push(
      {
        text: `${i + 1}. ${q.anonymous || !q.vendorName ? p.t('tenders.ba.anonymous') : q.vendorName} — ${at(q.askedAt)}`,
        bold: true,
      },
      { text: `${p.t('tenders.qa.question')}: ${q.question}`, margin: [12, 2, 0, 2] },
      {
        text: `${p.t('tenders.qa.answer')}: ${q.answer ?? p.t('tenders.qa.notAnswered')}${q.answeredAt ? ` (${at(q.answeredAt)})` : ''}`,
        margin: [12, 0, 0, 8],
      },
    );
  });
  content.push(
    { text: p.t('tenders.ba.pokja'), style: 'h2' },
    { ul: p.members.map((m) => m) },
    { text: p.t('tenders.ba.generated', { at: at(p.generatedAt) }), fontSize: 8, italics: true, margin: [0, 12, 0, 0] },
  );
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: [50, 50, 50, 50],
      defaultStyle: { font: 'Helvetica', fontSize: 10 },
      styles: {
        h1: { fontSize: 14, bold: true, margin: [0, 0, 0, 8] },
        h2: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
      },
      info: { title: `${p.t('tenders.ba.title')} ${p.kode}` },
      content,
    })
    .getBuffer();
}
