import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { users } from '../accounts/accounts.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { contracts } from './contracts.schema.ts';
import { completedContractsOf, runningContractsOf, vendorPerformance } from './index.ts';

describe('contracts demo: the Talud tender from award to PHO and rating', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    // Imported after the app: demo-data reaches the module list, which must load in its own order first.
    const { loadDemoData } = await import('../../demo/demo-data.ts');
    const log = console.log;
    console.log = () => {};
    try {
      await loadDemoData(t.db, t.config);
    } finally {
      console.log = log;
    }
  });
  after(() => t.close());

  test('one contract in its maintenance period, with an addendum, two BAPs, a PHO and a rating', async () => {
    const [k] = await t.db.select().from(contracts);
    assert.ok(k, 'the demo signs a contract');
    assert.equal(k.status, 'serah_terima');
    assert.ok(k.nilai > k.nilaiAwal);
    const [v] = await t.db
      .select({ id: vendors.id })
      .from(vendors)
      .innerJoin(users, eq(users.id, vendors.userId))
      .where(eq(users.username, 'penyedia.aktif'));
    assert.equal((await completedContractsOf(t.db, v!.id)).length, 1);
    assert.equal((await runningContractsOf(t.db, v!.id)).length, 0);
    const perf = await vendorPerformance(t.db, v!.id);
    assert.equal(perf.packages, 1);
    assert.equal(perf.averageHundredths, 250);
    assert.equal((await verifyAuditChain(t.db)).ok, true);
  });
});
