import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { canonicalJson, recordAudit, verifyAuditChain } from './audit.ts';

const ctx = (t: TestApp) => ({
  clock: t.clock,
  requestId: 'req-1',
  actor: { userId: null, name: 'uji', role: 'ADMIN_SISTEM' },
});

/** A fresh database holding a chain of five events: each test that tampers with the chain gets its own. */
async function appWithChain(): Promise<TestApp> {
  const t = await createTestApp();
  for (let i = 1; i <= 5; i++) {
    await t.db.transaction((tx) =>
      recordAudit(tx, ctx(t), {
        // Any event type will do: the chain does not depend on it.
        action: 'demo.loaded',
        objectType: 'uji',
        objectId: String(i),
        summary: { agencies: i, users: 0, z: { b: 1, a: 2 } } as never,
      }),
    );
    t.clock.advance(1000);
  }
  return t;
}

describe('hash-chained audit trail', () => {
  let t: TestApp;
  before(async () => {
    t = await appWithChain();
  });
  after(() => t.close());

  test('canonical JSON does not depend on key order', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } }),
      canonicalJson({ a: { c: [3, { e: 2, f: 1 }], d: 2 }, b: 1 }),
    );
  });

  test('an intact chain verifies', async () => {
    assert.deepEqual(await verifyAuditChain(t.db), { ok: true, count: 5 });
  });

  test('the database refuses to update or delete audit rows', async () => {
    const appendOnly = (err: Error & { cause?: Error }) =>
      /append-only/.test(String(err.cause?.message ?? err.message));
    await assert.rejects(t.db.execute(sql`update audit_events set action = 'x' where seq = 2`), appendOnly);
    await assert.rejects(t.db.execute(sql`delete from audit_events where seq = 2`), appendOnly);
  });

  test('a failed transaction leaves no audit row behind', async () => {
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await recordAudit(tx, ctx(t), { action: 'demo.loaded', objectType: 'uji', summary: { agencies: 0, users: 0 } });
        throw new Error('rollback');
      }),
    );
    assert.deepEqual(await verifyAuditChain(t.db), { ok: true, count: 5 });
  });

  test('an edited row is detected and named, even by someone who can disable the trigger', async (tc) => {
    const t = await appWithChain();
    tc.after(() => t.close());
    await t.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await t.db.execute(sql`update audit_events set summary = '{"i": 99}'::jsonb where seq = 3`);
    const r = await verifyAuditChain(t.db);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.brokenSeq, 3);
    assert.equal(!r.ok && r.reason, 'hash_mismatch');
  });

  test('a deleted row is detected as a gap', async (tc) => {
    const t = await appWithChain();
    tc.after(() => t.close());
    await t.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await t.db.execute(sql`delete from audit_events where seq = 4`);
    const r = await verifyAuditChain(t.db);
    assert.equal(!r.ok && r.brokenSeq, 4);
    assert.equal(!r.ok && r.reason, 'missing_row');
  });
});
