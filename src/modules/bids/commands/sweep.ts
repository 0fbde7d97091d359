import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, lt } from 'drizzle-orm';
import { type Clock, fileAgeNow, HOUR } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import { bidUploads } from '../bids.schema.ts';
import { forgetStreamedDigest, tusDir } from '../storage.ts';

/** A tus upload still partial this long after its creation is abandoned (no bid takes a day to upload). */
export const ABANDONED_AFTER_MS = 24 * HOUR;

const TUS_FILE = /^([0-9a-f]{32})(\.json)?$/;

/**
 * Sweeps abandoned tus uploads: every upload still `partial` older than `olderThanMs` is marked `refused` with
 * `BIDS_UPLOAD_ABANDONED` and its bytes are deleted; files in the tus directory that belong to no partial upload
 * (a crash between the file and its row, a refusal whose delete was interrupted) are deleted once as old. A partial
 * upload was never a bid (a bid is a receipted `bid_submissions` row whose file lives under `sealed/`), so nothing
 * that counts is touched. Safe to repeat. Returns how many uploads and files it removed.
 */
export async function sweepAbandonedUploads(
  db: Db,
  clock: Clock,
  dataDir: string,
  olderThanMs = ABANDONED_AFTER_MS,
): Promise<{ uploads: number; files: number }> {
  const now = clock.now();
  const cutoff = new Date(now.getTime() - olderThanMs);
  const dir = tusDir(dataDir);
  const stale = await db
    .update(bidUploads)
    .set({ status: 'refused', refusal: 'BIDS_UPLOAD_ABANDONED', finishedAt: now })
    .where(and(eq(bidUploads.status, 'partial'), lt(bidUploads.createdAt, cutoff)))
    .returning({ id: bidUploads.id });
  let files = 0;
  for (const { id } of stale) {
    forgetStreamedDigest(path.join(dir, id));
    for (const f of [id, `${id}.json`]) {
      const removed = await fs.rm(path.join(dir, f)).then(
        () => true,
        () => false,
      );
      if (removed) files += 1;
    }
  }
  const fileCutoff = fileAgeNow(clock).getTime() - olderThanMs;
  const live = new Set(
    (await db.select({ id: bidUploads.id }).from(bidUploads).where(eq(bidUploads.status, 'partial'))).map((r) => r.id),
  );
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const m = TUS_FILE.exec(name);
    if (!m || live.has(m[1]!)) continue;
    const file = path.join(dir, name);
    const st = await fs.stat(file).catch(() => undefined);
    if (!st || st.mtime.getTime() >= fileCutoff) continue;
    await fs.rm(file, { force: true });
    files += 1;
  }
  return { uploads: stale.length, files };
}

export const sweepUploadsJob = defineJob({
  kind: 'bids.sweep_abandoned_uploads',
  recurring: { everyMs: HOUR, offsetMs: 7 * 60_000 },
  async run({ db, clock, config, log }) {
    const r = await sweepAbandonedUploads(db, clock, config.dataDir);
    if (r.uploads || r.files) log.info(r, 'abandoned bid uploads swept');
  },
});
