import type { FastifyInstance } from 'fastify';
import { PUBLIC } from '../../platform/http/access.ts';
import { PUBLIC_CACHED } from '../../platform/http/page-cache.ts';
import { parseLocale } from '../../platform/i18n/i18n.ts';
import { pageCtx, redirectSeeOther, safeLocalPath, sendHtml } from '../../platform/ui/page.ts';
import { latestPlansForPortal } from '../rup/index.ts';
import { tenderHighlights } from '../tenders/index.ts';
import { HomeView } from './views/home.view.tsx';

/** The public portal (R02): no login needed. */
export async function portalPlugin(app: FastifyInstance) {
  app.get('/', { config: PUBLIC_CACHED }, async (req, reply) => {
    const now = req.ctx.clock.now();
    // Both from short public caches that announcements clear: the home page is the most visited page.
    const [plans, tenders] = await Promise.all([
      latestPlansForPortal(req.ctx.db, now),
      tenderHighlights(req.ctx.db, now),
    ]);
    return sendHtml(reply, HomeView({ p: pageCtx(req, reply), plans, tenders }));
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
