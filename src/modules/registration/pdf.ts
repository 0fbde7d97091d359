import type { Content } from 'pdfmake';
import type { Translate } from '../../platform/i18n/i18n.ts';
import { formatDateTime, type Locale } from '../../platform/i18n/i18n.ts';
import { pdfmake } from '../../platform/pdf.ts';
import { contactLine, type SiteIdentity, siteIdentity } from '../../platform/ui/site.ts';
import { companyName, formatNpwp } from './identifiers.ts';
import type { RegistrationRow, VendorRow } from './registration.repository.ts';
import { requirementsFor } from './requirements.ts';

interface PdfCtx {
  t: Translate;
  locale: Locale;
  lpseName: string;
  /** The site identity for the letterhead; the cached one (settings module) when not given. */
  site?: SiteIdentity;
}

/**
 * The kop surat on the first page of every PDF: the emblem (or the neutral LPSE mark), the LPSE's name, office
 * address, service hours and helpdesk contacts, over a rule.
 */
export function letterhead(p: PdfCtx): Content[] {
  const site = p.site ?? siteIdentity(p.lpseName);
  const mark = (
    site.emblem
      ? { image: site.emblem.dataUrl, fit: [56, 56], width: 60 }
      : {
          width: 60,
          table: { widths: [52], body: [[{ text: 'LPSE', bold: true, alignment: 'center', margin: [0, 16, 0, 16] }]] },
        }
  ) as Content;
  const hours = site.hours ?? p.t('layout.footer.hoursDefault');
  return [
    {
      columns: [
        mark,
        {
          width: '*',
          stack: [
            { text: site.lpseName.toUpperCase(), bold: true, fontSize: 13 },
            { text: site.address, fontSize: 9 },
            { text: p.t('layout.footer.hours', { hours }), fontSize: 9 },
            { text: contactLine(site), fontSize: 9 },
          ],
          margin: [10, 0, 0, 0],
        },
      ],
      columnGap: 0,
    },
    {
      canvas: [
        { type: 'line', x1: 0, y1: 4, x2: 495, y2: 4, lineWidth: 2 },
        { type: 'line', x1: 0, y1: 7, x2: 495, y2: 7, lineWidth: 0.5 },
      ],
      margin: [0, 4, 0, 12],
    },
  ];
}

const fullName = (vendor: VendorRow | null | undefined) =>
  vendor?.name ? companyName(vendor.businessForm, vendor.name) : null;

const blank = '....................................................';

function kv(rows: [string, string | null | undefined][]): Content {
  return {
    table: { widths: [170, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v || blank]) },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 10],
  };
}

function signature(p: PdfCtx, who: string | null | undefined, withStamp: boolean): Content {
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 220,
        stack: [
          `${blank.slice(0, 20)}, ${blank.slice(0, 24)}`,
          withStamp
            ? { text: p.t('reg.pdf.stamp'), italics: true, margin: [0, 30, 0, 30], color: '#666' }
            : { text: '', margin: [0, 50, 0, 0] },
          { text: who || blank, bold: true },
        ],
      },
    ],
    margin: [0, 20, 0, 0],
  };
}

/** Formulir Pendaftaran (R31): the applicant's data as registered, to be signed and brought with the originals. */
function registrationForm(p: PdfCtx, reg: RegistrationRow | null, vendor: VendorRow | null): Content[] {
  return [
    { text: p.t('reg.pdf.formRegistration'), style: 'h1' },
    kv([
      [p.t('reg.number'), reg?.number],
      [p.t('reg.field.name'), fullName(vendor)],
      [p.t('reg.field.businessForm'), vendor?.businessForm],
      [p.t('reg.field.npwp'), vendor?.npwp ? formatNpwp(vendor.npwp) : null],
      [p.t('reg.field.nib'), vendor?.nib],
      [
        p.t('reg.field.address'),
        vendor ? [vendor.address, vendor.city, vendor.postalCode].filter(Boolean).join(', ') : null,
      ],
      [p.t('reg.field.phone'), vendor?.phone],
      [p.t('reg.field.email'), vendor?.email],
      [p.t('reg.field.headOfficeName'), vendor?.isBranch ? vendor.headOfficeName : '-'],
      [p.t('reg.field.picName'), vendor?.picName],
      [p.t('reg.field.picNik'), vendor?.picNik],
      [p.t('reg.field.picPosition'), vendor?.picPosition],
    ]),
    { text: p.t('reg.pdf.registrationStatement') },
    signature(p, vendor?.picName, false),
  ];
}

