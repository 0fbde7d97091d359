import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { isLpseTeamRole, isRole, type Role, separationOfDutiesConflict } from '../../../platform/auth/roles.ts';
import { DAY } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, assertUuid, badRequest, conflict, notFound, unauthenticated } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { type Translate, translator } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { agencies, lpseDecrees } from '../../organisation/organisation.schema.ts';
import { findUserById, findUserByUsername } from '../accounts.repository.ts';
import { roleGrantRequests, userRoles, users } from '../accounts.schema.ts';
import { issueToken } from './tokens.ts';

export interface NewUser {
  username: string;
  name: string;
  email: string;
  nip: string | null;
  position: string | null;
  role?: Role | null;
  agencyId?: string | null;
}

/**
 * The admin creates an account without a password (there are no default passwords): the person sets their own
 * through a 72-hour single-use link sent by e-mail.
 */
export async function createUser(ctx: Ctx, input: NewUser) {
  assertCan(ctx.actor, 'users:manage');
  return ctx.db.transaction(async (tx) => {
    if (await findUserByUsername(tx, input.username))
      throw conflict('USERNAME_TAKEN', 'auth.usernameTaken', {}, { field: 'username' });
    const now = ctx.clock.now();
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        name: input.name,
        email: input.email,
        nip: input.nip,
        position: input.position,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, auditContext(ctx), {
      action: 'user.created',
      objectType: 'user',
      objectId: user!.id,
      summary: { after: { username: user!.username, name: user!.name, email: user!.email, nip: user!.nip } },
    });
    if (input.role)
      await grantRoleTx(tx, ctx, { userId: user!.id, role: input.role, agencyId: input.agencyId ?? null });
    const token = await issueToken(tx, ctx.clock, { purpose: 'password_reset', ttlMs: 3 * DAY, userId: user!.id });
    // In the recipient's language (their `locale`), not the admin's.
    await enqueueMail(tx, ctx.clock, welcomeMail(translator(user!.locale), ctx.config, user!, token));
    return user!;
  });
}

function welcomeMail(
  t: Translate,
  config: { baseUrl: string; lpseName: string },
  user: { email: string; name: string; username: string },
  token: string,
) {
  return {
    to: user.email,
    subject: t('users.welcome.subject'),
    text: t('users.welcome.body', {
      name: user.name,
      username: user.username,
      link: `${config.baseUrl}/kata-sandi/atur-ulang?token=${token}`,
      lpse: config.lpseName,
    }),
  };
}

export interface RoleGrant {
  userId: string;
  role: Role;
  agencyId: string | null;
}

/**
 * LPSE-unit roles take effect only when a second person approves them (two-person rule). All five LPSE-team roles
 * are in: each is global in scope (it reaches every agency's data), each may look up every account with its NIP and
 * e-mail (`users:read`), and all of them are appointed together by the Kepala LPSE's decree (SK Tim LPSE), so the
 * Kepala LPSE confirming the appointment matches how the team is formed. Agency roles and PENYEDIA stay one-step:
 * they are scoped to one agency or to the holder's own records.
 */
export const needsSecondApproval = (role: Role) => isLpseTeamRole(role);

/** Who approves a grant of `role`: another Admin Sistem for the Kepala LPSE, the Kepala LPSE for the rest. */
export const approverRoleFor = (role: Role): Role => (role === 'KEPALA_LPSE' ? 'ADMIN_SISTEM' : 'KEPALA_LPSE');

export const selfGrantRefused = () => new AppError('ROLE_SELF_GRANT', 403, 'users.selfGrant', {}, { field: 'role' });

/** The checks every grant passes, whether it takes effect now or waits for approval. */
async function checkGrant(tx: Db, ctx: Ctx, input: RoleGrant) {
  if (!isRole(input.role)) throw badRequest('ROLE_UNKNOWN', 'validation.role', {}, { field: 'role' });
  // Nobody gives a role to themselves: not even the Admin Sistem, who could otherwise read every KTP as Verifikator.
  if (ctx.actor && ctx.actor.userId === input.userId) throw selfGrantRefused();
  const user = await findUserById(tx, input.userId);
  if (!user) throw notFound();
  const lpseRole = isLpseTeamRole(input.role);
  // LPSE-team roles belong to the LPSE itself; every other role acts for an agency.
  const agencyId = lpseRole ? null : input.agencyId;
  if (!lpseRole && input.role !== 'PENYEDIA' && input.role !== 'BUPATI' && !agencyId) {
    throw badRequest('AGENCY_REQUIRED', 'users.agencyRequired', {}, { field: 'agencyId' });
  }
  if (agencyId) {
    const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
    if (!agency) throw badRequest('AGENCY_UNKNOWN', 'validation.agency', {}, { field: 'agencyId' });
  }
  const held = await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, input.userId));
  const heldRoles = held.map((h) => h.role).filter(isRole);
  const clash = separationOfDutiesConflict(heldRoles, input.role);
  if (clash) {
    const held = ctx.t(`role.${clash}`);
    throw new AppError('SEPARATION_OF_DUTIES', 409, 'users.sodConflict', { held }, { field: 'role' });
  }
  const [existing] = await tx
    .select({ id: userRoles.id })
    .from(userRoles)
    .where(
      and(
        eq(userRoles.userId, input.userId),
        eq(userRoles.role, input.role),
        agencyId ? eq(userRoles.agencyId, agencyId) : undefined,
      ),
    );
  if (existing) throw conflict('ROLE_EXISTS', 'users.roleExists', {}, { field: 'role' });
  return { user, agencyId, lpseRole };
}

