import { z } from 'zod';
import { dateField, optionalText, requiredText } from '../../platform/http/fields.ts';

/** The profile sections a vendor keeps (SIKaP, R06; DOMAIN §2.1 qualification data and §4). */
export const SECTIONS = [
  'izin',
  'akta',
  'pemilik',
  'pengurus',
  'pajak',
  'tenaga_ahli',
  'peralatan',
  'pengalaman',
] as const;
export type Section = (typeof SECTIONS)[number];
export const isSection = (s: string): s is Section => (SECTIONS as readonly string[]).includes(s);

/** Verified at registration against originals: changes go through a change request to the Verifikator. */
export const VERIFIED_SECTIONS: readonly Section[] = ['akta', 'pengurus'];
export const isVerifiedSection = (s: Section) => VERIFIED_SECTIONS.includes(s);

type FieldKind = 'text' | 'date' | 'select' | 'int' | 'rupiah' | 'percent' | 'kbli';
export interface FieldDef {
  name: string;
  kind: FieldKind;
  optional?: boolean;
  options?: readonly string[];
  /** Personal data (NIK, personal NPWP): never shown outside the vendor and the LPSE. */
  confidential?: boolean;
}

const f = (name: string, kind: FieldKind = 'text', more: Partial<FieldDef> = {}): FieldDef => ({ name, kind, ...more });

export const IZIN_TYPES = ['NIB', 'SBU', 'SIUP', 'IUJK', 'SKK', 'LAINNYA'] as const;
/** SBU qualification (PP 5/2021, Permen PUPR 8/2022): small K1–K3, medium M1–M2, large B1–B2. */
export const SBU_GRADES = ['K1', 'K2', 'K3', 'M1', 'M2', 'B1', 'B2'] as const;

export const SECTION_FIELDS: Record<Section, readonly FieldDef[]> = {
  izin: [
    f('jenis', 'select', { options: IZIN_TYPES }),
    f('nomor'),
    f('kbli', 'kbli', { optional: true }),
    f('sbuSubklasifikasi', 'text', { optional: true }),
    f('sbuKualifikasi', 'select', { optional: true, options: SBU_GRADES }),
    // Skala usaha as stated on the licence (NIB): the qualification check uses it when there is no SBU.
    f('kualifikasiUsaha', 'select', { optional: true, options: ['kecil', 'non_kecil'] }),
    f('penerbit'),
    f('berlakuSampai', 'date', { optional: true }),
  ],
  akta: [f('jenis', 'select', { options: ['pendirian', 'perubahan'] }), f('nomor'), f('tanggal', 'date'), f('notaris')],
  pemilik: [
    f('nama'),
    f('nik', 'text', { optional: true, confidential: true }),
    f('npwp', 'text', { optional: true, confidential: true }),
    f('alamat', 'text', { optional: true, confidential: true }),
    f('saham', 'percent'),
  ],
  pengurus: [
    f('nama'),
    f('jenis', 'select', { options: ['direksi', 'komisaris'] }),
    f('jabatan'),
    f('nik', 'text', { optional: true, confidential: true }),
    f('mulai', 'date', { optional: true }),
    f('sampai', 'date', { optional: true }),
  ],
  pajak: [
    f('npwp'),
    f('sptTahun', 'int'),
    f('sptNomor'),
    f('sptTanggal', 'date'),
    f('kswp', 'select', { options: ['valid', 'tidak_valid'] }),
  ],
  tenaga_ahli: [
    f('nama'),
    f('pendidikan'),
    f('pengalamanTahun', 'int'),
    f('sertifikat', 'text', { optional: true }),
    f('sertifikatNomor', 'text', { optional: true }),
    f('sertifikatBerlaku', 'date', { optional: true }),
  ],
  peralatan: [
    f('jenis'),
    f('jumlah', 'int'),
    f('kapasitas'),
    f('merk', 'text', { optional: true }),
    f('kondisi', 'select', { options: ['baik', 'rusak'] }),
    f('kepemilikan', 'select', { options: ['milik', 'sewa', 'sewa_beli'] }),
  ],
  pengalaman: [
    f('nama'),
    f('pemberi'),
    f('nomorKontrak'),
    f('nilai', 'rupiah'),
    f('mulai', 'date'),
    f('selesai', 'date', { optional: true }),
  ],
};

/** Sections with a single record (the latest tax data): a save replaces it. */
export const SINGLE_SECTIONS: readonly Section[] = ['pajak'];

