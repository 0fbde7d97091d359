import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { users } from './accounts.schema.ts';
import { issueSetupTokenIfNoUsers } from './commands/setup.ts';

describe('first-run setup and sign-in (R37)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('the one-time setup link creates the first admin and then stops working', async () => {
    const token = await issueSetupTokenIfNoUsers(t.db, t.clock);
    assert.ok(token);
    const a = new Agent(t.app);
    const page = await a.get(`/penyiapan?token=${token}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Penyiapan awal/);

    const bad = await a.post('/penyiapan', {
      token: token!,
      name: 'Admin',
      username: 'admin',
      email: 'x',
      password: 'short',
      passwordConfirm: 'short',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<title>Galat: /);
    assert.match(bad.body, /href="#email"/);
    assert.match(bad.body, /minimal 12 karakter/);

    const ok = await a.post('/penyiapan', {
      token: token!,
      name: 'Rahmat Saleh',
      username: 'Admin.Sistem',
      email: 'admin@konkepkab.go.id',
      password: 'pulau-wawonii-indah-2026',
      passwordConfirm: 'pulau-wawonii-indah-2026',
    });
    assert.equal(ok.statusCode, 303);
    const again = await a.get(`/penyiapan?token=${token}`);
    assert.equal(again.statusCode, 410);
    assert.equal(await issueSetupTokenIfNoUsers(t.db, t.clock), undefined);

    const login = await a.post('/masuk', { username: 'admin.sistem', password: 'pulau-wawonii-indah-2026' });
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/dasbor');
    const dash = await a.get('/dasbor');
    assert.equal(dash.statusCode, 200);
    assert.match(dash.body, /Rahmat Saleh/);
    assert.match(dash.body, /href="\/admin\/pengguna"/);
    const chain = await verifyAuditChain(t.db);
    assert.ok(chain.ok);
  });

  test('five wrong passwords lock the account for 15 minutes, even for the right password', async () => {
    const u = await buildUser(t, { roles: ['PPK'] });
    const a = new Agent(t.app);
    for (let i = 0; i < 5; i++) {
      const r = await a.post('/masuk', { username: u.username, password: 'salah-salah-salah' });
      assert.equal(r.statusCode, 401);
      assert.match(r.body, /User ID atau kata sandi salah/);
    }
    const locked = await a.post('/masuk', { username: u.username, password: 'kata-sandi-uji-yang-panjang' });
    assert.equal(locked.statusCode, 423);
    assert.match(locked.body, /dikunci/);
    t.clock.advance(16 * 60_000);
    const ok = await a.post('/masuk', { username: u.username, password: 'kata-sandi-uji-yang-panjang' });
    assert.equal(ok.statusCode, 303);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, u.id));
    assert.ok(events.some((e) => e.action === 'auth.account_locked'));
  });

  test('logout ends the session on the server', async () => {
    const u = await buildUser(t, { roles: ['AUDITOR'] });
    const a = new Agent(t.app);
    await a.login(u.username);
    assert.equal((await a.get('/dasbor')).statusCode, 200);
    const out = await a.post('/keluar', {});
    assert.equal(out.statusCode, 303);
    const after = await a.get('/dasbor');
    assert.equal(after.statusCode, 303);
    assert.match(String(after.headers.location), /^\/masuk/);
  });

  test('an inactive account cannot sign in', async () => {
    const u = await buildUser(t, { roles: ['PENYEDIA'], status: 'inactive' });
    const a = new Agent(t.app);
    const r = await a.post('/masuk', { username: u.username, password: 'kata-sandi-uji-yang-panjang' });
    assert.equal(r.statusCode, 403);
    const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
    assert.equal(row!.status, 'inactive');
  });
});
