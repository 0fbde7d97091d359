import { inArray, lt } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { dummyPasswordHash, sha256Hex, verifyPassword } from '../../../platform/auth/tokens.ts';
import { DAY, HOUR, MINUTE } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { findUserByUsername, type UserRow } from '../accounts.repository.ts';
import { loginThrottle } from '../accounts.schema.ts';

/** Failures allowed before the slowdown starts: per User ID, and per IP address (an office behind one NAT). */
export const FREE_FAILURES = 5;
export const IP_FREE_FAILURES = 15;
/** The first wait; each further failure doubles it, up to the cap. */
export const BASE_DELAY_MS = MINUTE;
export const MAX_DELAY_MS = HOUR;
/** Failures older than this are forgotten. */
export const FORGET_AFTER_MS = DAY;

/** How long further attempts are refused after the `failures`-th failure (0 while under the free allowance). */
export function delayAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (failures - free), MAX_DELAY_MS);
}

const userKey = (username: string) => sha256Hex(`user:${username}`);
const ipKey = (ip: string) => sha256Hex(`ip:${ip}`);

const throttled = (ctx: Ctx, until: Date) =>
  new AppError(
    'LOGIN_THROTTLED',
    429,
    'auth.login.throttled',
    { minutes: Math.max(1, Math.ceil((until.getTime() - ctx.clock.now().getTime()) / MINUTE)) },
    { field: 'username' },
  );

export interface PasswordAttempt {
  username: string;
  password: string;
  ip?: string;
  /** The form the attempt came through, for the audit trail. */
  via: 'masuk' | 'daftar/lanjut';
}

/**
 * The one password check behind every sign-in form. It refuses while the User ID or the IP address is slowed down,
 * verifies the password (against a dummy hash for an unknown User ID or an account without a password, so timing is
 * alike), records failures per User ID and per IP — for unknown IDs exactly as for real ones — and audits failures of
 * real accounts. The same answer (status, code, message) whether or not the User ID exists.
 *
 * Returns the user whose password matched; throws `invalid()` on a wrong password and LOGIN_THROTTLED (429) while
 * slowed down.
 */
export async function checkPassword(ctx: Ctx, input: PasswordAttempt, invalid: () => AppError): Promise<UserRow> {
  const now = ctx.clock.now();
  const username = input.username.trim().toLowerCase();
  const keys = [userKey(username), ...(input.ip ? [ipKey(input.ip)] : [])];
  const rows = await ctx.db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  const live = rows.filter((r) => now.getTime() - r.lastFailureAt.getTime() < FORGET_AFTER_MS);
  const blockedUntil = live
    .map((r) => r.blockedUntil)
    .filter((d): d is Date => !!d && d > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (blockedUntil) throw throttled(ctx, blockedUntil);

  const user = await findUserByUsername(ctx.db, username);
  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, input.password);
  else await verifyPassword(await dummyPasswordHash(), input.password);
  if (ok && user) {
    // A right password clears the account's count (not the address's: one valid account must not reset a sweep).
    await ctx.db.delete(loginThrottle).where(inArray(loginThrottle.key, [userKey(username)]));
    return user;
  }

  await ctx.db.transaction(async (tx) => {
    const failures = await recordFailure(tx, userKey(username), FREE_FAILURES, live, now);
    if (input.ip) await recordFailure(tx, ipKey(input.ip), IP_FREE_FAILURES, live, now);
    await tx.delete(loginThrottle).where(lt(loginThrottle.lastFailureAt, new Date(now.getTime() - FORGET_AFTER_MS)));
    if (!user) return;
    const actor = { userId: user.id, name: user.name, role: null };
    const summary = { failedAttempts: failures, ip: input.ip ?? null, via: input.via };
    await recordAudit(
      tx,
      { ...auditContext(ctx), actor },
      failures >= FREE_FAILURES
        ? { action: 'auth.account_locked', objectType: 'user', objectId: user.id, summary }
        : { action: 'auth.login_failed', objectType: 'user', objectId: user.id, summary },
    );
  });
  throw invalid();
}

async function recordFailure(
  tx: Db,
  key: string,
  free: number,
  live: (typeof loginThrottle.$inferSelect)[],
  now: Date,
): Promise<number> {
  const failures = (live.find((r) => r.key === key)?.failures ?? 0) + 1;
  const delay = delayAfter(failures, free);
  const values = { failures, lastFailureAt: now, blockedUntil: delay ? new Date(now.getTime() + delay) : null };
  await tx
    .insert(loginThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: loginThrottle.key, set: values });
  return failures;
}

/** A password reset by e-mail proves the account is the person's own: their User ID is no longer slowed down. */
export async function clearThrottleOf(tx: Db, username: string) {
  await tx.delete(loginThrottle).where(inArray(loginThrottle.key, [userKey(username)]));
}
