import { and, count, eq, inArray, min, ne, or, sql } from 'drizzle-orm';
import { agenciesWhere, can } from '../../platform/auth/permissions.ts';
import type { DashboardDecl, DashboardTask } from '../../platform/module.ts';
import { sulapDocuments, sulapMembers, sulapPackages, sulapReviews } from './sulap.schema.ts';

/**
 * SULAP work queues: the PPK's packages with a document sent back, the Kepala UKPBJ's packages waiting for a Pokja,
 * and a Pokja member's documents waiting for their review (current version, no decision of theirs yet).
 */
export const sulapTasks: DashboardDecl = {
  async tasks({ db, actor }) {
    const out: DashboardTask[] = [];
    if (can(actor, 'sulap:prepare')) {
      const [r] = await db
        .select({ n: sql<number>`count(distinct ${sulapPackages.id})::int`, oldest: min(sulapDocuments.updatedAt) })
        .from(sulapPackages)
        .innerJoin(sulapDocuments, eq(sulapDocuments.packageId, sulapPackages.id))
        .where(
          and(
            eq(sulapPackages.ppkUserId, actor.userId),
            eq(sulapPackages.status, 'reviu'),
            or(eq(sulapDocuments.status, 'revisi'), eq(sulapDocuments.status, 'ditolak')),
          ),
        );
      out.push({ labelKey: 'sulap.task.toRevise', count: r?.n ?? 0, oldest: r?.oldest ?? null, href: '/sulap' });
    }
    const units = agenciesWhere(actor, 'sulap:assign');
    if (units === 'all' || units.length > 0) {
      const [r] = await db
        .select({ n: count(), oldest: min(sulapPackages.submittedAt) })
        .from(sulapPackages)
        .where(
          and(
            eq(sulapPackages.status, 'diajukan'),
            units === 'all' ? undefined : inArray(sulapPackages.ukpbjAgencyId, units),
          ),
        );
      out.push({ labelKey: 'sulap.task.toAssign', count: r?.n ?? 0, oldest: r?.oldest ?? null, href: '/sulap' });
    }
    if (can(actor, 'sulap:review')) {
      const [r] = await db
        .select({ n: count(), oldest: min(sulapDocuments.updatedAt) })
        .from(sulapDocuments)
        .innerJoin(sulapPackages, eq(sulapPackages.id, sulapDocuments.packageId))
        .innerJoin(
          sulapMembers,
          and(eq(sulapMembers.packageId, sulapPackages.id), eq(sulapMembers.userId, actor.userId)),
        )
        .leftJoin(
          sulapReviews,
          and(
            eq(sulapReviews.sulapDocumentId, sulapDocuments.id),
            eq(sulapReviews.version, sulapDocuments.currentVersion),
            eq(sulapReviews.reviewerUserId, actor.userId),
          ),
        )
        .where(
          and(
            eq(sulapPackages.status, 'reviu'),
            ne(sulapDocuments.currentVersion, 0),
            eq(sulapDocuments.status, 'diajukan'),
            sql`${sulapReviews.id} is null`,
          ),
        );
      out.push({ labelKey: 'sulap.task.toReview', count: r?.n ?? 0, oldest: r?.oldest ?? null, href: '/sulap' });
    }
    return out.filter((t) => t.count > 0);
  },
};
