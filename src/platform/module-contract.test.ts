import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { MODULES } from '../modules.ts';
import { composeModules, registry, useModulesForTest } from '../registry.ts';
import { Agent } from '../test/agent.ts';
import { OPENS_AT } from '../test/example-module/example.policy.ts';
import { exampleModule, exampleSubscriber } from '../test/example-module/index.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../test/harness.ts';
import { documentClass } from './files/document-classes.ts';
import { defineModule } from './module.ts';

// One line in the module list: the example module lives in its own folder and touches nothing else.
useModulesForTest([...MODULES, exampleModule]);

describe('module contract: a module registered by one line in the list', () => {
  let t: TestApp;
  let agencyA: string;
  let agencyB: string;
  let ppk: Agent;
  before(async () => {
    t = await createTestApp();
    // Sessions idle out after 8 hours: start an hour before the example's gate opens.
    t.clock.set(new Date(OPENS_AT.getTime() - 3_600_000));
    agencyA = (await buildAgency(t)).id;
    agencyB = (await buildAgency(t)).id;
    const u = await buildUser(t, { roles: ['PPK'], agencyId: agencyA });
    ppk = new Agent(t.app);
    await ppk.login(u.username);
    await ppk.get('/dasbor');
  });
  after(() => t.close());

  test('its route is in the route table with its declared permission, and its document class is known', () => {
    const route = t.app.routeTable.find((r) => r.url === '/contoh/:agencyId/umumkan');
    assert.deepEqual(route?.access, { kind: 'permission', permission: 'example:announce' });
    assert.equal(registry().permissions.get('example:announce')?.scope, 'agency');
    assert.equal(documentClass('example_attachment')?.read, 'public');
  });

  test('its nav entry and catalogue strings appear for the role that holds its permission, in both languages', async () => {
    const page = await ppk.get('/dasbor');
    assert.match(page.body, /href="\/contoh">Contoh</);
    const vendor = new Agent(t.app);
    await vendor.login((await buildUser(t, { roles: ['PENYEDIA'] })).username);
    assert.doesNotMatch((await vendor.get('/dasbor')).body, /href="\/contoh"/);
    await ppk.get('/bahasa/en?kembali=/dasbor');
    assert.match((await ppk.get('/dasbor')).body, /href="\/contoh">Example</);
    await ppk.get('/bahasa/id?kembali=/dasbor');
  });

  test('agency scope: a PPK of agency A is refused for agency B, with the reason and its legal basis', async () => {
    t.clock.set(new Date(OPENS_AT.getTime() + 1000));
    const res = await ppk.post(`/contoh/${agencyB}/umumkan`, {});
    assert.equal(res.statusCode, 403);
    assert.equal(res.headers['x-error-code'], 'OUTSIDE_AGENCY');
    assert.match(res.body, /hanya dapat bertindak untuk instansi Anda sendiri/);
    assert.match(res.body, /Dasar: Pasal 13\(1\)/);
  });

  test('time gate: refused before it opens, the page says when it opens (WITA); allowed from that second', async () => {
    t.clock.set(new Date(OPENS_AT.getTime() - 1000));
    const early = await ppk.post(`/contoh/${agencyA}/umumkan`, {});
    assert.equal(early.statusCode, 403);
    assert.equal(early.headers['x-error-code'], 'NOT_YET_OPEN');
    assert.match(early.body, /dibuka 14 Maret 2027 pukul 10\.00 WITA/);
    t.clock.set(OPENS_AT);
    const ok = await ppk.post(`/contoh/${agencyA}/umumkan`, {});
    assert.equal(ok.statusCode, 303);
    const rows = await t.db.execute(
      sql`select action, actor_role from audit_events where action = 'example.announced'`,
    );
    const row = (rows as unknown as { rows: { action: string; actor_role: string }[] }).rows[0];
    assert.equal(row?.actor_role, 'PPK');
  });

  test('its audit subscriber runs inside the transaction of the event; its failure rolls the change back', async () => {
    t.clock.set(OPENS_AT);
    const seen = exampleSubscriber.seen.length;
    assert.equal((await ppk.post(`/contoh/${agencyA}/umumkan`, {})).statusCode, 303);
    const got = exampleSubscriber.seen.slice(seen);
    assert.equal(got.length, 1);
    assert.equal(got[0]!.action, 'example.announced');
    assert.deepEqual(got[0]!.summary, { agency: agencyA });
    assert.equal(got[0]!.rowVisible, true, 'the uncommitted event is visible: same transaction');

    const count = async () =>
      (
        (await t.db.execute(
          sql`select count(*)::int as n from audit_events where action = 'example.announced'`,
        )) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    const before = await count();
    exampleSubscriber.failNext = true;
    const failed = await ppk.post(`/contoh/${agencyA}/umumkan`, {});
    assert.equal(failed.statusCode, 500);
    assert.equal(await count(), before, 'the event was rolled back with the subscriber');
    assert.equal(registry().auditSubscribers.get('example.announced')?.[0]?.module, 'example');
  });

  test('the composition refuses inconsistent declarations at start-up', () => {
    const broken = defineModule({
      name: 'broken',
      nav: [{ href: '/x', labelKey: 'nav.tidak.ada', permission: 'tidak:ada' }],
      locales: { id: { 'broken.only.id': 'x' }, en: {} },
    });
    assert.throws(() => composeModules([...MODULES, broken]), /unknown label nav\.tidak\.ada[\s\S]*unknown permission/);
    assert.throws(() => composeModules([...MODULES, broken]), /broken\.only\.id has no English text/);
    assert.throws(() => composeModules([...MODULES, exampleModule, exampleModule]), /listed twice/);
    const deaf = defineModule({ name: 'deaf', auditSubscribers: { 'tidak.ada': async () => {} } });
    assert.throws(() => composeModules([...MODULES, deaf]), /audit subscriber of deaf: unknown audit event tidak\.ada/);
  });
});