export type GrantOutcome = { status: 'granted'; roleId: string } | { status: 'pending'; requestId: string };

/**
 * Gives a role, refusing a grant to oneself and combinations forbidden by Pasal 13(3) (R22). An LPSE-unit role is
 * not given yet: it becomes a pending request that a second person approves (`approveRoleGrant`). Used inside an open
 * transaction.
 */
export async function grantRoleTx(tx: Db, ctx: Ctx, input: RoleGrant): Promise<GrantOutcome> {
  const { agencyId } = await checkGrant(tx, ctx, input);
  if (!needsSecondApproval(input.role)) {
    const row = await insertRoleTx(tx, ctx, { ...input, agencyId });
    return { status: 'granted', roleId: row.id };
  }
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const [open] = await tx
    .select({ id: roleGrantRequests.id })
    .from(roleGrantRequests)
    .where(
      and(
        eq(roleGrantRequests.userId, input.userId),
        eq(roleGrantRequests.role, input.role),
        eq(roleGrantRequests.status, 'pending'),
      ),
    );
  if (open) throw conflict('ROLE_GRANT_PENDING', 'users.grantPending', {}, { field: 'role' });
  const [request] = await tx
    .insert(roleGrantRequests)
    .values({
      userId: input.userId,
      role: input.role,
      agencyId,
      requestedBy: actor.userId,
      requestedAt: ctx.clock.now(),
    })
    .returning({ id: roleGrantRequests.id });
  await recordAudit(tx, auditContext(ctx), {
    action: 'user.role_grant_requested',
    objectType: 'user',
    objectId: input.userId,
    summary: { role: input.role, requestId: request!.id, approverRole: approverRoleFor(input.role) },
  });
  return { status: 'pending', requestId: request!.id };
}

/** Writes the role itself (after all checks and, for LPSE-unit roles, the second person's approval). */
export async function insertRoleTx(tx: Db, ctx: Ctx, input: RoleGrant & { requestId?: string }) {
  const lpseRole = isLpseTeamRole(input.role);
  const [decree] = lpseRole
    ? await tx
        .select({ id: lpseDecrees.id })
        .from(lpseDecrees)
        .where(eq(lpseDecrees.active, true))
        .orderBy(desc(lpseDecrees.decreeDate))
        .limit(1)
    : [];
  const [row] = await tx
    .insert(userRoles)
    .values({
      userId: input.userId,
      role: input.role,
      agencyId: input.agencyId,
      decreeId: decree?.id ?? null,
      createdAt: ctx.clock.now(),
    })
    .returning();
  await recordAudit(tx, auditContext(ctx), {
    action: 'user.role_granted',
    objectType: 'user',
    objectId: input.userId,
    summary: {
      role: input.role,
      agencyId: input.agencyId,
      decreeId: decree?.id ?? null,
      ...(input.requestId ? { requestId: input.requestId } : {}),
    },
  });
  return row!;
}

/** Re-runs the grant checks at approval time (a clash may have appeared while the request waited). */
export const recheckGrantTx = (tx: Db, ctx: Ctx, input: RoleGrant) => checkGrant(tx, ctx, input);

export async function grantRole(ctx: Ctx, input: RoleGrant): Promise<GrantOutcome> {
  assertCan(ctx.actor, 'users:manage');
  try {
    return await ctx.db.transaction((tx) => grantRoleTx(tx, ctx, input));
  } catch (err) {
    // A refused self-grant is worth a line in the audit trail: the attempt itself is the signal.
    if (err instanceof AppError && err.code === 'ROLE_SELF_GRANT') {
      await ctx.db.transaction((tx) =>
        recordAudit(tx, auditContext(ctx), {
          action: 'user.role_self_grant_refused',
          objectType: 'user',
          objectId: input.userId,
          summary: { role: input.role },
        }),
      );
    }
    throw err;
  }
}

export async function revokeRole(ctx: Ctx, input: { userId: string; roleId: string }) {
  assertCan(ctx.actor, 'users:manage');
  assertUuid(input.userId);
  assertUuid(input.roleId);
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .delete(userRoles)
      .where(and(eq(userRoles.id, input.roleId), eq(userRoles.userId, input.userId)))
      .returning();
    const removed = rows[0];
    if (!removed) throw notFound();
    await recordAudit(tx, auditContext(ctx), {
      action: 'user.role_revoked',
      objectType: 'user',
      objectId: input.userId,
      summary: { before: { role: removed.role, agencyId: removed.agencyId } },
    });
  });
}
