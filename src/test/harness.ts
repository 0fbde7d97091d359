import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { userRoles, users } from '../modules/accounts/accounts.schema.ts';
import { agencies } from '../modules/organisation/organisation.schema.ts';
import type { Role } from '../platform/auth/roles.ts';
import { hashPassword } from '../platform/auth/tokens.ts';
import { ManualClock } from '../platform/clock.ts';
import { type Database, openPglite, openPostgres } from '../platform/db/database.ts';
import { LocalBlobStore } from '../platform/files/blob-store.ts';
import { openKeyring } from '../platform/files/keyring.ts';
import type { JobDefinition } from '../platform/jobs/jobs.ts';
import { createJobRunner, type JobRunner } from '../platform/jobs/runner.ts';
import { createMailWorker, type MailWorker } from '../platform/mail/outbox.ts';
import { registry } from '../registry.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  db: Database['db'];
  /** The test database's URL when on a PostgreSQL server (to open a second pool on it), else undefined. */
  databaseUrl: string | undefined;
  clock: ManualClock;
  config: Config;
  files: LocalBlobStore;
  dataDir: string;
  mail: MailWorker;
  /** The job runner, not polling: tests call `runDue()` after moving the clock. */
  jobs: JobRunner;
  close(): Promise<void>;
}

/**
 * A fresh database per test file: an in-memory PGlite by default, or a brand-new database on the PostgreSQL server
 * named by DATABASE_URL (CI runs the suite both ways). Never a mock: the SQL is the point.
 */
export async function openTestDatabase(): Promise<{
  database: Database;
  drop: () => Promise<void>;
  /** The new database's URL on the PostgreSQL server (undefined on PGlite), to open a second pool on it. */
  url: string | undefined;
}> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openPglite(undefined);
    return { database, drop: async () => {}, url: undefined };
  }
  const name = `lpse_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString());
  return {
    database,
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function createTestApp(
  opts: {
    smtpUrl?: string;
    env?: Record<string, string>;
    /** Job handlers besides the platform's own. */
    // biome-ignore lint/suspicious/noExplicitAny: handlers of different payload types
    jobs?: JobDefinition<any>[];
  } = {},
): Promise<TestApp> {
  const { database, drop, url } = await openTestDatabase();
  await database.migrate();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lpse-test-'));
  const clock = new ManualClock('2026-03-02T01:00:00.000Z');
  const config = loadConfig({
    DATA_DIR: dataDir,
    BASE_URL: 'http://lpse.test',
    LOG_LEVEL: 'silent',
    ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
    ...opts.env,
  });
  const files = new LocalBlobStore(path.join(dataDir, 'files'), await openKeyring(config.masterKeyFile, database.db));
  const mail = createMailWorker({
    db: database.db,
    clock,
    log: pino({ level: 'silent' }),
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    baseUrl: config.baseUrl,
  });
  const jobs = createJobRunner({
    db: database.db,
    clock,
    log: pino({ level: 'silent' }),
    config,
    files,
    handlers: [...registry().jobs, ...(opts.jobs ?? [])],
    runnerId: 'test-runner',
  });
  const app = await buildApp({ database, clock, config, files, mail, jobs });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    databaseUrl: url,
    clock,
    config,
    files,
    dataDir,
    mail,
    jobs,
    async close() {
      await app.close();
      await mail.stop();
      await jobs.stop();
      await database.close().catch(() => {}); // a test may have closed it on purpose
      await drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
export const TEST_PASSWORD = 'kata-sandi-uji-yang-panjang';

/** Factory: an agency. */
export async function buildAgency(t: TestApp, overrides: Partial<typeof agencies.$inferInsert> = {}) {
  counter += 1;
  const [row] = await t.db
    .insert(agencies)
    .values({
      code: `OPD${counter}`,
      name: `Dinas Uji ${counter}`,
      kind: 'OPD',
      createdAt: t.clock.now(),
      ...overrides,
    })
    .returning();
  return row!;
}

/** Factory: an active user holding `roles`, with TEST_PASSWORD, written straight to the database. */
export async function buildUser(
  t: TestApp,
  opts: {
    roles?: Role[];
    agencyId?: string | null;
    username?: string;
    status?: 'active' | 'inactive' | 'pending';
  } = {},
) {
  counter += 1;
  const username = opts.username ?? `pengguna${counter}`;
  const now = t.clock.now();
  const [user] = await t.db
    .insert(users)
    .values({
      username,
      name: `Pengguna ${counter}`,
      email: `${username}@uji.go.id`,
      passwordHash: await hashPassword(TEST_PASSWORD),
      status: opts.status ?? 'active',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  for (const role of opts.roles ?? []) {
    await t.db.insert(userRoles).values({ userId: user!.id, role, agencyId: opts.agencyId ?? null, createdAt: now });
  }
  return user!;
}
