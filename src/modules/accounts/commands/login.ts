import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { createSession } from '../../../platform/auth/session.ts';
import { dummyPasswordHash, verifyPassword } from '../../../platform/auth/tokens.ts';
import { MINUTE } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { findUserByUsername } from '../accounts.repository.ts';
import { users } from '../accounts.schema.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * MINUTE;

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 401, 'auth.login.invalid');

/**
 * Checks User ID and password (R37). Five wrong passwords in a row lock the account for 15 minutes; every attempt,
 * failed or not, is in the audit trail. The same answer for an unknown user and a wrong password.
 */
export async function login(
  ctx: Ctx,
  input: { username: string; password: string; userAgent?: string; ip?: string },
): Promise<{ token: string; userId: string }> {
  const user = await findUserByUsername(ctx.db, input.username);
  const now = ctx.clock.now();
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw invalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', 423, 'auth.login.locked', {
      until: formatDateTime(user.lockedUntil, ctx.locale),
    });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  const actor = { userId: user.id, name: user.name, role: null };
  if (!ok) {
    const failed = user.failedLogins + 1;
    const lock = failed >= MAX_FAILED_LOGINS;
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedLogins: lock ? 0 : failed,
          lockedUntil: lock ? new Date(now.getTime() + LOCKOUT_MS) : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      await recordAudit(
        tx,
        { ...auditContext(ctx), actor },
        {
          action: lock ? 'auth.account_locked' : 'auth.login_failed',
          objectType: 'user',
          objectId: user.id,
          summary: { failedAttempts: failed, ip: input.ip ?? null },
        },
      );
    });
    throw invalidCredentials();
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_INACTIVE', 403, 'auth.login.inactive');
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const { token, sessionId } = await createSession(tx, ctx.clock, user.id, input);
    await recordAudit(
      tx,
      { ...auditContext(ctx), actor },
      {
        action: 'auth.login',
        objectType: 'session',
        objectId: sessionId.slice(0, 16),
        summary: { ip: input.ip ?? null },
      },
    );
    return { token, userId: user.id };
  });
}
