import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessions, userRoles, users } from '../../modules/accounts/accounts.schema.ts';
import type { Clock } from '../clock.ts';
import { DAY, HOUR, MINUTE } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Actor } from './permissions.ts';
import { isRole } from './roles.ts';
import { randomToken, sha256Hex } from './tokens.ts';

export const SESSION_COOKIE = 'lpse_sesi';
/** A session ends after 8 idle hours and at most 7 days after it began. */
const IDLE_MS = 8 * HOUR;
const ABSOLUTE_MS = 7 * DAY;
// Writing last_seen_at on every request would turn every page view into a write; once a minute is enough.
const TOUCH_EVERY_MS = MINUTE;

export async function createSession(
  db: Db,
  clock: Clock,
  userId: string,
  meta: { userAgent?: string; ip?: string },
): Promise<{ token: string; sessionId: string }> {
  const token = randomToken();
  const now = clock.now();
  const sessionId = sha256Hex(token);
  await db.insert(sessions).values({
    id: sessionId,
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_MS),
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip ?? null,
  });
  return { token, sessionId };
}

/** Resolves the cookie to the signed-in person, or null for an unknown, expired, revoked or inactive session. */
export async function loadActor(db: Db, clock: Clock, token: string | undefined): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const now = clock.now();
  const sessionId = sha256Hex(token);
  // One round trip for the session, its person and the roles: every request asks, and at a bid deadline hundreds do
  // at once while the event loop is busy with their uploads, so each round trip waits its turn.
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      roles: sql<{ role: string; agencyId: string | null }[]>`coalesce((
        select json_agg(json_build_object('role', ${userRoles.role}, 'agencyId', ${userRoles.agencyId}))
        from ${userRoles} where ${userRoles.userId} = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  if (row?.user.status !== 'active') return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > IDLE_MS) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  const roles = row.roles;
  return {
    userId: row.user.id,
    username: row.user.username,
    name: row.user.name,
    email: row.user.email,
    roles: roles.flatMap((r) => (isRole(r.role) ? [{ role: r.role, agencyId: r.agencyId }] : [])),
    sessionId,
  };
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: ABSOLUTE_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
