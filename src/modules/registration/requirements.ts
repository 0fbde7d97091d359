import type { MessageKey } from '../../locales/id.ts';
import type { DocumentClass } from '../../platform/files/document-classes.ts';

/**
 * The documents a registration asks for. This is configuration, not flow: the flow, the form, the verification
 * checklist and the receipt all read this list. It is exactly Pasal 23(1)a.2 for vendors and Pasal 23(1)b / 23(7)
 * for officials; Pasal 23(5) forbids asking for anything more (R34). When an LKPP rule changes the list, change it
 * here (and nowhere else).
 */
export interface DocumentRequirement {
  /** Stable code, used in form field names and stored with every uploaded version. */
  code: string;
  docClass: DocumentClass;
  labelKey: MessageKey;
  required: boolean;
  /** Which metadata the document carries (number, date, issuer, expiry), as in SPSE's `ijin_usaha` / akta rows. */
  number: boolean;
  date: boolean;
  issuer: boolean;
  validUntil: boolean;
  /** Identity documents: readable only by the owner, the Verifikator and the Kepala LPSE. */
  identity: boolean;
}

export const VENDOR_REQUIREMENTS: readonly DocumentRequirement[] = [
  {
    code: 'ktp',
    docClass: 'ktp',
    labelKey: 'reg.req.ktp',
    required: true,
    number: true,
    date: false,
    issuer: false,
    validUntil: false,
    identity: true,
  },
  {
    code: 'akta_pendirian',
    docClass: 'akta_pendirian',
    labelKey: 'reg.req.akta_pendirian',
    required: true,
    number: true,
    date: true,
    issuer: true,
    validUntil: false,
    identity: false,
  },
  {
    code: 'akta_perubahan',
    docClass: 'akta_perubahan',
    labelKey: 'reg.req.akta_perubahan',
    required: false,
    number: true,
    date: true,
    issuer: true,
    validUntil: false,
    identity: false,
  },
  {
    code: 'npwp',
    docClass: 'npwp',
    labelKey: 'reg.req.npwp',
    required: true,
    number: false,
    date: false,
    issuer: false,
    validUntil: false,
    identity: true,
  },
  {
    code: 'izin_usaha',
    docClass: 'izin_usaha',
    labelKey: 'reg.req.izin_usaha',
    required: true,
    number: true,
    date: true,
    issuer: true,
    validUntil: true,
    identity: false,
  },
  {
    // "Izin usaha" is plural in Pasal 23(1)a.2: a second licence (e.g. SBU next to the NIB) when the vendor has one.
    code: 'izin_usaha_2',
    docClass: 'izin_usaha',
    labelKey: 'reg.req.izin_usaha_2',
    required: false,
    number: true,
    date: true,
    issuer: true,
    validUntil: true,
    identity: false,
  },
];

export const OFFICIAL_REQUIREMENTS: readonly DocumentRequirement[] = [
  {
    code: 'surat_tugas',
    docClass: 'surat_tugas',
    labelKey: 'reg.req.surat_tugas',
    required: true,
    number: true,
    date: true,
    issuer: false,
    validUntil: false,
    identity: false,
  },
];

export function requirementsFor(kind: 'vendor' | 'official'): readonly DocumentRequirement[] {
  return kind === 'vendor' ? VENDOR_REQUIREMENTS : OFFICIAL_REQUIREMENTS;
}

/** The identity classes whose reads are restricted (Pasal 23, confidentiality of the vendor's identity). */
export const IDENTITY_CLASSES: DocumentClass[] = [
  ...new Set(VENDOR_REQUIREMENTS.filter((r) => r.identity).map((r) => r.docClass)),
];

/** Business forms offered on the form (SPSE `btu_id`). */
export const BUSINESS_FORMS = ['PT', 'CV', 'FIRMA', 'KOPERASI', 'PERORANGAN', 'UD', 'PERSEKUTUAN_PERDATA'] as const;

/** Roles an official may request through registration (R32). LPSE-team roles are given by the Bupati decree. */
export const OFFICIAL_ROLES = ['PA', 'KPA', 'PPK', 'KEPALA_ULP', 'POKJA', 'PEJABAT_PENGADAAN', 'AUDITOR'] as const;
