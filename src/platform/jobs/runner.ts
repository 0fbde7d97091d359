import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { and, asc, eq, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { BlobStore } from '../files/blob-store.ts';
import { bumpPageCacheGeneration } from '../http/page-cache.ts';
import { type Job, jobs } from './jobs.schema.ts';
import { DEFAULT_LEASE_MS, type JobContext, type JobDefinition, scheduleJob } from './jobs.ts';

/** 30 s, 1 min, 2 min … capped at 1 h. */
export const jobBackoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/** Jobs claimed per round trip; a runner works through them one by one. */
const BATCH = 10;
/** Rounds per `runDue`, so that `stop()` never waits on an endless queue. */
const MAX_ROUNDS = 20;
// Any fixed number (two-key advisory locks do not overlap the audit trail's one-key lock).
const RECURRING_LOCK_CLASS = 7_305_115;

export interface JobRunner {
  readonly runnerId: string;
  /** Claims and runs every due job (several rounds); returns how many were run. Never two at once per runner. */
  runDue(): Promise<number>;
  start(pollMs: number): void;
  /** Stops polling and waits for the job that is running. */
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  config: Config;
  files: BlobStore;
  // biome-ignore lint/suspicious/noExplicitAny: a registry of handlers of different payload types
  handlers: readonly JobDefinition<any>[];
  runnerId?: string;
}

export const defaultRunnerId = () => `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

const shortError = (err: unknown) =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 500) || 'error';

/** The first slot strictly after `after`, on the grid `offset + k · every`. */
export function nextSlot(after: Date, every: number, offset = 0): Date {
  const k = Math.floor((after.getTime() - offset) / every) + 1;
  return new Date(offset + k * every);
}

export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  const runnerId = opts.runnerId ?? defaultRunnerId();
  const byKind = new Map<string, JobDefinition<unknown>>();
  for (const h of opts.handlers) {
    if (byKind.has(h.kind)) throw new Error(`job kind ${h.kind} registered twice`);
    byKind.set(h.kind, h);
  }
  const kinds = [...byKind.keys()];
  const ctx: JobContext = { db: opts.db, clock: opts.clock, config: opts.config, files: opts.files, log: opts.log };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopping = false;

  /**
   * Keeps exactly one pending (or running) occurrence of a recurring kind. Serialised per kind by an advisory lock,
   * so two runners that look at the same moment still schedule one occurrence between them.
   */
  async function ensureNextOccurrence(tx: Db, def: JobDefinition<unknown>): Promise<void> {
    if (!def.recurring) return;
    await tx.execute(sql`select pg_advisory_xact_lock(${RECURRING_LOCK_CLASS}, hashtext(${def.kind}))`);
    const [open] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, def.kind), inArray(jobs.status, ['pending', 'running'])))
      .limit(1);
    if (open) return;
    const at = nextSlot(opts.clock.now(), def.recurring.everyMs, def.recurring.offsetMs);
    await scheduleJob(tx, opts.clock, { kind: def, key: `${def.kind}@${at.toISOString()}`, runAt: at, payload: {} });
  }

  /** `now + lease`, the lease of each row's kind. */
  function leaseUntil(now: Date): SQL {
    const at = (ms: number) => sql`${new Date(now.getTime() + ms).toISOString()}::timestamptz`;
    const custom = [...byKind.values()].filter((d) => d.leaseMs && d.leaseMs !== DEFAULT_LEASE_MS);
    if (custom.length === 0) return at(DEFAULT_LEASE_MS);
    const whens = custom.map((d) => sql` when ${d.kind} then ${at(d.leaseMs!)}`);
    return sql`case ${jobs.kind}${sql.join(whens)} else ${at(DEFAULT_LEASE_MS)} end`;
  }

  async function claim(): Promise<Job[]> {
    const now = opts.clock.now();
    const due = opts.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          inArray(jobs.kind, kinds),
          or(
            and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)),
            and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now)),
          ),
        ),
      )
      .orderBy(asc(jobs.runAt))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    // One statement, so one short transaction: the rows are ours the moment it commits.
    const claimed = await opts.db
      .update(jobs)
      .set({
        status: 'running',
        lockedBy: runnerId,
        lockedUntil: leaseUntil(now),
        attempts: sql`${jobs.attempts} + 1`,
        updatedAt: now,
      })
      .where(inArray(jobs.id, due))
      .returning();
    return claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
  }

  /** Our update applies only while the job is still ours: a runner that lost its lease must not overwrite. */
  const mine = (job: Job) => and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedBy, runnerId));

  async function finish(job: Job, def: JobDefinition<unknown>, error: unknown | undefined): Promise<void> {
    const now = opts.clock.now();
    await opts.db.transaction(async (tx) => {
      let final = true;
      let updated: { id: string }[];
      if (error === undefined) {
        updated = await tx
          .update(jobs)
          .set({ status: 'done', doneAt: now, updatedAt: now, lockedBy: null, lockedUntil: null, lastError: null })
          .where(mine(job))
          .returning({ id: jobs.id });
      } else {
        final = job.attempts >= job.maxAttempts;
        updated = await tx
          .update(jobs)
          .set({
            status: final ? 'failed' : 'pending',
            runAt: final ? job.runAt : new Date(now.getTime() + jobBackoffMs(job.attempts)),
            lastError: shortError(error),
            lockedBy: null,
            lockedUntil: null,
            updatedAt: now,
          })
          .where(mine(job))
          .returning({ id: jobs.id });
      }
      if (updated.length === 0) {
        opts.log.warn({ jobId: job.id, kind: job.kind }, 'tugas: lease habis sebelum selesai, hasil tidak dicatat');
        return;
      }
      // A recurring occurrence that is over (done, or failed for good) hands over to the next one.
      if (final) await ensureNextOccurrence(tx, def);
    });
  }

  async function runOne(job: Job): Promise<void> {
    const def = byKind.get(job.kind)!;
    const log = opts.log.child({ jobId: job.id, kind: job.kind, key: job.key, attempt: job.attempts });
    if (job.attempts > job.maxAttempts) {
      // Its runner died on the last attempt: the lease ran out and there is no attempt left.
      await finish(job, def, new Error('lease expired on the last attempt (runner stopped?)'));
      return;
    }
    let error: unknown;
    try {
      await def.run({ ...ctx, log }, job.payload, job);
    } catch (err) {
      error = err ?? new Error('unknown error');
      log.warn({ err }, 'tugas gagal');
    }
    // A job may have changed what the public pages show (a notice, an expired licence).
    bumpPageCacheGeneration();
    await finish(job, def, error);
  }

  async function runDue(): Promise<number> {
    if (kinds.length === 0) return 0;
    for (const def of byKind.values()) {
      if (def.recurring) await opts.db.transaction((tx) => ensureNextOccurrence(tx, def));
    }
    let ran = 0;
    for (let round = 0; round < MAX_ROUNDS && !stopping; round++) {
      const claimed = await claim();
      if (claimed.length === 0) break;
      for (const [i, job] of claimed.entries()) {
        if (stopping) {
          // Hand back what we claimed but did not start, so another runner (or our next start) takes it at once.
          await opts.db
            .update(jobs)
            .set({ status: 'pending', attempts: sql`${jobs.attempts} - 1`, lockedBy: null, lockedUntil: null })
            .where(
              and(
                inArray(
                  jobs.id,
                  claimed.slice(i).map((j) => j.id),
                ),
                eq(jobs.lockedBy, runnerId),
              ),
            );
          break;
        }
        await runOne(job);
        ran++;
      }
    }
    return ran;
  }

  const runner: JobRunner = {
    runnerId,
    runDue() {
      running ??= runDue().finally(() => {
        running = undefined;
      });
      return running;
    },
    start(pollMs) {
      stopping = false;
      const tick = () => {
        runner.runDue().catch((err) => opts.log.error({ err }, 'job runner'));
      };
      tick();
      timer = setInterval(tick, pollMs);
      timer.unref();
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => {});
      stopping = false;
    },
  };
  return runner;
}
