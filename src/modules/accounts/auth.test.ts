import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../../app.ts';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { SESSION_COOKIE } from '../../platform/auth/session.ts';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { users } from './accounts.schema.ts';
import { issueSetupTokenIfNoUsers } from './commands/setup.ts';
import { CSRF_COOKIE } from './csrf.ts';

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

  test('a session cookie kept after logout is refused: the session ended on the server, not only in the browser', async () => {
    const u = await buildUser(t, { roles: ['AUDITOR'] });
    const a = new Agent(t.app);
    await a.login(u.username);
    const cookie = a.cookie(SESSION_COOKIE);
    assert.ok(cookie);
    assert.equal((await a.post('/keluar', {})).statusCode, 303);
    assert.equal(a.hasCookie(SESSION_COOKIE), false);
    a.setCookie(SESSION_COOKIE, cookie);
    const replay = await a.get('/dasbor');
    assert.equal(replay.statusCode, 303);
    assert.match(String(replay.headers.location), /^\/masuk/);
  });

  test('the CSRF secret changes at login and logout: older tokens are refused', async () => {
    const u = await buildUser(t, { roles: ['AUDITOR'] });
    const v = await buildUser(t, { roles: ['AUDITOR'] });
    const a = new Agent(t.app);
    await a.get('/masuk');
    const beforeLogin = a.csrf!;
    await a.login(u.username);
    const stale = await a.post('/keluar', {}, { csrf: beforeLogin });
    assert.equal(stale.statusCode, 403);
    assert.equal(stale.headers['x-error-code'], 'CSRF_INVALID');
    assert.notEqual(a.csrf, beforeLogin);
    const firstUser = a.csrf!;
    assert.equal((await a.post('/keluar', {})).statusCode, 303);
    // The next person at the same browser.
    await a.login(v.username);
    const previous = await a.post('/keluar', {}, { csrf: firstUser });
    assert.equal(previous.statusCode, 403);
    assert.equal(previous.headers['x-error-code'], 'CSRF_INVALID');
    assert.equal((await a.post('/keluar', {})).statusCode, 303);
  });

  test('request logs never hold the CSRF token or a link token from the URL', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => lines.push(l) });
    const app = await buildApp(
      { database: t.database, clock: t.clock, config: t.config, files: t.files, mail: t.mail },
      { logger },
    );
    try {
      await app.inject({ method: 'GET', url: '/kata-sandi/atur-ulang?token=rahasia-tautan&_csrf=rahasia-csrf' });
      await app.inject({ method: 'POST', url: '/daftar/formulir?_csrf=rahasia-csrf2' });
    } finally {
      await app.close();
    }
    const log = lines.join('');
    assert.match(log, /\/kata-sandi\/atur-ulang/);
    assert.doesNotMatch(log, /rahasia/);
  });
});

describe('behind an HTTPS proxy (TRUST_PROXY=true)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: 'true', BASE_URL: 'https://lpse.test' } });
  });
  after(() => t.close());

  test('HSTS and Secure cookies over HTTPS only', async () => {
    const https = await t.app.inject({ method: 'GET', url: '/masuk', headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(https.statusCode, 200);
    assert.match(String(https.headers['strict-transport-security']), /max-age=\d+/);
    const csrf = (https.cookies as { name: string; secure?: boolean }[]).find((c) => c.name === CSRF_COOKIE);
    assert.equal(csrf?.secure, true);
    const plain = await t.app.inject({ method: 'GET', url: '/masuk' });
    assert.equal(plain.headers['strict-transport-security'], undefined);
    const plainCsrf = (plain.cookies as { name: string; secure?: boolean }[]).find((c) => c.name === CSRF_COOKIE);
    assert.ok(plainCsrf);
    assert.notEqual(plainCsrf.secure, true);
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
