import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { users } from '../accounts/accounts.schema.ts';
import { DEMO_VENDORS, loadRegistrationDemo } from './demo.ts';
import { isEligibleToBid } from './index.ts';
import { registrations, vendors } from './registration.schema.ts';

describe('demo vendors in every state', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await buildUser(t, { roles: ['VERIFIKATOR'], username: 'verifikator' });
    await t.db.transaction((tx) =>
      loadRegistrationDemo(tx, { clock: t.clock, files: t.files, passwordHash: () => 'x' }),
    );
  });
  after(() => t.close());

  test('draft, waiting, revision, approved, rejected and blacklisted are all there', async () => {
    const rows = await t.db
      .select({ username: users.username, status: registrations.status, vendorId: vendors.id })
      .from(registrations)
      .innerJoin(users, eq(users.id, registrations.userId))
      .innerJoin(vendors, eq(vendors.registrationId, registrations.id));
    assert.deepEqual(
      new Set(rows.map((r) => r.status)),
      new Set(['draft', 'submitted', 'revision', 'approved', 'rejected']),
    );
    const by = new Map(rows.map((r) => [r.username, r.vendorId]));
    assert.equal(rows.length, DEMO_VENDORS.length);
    assert.deepEqual(await isEligibleToBid(t.db, by.get('penyedia.aktif')!, t.clock.now()), { eligible: true });
    const black = await isEligibleToBid(t.db, by.get('penyedia.hitam')!, t.clock.now());
    assert.equal(!black.eligible && black.reason, 'BLACKLISTED');
    const waiting = await isEligibleToBid(t.db, by.get('penyedia.menunggu')!, t.clock.now());
    assert.equal(!waiting.eligible && waiting.reason, 'NOT_VERIFIED');
    assert.equal((await isEligibleToBid(t.db, 'bukan-uuid', t.clock.now())).eligible, false);
  });

  test('the queue and the public blacklist show them', async () => {
    const v = new Agent(t.app);
    await v.login('verifikator');
    assert.match((await v.get('/verifikasi?status=baru')).body, /Langara Bangun Persada/);
    assert.match((await v.get('/verifikasi?status=revisi')).body, /Bahari Munse Mandiri/);
    const pub = await new Agent(t.app).get('/daftar-hitam');
    assert.match(pub.body, /Tanjung Batu Karya/);
    assert.match(pub.body, /0\*\.9\*\*\.3\*\*\.\*-\*89\.\*\*0/);
  });
});
