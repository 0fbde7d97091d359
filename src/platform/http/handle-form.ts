import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { type PageCtx, pageCtx, redirectSeeOther, sendHtml } from '../ui/page.ts';
import { type FormState, formValues, parseForm } from './forms.ts';

/**
 * The one shape of every form POST: validate with the zod schema → run the command → 303 redirect.
 * On invalid input, or an expected refusal from the command (an AppError), the same page is shown again with an
 * error summary and what the person typed, with a 4xx status. Nothing typed is lost.
 */
export async function handleForm<S extends z.ZodType>(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: {
    schema: S;
    render: (p: PageCtx, state: FormState) => VNode | Promise<VNode>;
    run: (data: z.infer<S>) => Promise<string>;
    /** Which field an AppError from the command belongs to; default: the form as a whole. */
    errorField?: (err: AppError) => string;
  },
) {
  const parsed = parseForm(opts.schema, req.body, req.ctx.t);
  if (!parsed.ok) {
    return sendHtml(reply, await opts.render(pageCtx(req, reply), parsed.state), 400);
  }
  try {
    const to = await opts.run(parsed.data);
    return redirectSeeOther(reply, to);
  } catch (err) {
    // Not signed in or not allowed: the error page, not the form. Every other expected refusal belongs on the form.
    if (!(err instanceof AppError) || err.status >= 500 || err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN') {
      throw err;
    }
    const field = opts.errorField?.(err) ?? '_form';
    const state: FormState = {
      values: formValues(req.body),
      errors: { [field]: req.ctx.t(err.messageKey, err.params) },
    };
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
