import { and, count, eq, isNull, min } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { DashboardDecl } from '../../platform/module.ts';
import { vendors } from '../registration/registration.schema.ts';
import { tenderInvitations, tenderMembers, tenderQuestions, tenders } from './tenders.schema.ts';

type TaskDb = Parameters<DashboardDecl['tasks']>[0]['db'];

/** The vendor's queue: Pengadaan Langsung invitations not yet accepted (accepting = joining with the Pakta). */
async function invitationTasks(db: TaskDb, userId: string) {
  const rows = await db
    .select({ kode: tenders.kode, invitedAt: tenderInvitations.invitedAt })
    .from(tenderInvitations)
    .innerJoin(vendors, eq(vendors.id, tenderInvitations.vendorId))
    .innerJoin(tenders, eq(tenders.id, tenderInvitations.tenderId))
    .where(and(eq(vendors.userId, userId), isNull(tenderInvitations.acceptedAt), eq(tenders.status, 'berlangsung')))
    .orderBy(tenderInvitations.invitedAt);
  if (rows.length === 0) return [];
  return [
    {
      labelKey: 'dashboard.task.tenderInvitations' as const,
      count: rows.length,
      oldest: rows[0]!.invitedAt,
      href: `/tender/${rows[0]!.kode}/ikut`,
    },
  ];
}

/** The Pokja's queue: unanswered aanwijzing questions of the tenders it is named for (they hold the upload stage). */
export const tenderTasks: DashboardDecl = {
  async tasks({ db, actor }) {
    if (can(actor, 'tenders:participate')) return invitationTasks(db, actor.userId);
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
