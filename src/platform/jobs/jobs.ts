import { and, count, desc, eq, like, type SQL, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { BlobStore } from '../files/blob-store.ts';
import { type Job, type JobStatus, jobs } from './jobs.schema.ts';

/** What a handler gets: the platform's services, never an HTTP request or an actor. */
export interface JobContext {
  db: Db;
  clock: Clock;
  config: Config;
  files: BlobStore;
  log: Logger;
}

export interface JobDefinition<P = unknown> {
  kind: string;
  /**
   * Does the work. At-least-once: a handler may run again after a crash or a lost lease, so it must be safe to
   * repeat (check the state first, or write with a key). Throwing retries the job later with backoff.
   */
  run: (ctx: JobContext, payload: P, job: Job) => Promise<void>;
  /** Attempts before the job ends `failed` (default 5). */
  maxAttempts?: number;
  /** How long a runner holds the job before another may take it over (default 5 minutes). */
  leaseMs?: number;
  /**
   * Runs every `everyMs`, at slots aligned to the epoch plus `offsetMs` (e.g. DAY with offset 18 h = 02:00 WITA).
   * The runner keeps exactly one pending occurrence, keyed `kind@<ISO time of the slot>`; the payload is `{}`.
   */
  recurring?: { everyMs: number; offsetMs?: number };
}

/** A typed handler: `scheduleJob(tx, clock, { kind: reminder, payload })` then checks the payload's type. */
export function defineJob<P = Record<string, never>>(def: JobDefinition<P>): JobDefinition<P> {
  if (def.recurring && !(def.recurring.everyMs >= 1000)) throw new Error(`job ${def.kind}: everyMs must be ≥ 1000`);
  return def;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_LEASE_MS = 5 * 60_000;

export interface ScheduleInput<P> {
  kind: string | JobDefinition<P>;
  /** Idempotency key: scheduling a key that exists is a no-op, unless that job was cancelled (it is then revived). */
  key: string;
  runAt: Date;
  /** Plain JSON (dates become strings). */
  payload?: P;
  maxAttempts?: number;
}

/**
 * Schedules a job inside the caller's transaction, so it exists exactly when the state change that asks for it
 * commits. Returns true when the job was (re)scheduled, false when the key was already taken.
 */
export async function scheduleJob<P>(tx: Db, clock: Clock, input: ScheduleInput<P>): Promise<boolean> {
  const now = clock.now();
  const def = typeof input.kind === 'string' ? undefined : input.kind;
  const rows = await tx
    .insert(jobs)
    .values({
      kind: def ? def.kind : (input.kind as string),
      key: input.key,
      payload: input.payload ?? {},
      runAt: input.runAt,
      status: 'pending',
      maxAttempts: input.maxAttempts ?? def?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: jobs.key,
      set: {
        kind: sql`excluded.kind`,
        payload: sql`excluded.payload`,
        runAt: sql`excluded.run_at`,
        maxAttempts: sql`excluded.max_attempts`,
        status: 'pending',
        attempts: 0,
        lastError: null,
        lockedBy: null,
        lockedUntil: null,
        doneAt: null,
        updatedAt: now,
      },
      setWhere: sql`${jobs.status} = 'cancelled'`,
    })
    .returning({ id: jobs.id });
  return rows.length > 0;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Cancels the pending jobs whose key starts with `keyPrefix` (e.g. the reminders of a tender whose deadline moved).
 * A job already running finishes. Returns how many were cancelled.
 */
export async function cancelJobs(tx: Db, clock: Clock, filter: { keyPrefix: string }): Promise<number> {
  if (!filter.keyPrefix) throw new Error('cancelJobs needs a non-empty keyPrefix');
  const rows = await tx
    .update(jobs)
    .set({ status: 'cancelled', updatedAt: clock.now() })
    .where(and(eq(jobs.status, 'pending'), like(jobs.key, `${escapeLike(filter.keyPrefix)}%`)))
    .returning({ id: jobs.id });
  return rows.length;
}

export interface JobFilter {
  status?: JobStatus;
  kind?: string;
  limit?: number;
}

export const JOBS_PAGE_SIZE = 100;

/** For the Admin Sistem: the latest jobs (by run time), optionally of one status or kind. */
export async function listJobs(db: Db, filter: JobFilter = {}): Promise<Job[]> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(jobs.status, filter.status));
  if (filter.kind) where.push(eq(jobs.kind, filter.kind));
  return db
    .select()
    .from(jobs)
    .where(and(...where))
    .orderBy(desc(jobs.runAt), desc(jobs.createdAt))
    .limit(filter.limit ?? JOBS_PAGE_SIZE);
}

/** How many jobs are in each status. */
export async function countJobsByStatus(db: Db): Promise<Partial<Record<JobStatus, number>>> {
  const rows = await db.select({ status: jobs.status, n: count() }).from(jobs).groupBy(jobs.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * Puts a failed job back in the queue, due now and with a fresh set of attempts. Returns the job, or undefined when
 * there is no failed job with that id.
 */
export async function retryJob(tx: Db, clock: Clock, id: string): Promise<Job | undefined> {
  const now = clock.now();
  const [row] = await tx
    .update(jobs)
    .set({
      status: 'pending',
      runAt: now,
      attempts: 0,
      lockedBy: null,
      lockedUntil: null,
      updatedAt: now,
    })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'failed')))
    .returning();
  return row;
}
