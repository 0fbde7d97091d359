import { and, count, countDistinct, eq, isNull, min } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { Db } from '../../platform/db/database.ts';
import type { DashboardDecl } from '../../platform/module.ts';
import { tenderMembers, tenders } from '../tenders/tenders.schema.ts';
import { evalBids, evalSanggah } from './evaluation.schema.ts';

/** The Pokja's queue: unanswered sanggah of the tenders it is named for (they block the award). */
export const evaluationTasks: DashboardDecl = {
  async tasks({ db, actor }) {
    if (!can(actor, 'evaluation:evaluate')) return [];
    const [row] = await db
      .select({ n: count(), oldest: min(evalSanggah.filedAt) })
      .from(evalSanggah)
      .innerJoin(
        tenderMembers,
        and(eq(tenderMembers.tenderId, evalSanggah.tenderId), eq(tenderMembers.userId, actor.userId)),
      )
      .where(isNull(evalSanggah.answeredAt));
    if (!row?.n) return [];
    return [{ labelKey: 'evaluation.task.sanggah', count: row.n, oldest: row.oldest, href: '/kelola/evaluasi' }];
  },
};

/** The tenders with opened bids that this Pokja member is named for, newest first. */
export async function myEvaluations(db: Db, userId: string) {
  return db
    .select({ id: tenders.id, kode: tenders.kode, nama: tenders.nama, bids: countDistinct(evalBids.vendorId) })
    .from(tenders)
    .innerJoin(tenderMembers, and(eq(tenderMembers.tenderId, tenders.id), eq(tenderMembers.userId, userId)))
    .innerJoin(evalBids, eq(evalBids.tenderId, tenders.id))
    .groupBy(tenders.id, tenders.kode, tenders.nama, tenders.announcedAt)
    .orderBy(tenders.announcedAt);
}
