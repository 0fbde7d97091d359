import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { unauthenticated } from '../../../platform/errors.ts';
import { SIGNED_IN } from '../../../platform/http/access.ts';
import { withPasswordConfirmation } from '../../../platform/http/fields.ts';
import type { FormState } from '../../../platform/http/forms.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import type { PageCtx } from '../../../platform/ui/page.ts';
import { pageCtx, redirectSeeOther, sendHtml } from '../../../platform/ui/page.ts';
import { sessionsOfUser } from '../accounts.repository.ts';
import { changePassword } from '../commands/passwords.ts';
import { revokeSession } from '../commands/sessions.ts';
import { AccountView } from '../views/account.views.tsx';

const ChangePasswordSchema = withPasswordConfirmation({ current: z.string().min(1, 'validation.required') });

async function accountView(req: FastifyRequest, p: PageCtx, state?: FormState) {
  const actor = req.ctx.actor!;
  const now = req.ctx.clock.now();
  const sessions = (await sessionsOfUser(req.ctx.db, actor.userId))
    .filter((s) => !s.revokedAt && s.expiresAt > now)
    .map((s) => ({ ...s, current: s.id === actor.sessionId }));
  return AccountView({ p, sessions, state });
}

/** The signed-in person's own pages: sessions with revoke, change password (the dashboard is modules/dashboard). */
export async function accountPages(app: FastifyInstance) {
  app.addHook('preHandler', async (req) => {
    if (!req.ctx.actor) throw unauthenticated();
  });

  app.get('/akun', { config: SIGNED_IN }, async (req, reply) =>
    sendHtml(reply, await accountView(req, pageCtx(req, reply))),
  );

  app.post<{ Params: { id: string } }>('/akun/sesi/:id/cabut', { config: SIGNED_IN }, async (req, reply) => {
    await revokeSession(req.ctx, req.params.id, 'revoked');
    return redirectSeeOther(reply, withFlash('/akun', req.ctx.t('auth.sessions.revoked')));
  });

  app.post('/akun/kata-sandi', { config: SIGNED_IN }, async (req, reply) =>
    handleForm(req, reply, {
      schema: ChangePasswordSchema,
      render: (p, state) => accountView(req, p, state),
      run: async (data) => {
        await changePassword(req.ctx, data);
        return withFlash('/akun', req.ctx.t('auth.password.done'));
      },
    }),
  );
}
