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

/** Builds a redirect target carrying a confirmation message for the next page (Post/Redirect/Get). */
export const withFlash = (path: string, message: string) =>
  `${path}${path.includes('?') ? '&' : '?'}ok=${encodeURIComponent(message)}`;
