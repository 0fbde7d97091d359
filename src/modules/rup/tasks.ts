import { and, count, eq, inArray, min } from 'drizzle-orm';
import { agenciesWhere } from '../../platform/auth/permissions.ts';
import type { DashboardDecl } from '../../platform/module.ts';
import { rupPlans } from './rup.schema.ts';

/** PA/KPA: draft plans of their agencies that are not announced yet (R10: only announced plans are public). */
export const rupTasks: DashboardDecl = {
  async tasks({ db, actor }) {
    const where = agenciesWhere(actor, 'rup:manage');
    if (where !== 'all' && where.length === 0) return [];
    const [row] = await db
      .select({ n: count(), oldest: min(rupPlans.createdAt) })
      .from(rupPlans)
      .where(and(eq(rupPlans.status, 'draft'), where === 'all' ? undefined : inArray(rupPlans.agencyId, where)));
    const n = row?.n ?? 0;
    return n > 0
      ? [{ labelKey: 'dashboard.task.rupDrafts', count: n, oldest: row?.oldest ?? null, href: '/kelola/rup' }]
      : [];
  },
  emptyHints: { PA: 'dashboard.empty.rup.PA', KPA: 'dashboard.empty.rup.PA' },
};
