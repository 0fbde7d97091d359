import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, ts } from '../db/columns.ts';

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Work that runs later or repeatedly. `key` makes scheduling idempotent; a runner claims due rows with
 * `for update skip locked` and holds them under a lease (`locked_until`), so several processes sharing one PostgreSQL
 * run each job once, and a job whose runner died is picked up again when its lease ends.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull().default({}),
    runAt: ts('run_at').notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    lockedBy: text('locked_by'),
    lockedUntil: ts('locked_until'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    doneAt: ts('done_at'),
  },
  (t) => [
    uniqueIndex('jobs_key_uq').on(t.key),
    // The due query: pending rows by run_at, running rows by the end of their lease. Also serves the admin list.
    index('jobs_status_run_at_idx').on(t.status, t.runAt),
    index('jobs_lease_idx').on(t.lockedUntil).where(sql`${t.status} = 'running'`),
    index('jobs_kind_idx').on(t.kind, t.status),
  ],
);

export type Job = typeof jobs.$inferSelect;
