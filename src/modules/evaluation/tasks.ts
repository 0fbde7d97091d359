import { and, asc, count, countDistinct, eq, inArray, isNull, min } from 'drizzle-orm';
import { agenciesWhere, can } from '../../platform/auth/permissions.ts';
import type { Db } from '../../platform/db/database.ts';
import type { DashboardDecl } from '../../platform/module.ts';
import { tenderMembers, tenders } from '../tenders/tenders.schema.ts';
import { evalBids, evalSanggah, evalSanggahBanding } from './evaluation.schema.ts';

/** The Pokja's queue: unanswered sanggah of the tenders it is named for (they block the award). */
export const evaluationTasks: DashboardDecl = {
  async tasks({ db, actor }) {
    const out = [];
    const agencies = agenciesWhere(actor, 'evaluation:answer_banding');
    if (agencies !== 'all' && agencies.length > 0) {
      // The PA/KPA's queue: appeals of its agencies' tenders (they hold the award).
      const waiting = await db
        .select({ tenderId: evalSanggahBanding.tenderId, filedAt: evalSanggahBanding.filedAt })
        .from(evalSanggahBanding)
        .innerJoin(tenders, eq(tenders.id, evalSanggahBanding.tenderId))
        .where(and(isNull(evalSanggahBanding.answeredAt), inArray(tenders.agencyId, agencies)))
        .orderBy(asc(evalSanggahBanding.filedAt));
      if (waiting.length > 0)
        out.push({
          labelKey: 'evaluation.task.banding',
          count: waiting.length,
          oldest: waiting[0]!.filedAt,
          href: `/kelola/sanggah-banding/${waiting[0]!.tenderId}`,
        });
    }
    if (!can(actor, 'evaluation:evaluate')) return out;
    const [row] = await db
      .select({ n: count(), oldest: min(evalSanggah.filedAt) })
      .from(evalSanggah)
      .innerJoin(
        tenderMembers,
        and(eq(tenderMembers.tenderId, evalSanggah.tenderId), eq(tenderMembers.userId, actor.userId)),
      )
      .where(isNull(evalSanggah.answeredAt));
    if (row?.n)
      out.push({ labelKey: 'evaluation.task.sanggah', count: row.n, oldest: row.oldest, href: '/kelola/evaluasi' });
    return out;
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
