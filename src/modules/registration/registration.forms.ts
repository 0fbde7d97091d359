import { z } from 'zod';
import { dateField, emailField, nipField, optionalText } from '../../platform/http/fields.ts';
import { nikField, npwpField } from './identifiers.ts';
import { BUSINESS_FORMS, OFFICIAL_ROLES, requirementsFor } from './requirements.ts';

/** An optional field that, once filled, must be valid: a draft may be incomplete but never wrong (issue 3). */
const whenFilled = <O>(schema: z.ZodType<O, string>) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .pipe(z.union([z.undefined(), schema]));

const docMetaShape = (kind: 'vendor' | 'official') => {
  const shape: Record<string, z.ZodType> = {};
  for (const r of requirementsFor(kind)) {
    if (r.number) shape[`${r.code}_number`] = optionalText(100);
    if (r.date) shape[`${r.code}_date`] = whenFilled(dateField());
    if (r.issuer) shape[`${r.code}_issuer`] = optionalText(200);
    if (r.validUntil) shape[`${r.code}_until`] = whenFilled(dateField());
  }
  return shape;
};

export const VendorDraftSchema = z.object({
  name: optionalText(200),
  businessForm: whenFilled(z.enum(BUSINESS_FORMS, { error: 'reg.validation.businessForm' })),
  npwp: whenFilled(npwpField()),
  nib: whenFilled(z.string().regex(/^\d{13}$/, 'reg.validation.nib')),
  address: optionalText(500),
  city: optionalText(100),
  postalCode: whenFilled(z.string().regex(/^\d{5}$/, 'reg.validation.postalCode')),
  phone: whenFilled(z.string().regex(/^\+?[\d\s-]{6,20}$/, 'reg.validation.phone')),
  email: whenFilled(emailField()),
  isBranch: z
    .string()
    .optional()
    .transform((v) => v === 'ya'),
  headOfficeName: optionalText(200),
  headOfficeAddress: optionalText(500),
  picName: optionalText(200),
  picNik: whenFilled(nikField()),
  picPosition: optionalText(100),
  ...docMetaShape('vendor'),
});
export type VendorDraft = z.infer<typeof VendorDraftSchema>;

export const OfficialDraftSchema = z.object({
  agencyId: whenFilled(z.uuid('validation.agency')),
  requestedRole: whenFilled(z.enum(OFFICIAL_ROLES, { error: 'validation.role' })),
  nip: nipField(),
  position: optionalText(100),
  ...docMetaShape('official'),
});
export type OfficialDraft = z.infer<typeof OfficialDraftSchema>;

/** What each document row carries, read from the flat form fields `<code>_number`, `<code>_date`, … */
export interface DocumentMeta {
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  validUntil: string | null;
}

export function documentMeta(data: Record<string, unknown>, code: string): DocumentMeta {
  const s = (k: string) => {
    const v = data[`${code}_${k}`];
    return typeof v === 'string' && v ? v : null;
  };
  return { number: s('number'), issuedOn: s('date'), issuer: s('issuer'), validUntil: s('until') };
}
