import { and, eq, gt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { randomToken, sha256Hex } from '../../platform/auth/tokens.ts';
import { type Clock, DAY } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { unauthenticated } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { users } from '../accounts/accounts.schema.ts';
import type { RegistrationRow } from './registration.repository.ts';
import { registrationSessions, registrations } from './registration.schema.ts';

export const REGISTRANT_COOKIE = 'lpse_daftar';
const REGISTRANT_TTL_MS = 7 * DAY;

/**
 * The person filling in a registration. Their User ID is still pending (login refuses it, R33), so they reach their
 * own draft through a separate, narrow session that opens nothing else.
 */
export interface Registrant {
  registration: RegistrationRow;
  userId: string;
  name: string;
  email: string;
  locale: 'id' | 'en';
}

export async function createRegistrantSession(tx: Db, clock: Clock, registrationId: string): Promise<string> {
  const token = randomToken();
  const now = clock.now();
  await tx.insert(registrationSessions).values({
    id: sha256Hex(token),
    registrationId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + REGISTRANT_TTL_MS),
  });
  return token;
}

export async function loadRegistrant(db: Db, clock: Clock, token: string | undefined): Promise<Registrant | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ registration: registrations, user: users })
    .from(registrationSessions)
    .innerJoin(registrations, eq(registrations.id, registrationSessions.registrationId))
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(and(eq(registrationSessions.id, sha256Hex(token)), gt(registrationSessions.expiresAt, clock.now())))
    .limit(1);
  if (!row) return null;
  return {
    registration: row.registration,
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    locale: row.user.locale,
  };
}

/** The registrant, or 401 with a pointer to the resume page. */
export async function requireRegistrant(req: FastifyRequest): Promise<Registrant> {
  const r = await loadRegistrant(req.ctx.db, req.ctx.clock, req.cookies[REGISTRANT_COOKIE]);
  if (!r) throw unauthenticated();
  return r;
}

/**
 * Ends the registrant's session on the server and in the browser: applicants often fill the form on a shared
 * computer (an internet café, the LPSE bidding room), and the draft holds their KTP.
 */
export async function endRegistrantSession(req: FastifyRequest, reply: FastifyReply) {
  const token = req.cookies[REGISTRANT_COOKIE];
  if (token && token.length <= 100) {
    await req.ctx.db.delete(registrationSessions).where(eq(registrationSessions.id, sha256Hex(token)));
  }
  reply.clearCookie(REGISTRANT_COOKIE, { path: '/daftar' });
}

/** For pages: the registrant, or a redirect to the resume form (not the sign-in form, which refuses pending IDs). */
export async function registrantOrResume(req: FastifyRequest, reply: FastifyReply): Promise<Registrant | null> {
  const r = await loadRegistrant(req.ctx.db, req.ctx.clock, req.cookies[REGISTRANT_COOKIE]);
  if (!r) await reply.code(303).header('location', '/daftar/lanjut').send();
  return r;
}

export function setRegistrantCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(REGISTRANT_COOKIE, token, {
    path: '/daftar',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: REGISTRANT_TTL_MS / 1000,
  });
}

/** The audit actor for a registrant: their own (pending) user. */
export function registrantAudit(ctx: Ctx, r: { userId: string; name: string }): AuditContext {
  return { clock: ctx.clock, requestId: ctx.requestId, actor: { userId: r.userId, name: r.name, role: 'PENDAFTAR' } };
}
