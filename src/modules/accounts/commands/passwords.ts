import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { hashPassword, sha256Hex, verifyPassword } from '../../../platform/auth/tokens.ts';
import { HOUR } from '../../../platform/clock.ts';
import { AppError, unauthenticated } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { consumeToken, findActiveUserByEmail, findUsableToken, findUserById } from '../accounts.repository.ts';
import { oneTimeTokens, users } from '../accounts.schema.ts';
import { clearThrottleOf } from './password-check.ts';
import { revokeOtherSessions } from './sessions.ts';
import { issueToken } from './tokens.ts';

export const RESET_TTL_MS = HOUR;

export async function changePassword(ctx: Ctx, input: { current: string; password: string }) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const user = await findUserById(ctx.db, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.current))) {
    throw new AppError('WRONG_PASSWORD', 400, 'auth.password.wrongCurrent', {}, { field: 'current' });
  }
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    await revokeOtherSessions(tx, user.id, actor.sessionId, now);
    await recordAudit(tx, auditContext(ctx), {
      action: 'auth.password_changed',
      objectType: 'user',
      objectId: user.id,
      summary: {},
    });
  });
}

/**
 * Sends a single-use reset link valid for one hour. Asking again keeps the earlier links (mail can be slow or arrive
 * out of order, and the person uses whichever arrives first); using any one of them cancels all the others. The answer is the same whether or not the address exists, so
 * the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(ctx: Ctx, input: { email: string }) {
  const user = await findActiveUserByEmail(ctx.db, input.email);
  if (!user) return;
  await ctx.db.transaction(async (tx) => {
    const token = await issueToken(tx, ctx.clock, { purpose: 'password_reset', ttlMs: RESET_TTL_MS, userId: user.id });
    const link = `${ctx.config.baseUrl}/kata-sandi/atur-ulang?token=${token}`;
    await enqueueMail(tx, ctx.clock, {
      to: user.email,
      subject: ctx.t('auth.reset.mail.subject'),
      text: ctx.t('auth.reset.mail.body', {
        name: user.name,
        username: user.username,
        link,
        lpse: ctx.config.lpseName,
      }),
    });
    await recordAudit(
      tx,
      { ...auditContext(ctx), actor: { userId: user.id, name: user.name, role: null } },
      {
        action: 'auth.password_reset_requested',
        objectType: 'user',
        objectId: user.id,
        summary: {},
      },
    );
  });
}

export const resetTokenInvalid = () => new AppError('RESET_TOKEN_INVALID', 410, 'auth.reset.invalid');

export async function assertResetTokenUsable(ctx: Ctx, token: string) {
  if (!(await findUsableToken(ctx.db, sha256Hex(token), 'password_reset', ctx.clock.now()))) throw resetTokenInvalid();
}

/** Sets a new password from a reset (or first-password) link; the link works once, and all sessions are closed. */
export async function resetPassword(ctx: Ctx, input: { token: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const tokenHash = sha256Hex(input.token);
    const row = await findUsableToken(tx, tokenHash, 'password_reset', now);
    if (!row?.userId || !(await consumeToken(tx, tokenHash, now))) throw resetTokenInvalid();
    const [user] = await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: now })
      .where(eq(users.id, row.userId))
      .returning({ username: users.username });
    if (user) await clearThrottleOf(tx, user.username);
    // Every other outstanding link of this person (older resets, an unused welcome link) dies with this one: a link
    // lying in a mailbox must not reset the password again later.
    await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(oneTimeTokens.userId, row.userId),
          eq(oneTimeTokens.purpose, 'password_reset'),
          isNull(oneTimeTokens.usedAt),
        ),
      );
    await revokeOtherSessions(tx, row.userId, null, now);
    await recordAudit(
      tx,
      { ...auditContext(ctx), actor: { userId: row.userId, name: null, role: null } },
      {
        action: 'auth.password_reset',
        objectType: 'user',
        objectId: row.userId,
        summary: {},
      },
    );
  });
}
