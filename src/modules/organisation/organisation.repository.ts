import { asc, desc, eq, inArray } from 'drizzle-orm';
import { LPSE_TEAM_ROLES } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import { userRoles, users } from '../accounts/accounts.schema.ts';
import { agencies, lpseDecrees } from './organisation.schema.ts';

export type AgencyRow = typeof agencies.$inferSelect;

export function listAgencies(db: Db) {
  return db.select().from(agencies).orderBy(asc(agencies.name));
}

export async function findAgencyById(db: Db, id: string) {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  return row;
}

export async function findAgencyByCode(db: Db, code: string) {
  const [row] = await db.select().from(agencies).where(eq(agencies.code, code));
  return row;
}

export async function currentDecree(db: Db) {
  const [row] = await db
    .select()
    .from(lpseDecrees)
    .where(eq(lpseDecrees.active, true))
    .orderBy(desc(lpseDecrees.decreeDate), desc(lpseDecrees.createdAt))
    .limit(1);
  return row;
}

/** Members of the Tim LPSE per unit, for the public org chart (R20). Only names and units: no contact data. */
export async function lpseTeamMembers(db: Db) {
  return db
    .select({ role: userRoles.role, name: users.name, position: users.position })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(inArray(userRoles.role, [...LPSE_TEAM_ROLES]))
    .orderBy(asc(users.name));
}
