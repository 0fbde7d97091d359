import { and, asc, count, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/errors.ts';
import { agencies } from '../organisation/organisation.schema.ts';
import { oneTimeTokens, sessions, userRoles, users } from './accounts.schema.ts';

export type UserRow = typeof users.$inferSelect;
export type TokenPurpose = (typeof oneTimeTokens.$inferSelect)['purpose'];

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0);
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findActiveUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), eq(users.status, 'active')))
    .limit(1);
  return row;
}

/** The roles of many users at once, with their agency's name: the user list's "Peran dan instansi" column. */
export async function rolesOfUsers(db: Db, userIds: string[]) {
  const out = new Map<string, { role: string; agency: string | null }[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select({ userId: userRoles.userId, role: userRoles.role, agency: agencies.name })
    .from(userRoles)
    .leftJoin(agencies, eq(agencies.id, userRoles.agencyId))
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.role));
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), { role: r.role, agency: r.agency }]);
  return out;
}

export async function listUsers(db: Db, search?: string) {
  const where = search ? or(ilike(users.name, `%${search}%`), ilike(users.username, `%${search}%`)) : undefined;
  return db.select().from(users).where(where).orderBy(asc(users.name)).limit(500);
}

export async function rolesOfUser(db: Db, userId: string) {
  return db
    .select({
      id: userRoles.id,
      role: userRoles.role,
      agencyId: userRoles.agencyId,
      agencyName: agencies.name,
      decreeId: userRoles.decreeId,
    })
    .from(userRoles)
    .leftJoin(agencies, eq(agencies.id, userRoles.agencyId))
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.createdAt));
}

export async function sessionsOfUser(db: Db, userId: string) {
  return db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(asc(sessions.createdAt));
}

/** Finds a usable one-time token: right purpose, not used, not expired. */
export async function findUsableToken(db: Db, tokenHash: string, purpose: TokenPurpose, now: Date) {
  const [row] = await db
    .select()
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.tokenHash, tokenHash), eq(oneTimeTokens.purpose, purpose)));
  if (!row || row.usedAt || row.expiresAt <= now) return undefined;
  return row;
}

/**
 * Marks a token used. The `used_at is null` condition makes it safe against a double submit: only one of two
 * concurrent requests gets the row back.
 */
export async function consumeToken(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.tokenHash, tokenHash), isNull(oneTimeTokens.usedAt)))
    .returning({ h: oneTimeTokens.tokenHash });
  return rows.length === 1;
}

/**
 * Counts a refused try made with a token; the try that reaches `max` uses the token up. Returns whether the token is
 * still usable afterwards.
 */
export async function countTokenAttempt(db: Db, tokenHash: string, max: number, now: Date): Promise<boolean> {
  const [row] = await db
    .update(oneTimeTokens)
    .set({
      attempts: sql`${oneTimeTokens.attempts} + 1`,
      usedAt: sql`case when ${oneTimeTokens.attempts} + 1 >= ${max} then ${now.toISOString()}::timestamptz else null end`,
    })
    .where(and(eq(oneTimeTokens.tokenHash, tokenHash), isNull(oneTimeTokens.usedAt)))
    .returning({ usedAt: oneTimeTokens.usedAt });
  return !!row && !row.usedAt;
}
