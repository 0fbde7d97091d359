import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { isDatabaseBusy, mapError } from './errors.tsx';

/** A database client that connects at once and whose queries never finish: it holds its pool slot, as a busy one. */
class BusyClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads; the pool calls connect(callback)
  override connect(callback?: any): any {
    if (callback) callback(null);
    else return Promise.resolve();
  }
  override query(): never {
    return new Promise(() => {}) as never;
  }
}

test('a saturated database pool is a 503 SERVICE_BUSY (retry), not a 500 — as pg-pool and drizzle report it', async () => {
  const pool = new pg.Pool({ max: 1, connectionTimeoutMillis: 30, Client: BusyClient });
  const db = drizzle(pool);
  // Takes the only connection and keeps it (a drizzle query runs when awaited or then-ed).
  db.execute(sql`select 1`).then(
    () => {},
    () => {},
  );
  const alive = setInterval(() => {}, 1000); // pg-pool's wait timer does not hold the process open by itself
  const err = await db.execute(sql`select 1`).then(
    () => assert.fail('the query cannot run'),
    (e: Error) => e,
  );
  clearInterval(alive);
  assert.ok(isDatabaseBusy(err), `recognised: ${err.message} / ${(err.cause as Error | undefined)?.message}`);
  assert.deepEqual(mapError(err), { status: 503, code: 'SERVICE_BUSY', messageKey: 'error.busy' });
  assert.equal(mapError(new Error('relation "x" does not exist')), undefined, 'a real fault stays a fault');
});
