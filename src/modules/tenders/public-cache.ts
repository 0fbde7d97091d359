/**
 * A short cache of the public tender pages' aggregates (years with tenders, counts per current stage, the latest
 * announcements for the home page), which otherwise read every announced tender and its schedule on each view.
 * Announcing a tender or changing a schedule clears it at once in this process; another process sharing the database
 * sees the change within TTL_MS. The list itself (a page through an index) is never cached.
 */
const TTL_MS = 30_000;
const MAX_ENTRIES = 200;
const entries = new Map<string, { at: number; value: unknown }>();

export async function cachedTenders<T>(key: string, now: Date, load: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  if (hit && now.getTime() - hit.at >= 0 && now.getTime() - hit.at < TTL_MS) return hit.value as T;
  const value = await load();
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, { at: now.getTime(), value });
  return value;
}

/** Called after a change to a public tender (announcement, schedule change) commits. */
export function invalidatePublicTenders(): void {
  entries.clear();
}
