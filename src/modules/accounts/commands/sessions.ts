import { and, eq, isNull, ne } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { notFound, unauthenticated } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { sessions } from '../accounts.schema.ts';

/** Ends a session of the signed-in person: the current one (logout) or another of their own devices. */
export async function revokeSession(ctx: Ctx, sessionId: string, reason: 'logout' | 'revoked') {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (!/^[0-9a-f]{64}$/.test(sessionId)) throw notFound();
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(sessions)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, actor.userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (rows.length === 0) throw notFound();
    const event = { objectType: 'session', objectId: sessionId.slice(0, 16), summary: {} };
    if (reason === 'logout') await recordAudit(tx, auditContext(ctx), { action: 'auth.logout', ...event });
    else await recordAudit(tx, auditContext(ctx), { action: 'auth.session_revoked', ...event });
  });
}

/** Closes every session of a user but one: after a password change, stolen sessions must die. */
export async function revokeOtherSessions(tx: Db, userId: string, keepSessionId: string | null, at: Date) {
  const where = keepSessionId
    ? and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, keepSessionId))
    : and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
  await tx.update(sessions).set({ revokedAt: at }).where(where);
}
