import { and, inArray, lt, sql } from 'drizzle-orm';
import { DAY, fileAgeNow, HOUR } from '../clock.ts';
import { sweepOrphanBlobs } from '../files/sweep.ts';
import { jobs } from './jobs.schema.ts';
import { defineJob, type JobDefinition } from './jobs.ts';

export const JOBS_RETENTION_MS = 30 * DAY;

/**
 * Nightly at 03:00 WITA: forgets done and cancelled jobs older than 30 days (a recurring job leaves one row per
 * occurrence). Failed jobs stay until an admin retries them. A key older than that can be scheduled again.
 */
export const purgeJobsJob = defineJob({
  kind: 'jobs.purge',
  recurring: { everyMs: DAY, offsetMs: 19 * HOUR },
  run: async (ctx) => {
    const before = new Date(ctx.clock.now().getTime() - JOBS_RETENTION_MS);
    const gone = await ctx.db
      .delete(jobs)
      .where(and(inArray(jobs.status, ['done', 'cancelled']), lt(jobs.updatedAt, before)))
      .returning({ id: jobs.id });
    if (gone.length) ctx.log.info({ count: gone.length }, 'tugas lama dihapus');
  },
});

/**
 * Nightly at 02:00 WITA: removes blobs that no document row references and that are older than a day — uploads of a
 * refused or invalid form (the blob is stored before the transaction that would reference it) and stale temp files.
 * The day of grace covers a form still being submitted.
 */
export const sweepOrphanBlobsJob = defineJob({
  kind: 'files.sweep-orphans',
  recurring: { everyMs: DAY, offsetMs: 18 * HOUR },
  run: async (ctx) => {
    // File ages are the file system's: a clock moved ahead must not sweep a blob being written now (fileAgeNow).
    const result = await sweepOrphanBlobs(ctx.db, ctx.files, new Date(fileAgeNow(ctx.clock).getTime() - DAY));
    ctx.log.info(result, 'berkas yatim dibersihkan');
  },
});

/**
 * Hourly: fresh planner statistics. Embedded PGlite runs no autovacuum daemon, so without this a table that grew by a
 * bulk import (10,000 plans) keeps the statistics of an empty one and the public lists sort every row instead of
 * reading their index (measured: 16 ms → 0.2 ms for a page of 25). Harmless on a PostgreSQL server.
 */
export const analyzeJob = defineJob({
  kind: 'db.analyze',
  recurring: { everyMs: HOUR, offsetMs: 17 * 60_000 },
  run: async (ctx) => {
    await ctx.db.execute(sql`analyze`);
  },
});

/** The platform's own handlers; modules add theirs when they register. */
// biome-ignore lint/suspicious/noExplicitAny: handlers of different payload types
export const platformJobs: readonly JobDefinition<any>[] = [purgeJobsJob, sweepOrphanBlobsJob, analyzeJob];
