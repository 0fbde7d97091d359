import { and, asc, desc, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { defineJob, type JobContext } from '../../../platform/jobs/jobs.ts';
import type { Release } from '../merge.ts';
import { extensionsOf, LICENSE_URL, OCDS_VERSION } from '../ocds.ts';
import { releasesSince } from '../opendata.repository.ts';
import { ocdsReleases, opendataPushDeliveries } from '../opendata.schema.ts';

/** Releases per push (one POST). */
export const PUSH_BATCH = 100;
/** Batches sent per run at most, so one run never holds the runner for long. */
const BATCHES_PER_RUN = 20;
const TIMEOUT_MS = 10_000;

/** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 1 hour. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/** The cursor: the newest release already put in a batch. */
async function pushCursor(db: Db) {
  const [row] = await db
    .select({ toSeq: opendataPushDeliveries.toSeq })
    .from(opendataPushDeliveries)
    .orderBy(desc(opendataPushDeliveries.toSeq))
    .limit(1);
  return row?.toSeq ?? 0;
}

/**
 * One run of the push (R49): first the oldest undelivered batch if its retry time has come (a failing batch holds
 * the ones after it back, so the receiver gets every release once and in order, never with a gap), then new releases
 * in batches of PUSH_BATCH. Each attempt is logged (status, error, attempts, next attempt with backoff).
 */
export async function runPush(ctx: Pick<JobContext, 'db' | 'clock' | 'config'>, url = ctx.config.nationalFeedPushUrl) {
  if (!url) return { sent: 0 };
  let sent = 0;
  for (let i = 0; i < BATCHES_PER_RUN; i++) {
    const now = ctx.clock.now();
    let [batch] = await ctx.db
      .select()
      .from(opendataPushDeliveries)
      .where(eq(opendataPushDeliveries.status, 'pending'))
      .orderBy(asc(opendataPushDeliveries.toSeq))
      .limit(1);
    if (batch && batch.nextAttemptAt > now) return { sent };
    if (!batch) {
      const from = await pushCursor(ctx.db);
      const rows = await releasesSince(ctx.db, from, PUSH_BATCH);
      if (rows.length === 0) return { sent };
      // The unique to_seq makes a second runner's identical batch fail instead of sending twice.
      [batch] = await ctx.db
        .insert(opendataPushDeliveries)
        .values({
          url,
          fromSeq: from,
          toSeq: rows[rows.length - 1]!.seq,
          releases: rows.length,
          status: 'pending',
          nextAttemptAt: now,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!batch) return { sent };
    }
    const rows = await ctx.db
      .select({ json: ocdsReleases.json })
      .from(ocdsReleases)
      .where(and(gt(ocdsReleases.seq, batch.fromSeq), lte(ocdsReleases.seq, batch.toSeq)))
      .orderBy(asc(ocdsReleases.seq));
    const body = {
      uri: `${ctx.config.baseUrl}/api/v1/ocds/releases?since=${batch.fromSeq}&limit=${batch.releases}`,
      version: OCDS_VERSION,
      extensions: extensionsOf(ctx.config.baseUrl),
      publishedDate: now.toISOString(),
      publisher: { name: ctx.config.lpseName, uri: ctx.config.baseUrl },
      license: LICENSE_URL,
      publicationPolicy: `${ctx.config.baseUrl}/data-terbuka#kebijakan`,
      releases: rows.map((r) => JSON.parse(r.json) as Release),
    };
    // On success lastError keeps the batch's last failure, so the log still shows why it took several attempts.
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(batch.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(ctx.config.nationalFeedPushToken ? { authorization: `Bearer ${ctx.config.nationalFeedPushToken}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = res.status;
      await res.body?.cancel();
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      error = (err as Error).message.slice(0, 300);
    }
    const attempts = batch.attempts + 1;
    const done = ctx.clock.now();
    await ctx.db
      .update(opendataPushDeliveries)
      .set(
        error
          ? {
              attempts,
              lastStatus: status,
              lastError: error,
              nextAttemptAt: new Date(done.getTime() + backoffMs(attempts)),
            }
          : { attempts, lastStatus: status, status: 'delivered', deliveredAt: done },
      )
      .where(eq(opendataPushDeliveries.id, batch.id));
    if (error) return { sent };
    sent += batch.releases;
  }
  return { sent };
}

/** Every minute: push what is new (nothing when NATIONAL_FEED_PUSH_URL is unset). */
export const nationalPushJob = defineJob({
  kind: 'opendata.national_push',
  recurring: { everyMs: 60_000 },
  run: async (ctx) => {
    const { sent } = await runPush(ctx);
    if (sent) ctx.log.info({ sent }, 'national feed: releases pushed');
  },
});

/** For the Admin Sistem: the newest deliveries. */
export async function listDeliveries(db: Db, limit = 50) {
  return db.select().from(opendataPushDeliveries).orderBy(desc(opendataPushDeliveries.toSeq)).limit(limit);
}
