import type { FastifyInstance } from 'fastify';
import { assertCan } from '../auth/permissions.ts';
import { allow } from '../http/access.ts';
import { withFlash } from '../http/handle-form.ts';
import { pageCtx, redirectSeeOther, sendHtml } from '../ui/page.ts';
import { resendMail, viewMail } from './mail.commands.ts';
import { isMailState, listMail } from './mail.repository.ts';
import { MailDetailView, MailListView } from './mail.views.tsx';

type ListQ = { Querystring: { status?: string; halaman?: string } };
type IdP = { Params: { id: string } };

/**
 * The outbox for the Admin Sistem: every message with its state, one message with its body, and resend. On an install
 * without SMTP this is where the set-password and confirmation links are read.
 */
export async function mailPages(app: FastifyInstance) {
  app.get<ListQ>('/admin/surel', { config: allow('mail:read') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'mail:read');
    const state = isMailState(req.query.status) ? req.query.status : undefined;
    const n = Number.parseInt(req.query.halaman ?? '', 10);
    const page = Number.isSafeInteger(n) && n > 0 && n < 100_000 ? n : 1;
    const { rows, total } = await listMail(req.ctx.db, { state, page });
    const smtpConfigured = !!req.ctx.config.smtpUrl;
    return sendHtml(reply, MailListView({ p: pageCtx(req, reply), rows, total, state, page, smtpConfigured }));
  });

  app.get<IdP>('/admin/surel/:id', { config: allow('mail:read') }, async (req, reply) => {
    const mail = await viewMail(req.ctx, req.params.id);
    return sendHtml(reply, MailDetailView({ p: pageCtx(req, reply), mail }));
  });

  app.post<IdP>('/admin/surel/:id/kirim-ulang', { config: allow('mail:resend') }, async (req, reply) => {
    const mail = await resendMail(req.ctx, req.params.id);
    return redirectSeeOther(reply, withFlash(`/admin/surel/${mail.id}`, req.ctx.t('mail.resent')));
  });
}
