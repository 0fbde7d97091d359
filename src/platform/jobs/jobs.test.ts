import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import pino from 'pino';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { auditEvents } from '../audit/audit.schema.ts';
import { DAY, HOUR, MINUTE } from '../clock.ts';
import { openPostgres } from '../db/database.ts';
import { jobs } from './jobs.schema.ts';
import { cancelJobs, defineJob, listJobs, retryJob, scheduleJob } from './jobs.ts';
import { createJobRunner, jobBackoffMs } from './runner.ts';

const byKey = async (t: TestApp, key: string) => (await t.db.select().from(jobs).where(eq(jobs.key, key)))[0]!;

describe('jobs: stored, at-least-once, idempotent, retried, recurring', () => {
  let t: TestApp;
  const calls: string[] = [];
  const samples: string[] = [];
  let failuresLeft = 0;

  const reminder = defineJob<{ tender: string }>({
    kind: 'test.reminder',
    run: async (_ctx, payload, job) => {
      calls.push(`${job.key}:${payload.tender}`);
    },
  });
  const flaky = defineJob<{ n: number }>({
    kind: 'test.flaky',
    maxAttempts: 3,
    run: async () => {
      if (failuresLeft-- > 0) throw new Error('SMTP down\n    at someStack (x.ts:1:1)');
      calls.push('flaky ok');
    },
  });
  const sample = defineJob({
    kind: 'test.sample',
    recurring: { everyMs: MINUTE },
    run: async (ctx, _payload, job) => {
      samples.push(`sample@${job.runAt.toISOString()} seen ${ctx.clock.now().toISOString()}`);
    },
  });

  before(async () => {
    t = await createTestApp({ jobs: [reminder, flaky, sample] });
  });
  after(() => t.close());

  test('a job scheduled for later does not run before its time, then runs once when the clock reaches it', async () => {
    calls.length = 0;
    const deadline = new Date(t.clock.now().getTime() + 2 * DAY);
    const runAt = new Date(deadline.getTime() - DAY); // H-1
    await t.db.transaction((tx) =>
      scheduleJob(tx, t.clock, { kind: reminder, key: 'reminder:T1:h-1', runAt, payload: { tender: 'T1' } }),
    );
    await t.jobs.runDue();
    assert.deepEqual(calls, []);
    t.clock.advance(DAY - 1000);
    await t.jobs.runDue();
    assert.deepEqual(calls, []);
    t.clock.advance(1000);
    await t.jobs.runDue();
    await t.jobs.runDue();
    assert.deepEqual(calls, ['reminder:T1:h-1:T1']);
    const job = await byKey(t, 'reminder:T1:h-1');
    assert.equal(job.status, 'done');
    assert.equal(job.attempts, 1);
    assert.equal(job.doneAt?.getTime(), t.clock.now().getTime());
  });

  test('scheduling the same key twice is a no-op; cancel by key prefix; a cancelled key can be scheduled again', async () => {
    calls.length = 0;
    const runAt = new Date(t.clock.now().getTime() + HOUR);
    const key = 'reminder:T2:h-1';
    assert.equal(await scheduleJob(t.db, t.clock, { kind: reminder, key, runAt, payload: { tender: 'first' } }), true);
    assert.equal(await scheduleJob(t.db, t.clock, { kind: reminder, key, runAt, payload: { tender: 'again' } }), false);
    await scheduleJob(t.db, t.clock, { kind: reminder, key: 'reminder:T2:open', runAt, payload: { tender: 'x' } });
    await scheduleJob(t.db, t.clock, { kind: reminder, key: 'reminder:T20:h-1', runAt, payload: { tender: 'y' } });
    assert.equal((await t.db.select().from(jobs).where(like(jobs.key, 'reminder:T2%'))).length, 3);

    // The deadline moved: cancel T2's reminders (not T20's), then schedule the new one under the same key.
    assert.equal(await cancelJobs(t.db, t.clock, { keyPrefix: 'reminder:T2:' }), 2);
    const later = new Date(runAt.getTime() + 3 * HOUR);
    assert.equal(
      await scheduleJob(t.db, t.clock, { kind: reminder, key, runAt: later, payload: { tender: 'moved' } }),
      true,
    );
    t.clock.advance(HOUR);
    await t.jobs.runDue();
    assert.deepEqual(calls, ['reminder:T20:h-1:y']);
    t.clock.advance(3 * HOUR);
    await t.jobs.runDue();
    assert.deepEqual(calls, ['reminder:T20:h-1:y', 'reminder:T2:h-1:moved']);
    assert.equal((await byKey(t, 'reminder:T2:open')).status, 'cancelled');
    // Done is done: the key stays taken.
    assert.equal(
      await scheduleJob(t.db, t.clock, { kind: reminder, key, runAt: later, payload: { tender: 'z' } }),
      false,
    );
  });

  test('a failing handler is retried with backoff and ends failed after max attempts, with a short error', async () => {
    calls.length = 0;
    failuresLeft = 99;
    await scheduleJob(t.db, t.clock, { kind: flaky, key: 'flaky:1', runAt: t.clock.now(), payload: { n: 1 } });
    await t.jobs.runDue();
    let job = await byKey(t, 'flaky:1');
    assert.equal(job.status, 'pending');
    assert.equal(job.attempts, 1);
    assert.equal(job.lastError, 'SMTP down');
    assert.equal(job.runAt.getTime(), t.clock.now().getTime() + jobBackoffMs(1));
    assert.equal(job.lockedBy, null);

    // Not before the backoff has passed.
    t.clock.advance(jobBackoffMs(1) - 1);
    await t.jobs.runDue();
    assert.equal((await byKey(t, 'flaky:1')).attempts, 1);
    t.clock.advance(1);
    await t.jobs.runDue();
    job = await byKey(t, 'flaky:1');
    assert.equal(job.attempts, 2);
    assert.equal(job.runAt.getTime(), t.clock.now().getTime() + jobBackoffMs(2));
    assert.ok(jobBackoffMs(2) > jobBackoffMs(1), 'jobBackoffMs(2) > jobBackoffMs(1)');
    assert.equal(jobBackoffMs(30), HOUR, 'the backoff is capped');

    t.clock.advance(jobBackoffMs(2));
    await t.jobs.runDue();
    job = await byKey(t, 'flaky:1');
    assert.equal(job.status, 'failed');
    assert.equal(job.attempts, 3);
    assert.equal(job.lastError, 'SMTP down');
    t.clock.advance(DAY);
    await t.jobs.runDue();
    assert.equal((await byKey(t, 'flaky:1')).attempts, 3, 'a failed job is not run again by itself');
    assert.deepEqual(calls, []);

    // The admin retries it: due now, fresh attempts; this time it works.
    failuresLeft = 0;
    assert.equal((await retryJob(t.db, t.clock, job.id))?.status, 'pending');
    assert.equal(await retryJob(t.db, t.clock, job.id), undefined, 'only a failed job can be retried');
    await t.jobs.runDue();
    job = await byKey(t, 'flaky:1');
    assert.equal(job.status, 'done');
    assert.equal(job.attempts, 1);
    assert.deepEqual(calls, ['flaky ok']);
    assert.equal((await listJobs(t.db, { status: 'done', kind: 'test.flaky' })).length, 1);
  });

  test('an expired lease (a crashed runner) is picked up again; a live lease is not', async () => {
    calls.length = 0;
    const now = t.clock.now();
    // Claimed by a runner that then died: running, lease ending in 5 minutes.
    await t.db.insert(jobs).values({
      kind: reminder.kind,
      key: 'reminder:crashed',
      payload: { tender: 'C' },
      runAt: now,
      status: 'running',
      attempts: 1,
      lockedBy: 'dead-runner',
      lockedUntil: new Date(now.getTime() + 5 * MINUTE),
      createdAt: now,
      updatedAt: now,
    });
    await t.jobs.runDue();
    assert.deepEqual(calls, []);
    t.clock.advance(5 * MINUTE + 1);
    await t.jobs.runDue();
    assert.deepEqual(calls, ['reminder:crashed:C']);
    const job = await byKey(t, 'reminder:crashed');
    assert.equal(job.status, 'done');
    assert.equal(job.attempts, 2);

    // A runner that died on the last attempt: the job fails instead of running once more.
    await t.db.insert(jobs).values({
      kind: reminder.kind,
      key: 'reminder:crashed-last',
      payload: { tender: 'D' },
      runAt: now,
      status: 'running',
      attempts: 5,
      maxAttempts: 5,
      lockedBy: 'dead-runner',
      lockedUntil: now,
      createdAt: now,
      updatedAt: now,
    });
    await t.jobs.runDue();
    const last = await byKey(t, 'reminder:crashed-last');
    assert.equal(last.status, 'failed');
    assert.match(last.lastError ?? '', /lease expired/);
    assert.deepEqual(calls, ['reminder:crashed:C']);
  });

  test('a recurring job keeps exactly one next occurrence, at a deterministic key', async () => {
    samples.length = 0;
    const open = () =>
      t.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, sample.kind), eq(jobs.status, 'pending')));
    await t.jobs.runDue();
    await t.jobs.runDue();
    let pending = await open();
    assert.equal(pending.length, 1);
    const first = pending[0]!;
    assert.equal(first.key, `test.sample@${first.runAt.toISOString()}`);
    assert.equal(first.runAt.getTime() % MINUTE, 0);
    assert.ok(first.runAt > t.clock.now(), 'first.runAt > t.clock.now()');

    t.clock.set(first.runAt);
    await t.jobs.runDue();
    assert.equal(samples.length, 1);
    pending = await open();
    assert.equal(pending.length, 1);
    assert.equal(pending[0]!.runAt.getTime(), first.runAt.getTime() + MINUTE);

    // A second runner on the same database schedules no second chain.
    const other = createJobRunner({
      db: t.db,
      clock: t.clock,
      log: pino({ level: 'silent' }),
      config: t.config,
      files: t.files,
      handlers: [sample],
      runnerId: 'other',
    });
    await Promise.all([other.runDue(), t.jobs.runDue()]);
    assert.equal((await open()).length, 1);

    // After a long stop, it resumes at the next slot instead of catching up every missed minute.
    t.clock.advance(HOUR + 30_000);
    await Promise.all([other.runDue(), t.jobs.runDue()]);
    assert.equal(samples.length, 2, 'the overdue occurrence runs once');
    pending = await open();
    assert.equal(pending.length, 1);
    assert.ok(pending[0]!.runAt > t.clock.now(), 'pending[0]!.runAt > t.clock.now()');
    assert.ok(
      pending[0]!.runAt.getTime() - t.clock.now().getTime() <= MINUTE,
      'pending[0]!.runAt.getTime() - t.clock.now().getTime() <= MINUTE',
    );
  });
});

