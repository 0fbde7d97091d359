import { and, desc, eq, ilike, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import type { Db } from '../../platform/db/database.ts';
import { users } from '../accounts/accounts.schema.ts';

export interface AuditFilter {
  action?: string;
  actor?: string;
  objectId?: string;
  before?: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, keyset-paginated on `seq` so deep pages stay fast on a long trail. */
export async function searchAudit(db: Db, f: AuditFilter) {
  // The object's name when it is a person, so the trail reads "Gave the role … to Sitti Aminah", not a UUID.
  const objectUser = alias(users, 'object_user');
  return db
    .select({ event: auditEvents, username: users.username, objectName: objectUser.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(
      objectUser,
      and(eq(auditEvents.objectType, 'user'), eq(sql`${objectUser.id}::text`, auditEvents.objectId)),
    )
    .where(
      and(
        f.action ? ilike(auditEvents.action, `%${f.action}%`) : undefined,
        f.actor ? eq(users.username, f.actor.toLowerCase()) : undefined,
        f.objectId ? eq(auditEvents.objectId, f.objectId) : undefined,
        f.before ? lt(auditEvents.seq, f.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(AUDIT_PAGE_SIZE);
}
