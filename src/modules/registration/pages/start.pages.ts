import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PUBLIC } from '../../../platform/http/access.ts';
import { emailField, requiredText, usernameField, withPasswordConfirmation } from '../../../platform/http/fields.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { assertConfirmTokenUsable, createRegistrantAccount } from '../commands/create-registrant-account.ts';
import { requestEmailConfirmation } from '../commands/request-email-confirmation.ts';
import { setRegistrantCookie } from '../registrant.ts';
import { AccountView, MessageView, StartView } from '../views/registrant.views.tsx';

const StartSchema = z.object({
  kind: z.enum(['penyedia', 'non-penyedia'], { error: 'reg.validation.kind' }),
  email: emailField(),
});
const AccountSchema = withPasswordConfirmation({
  token: z.string().min(1),
  jenis: z.enum(['penyedia', 'non-penyedia']).default('penyedia'),
  name: requiredText(),
  username: usernameField(),
});

type Q = { Querystring: Record<string, string | undefined> };

/** Registration starts with an e-mail address (R30); the link in the mail leads to choosing a User ID. */
export async function startPages(app: FastifyInstance) {
  app.get('/daftar', { config: PUBLIC }, async (req, reply) => sendHtml(reply, StartView({ p: pageCtx(req, reply) })));

  app.post('/daftar', { config: { ...PUBLIC, rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) =>
    handleForm(req, reply, {
      schema: StartSchema,
      render: (p, state) => StartView({ p, state }),
      run: async (data) => {
        await requestEmailConfirmation(req.ctx, data);
        return '/daftar/terkirim';
      },
    }),
  );

  app.get('/daftar/terkirim', { config: PUBLIC }, async (req, reply) =>
    sendHtml(
      reply,
      MessageView({ p: pageCtx(req, reply), title: req.ctx.t('reg.sent.title'), body: req.ctx.t('reg.sent.body') }),
    ),
  );

  app.get<Q>('/daftar/konfirmasi', { config: PUBLIC }, async (req, reply) => {
    const token = req.query.token ?? '';
    await assertConfirmTokenUsable(req.ctx, token);
    return sendHtml(reply, AccountView({ p: pageCtx(req, reply), token, kind: req.query.jenis ?? 'penyedia' }));
  });

  app.post(
    '/daftar/konfirmasi',
    { config: { ...PUBLIC, rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) =>
      handleForm(req, reply, {
        schema: AccountSchema,
        render: (p, state) =>
          AccountView({ p, state, token: state.values.token ?? '', kind: state.values.jenis ?? 'penyedia' }),
        run: async (data) => {
          const { sessionToken } = await createRegistrantAccount(req.ctx, {
            token: data.token,
            kind: data.jenis === 'non-penyedia' ? 'official' : 'vendor',
            username: data.username,
            name: data.name,
            password: data.password,
          });
          setRegistrantCookie(req, reply, sessionToken);
          return withFlash('/daftar/formulir', req.ctx.t('reg.account.created'));
        },
      }),
  );
}