describe('jobs: two runners on one PostgreSQL', () => {
  test('each job runs exactly once', async (t) => {
    if (!process.env.DATABASE_URL) {
      t.skip('needs DATABASE_URL');
      return;
    }
    const app = await createTestApp();
    const second = await openPostgres(app.databaseUrl!);
    try {
      const runs = new Map<string, number>();
      const runnersSeen = new Set<string | null>();
      const work = defineJob<{ i: number }>({
        kind: 'test.work',
        run: async (_ctx, payload, job) => {
          runnersSeen.add(job.lockedBy);
          runs.set(`w${payload.i}`, (runs.get(`w${payload.i}`) ?? 0) + 1);
          await new Promise((r) => setTimeout(r, Math.random() * 3));
        },
      });
      const make = (db: typeof app.db, id: string) =>
        createJobRunner({
          db,
          clock: app.clock,
          log: pino({ level: 'silent' }),
          config: app.config,
          files: app.files,
          handlers: [work],
          runnerId: id,
        });
      // Two runners per pool, as two processes with two workers each would be.
      const runners = [make(app.db, 'a1'), make(app.db, 'a2'), make(second.db, 'b1'), make(second.db, 'b2')];
      const N = 200;
      const start = app.clock.now().getTime();
      for (let i = 0; i < N; i++) {
        await scheduleJob(app.db, app.clock, {
          kind: work,
          key: `work:${i}`,
          runAt: new Date(start + (i % 10) * 1000),
          payload: { i },
        });
      }
      let total = 0;
      for (let step = 0; step < 12; step++) {
        const counts = await Promise.all(runners.map((r) => r.runDue()));
        total += counts.reduce((a, b) => a + b, 0);
        app.clock.advance(1000);
      }
      assert.equal(total, N);
      assert.equal(runs.size, N);
      for (const [k, n] of runs) assert.equal(n, 1, `${k} ran ${n} times`);
      const rows = await app.db.select().from(jobs).where(eq(jobs.kind, 'test.work'));
      assert.ok(
        rows.every((r) => r.status === 'done' && r.attempts === 1),
        "rows.every((r) => r.status === 'done' && r.attempts === 1)",
      );
      assert.ok(runnersSeen.size >= 2, `work was shared: ${[...runnersSeen].join(', ')}`);
    } finally {
      await second.close();
      await app.close();
    }
  });
});

