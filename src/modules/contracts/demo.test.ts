import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/tokens.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.ts';
import { users } from '../accounts/accounts.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { signIn } from '../sulap/sulap.test-support.ts';
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

  test('its PPK sees every section on one page, the FHO form next; the vendor follows it read-only', async () => {
    const hash = await hashPassword(TEST_PASSWORD);
    for (const u of ['ppk.pupr', 'penyedia.aktif'])
      await t.db.update(users).set({ passwordHash: hash }).where(eq(users.username, u));
    const [k] = await t.db.select().from(contracts);
    const ppk = await signIn(t, 'ppk.pupr');
    assert.match((await ppk.get('/kelola/kontrak')).body, new RegExp(`/kelola/kontrak/${k!.awardId}`));
    const page = (await ppk.get(`/kelola/kontrak/${k!.awardId}`)).body;
    for (const text of ['Diterima penyedia', 'Penambahan panjang talud', '100 %', '2,50 — Baik', 'Catat FHO'])
      assert.ok(page.includes(text), text);
    const vendor = await signIn(t, 'penyedia.aktif');
    const mine = (await vendor.get(`/kontrak-saya/${k!.awardId}`)).body;
    assert.match(mine, /Masa pemeliharaan \(PHO\)/);
    assert.doesNotMatch(mine, /<main[\s\S]*<form[\s\S]*<\/main>/);
    assert.equal((await vendor.get(`/kelola/kontrak/${k!.awardId}`)).statusCode, 403);
  });
});