/** Formulir Keikutsertaan (R31): the vendor's undertaking to follow the SPSE terms of use. */
function participationForm(p: PdfCtx, vendor: VendorRow | null): Content[] {
  return [
    { text: p.t('reg.pdf.formParticipation'), style: 'h1', pageBreak: 'before' },
    { text: p.t('reg.pdf.participationIntro'), margin: [0, 0, 0, 8] },
    kv([
      [p.t('reg.field.picName'), vendor?.picName],
      [p.t('reg.field.picPosition'), vendor?.picPosition],
      [p.t('reg.field.name'), fullName(vendor)],
      [p.t('reg.field.npwp'), vendor?.npwp ? formatNpwp(vendor.npwp) : null],
    ]),
    {
      ol: [1, 2, 3, 4, 5].map((n) => p.t(`reg.pdf.term${n}` as 'reg.pdf.term1')),
      margin: [0, 0, 0, 8],
    },
    signature(p, vendor?.picName, true),
  ];
}

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];

function definition(content: Content[]): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    defaultStyle: { font: 'Helvetica', fontSize: 10 },
    styles: {
      h1: { fontSize: 15, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
    },
    content,
  };
}

/**
 * The receipt after submitting (issue 3): the registration number, the originals to bring to the LPSE office, and
 * both forms filled in, to sign.
 */
export async function receiptPdf(
  p: PdfCtx,
  input: {
    reg: RegistrationRow;
    vendor: VendorRow | null;
    submittedAt: Date | null;
    /** Codes of the documents uploaded with the registration; an optional one not among them is not asked for. */
    uploadedCodes?: readonly string[];
  },
): Promise<Buffer> {
  const uploaded = new Set(input.uploadedCodes ?? []);
  const originals = requirementsFor(input.reg.kind)
    .filter((r) => r.required || uploaded.has(r.code))
    .map((r) => p.t(r.labelKey));
  const content: Content[] = [
    ...letterhead(p),
    { text: p.t('reg.pdf.receiptTitle'), style: 'h1' },
    kv([
      [p.t('reg.number'), input.reg.number],
      [p.t('reg.submittedAt'), formatDateTime(input.submittedAt, p.locale)],
      [p.t('reg.field.name'), input.vendor ? fullName(input.vendor) : null],
    ]),
    { text: p.t('reg.pdf.bringOriginals'), style: 'h2' },
    { ul: [...originals, p.t('reg.pdf.bringForms')] },
    { text: p.t('reg.pdf.noInspection'), margin: [0, 10, 0, 0], italics: true },
  ];
  if (input.reg.kind === 'vendor') {
    content.push(
      { text: '', pageBreak: 'after' },
      ...letterhead(p),
      ...registrationForm(p, input.reg, input.vendor),
      ...participationForm(p, input.vendor),
    );
  }
  return pdfmake.createPdf(definition(content)).getBuffer();
}

/** The blank forms, downloadable from the portal (R34). */
export async function blankFormPdf(p: PdfCtx, form: 'pendaftaran' | 'keikutsertaan'): Promise<Buffer> {
  const content = form === 'pendaftaran' ? registrationForm(p, null, null) : participationForm(p, null);
  const first = content[0] as { pageBreak?: string };
  delete first.pageBreak;
  return pdfmake.createPdf(definition([...letterhead(p), ...content])).getBuffer();
}
