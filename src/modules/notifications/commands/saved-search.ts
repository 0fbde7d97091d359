import { and, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { savedSearches } from '../notifications.schema.ts';
import type { SearchCriteria } from '../saved-search.ts';

/** At most this many saved searches per person: alerts should stay readable. */
export const SAVED_SEARCH_LIMIT = 20;

/** A vendor saves a search; new announcements that match it are alerted by the notice job (issue 9 item 10). */
export async function saveSearch(ctx: Ctx, input: SearchCriteria & { nama: string }): Promise<string> {
  assertCan(ctx.actor, 'notifications:search');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(savedSearches)
      .where(eq(savedSearches.userId, actor.userId));
    if (n >= SAVED_SEARCH_LIMIT) {
      throw conflict('SAVED_SEARCH_LIMIT', 'notifications.search.limit', { limit: SAVED_SEARCH_LIMIT });
    }
    const [row] = await tx
      .insert(savedSearches)
      .values({ ...input, userId: actor.userId, createdAt: ctx.clock.now() })
      .returning({ id: savedSearches.id });
    await recordAudit(tx, auditContext(ctx), {
      action: 'saved_search.created',
      objectType: 'saved_search',
      objectId: row!.id,
      summary: {
        nama: input.nama,
        jenis: input.jenis,
        agencyId: input.agencyId,
        hpsMin: input.hpsMin?.toString() ?? null,
        hpsMax: input.hpsMax?.toString() ?? null,
        keyword: input.keyword,
      },
    });
    return row!.id;
  });
}

/** Removes one of the person's own saved searches; anyone else's is 404. */
export async function deleteSearch(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'notifications:search');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(savedSearches)
      .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, actor.userId)))
      .returning({ id: savedSearches.id, nama: savedSearches.nama });
    if (!gone) throw notFound();
    await recordAudit(tx, auditContext(ctx), {
      action: 'saved_search.deleted',
      objectType: 'saved_search',
      objectId: gone.id,
      summary: { nama: gone.nama },
    });
  });
}