const req = (s: z.ZodType, optional?: boolean) =>
  optional
    ? z
        .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), s.optional())
        .transform((v) => v ?? null)
    : s;

function fieldSchema(d: FieldDef): z.ZodType {
  switch (d.kind) {
    case 'text':
      return d.optional ? optionalText(300) : requiredText(300);
    case 'date':
      return req(dateField(), d.optional);
    case 'select':
      return req(z.enum(d.options as [string, ...string[]], 'validation.invalid'), d.optional);
    case 'int':
      return req(
        z
          .string({ error: 'validation.required' })
          .trim()
          .regex(/^\d{1,6}$/, 'sikap.validation.int')
          .transform(Number),
        d.optional,
      );
    case 'rupiah':
      // Integer rupiah, dots as thousands separators allowed; kept as a digit string (bigint-safe in JSON).
      return req(
        z
          .string({ error: 'validation.required' })
          .trim()
          .transform((v) => v.replace(/^Rp\s*/i, '').replace(/[.\s]/g, ''))
          .pipe(z.string().regex(/^[1-9]\d{0,15}$/, 'sikap.validation.rupiah')),
        d.optional,
      );
    case 'percent':
      // Shares in percent with up to two decimals; stored in hundredths of a percent (an integer).
      return z
        .string({ error: 'validation.required' })
        .trim()
        .transform((v) => v.replace(',', '.').replace(/%$/, '').trim())
        .pipe(z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'sikap.validation.percent'))
        .transform((v) => Math.round(Number(v) * 100))
        .refine((n) => n > 0 && n <= 10_000, 'sikap.validation.percent');
    case 'kbli':
      // KBLI 2020 codes: five digits each, separated by commas or spaces.
      return z
        .string()
        .optional()
        .transform((v) => (v ?? '').split(/[\s,;]+/).filter(Boolean))
        .refine((codes) => codes.every((c) => /^\d{5}$/.test(c)), 'sikap.validation.kbli');
  }
}

/** The zod schema of one item of a section, from its field list; SBU licences need sub-classification and grade. */
export function itemSchema(section: Section, extra: Record<string, z.ZodType> = {}) {
  const shape: Record<string, z.ZodType> = { ...extra };
  for (const d of SECTION_FIELDS[section]) shape[d.name] = fieldSchema(d);
  const base = z.object(shape);
  if (section !== 'izin') return base;
  return base.superRefine((v, ctx) => {
    if (v.jenis !== 'SBU') return;
    if (!v.sbuSubklasifikasi)
      ctx.addIssue({ code: 'custom', path: ['sbuSubklasifikasi'], message: 'sikap.validation.sbu' });
    if (!v.sbuKualifikasi) ctx.addIssue({ code: 'custom', path: ['sbuKualifikasi'], message: 'sikap.validation.sbu' });
    if (!v.berlakuSampai) ctx.addIssue({ code: 'custom', path: ['berlakuSampai'], message: 'sikap.validation.sbu' });
  });
}

/** An item's values as form strings (to edit or re-show it). */
export function itemFormValues(section: Section, item: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of SECTION_FIELDS[section]) {
    const v = item[d.name];
    if (v === null || v === undefined) continue;
    if (d.kind === 'kbli') out[d.name] = (v as string[]).join(', ');
    else if (d.kind === 'percent') out[d.name] = String(Number(v) / 100);
    else out[d.name] = String(v);
  }
  return out;
}

/** The dates that expire in an item: a licence or SBU (`berlakuSampai`), an expert's certificate. */
export function expiryOf(section: Section, item: Record<string, unknown>): { kind: ExpiryKind; until: string } | null {
  if (section === 'izin' && typeof item.berlakuSampai === 'string')
    return { kind: item.jenis === 'SBU' ? 'sbu' : 'izin', until: item.berlakuSampai };
  if (section === 'tenaga_ahli' && typeof item.sertifikatBerlaku === 'string')
    return { kind: 'sertifikat', until: item.sertifikatBerlaku };
  return null;
}
export type ExpiryKind = 'izin' | 'sbu' | 'sertifikat';

/** Sum of the owners' shares in hundredths of a percent; at most 10 000 (100 %). */
export const totalShares = (items: readonly Record<string, unknown>[]) =>
  items.reduce((s, i) => s + (typeof i.saham === 'number' ? i.saham : 0), 0);
