import type { FastifyInstance } from 'fastify';
import { PUBLIC } from '../../platform/http/access.ts';
import { parseLocale } from '../../platform/i18n/i18n.ts';
import { pageCtx, redirectSeeOther, safeLocalPath, sendHtml } from '../../platform/ui/page.ts';
import { latestPlansForPortal } from '../rup/index.ts';
import { HomeView } from './views/home.view.tsx';

/** The public portal (R02): no login needed. */
export async function portalPlugin(app: FastifyInstance) {
  app.get('/', { config: PUBLIC }, async (req, reply) => {
    const plans = await latestPlansForPortal(req.ctx.db, req.ctx.clock.now());
    return sendHtml(reply, HomeView({ p: pageCtx(req, reply), plans }));
  });

  // The language switch is a plain link, so it works without JavaScript; it returns to the page it came from.
  app.get<{ Params: { locale: string }; Querystring: { kembali?: string } }>(
    '/bahasa/:locale',
    { config: PUBLIC },
    async (req, reply) => {
      const locale = parseLocale(req.params.locale) ?? 'id';
      reply.setCookie('lang', locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
      return redirectSeeOther(reply, safeLocalPath(req.query.kembali));
    },
  );
}
