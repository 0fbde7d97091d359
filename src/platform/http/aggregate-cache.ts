import { bumpPageCacheGeneration } from './page-cache.ts';

/**
 * A short cache of a public page's aggregates (totals per agency, years with data, counts per stage), which otherwise
 * scan every announced row on each view. The module's commands call `invalidate()` after a change commits: it clears
 * the aggregates at once in this process, and the anonymous page cache with them (platform/http/page-cache.ts);
 * another process sharing the database sees the change within `ttlMs`. Lists (a page through an index) are never
 * cached here.
 */
export function aggregateCache(opts: { ttlMs: number; maxEntries: number }) {
  const entries = new Map<string, { at: number; value: unknown }>();
  return {
    async get<T>(key: string, now: Date, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      const age = now.getTime() - (hit?.at ?? 0);
      if (hit && age >= 0 && age < opts.ttlMs) return hit.value as T;
      const value = await load();
      if (entries.size >= opts.maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { at: now.getTime(), value });
      return value;
    },
    invalidate(): void {
      entries.clear();
      bumpPageCacheGeneration();
    },
  };
}
