import { recordAudit } from '../../../platform/audit/audit.ts';
import { createSession } from '../../../platform/auth/session.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { checkPassword } from './password-check.ts';

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', 401, 'auth.login.invalid', {}, { field: 'username' });

/**
 * Checks User ID and password (R37) through the shared password check (per-account and per-IP slowdown, the same
 * answer for unknown User IDs); every failure of a real account is in the audit trail.
 */
export async function login(
  ctx: Ctx,
  input: { username: string; password: string; userAgent?: string; ip?: string },
): Promise<{ token: string; userId: string }> {
  const user = await checkPassword(
    ctx,
    { username: input.username, password: input.password, ip: input.ip, via: 'masuk' },
    invalidCredentials,
  );
  const actor = { userId: user.id, name: user.name, role: null };
  // A registrant whose registration is a draft or waits for verification: tell them where they are, not "inactive".
  if (user.status === 'pending')
    throw new AppError('ACCOUNT_PENDING', 403, 'auth.login.pendingRegistration', {}, { field: 'username' });
  if (user.status !== 'active')
    throw new AppError('ACCOUNT_INACTIVE', 403, 'auth.login.inactive', {}, { field: 'username' });
  return ctx.db.transaction(async (tx) => {
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
