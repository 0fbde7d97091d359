import { and, count, eq, isNull, min } from 'drizzle-orm';
import type { DashboardDecl } from '../../platform/module.ts';
import { notifications } from './notifications.schema.ts';

/** Anyone with unread notifications sees one line on the dashboard, pointing at the inbox. */
export const notificationTasks: DashboardDecl = {
  async tasks({ db, actor }) {
    const [row] = await db
      .select({ n: count(), oldest: min(notifications.createdAt) })
      .from(notifications)
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
    if (!row?.n) return [];
    return [{ labelKey: 'dashboard.task.notifications', count: row.n, oldest: row.oldest, href: '/notifikasi' }];
  },
};
