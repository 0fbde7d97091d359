import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { assertUuid } from '../../../platform/errors.ts';
import { allow } from '../../../platform/http/access.ts';
import { requiredText } from '../../../platform/http/fields.ts';
import { type FormState, parseForm } from '../../../platform/http/forms.ts';
import { withFlash } from '../../../platform/http/handle-form.ts';
import { pageCtx, redirectSeeOther, sendHtml } from '../../../platform/ui/page.ts';
import { type NationalFeedPage, NationalFeedView } from '../views/national.view.tsx';
import { issueApiKey, listApiKeys, revokeApiKey } from './api-keys.ts';
import { nationalApi } from './national.api.ts';
import { listDeliveries } from './push.ts';

const IssueSchema = z.object({ name: requiredText(120) });

/** The Admin Sistem's page of the national feed, and the key-authenticated harvesting endpoint. */
export async function nationalPlugin(app: FastifyInstance) {
  const manage = allow('opendata:manage');
  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { issued?: NationalFeedPage['issued']; state?: FormState } = {},
    status = 200,
  ) => {
    const d: NationalFeedPage = {
      keys: await listApiKeys(req.ctx.db),
      deliveries: await listDeliveries(req.ctx.db),
      pushUrl: req.ctx.config.nationalFeedPushUrl,
      issued: extra.issued,
    };
    reply.header('cache-control', 'no-store');
    return sendHtml(reply, NationalFeedView({ p: pageCtx(req, reply), d, state: extra.state }), status);
  };

  app.get('/admin/data-terbuka', { config: manage }, async (req, reply) => {
    assertCan(req.ctx.actor, 'opendata:manage');
    return page(req, reply);
  });

  app.post('/admin/data-terbuka/kunci', { config: manage }, async (req, reply) => {
    assertCan(req.ctx.actor, 'opendata:manage');
    const parsed = parseForm(IssueSchema, req.body, req.ctx.t);
    if (!parsed.ok) return page(req, reply, { state: parsed.state }, 400);
    const issued = await issueApiKey(req.ctx, parsed.data);
    // Shown in this response only (never stored, never in a redirect URL): the page says to copy it now.
    return page(req, reply, { issued: { key: issued.key, name: parsed.data.name } });
  });

  app.post<{ Params: { id: string } }>(
    '/admin/data-terbuka/kunci/:id/cabut',
    { config: manage },
    async (req, reply) => {
      assertCan(req.ctx.actor, 'opendata:manage');
      assertUuid(req.params.id);
      await revokeApiKey(req.ctx, req.params.id);
      return redirectSeeOther(reply, withFlash('/admin/data-terbuka', req.ctx.t('national.revoked')));
    },
  );

  await app.register(nationalApi);
}
