import { z } from 'zod';

/** Strips the dots, dashes and spaces people type in an NPWP (`01.234.567.8-912.000`). */
export const npwpDigits = (value: string) => value.replace(/[\s.-]/g, '');

/** NPWP: 15 digits, or 16 since the NIK-based NPWP (PMK 112/2022). Stored as digits only. */
export const npwpField = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .transform(npwpDigits)
    .pipe(z.string().regex(/^(\d{15}|\d{16})$/, 'reg.validation.npwp'));

/** NIK: 16 digits, and the first two are a province code (11–94), so a typo of a phone number is caught. */
export const nikField = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .regex(/^\d{16}$/, 'reg.validation.nik')
    .refine((v) => Number(v.slice(0, 2)) >= 11 && Number(v.slice(0, 2)) <= 94, 'reg.validation.nik');

/** `012345678912000` → `01.234.567.8-912.000`; a 16-digit NPWP is shown in groups of four. */
export function formatNpwp(digits: string): string {
  if (digits.length === 15) {
    return `${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5, 8)}.${digits.slice(8, 9)}-${digits.slice(9, 12)}.${digits.slice(12)}`;
  }
  return digits.replace(/(.{4})(?=.)/g, '$1 ');
}

// The digits SPSE's public blacklist leaves visible: enough to tell two vendors apart, not enough to use the number.
const VISIBLE_15 = new Set([0, 2, 5, 10, 11, 14]);
const VISIBLE_16 = new Set([0, 2, 5, 10, 11, 15]);

/** Masks an NPWP for public pages, as SPSE does: `0*.0**.1**.*-*34.**0`. */
export function maskNpwp(digits: string): string {
  const visible = digits.length === 16 ? VISIBLE_16 : VISIBLE_15;
  return formatNpwp([...digits].map((d, i) => (visible.has(i) ? d : '*')).join(''));
}

/** How each bentuk usaha is written before a company's name; a sole proprietor's name stands alone. */
const NAME_PREFIX: Readonly<Record<string, string | null>> = {
  PT: 'PT',
  CV: 'CV',
  FIRMA: 'Firma',
  KOPERASI: 'Koperasi',
  UD: 'UD',
  PERSEKUTUAN_PERDATA: 'Persekutuan Perdata',
  PERORANGAN: null,
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The name without its own bentuk usaha in front, however often it was typed: "CV. CV Bahari Mandiri" with the
 * form CV is "Bahari Mandiri". Only the vendor's own form is stripped ("Koperasi Nelayan" stays whole for a PT), and
 * a name that is nothing but the prefix is kept as typed.
 */
export function stripBusinessForm(businessForm: string | null | undefined, name: string): string {
  const prefix = businessForm ? NAME_PREFIX[businessForm] : null;
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!prefix) return trimmed;
  const re = new RegExp(`^(?:${escapeRe(prefix)}\\.?(?:\\s+|$))+`, 'i');
  return trimmed.replace(re, '').trim() || trimmed;
}

/** The company's full name, the bentuk usaha written once: "CV Bahari Mandiri". */
export function companyName(businessForm: string | null | undefined, name: string | null | undefined): string {
  if (!name) return '';
  const prefix = businessForm ? NAME_PREFIX[businessForm] : null;
  const base = stripBusinessForm(businessForm, name);
  return prefix ? `${prefix} ${base}` : base;
}
