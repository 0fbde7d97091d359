import { and, count, eq, isNull, min } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { DashboardDecl } from '../../platform/module.ts';
import { tenderMembers, tenderQuestions } from './tenders.schema.ts';

/** The Pokja's queue: unanswered aanwijzing questions of the tenders it is named for (they hold the upload stage). */
export const tenderTasks: DashboardDecl = {
  async tasks({ db, actor }) {
    if (!can(actor, 'tenders:clarify')) return [];
    const [row] = await db
      .select({ n: count(), oldest: min(tenderQuestions.askedAt) })
      .from(tenderQuestions)
      .innerJoin(
        tenderMembers,
        and(eq(tenderMembers.tenderId, tenderQuestions.tenderId), eq(tenderMembers.userId, actor.userId)),
      )
      .where(isNull(tenderQuestions.answeredAt));
    if (!row?.n) return [];
    return [{ labelKey: 'dashboard.task.tenderQuestions', count: row.n, oldest: row.oldest, href: '/kelola/tender' }];
  },
};