describe('jobs page for the Admin Sistem', () => {
  let t: TestApp;
  const broken = defineJob({
    kind: 'test.broken',
    maxAttempts: 1,
    run: async () => {
      throw new Error('backup disk full');
    },
  });
  before(async () => {
    t = await createTestApp({ jobs: [broken] });
  });
  after(() => t.close());

  test('the admin sees a failed job with its error, in WITA, and retries it; the retry is audited', async () => {
    // 2026-03-02T01:00Z is 09.00 WITA.
    await scheduleJob(t.db, t.clock, { kind: broken, key: 'backup@2026-03-02', runAt: t.clock.now() });
    await scheduleJob(t.db, t.clock, {
      kind: broken,
      key: 'later:1',
      runAt: new Date(t.clock.now().getTime() + DAY),
    });
    await t.jobs.runDue();
    const failed = await byKey(t, 'backup@2026-03-02');
    assert.equal(failed.status, 'failed');

    const admin = new Agent(t.app);
    await admin.login((await buildUser(t, { roles: ['ADMIN_SISTEM'] })).username);
    const all = await admin.get('/admin/tugas');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /Tugas terjadwal/);
    assert.match(all.body, /backup@2026-03-02/);
    assert.match(all.body, /later:1/);
    assert.match(all.body, /backup disk full/);
    assert.match(all.body, /09[.:]00/);
    assert.match(all.body, /href="\/admin\/tugas"/, 'in the navigation');

    const page = await admin.get('/admin/tugas?status=failed');
    assert.match(page.body, /backup@2026-03-02/);
    assert.doesNotMatch(page.body, /later:1/);
    assert.match(page.body, new RegExp(`action="/admin/tugas/${failed.id}/ulang"`));

    const r = await admin.post(`/admin/tugas/${failed.id}/ulang`, {});
    assert.equal(r.statusCode, 303, r.body);
    const after = await admin.get(String(r.headers.location));
    assert.match(after.body, /dijadwalkan ulang/);
    const retried = await byKey(t, 'backup@2026-03-02');
    assert.equal(retried.status, 'pending');
    assert.equal(retried.attempts, 0);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'job.retry'));
    assert.equal(event?.objectId, failed.id);

    // Retrying a job that is not failed is a conflict; an unknown id is not found.
    await admin.get('/admin/tugas');
    assert.equal((await admin.post(`/admin/tugas/${failed.id}/ulang`, {})).statusCode, 409);
    assert.equal((await admin.post('/admin/tugas/not-a-uuid/ulang', {})).statusCode, 404);
  });

  test('a vendor gets 403 on the page and on retry', async () => {
    const [job] = await listJobs(t.db, { kind: 'test.broken' });
    const vendor = new Agent(t.app);
    await vendor.login((await buildUser(t, { roles: ['PENYEDIA'] })).username);
    const page = await vendor.get('/admin/tugas');
    assert.equal(page.statusCode, 403);
    await vendor.get('/dasbor');
    assert.equal((await vendor.post(`/admin/tugas/${job!.id}/ulang`, {})).statusCode, 403);
    const anon = new Agent(t.app);
    assert.notEqual((await anon.get('/admin/tugas')).statusCode, 200);
  });
});
