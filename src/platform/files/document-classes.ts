/**
 * What may be uploaded, per class of document: size limit and allowed types (checked by magic bytes, never by the
 * file name or the browser's claim). Modules add their classes here.
 *
 * `confidential: true` classes (identity documents) are encrypted at rest under a per-file key (see blob-store.ts);
 * the others are stored plain and content-addressed.
 */
export const DOCUMENT_CLASSES = {
  sk_tim_lpse: { maxBytes: 10 * 1024 * 1024, mimes: ['application/pdf'] },
  ktp: { maxBytes: 5 * 1024 * 1024, mimes: ['application/pdf', 'image/jpeg', 'image/png'], confidential: true },
  npwp: { maxBytes: 5 * 1024 * 1024, mimes: ['application/pdf', 'image/jpeg', 'image/png'], confidential: true },
  akta_pendirian: { maxBytes: 20 * 1024 * 1024, mimes: ['application/pdf'] },
  akta_perubahan: { maxBytes: 20 * 1024 * 1024, mimes: ['application/pdf'] },
  izin_usaha: { maxBytes: 10 * 1024 * 1024, mimes: ['application/pdf'] },
  surat_tugas: { maxBytes: 10 * 1024 * 1024, mimes: ['application/pdf'] },
  referensi: { maxBytes: 10 * 1024 * 1024, mimes: ['application/pdf'] },
} as const satisfies Record<string, { maxBytes: number; mimes: readonly string[]; confidential?: boolean }>;

export type DocumentClass = keyof typeof DOCUMENT_CLASSES;

/** The largest of all limits: the multipart parser's hard ceiling. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(DOCUMENT_CLASSES).map((c) => c.maxBytes));

export function isDocumentClass(v: string): v is DocumentClass {
  return Object.hasOwn(DOCUMENT_CLASSES, v);
}

export function isConfidential(docClass: DocumentClass): boolean {
  const cls = DOCUMENT_CLASSES[docClass];
  return 'confidential' in cls && cls.confidential === true;
}
