import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { isRole, type Role } from '../../../platform/auth/roles.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, assertUuid, notFound, unauthenticated } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { translator } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { roleGrantRequests, users } from '../accounts.schema.ts';
import { approverRoleFor, insertRoleTx, recheckGrantTx } from './users.ts';

const requester = alias(users, 'requester');
const grantee = alias(users, 'grantee');

/** Pending LPSE-unit role grants, oldest first; for one person when `userId` is given. */
export async function pendingRoleGrants(db: Db, userId?: string) {
  return db
    .select({
      id: roleGrantRequests.id,
      userId: roleGrantRequests.userId,
      role: roleGrantRequests.role,
      requestedBy: roleGrantRequests.requestedBy,
      requestedAt: roleGrantRequests.requestedAt,
      granteeName: grantee.name,
      granteeUsername: grantee.username,
      requesterName: requester.name,
    })
    .from(roleGrantRequests)
    .innerJoin(grantee, eq(grantee.id, roleGrantRequests.userId))
    .innerJoin(requester, eq(requester.id, roleGrantRequests.requestedBy))
    .where(and(eq(roleGrantRequests.status, 'pending'), userId ? eq(roleGrantRequests.userId, userId) : undefined))
    .orderBy(asc(roleGrantRequests.requestedAt));
}
export type PendingRoleGrant = Awaited<ReturnType<typeof pendingRoleGrants>>[number];

/**
 * Whether `actor` may decide this request: they hold the approving role for it, and they are neither the person who
 * asked for it nor the person who would get it.
 */
export function canDecide(
  actor: Ctx['actor'],
  request: { role: string; userId: string; requestedBy: string },
): boolean {
  if (!actor || !isRole(request.role)) return false;
  if (actor.userId === request.requestedBy || actor.userId === request.userId) return false;
  const needed = approverRoleFor(request.role);
  return actor.roles.some((r) => r.role === needed);
}

const notAllowed = (ctx: Ctx, role: Role) =>
  new AppError('ROLE_GRANT_APPROVER', 403, 'roleGrants.notAllowed', { approver: ctx.t(`role.${role}`) });

/** Loads a pending request and checks that the actor may decide it (both inside the deciding transaction). */
async function pendingRequestFor(tx: Db, ctx: Ctx, requestId: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  assertUuid(requestId);
  const [request] = await tx
    .select()
    .from(roleGrantRequests)
    .where(and(eq(roleGrantRequests.id, requestId), eq(roleGrantRequests.status, 'pending')));
  if (!request || !isRole(request.role)) throw notFound();
  if (!canDecide(actor, request)) throw notAllowed(ctx, approverRoleFor(request.role));
  return { request, role: request.role as Role, actor };
}

/** Marks a request decided; `status = 'pending'` in the condition makes a double submit decide it once. */
async function decide(tx: Db, ctx: Ctx, requestId: string, status: 'approved' | 'rejected', by: string) {
  const rows = await tx
    .update(roleGrantRequests)
    .set({ status, decidedBy: by, decidedAt: ctx.clock.now() })
    .where(and(eq(roleGrantRequests.id, requestId), eq(roleGrantRequests.status, 'pending')))
    .returning({ id: roleGrantRequests.id });
  if (rows.length !== 1) throw notFound();
}

/**
 * The second person approves an LPSE-unit role grant: the role takes effect, the holder is told by e-mail (in their
 * language, in the same transaction), and the approval and the grant are audited.
 */
export async function approveRoleGrant(ctx: Ctx, requestId: string) {
  assertCan(ctx.actor, 'role-grants:approve');
  return ctx.db.transaction(async (tx) => {
    const { request, role, actor } = await pendingRequestFor(tx, ctx, requestId);
    const { user, agencyId } = await recheckGrantTx(tx, ctx, { userId: request.userId, role, agencyId: null });
    await decide(tx, ctx, request.id, 'approved', actor.userId);
    await recordAudit(tx, auditContext(ctx), {
      action: 'user.role_grant_approved',
      objectType: 'user',
      objectId: request.userId,
      summary: { role, requestId: request.id, requestedBy: request.requestedBy },
    });
    await insertRoleTx(tx, ctx, { userId: request.userId, role, agencyId, requestId: request.id });
    const t = translator(user.locale);
    await enqueueMail(tx, ctx.clock, {
      to: user.email,
      subject: t('roleGrants.mail.subject', { role: t(`role.${role}`) }),
      text: t('roleGrants.mail.body', {
        name: user.name,
        role: t(`role.${role}`),
        link: `${ctx.config.baseUrl}/masuk`,
        lpse: ctx.config.lpseName,
      }),
    });
    return { userId: request.userId, role };
  });
}

/** The second person refuses an LPSE-unit role grant; nothing is given, the refusal is audited. */
export async function rejectRoleGrant(ctx: Ctx, requestId: string) {
  assertCan(ctx.actor, 'role-grants:approve');
  return ctx.db.transaction(async (tx) => {
    const { request, role, actor } = await pendingRequestFor(tx, ctx, requestId);
    await decide(tx, ctx, request.id, 'rejected', actor.userId);
    await recordAudit(tx, auditContext(ctx), {
      action: 'user.role_grant_rejected',
      objectType: 'user',
      objectId: request.userId,
      summary: { role, requestId: request.id, requestedBy: request.requestedBy },
    });
    return { userId: request.userId, role };
  });
}
