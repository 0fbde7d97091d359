import { and, count, eq, isNotNull, min } from 'drizzle-orm';
import { can } from '../../platform/auth/permissions.ts';
import type { DashboardDecl, DashboardTask } from '../../platform/module.ts';
import { registrations } from './registration.schema.ts';

/**
 * What waits for the registration unit: submitted registrations (originals to check) and those sent back. The
 * Kepala LPSE holds `registration:read` too, so the head of the LPSE sees the unit's backlog on their own dashboard.
 */
export const registrationTasks: DashboardDecl = {
  async tasks({ db, actor }) {
    if (!can(actor, 'registration:read')) return [];
    const out: DashboardTask[] = [];
    const waiting = await db
      .select({ n: count(), oldest: min(registrations.submittedAt) })
      .from(registrations)
      .where(and(eq(registrations.status, 'submitted'), isNotNull(registrations.submittedAt)));
    out.push({
      labelKey: 'dashboard.task.registrationsWaiting',
      count: waiting[0]?.n ?? 0,
      oldest: waiting[0]?.oldest ?? null,
      href: '/verifikasi',
    });
    const revision = await db
      .select({ n: count(), oldest: min(registrations.updatedAt) })
      .from(registrations)
      .where(eq(registrations.status, 'revision'));
    out.push({
      labelKey: 'dashboard.task.registrationsRevision',
      count: revision[0]?.n ?? 0,
      oldest: revision[0]?.oldest ?? null,
      href: '/verifikasi?status=revision',
    });
    return out.filter((t) => t.count > 0);
  },
  emptyHints: { VERIFIKATOR: 'dashboard.empty.VERIFIKATOR', KEPALA_LPSE: 'dashboard.empty.KEPALA_LPSE' },
};
