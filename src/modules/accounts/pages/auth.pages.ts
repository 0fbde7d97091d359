import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from '../../../platform/auth/session.ts';
import { PUBLIC } from '../../../platform/http/access.ts';
import { rotateCsrfSecret } from '../../../platform/http/csrf.ts';
import { emailField, requiredText, usernameField, withPasswordConfirmation } from '../../../platform/http/fields.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { pageCtx, redirectSeeOther, safeLocalPath, sendHtml } from '../../../platform/ui/page.ts';
import { login } from '../commands/login.ts';
import { assertResetTokenUsable, requestPasswordReset, resetPassword } from '../commands/passwords.ts';
import { revokeSession } from '../commands/sessions.ts';
import { assertSetupTokenUsable, createFirstAdmin } from '../commands/setup.ts';
import { ForgotView, LoginView, ResetView, SetupView } from '../views/auth.views.tsx';

const LoginSchema = z.object({ username: requiredText(100), password: z.string().min(1, 'validation.required') });
const SetupSchema = withPasswordConfirmation({
  token: z.string().min(1),
  name: requiredText(),
  username: usernameField(),
  email: emailField(),
});
const ForgotSchema = z.object({ email: emailField() });
const ResetSchema = withPasswordConfirmation({ token: z.string().min(1) });

type Q = { Querystring: Record<string, string | undefined> };

/** Sign-in, sign-out, first-run setup and password recovery (R37). */
export async function authPages(app: FastifyInstance) {
  app.get<Q>('/masuk', { config: PUBLIC }, async (req, reply) => {
    if (req.ctx.actor) return redirectSeeOther(reply, '/dasbor');
    return sendHtml(reply, LoginView({ p: pageCtx(req, reply), back: req.query.kembali }));
  });

  app.post<Q>(
    '/masuk',
    { config: { ...PUBLIC, rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const back = safeLocalPath(req.query.kembali, '/dasbor');
      return handleForm(req, reply, {
        schema: LoginSchema,
        render: (p, state) => LoginView({ p, state, back: req.query.kembali }),
        run: async (data) => {
          const { token } = await login(req.ctx, {
            username: data.username,
            password: data.password,
            userAgent: req.headers['user-agent'],
            ip: req.ip,
          });
          setSessionCookie(req, reply, token);
          rotateCsrfSecret(req, reply);
          return back;
        },
      });
    },
  );

  app.post('/keluar', { config: PUBLIC }, async (req, reply) => {
    if (req.ctx.actor) await revokeSession(req.ctx, req.ctx.actor.sessionId, 'logout');
    clearSessionCookie(reply);
    rotateCsrfSecret(req, reply);
    return redirectSeeOther(reply, withFlash('/', req.ctx.t('auth.logout.done')));
  });

  app.get<Q>('/penyiapan', { config: PUBLIC }, async (req, reply) => {
    const token = req.query.token ?? '';
    await assertSetupTokenUsable(req.ctx.db, req.ctx.clock, token);
    return sendHtml(reply, SetupView({ p: pageCtx(req, reply), token }));
  });

  app.post('/penyiapan', { config: PUBLIC }, async (req, reply) =>
    handleForm(req, reply, {
      schema: SetupSchema,
      render: (p, state) => SetupView({ p, state, token: state.values.token ?? '' }),
      run: async (data) => {
        await createFirstAdmin(req.ctx, data);
        return withFlash('/masuk', req.ctx.t('auth.setup.done'));
      },
    }),
  );

  app.get('/kata-sandi/lupa', { config: PUBLIC }, async (req, reply) =>
    sendHtml(reply, ForgotView({ p: pageCtx(req, reply) })),
  );
  app.post(
    '/kata-sandi/lupa',
    { config: { ...PUBLIC, rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) =>
      handleForm(req, reply, {
        schema: ForgotSchema,
        render: (p, state) => ForgotView({ p, state }),
        run: async (data) => {
          await requestPasswordReset(req.ctx, data);
          return '/kata-sandi/lupa/terkirim';
        },
      }),
  );
  app.get('/kata-sandi/lupa/terkirim', { config: PUBLIC }, async (req, reply) =>
    sendHtml(reply, ForgotView({ p: pageCtx(req, reply), sent: true })),
  );

  app.get<Q>('/kata-sandi/atur-ulang', { config: PUBLIC }, async (req, reply) => {
    const token = req.query.token ?? '';
    await assertResetTokenUsable(req.ctx, token);
    return sendHtml(reply, ResetView({ p: pageCtx(req, reply), token }));
  });
  app.post('/kata-sandi/atur-ulang', { config: PUBLIC }, async (req, reply) =>
    handleForm(req, reply, {
      schema: ResetSchema,
      render: (p, state) => ResetView({ p, state, token: state.values.token ?? '' }),
      run: async (data) => {
        await resetPassword(req.ctx, data);
        clearSessionCookie(reply);
        return withFlash('/masuk', req.ctx.t('auth.reset.done'));
      },
    }),
  );
}
