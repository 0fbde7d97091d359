import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { DocumentClass } from './document-classes.ts';
import { type UploadedBlob, uploadBlob } from './documents.ts';

export interface MultipartForm {
  fields: Record<string, string>;
  files: Record<string, UploadedBlob>;
  /** Per file field: why the upload was refused (too large, wrong type). The form shows it beside the field. */
  fileErrors: Record<string, AppError>;
}

/**
 * Reads a multipart form part by part. Each file is streamed straight into the blob store under its field's
 * document class; text fields are collected. A refused file does not abort the form: the other fields are kept so
 * the page can be shown again with everything the person typed.
 */
export async function readMultipartForm(
  req: FastifyRequest,
  fileClasses: Record<string, DocumentClass>,
): Promise<MultipartForm> {
  const out: MultipartForm = { fields: {}, files: {}, fileErrors: {} };
  if (!req.isMultipart()) throw new AppError('NOT_MULTIPART', 415, 'error.unsupportedMediaType');
  try {
    await readParts(req, fileClasses, out);
  } catch (err) {
    // A cut-off upload, a boundary that does not match its header, a broken part header: the client's fault, and
    // what was already stored is content-addressed and unreferenced (the orphan sweep removes it).
    if (err instanceof AppError || (err as { statusCode?: number }).statusCode === 413) throw err;
    throw new AppError('MALFORMED_MULTIPART', 400, 'error.badRequest');
  }
  return out;
}

async function readParts(req: FastifyRequest, fileClasses: Record<string, DocumentClass>, out: MultipartForm) {
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      if (typeof part.value !== 'string') continue;
      if (part.value.includes('\u0000')) throw new AppError('NUL_IN_INPUT', 400, 'error.badRequest');
      out.fields[part.fieldname] = part.value;
      continue;
    }
    const docClass = fileClasses[part.fieldname];
    if (part.filename?.includes('\u0000')) {
      part.file.resume();
      throw new AppError('NUL_IN_INPUT', 400, 'error.badRequest');
    }
    if (!docClass || !part.filename) {
      part.file.resume();
      continue;
    }
    try {
      out.files[part.fieldname] = await uploadBlob(req.ctx.files, docClass, part.file, part.filename);
    } catch (err) {
      part.file.resume();
      if (err instanceof AppError) out.fileErrors[part.fieldname] = err;
      else throw err;
    }
  }
}
