/**
 * A short cache of the public plans page's aggregates (totals per agency, the years with plans), which otherwise scan
 * every announced plan on each view of `/rup` — the page a whole regency opens when the plans are published.
 * Announcing, revising or importing plans clears it at once in this process; another process sharing the database
 * sees the change within TTL_MS. The list itself (a page of 25 through an index) is never cached.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 500;
const entries = new Map<string, { at: number; value: unknown }>();

export async function cachedPublic<T>(key: string, now: Date, load: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  if (hit && now.getTime() - hit.at >= 0 && now.getTime() - hit.at < TTL_MS) return hit.value as T;
  const value = await load();
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, { at: now.getTime(), value });
  return value;
}

/** Called after a change to announced plans commits. */
export function invalidatePublicRup(): void {
  entries.clear();
}
