import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { agencies } from '../organisation/organisation.schema.ts';
import { notifications, savedSearches } from './notifications.schema.ts';

export const PAGE_SIZE = 20;
/** Paging stops here (20 × 200 = 4,000 notifications back); older ones stay in the table. */
export const MAX_PAGE = 200;

export type NotificationRow = typeof notifications.$inferSelect;

/** A person's own notifications, newest first, one page; and how many there are. */
export async function inboxOf(db: Db, userId: string, page: number) {
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return { total: n, rows };
}

/** How many of a person's notifications are unread (the nav's count, the dashboard's line). */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export type SavedSearchRow = typeof savedSearches.$inferSelect;

/** A person's saved searches, oldest first, with the agency's name. */
export async function savedSearchesOf(db: Db, userId: string) {
  return db
    .select({ search: savedSearches, agencyName: agencies.name })
    .from(savedSearches)
    .leftJoin(agencies, eq(agencies.id, savedSearches.agencyId))
    .where(eq(savedSearches.userId, userId))
    .orderBy(asc(savedSearches.createdAt), asc(savedSearches.id));
}

/** Every saved search (the alert job matches each announced tender against them all). */
export function allSavedSearches(db: Db): Promise<SavedSearchRow[]> {
  return db.select().from(savedSearches).orderBy(asc(savedSearches.createdAt));
}
