import { type DocumentClass, registry } from '../../registry.ts';
import type { DocumentClassDecl } from '../module.ts';

export type { DocumentClass };

/**
 * What may be uploaded, per class of document: size limit, allowed types (checked by magic bytes, never by the file
 * name or the browser's claim), whether it is confidential, and who may read it. Each module declares its own classes
 * (`documentClasses` in its `index.ts`).
 */
export function documentClass(docClass: string): DocumentClassDecl | undefined {
  return registry().documentClasses.get(docClass);
}

/** The largest of all limits: the multipart parser's hard ceiling. */
export function maxUploadBytes(): number {
  return Math.max(...[...registry().documentClasses.values()].map((c) => c.maxBytes));
}

/** Confidential classes (identity documents, SULAP packages) are encrypted at rest under a per-file key. */
export function isConfidential(docClass: string): boolean {
  return documentClass(docClass)?.confidential === true;
}
