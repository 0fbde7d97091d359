import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { z } from 'zod';
import { formErrorsOf, isFormError } from '../errors.ts';
import type { DocumentClass } from '../files/document-classes.ts';
import type { UploadedBlob } from '../files/documents.ts';
import { readMultipartForm } from '../files/multipart-form.ts';
import { type PageCtx, pageCtx, redirectSeeOther, sendHtml } from '../ui/page.ts';
import { type FormErrors, type FormState, formValues, parseForm } from './forms.ts';

export type UploadedFiles<F extends string> = Partial<Record<F, UploadedBlob>>;

/**
 * The one shape of every form POST, urlencoded or multipart: validate with the zod schema → run the command → 303
 * redirect. On invalid input, a refused upload (too large, wrong type, missing) or an expected refusal from the
 * command (`isFormError`), the same page is shown again with an error summary and what the person typed, with a 4xx
 * status. Nothing typed is lost. A refusal names its field itself (`AppError.field`); otherwise it belongs to the
 * form as a whole.
 *
 * With `files`, the body is read as multipart: each file field streams into the blob store under its declared
 * document class and reaches `run` as an `UploadedBlob`; the text fields go through the schema.
 */
export async function handleForm<S extends z.ZodType, F extends string = never>(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: {
    schema: S;
    render: (p: PageCtx, state: FormState) => VNode | Promise<VNode>;
    run: (data: z.infer<S>, files: UploadedFiles<F>) => Promise<string>;
    /** Multipart: the file fields and the document class each is stored under. */
    files?: Record<F, DocumentClass>;
    /** File fields that must hold a file. */
    requiredFiles?: readonly F[];
    /**
     * Before the form is shown again for invalid input or a refused file, with the files that were accepted (a draft
     * keeps them, so they are not uploaded twice).
     */
    keepAccepted?: (files: UploadedFiles<F>) => Promise<void>;
  },
) {
  const { t } = req.ctx;
  let body: unknown = req.body;
  let files: UploadedFiles<F> = {};
  const fileErrors: FormErrors = {};
  let status = 400;
  if (opts.files) {
    const form = await readMultipartForm(req, opts.files);
    body = form.fields;
    files = form.files as UploadedFiles<F>;
    for (const [field, err] of Object.entries(form.fileErrors)) {
      fileErrors[field] = t(err.messageKey, err.params);
      status = err.status;
    }
    for (const field of opts.requiredFiles ?? []) {
      if (!files[field] && !fileErrors[field]) fileErrors[field] = t('validation.file');
    }
  }
  const parsed = parseForm(opts.schema, body, t);
  if (!parsed.ok || Object.keys(fileErrors).length > 0) {
    const state: FormState = parsed.ok ? { values: formValues(body), errors: {} } : parsed.state;
    Object.assign(state.errors, fileErrors);
    await opts.keepAccepted?.(files);
    return sendHtml(reply, await opts.render(pageCtx(req, reply), state), status);
  }
  try {
    return redirectSeeOther(reply, await opts.run(parsed.data, files));
  } catch (err) {
    // Not signed in, not allowed, not found: the error page, not the form. Every other expected refusal is shown here.
    if (!isFormError(err)) throw err;
    // The header names the refusal for API-minded clients and tests, as on the error page.
    reply.header('x-error-code', err.code);
    const state: FormState = { values: formValues(body), errors: formErrorsOf(err, t) };
    return sendHtml(reply, await opts.render(pageCtx(req, reply), state), err.status);
  }
}

// Per process: a confirmation survives exactly the redirect it was made for. (A scaled deployment whose redirect lands
// on another process simply shows no confirmation, never a forged one.)
const FLASH_KEY = randomBytes(32);
const flashMac = (message: string) => createHmac('sha256', FLASH_KEY).update(message).digest('base64url').slice(0, 22);

/**
 * Builds a redirect target carrying a confirmation for the next page (Post/Redirect/Get). The message is signed:
 * `/?ok=<any text>` once showed that text in a green notice on the official site, a phishing aid. Messages must not
 * hold personal data (e-mail addresses): the URL ends up in history and logs.
 */
export const withFlash = (path: string, message: string) =>
  `${path}${path.includes('?') ? '&' : '?'}ok=${Buffer.from(message).toString('base64url')}.${flashMac(message)}`;

/** The confirmation of a redirect made by `withFlash`, or undefined for anything else in `?ok=`. */
export function readFlash(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  const dot = value.lastIndexOf('.');
  if (dot < 0) return undefined;
  const message = Buffer.from(value.slice(0, dot), 'base64url').toString('utf8');
  const mac = value.slice(dot + 1);
  const expected = flashMac(message);
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return undefined;
  return message;
}
