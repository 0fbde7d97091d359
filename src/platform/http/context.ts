import type { Config } from '../../config.ts';
import type { AuditContext } from '../audit/audit.ts';
import { type Actor, defaultActingRole } from '../auth/permissions.ts';
import type { Clock } from '../clock.ts';
import type { Database, Db } from '../db/database.ts';
import type { BlobStore } from '../files/blob-store.ts';
import type { Locale, Translate } from '../i18n/i18n.ts';
import type { JobRunner } from '../jobs/runner.ts';
import type { MailWorker } from '../mail/outbox.ts';

/** What the process is built from; tests pass their own (a fresh database, a ManualClock, a temp file store). */
export interface Services {
  database: Database;
  clock: Clock;
  config: Config;
  files: BlobStore;
  mail?: MailWorker;
  jobs?: JobRunner;
}

/** What a command needs to do one use case on behalf of one person. No HTTP in here. */
export interface Ctx {
  db: Db;
  clock: Clock;
  config: Config;
  files: BlobStore;
  actor: Actor | null;
  requestId: string | null;
  locale: Locale;
  t: Translate;
}

export function auditContext(ctx: Ctx): AuditContext {
  return {
    clock: ctx.clock,
    requestId: ctx.requestId,
    config: ctx.config,
    // The role that granted the permission checked for this change (never the first role of an unordered list).
    actor: { userId: ctx.actor?.userId ?? null, name: ctx.actor?.name ?? null, role: defaultActingRole(ctx.actor) },
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
  interface FastifyInstance {
    services: Services;
  }
}
