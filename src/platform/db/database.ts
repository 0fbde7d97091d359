import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/** A database handle or an open transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../../db/migrations', import.meta.url));

/** PGlite in `dir` (or in memory when `dir` is undefined): PostgreSQL compiled to WASM, one connection, in-process. */
export async function openPglite(dir: string | undefined): Promise<Database> {
  // PostgreSQL's default 128 MB of shared buffers would be most of the process's memory; one LPSE's working set is
  // far smaller, and the operating system's page cache still serves the data files.
  const options = { postgresqlconf: ['shared_buffers=32MB'] };
  const client = dir ? new PGlite(path.join(dir), options) : new PGlite(options);
  await client.waitReady;
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    migrate: () => migratePglite(drizzlePglite({ client }), { migrationsFolder }),
    ping: async () => {
      try {
        await client.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => client.close(),
  };
}

/** A PostgreSQL server (15 or newer) through a connection pool. */
export async function openPostgres(url: string): Promise<Database> {
  // 20 connections: at a bid deadline hundreds of uploads check their session and upload at once while receipts
  // commit one after another on the audit chain's lock; 10 left the checks queueing behind those commits.
  const pool = new pg.Pool({ connectionString: url, max: 20, connectionTimeoutMillis: 5000 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzleNodePg({ client: pool }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    migrate: () => migrateNodePg(drizzleNodePg({ client: pool }), { migrationsFolder }),
    ping: async () => {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}
