import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp, LOG_REDACT } from './app.ts';
import type { Config } from './config.ts';
import { issueSetupTokenIfNoUsers } from './modules/accounts/index.ts';
import { type Clock, OffsetFileClock, systemClock } from './platform/clock.ts';
import { lockDataDir } from './platform/db/data-dir.ts';
import { type Database, openPglite, openPostgres } from './platform/db/database.ts';
import { LocalBlobStore } from './platform/files/blob-store.ts';
import { openKeyring } from './platform/files/keyring.ts';
import { createJobRunner } from './platform/jobs/runner.ts';
import { createMailWorker } from './platform/mail/outbox.ts';
import { registry } from './registry.ts';

export function createLogger(config: Config) {
  return pino({
    level: config.logLevel,
    redact: { paths: LOG_REDACT, censor: '[disembunyikan]' },
    ...(process.stdout.isTTY
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  });
}

/** Opens the database of the configured mode: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
export async function openConfiguredDatabase(
  config: Config,
): Promise<{ database: Database; release: () => Promise<void> }> {
  if (config.databaseUrl) return { database: await openPostgres(config.databaseUrl), release: async () => {} };
  const release = await lockDataDir(config.dataDir);
  try {
    return { database: await openPglite(path.join(config.dataDir, 'db')), release };
  } catch (err) {
    await release();
    throw err;
  }
}

/**
 * Starts the platform: lock, open and migrate the database, print the one-time setup link when there is no user yet,
 * listen, and shut down gracefully on SIGTERM/SIGINT (stop accepting, finish running requests, close the database).
 */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const log = createLogger(config);
  const started = performance.now();
  const clock: Clock = config.testClockFile ? new OffsetFileClock(config.testClockFile) : systemClock;
  if (config.testClockFile) log.warn({ file: config.testClockFile }, 'JAM UJI aktif: waktu server dapat digeser');
  const { database, release } = await openConfiguredDatabase(config);
  await database.migrate();
  let files: LocalBlobStore;
  try {
    files = new LocalBlobStore(
      path.join(config.dataDir, 'files'),
      await openKeyring(config.masterKeyFile, database.db),
    );
  } catch (err) {
    await database.close();
    await release();
    throw err;
  }
  const mail = createMailWorker({
    db: database.db,
    clock,
    log,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    // Without SMTP, each mail's links are printed to the console (the log redacts the body); see /admin/surel.
    console: (text) => process.stdout.write(text),
    baseUrl: config.baseUrl,
  });
  const jobs = createJobRunner({
    db: database.db,
    clock,
    log: log.child({ component: 'jobs' }),
    config,
    files,
    handlers: registry().jobs,
  });
  const app = await buildApp({ database, clock, config, files, mail, jobs }, { logger: log });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'berhenti: menyelesaikan permintaan yang berjalan');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await mail.stop();
      await jobs.stop();
      await database.close();
      await release();
    } finally {
      clearTimeout(force);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  mail.start(config.mailPollMs);
  jobs.start(config.jobsPollMs);
  const setupToken = await issueSetupTokenIfNoUsers(database.db, systemClock);
  log.info(
    { mode: database.kind, startupMs: Math.round(performance.now() - started), url: config.baseUrl },
    'LPSE Terpadu siap',
  );
  if (config.baseUrl.startsWith('https:') && !config.trustProxy) {
    log.warn(
      'BASE_URL memakai https tetapi TRUST_PROXY=false: di balik proxy TLS cookie sesi dan CSRF tidak ditandai Secure dan HSTS tidak dikirim; setel TRUST_PROXY=true',
    );
  }
  if (setupToken) {
    // Printed straight to the console, not the JSON log: the operator must see it and the log must not keep it.
    process.stdout.write(
      `\n  Belum ada pengguna. Buka tautan penyiapan sekali pakai ini untuk membuat Admin Sistem pertama:\n\n    ${config.baseUrl}/penyiapan?token=${setupToken}\n\n`,
    );
  }
  return app;
}
