import { count, eq, min } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { DashboardDecl } from '../../platform/module.ts';
import { sikapChangeRequests } from './sikap.schema.ts';

/** The Verifikator's queue of change requests to verified vendor data. */
export const sikapTasks: DashboardDecl = {
  async tasks({ db, actor }) {
    if (!can(actor, 'sikap:verify')) return [];
    const [row] = await db
      .select({ n: count(), oldest: min(sikapChangeRequests.requestedAt) })
      .from(sikapChangeRequests)
      .where(eq(sikapChangeRequests.status, 'pending'));
    if (!row?.n) return [];
    return [{ labelKey: 'dashboard.task.sikapChanges', count: row.n, oldest: row.oldest, href: '/verifikasi/sikap' }];
  },
};
