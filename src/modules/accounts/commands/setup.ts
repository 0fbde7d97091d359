import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { hashPassword, sha256Hex } from '../../../platform/auth/tokens.ts';
import { type Clock, DAY } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { consumeToken, countUsers, findUsableToken } from '../accounts.repository.ts';
import { oneTimeTokens, userRoles, users } from '../accounts.schema.ts';
import { issueToken } from './tokens.ts';

/**
 * No default passwords: while there is no user, every start issues a fresh one-time setup token (older ones are
 * withdrawn) and the console prints its link. Returns undefined once a user exists.
 */
export async function issueSetupTokenIfNoUsers(db: Db, clock: Clock): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    if ((await countUsers(tx)) > 0) return undefined;
    await tx.delete(oneTimeTokens).where(eq(oneTimeTokens.purpose, 'setup'));
    return issueToken(tx, clock, { purpose: 'setup', ttlMs: 7 * DAY });
  });
}

export const setupTokenInvalid = () => new AppError('SETUP_TOKEN_INVALID', 410, 'auth.setup.invalid');

export async function assertSetupTokenUsable(db: Db, clock: Clock, token: string) {
  if (!(await findUsableToken(db, sha256Hex(token), 'setup', clock.now()))) throw setupTokenInvalid();
}

/** Creates the first System Administrator (Unit Administrasi Sistem Elektronik) and burns the setup token. */
export async function createFirstAdmin(
  ctx: Ctx,
  input: { token: string; name: string; username: string; email: string; password: string },
) {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const tokenHash = sha256Hex(input.token);
    if (!(await findUsableToken(tx, tokenHash, 'setup', now))) throw setupTokenInvalid();
    if ((await countUsers(tx)) > 0 || !(await consumeToken(tx, tokenHash, now))) throw setupTokenInvalid();
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        name: input.name,
        email: input.email,
        passwordHash,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(userRoles).values({ userId: user!.id, role: 'ADMIN_SISTEM', createdAt: now });
    await recordAudit(tx, auditContext(ctx), {
      action: 'setup.first_admin_created',
      objectType: 'user',
      objectId: user!.id,
      summary: { username: input.username, role: 'ADMIN_SISTEM' },
    });
    return user!;
  });
}
