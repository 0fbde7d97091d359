import type { FastifyInstance } from 'fastify';
import { ROLES } from '../../platform/auth/roles.ts';
import { SIGNED_IN } from '../../platform/http/access.ts';
import { isMessageKey } from '../../platform/i18n/i18n.ts';
import type { DashboardTask } from '../../platform/module.ts';
import { pageCtx, sendHtml } from '../../platform/ui/page.ts';
import { registry } from '../../registry.ts';
import { rolesOfUser } from '../accounts/index.ts';
import { formatAge } from './age.ts';
import { DashboardView, type TaskLine } from './dashboard.view.tsx';

/** `/dasbor`: what every module says is waiting for this person (module contract: `dashboard.tasks`). */
export async function dashboardPlugin(app: FastifyInstance) {
  app.get('/dasbor', { config: SIGNED_IN }, async (req, reply) => {
    const { db, clock, locale, t } = req.ctx;
    const actor = req.ctx.actor!;
    const { dashboards } = registry();
    const found: DashboardTask[] = (
      await Promise.all(dashboards.map((d) => d.tasks({ db, clock, actor, locale })))
    ).flat();
    const now = clock.now();
    const tasks: TaskLine[] = found
      .filter((task) => task.count > 0 && isMessageKey(task.labelKey))
      .map((task) => ({
        href: task.href,
        text: t(task.labelKey as Parameters<typeof t>[0], {
          count: task.count,
          oldest: task.oldest ? formatAge(task.oldest, now, t) : '—',
        }),
      }));
    // Hints of the roles held, in the fixed role order, each once (several modules may speak for one role).
    const held = ROLES.filter((r) => actor.roles.some((h) => h.role === r));
    const hints = [
      ...new Set(
        held.flatMap((role) =>
          dashboards.flatMap((d) => {
            const key = d.emptyHints?.[role];
            return key && isMessageKey(key) ? [t(key)] : [];
          }),
        ),
      ),
    ];
    const roles = await rolesOfUser(db, actor.userId);
    return sendHtml(reply, DashboardView({ p: pageCtx(req, reply), roles, tasks, hints }));
  });
}
