import { aggregateCache } from '../../platform/http/aggregate-cache.ts';

/**
 * The public tender pages' aggregates (years with tenders, counts per current stage, the latest announcements for the
 * home page), which otherwise read every announced tender and its schedule on each view.
 */
const cache = aggregateCache({ ttlMs: 30_000, maxEntries: 200 });
export const cachedTenders = cache.get;
/** Called after a change to a public tender (announcement, schedule change, participation) commits. */
export const invalidatePublicTenders = cache.invalidate;
