import { asc, count, eq, gt, max } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Release } from './merge.ts';
import { ocdsReleases } from './opendata.schema.ts';

/** One page of the feed: releases numbered after `since`, oldest first (newest last). */
export async function releasesSince(db: Db, since: number, limit: number) {
  return db
    .select({ seq: ocdsReleases.seq, json: ocdsReleases.json })
    .from(ocdsReleases)
    .where(gt(ocdsReleases.seq, since))
    .orderBy(asc(ocdsReleases.seq))
    .limit(limit);
}

/** Every release of one process, oldest first (the record). */
export async function releasesOf(db: Db, ocid: string): Promise<Release[]> {
  const rows = await db
    .select({ json: ocdsReleases.json })
    .from(ocdsReleases)
    .where(eq(ocdsReleases.ocid, ocid))
    .orderBy(asc(ocdsReleases.seq));
  return rows.map((r) => JSON.parse(r.json) as Release);
}

/**
 * Every release as JSON text, oldest first, read in keyset batches (an index range scan per batch): memory stays at
 * one batch however many releases there are, and no transaction is held open while a slow client reads.
 */
export async function* releaseBatches(db: Db, batch = 1000): AsyncGenerator<string[]> {
  let since = 0;
  for (;;) {
    const rows = await releasesSince(db, since, batch);
    if (rows.length > 0) yield rows.map((r) => r.json);
    if (rows.length < batch) return;
    since = rows[rows.length - 1]!.seq;
  }
}

/** The number of the newest release (0 when none): what changes whenever anything is published. */
export async function lastReleaseSeq(db: Db): Promise<number> {
  const [row] = await db.select({ seq: max(ocdsReleases.seq) }).from(ocdsReleases);
  return Number(row?.seq ?? 0);
}

/** For the open-data page: how many releases, how many processes, and when the newest was published. */
export async function publicationStats(db: Db) {
  const [row] = await db
    .select({ releases: count(), last: max(ocdsReleases.date), lastSeq: max(ocdsReleases.seq) })
    .from(ocdsReleases);
  return { releases: row?.releases ?? 0, last: row?.last ?? null };
}

/** Every process's record (its releases, oldest first), for the red-flag page: one query, grouped here. */
export async function allRecords(db: Db): Promise<Map<string, Release[]>> {
  const rows = await db
    .select({ ocid: ocdsReleases.ocid, json: ocdsReleases.json })
    .from(ocdsReleases)
    .orderBy(asc(ocdsReleases.seq));
  const out = new Map<string, Release[]>();
  for (const r of rows) out.set(r.ocid, [...(out.get(r.ocid) ?? []), JSON.parse(r.json) as Release]);
  return out;
}
