import { aggregateCache } from '../../platform/http/aggregate-cache.ts';

/**
 * The public plans page's aggregates (totals per agency, the years with plans), which otherwise scan every announced
 * plan on each view of `/rup` — the page a whole regency opens when the plans are published. Announcing, revising or
 * importing plans invalidates it.
 */
const cache = aggregateCache({ ttlMs: 30_000, maxEntries: 500 });
export const cachedPublic = cache.get;
/** Called after a change to announced plans commits. */
export const invalidatePublicRup = cache.invalidate;
