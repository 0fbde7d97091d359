import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../../app.ts';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { SESSION_COOKIE } from '../../platform/auth/session.ts';
import { CSRF_COOKIE } from '../../platform/http/csrf.ts';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.ts';
import { users } from './accounts.schema.ts';
import { IP_FREE_FAILURES } from './commands/password-check.ts';
import { issueSetupTokenIfNoUsers } from './commands/setup.ts';

/** The error summary's text, without the request-specific parts of the page (CSRF token, request id). */
const errorText = (html: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? html;

describe('first-run setup and sign-in (R37)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('the one-time setup link creates the first admin and then stops working', async () => {
    const token = await issueSetupTokenIfNoUsers(t.db, t.clock);
    assert.ok(token, 'token');
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
    assert.ok(chain.ok, 'chain.ok');
  });

  test('after five failures each attempt waits, doubling: the same answer for a real and an unknown User ID', async () => {
    const u = await buildUser(t, { roles: ['PPK'] });
    const a = new Agent(t.app, { ip: '198.51.100.1' });
    const attempt = async (username: string, password = 'salah-salah-salah') => {
      const r = await a.post('/masuk', { username, password });
      return { status: r.statusCode, code: r.headers['x-error-code'], body: errorText(r.body) };
    };
    for (const username of [u.username, 'tidak.ada.orangnya']) {
      for (let i = 0; i < 5; i++) {
        const r = await attempt(username);
        assert.equal(r.status, 401);
        assert.equal(r.code, 'INVALID_CREDENTIALS');
        assert.match(r.body, /User ID atau kata sandi salah/);
      }
    }
    // Slowed down: even the right password waits, and an unknown User ID gets exactly the same answer.
    const real = await attempt(u.username, TEST_PASSWORD);
    const unknown = await attempt('tidak.ada.orangnya', TEST_PASSWORD);
    assert.equal(real.status, 429);
    assert.equal(real.code, 'LOGIN_THROTTLED');
    assert.deepEqual(unknown, real);
    assert.match(real.body, /Coba lagi dalam 1 menit/);
    // One minute later one more try; a wrong one doubles the wait.
    t.clock.advance(61_000);
    assert.equal((await attempt(u.username)).status, 401);
    t.clock.advance(61_000);
    assert.equal((await attempt(u.username, TEST_PASSWORD)).status, 429);
    t.clock.advance(61_000);
    const ok = await a.post('/masuk', { username: u.username, password: TEST_PASSWORD });
    assert.equal(ok.statusCode, 303);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, u.id));
    assert.equal(events.filter((e) => e.action === 'auth.login_failed').length, 4);
    assert.equal(events.filter((e) => e.action === 'auth.account_locked').length, 2);
    // A success clears the count for the account.
    const fresh = await new Agent(t.app, { ip: '198.51.100.1' }).post('/masuk', {
      username: u.username,
      password: 'salah-salah-salah',
    });
    assert.equal(fresh.statusCode, 401);
  });

  test('a User ID slowed down on /masuk is slowed down on /daftar/lanjut too, and the reverse', async () => {
    const u = await buildUser(t, { roles: ['AUDITOR'] });
    const a = new Agent(t.app, { ip: '198.51.100.2' });
    for (let i = 0; i < 5; i++) await a.post('/masuk', { username: u.username, password: 'salah-salah-salah' });
    await a.get('/daftar/lanjut');
    const resume = await a.post('/daftar/lanjut', { username: u.username, password: TEST_PASSWORD });
    assert.equal(resume.statusCode, 429);
    assert.equal(resume.headers['x-error-code'], 'LOGIN_THROTTLED');

    const v = await buildUser(t, { status: 'pending' });
    for (let i = 0; i < 5; i++) {
      const r = await a.post('/daftar/lanjut', { username: v.username, password: 'salah-salah-salah' });
      assert.equal(r.statusCode, 401);
    }
    const login = await a.post('/masuk', { username: v.username, password: TEST_PASSWORD });
    assert.equal(login.statusCode, 429);
    const failed = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, v.id));
    assert.equal(failed.length, 5);
  });

  test('many failures from one address slow that address down, whatever the User ID', async () => {
    const a = new Agent(t.app, { ip: '203.0.113.9' });
    const post = (username: string, password: string) => a.post('/masuk', { username, password });
    for (let i = 0; i < IP_FREE_FAILURES; i++) assert.equal((await post(`tebak${i}`, 'salah-salah')).statusCode, 401);
    const u = await buildUser(t);
    const blocked = await post(u.username, TEST_PASSWORD);
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.headers['x-error-code'], 'LOGIN_THROTTLED');
    // Other addresses are not affected.
    assert.equal(
      (await new Agent(t.app).post('/masuk', { username: u.username, password: TEST_PASSWORD })).statusCode,
      303,
    );
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
    assert.ok(cookie, 'cookie');
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

  test('an inactive account cannot sign in', async () => {
    const u = await buildUser(t, { roles: ['PENYEDIA'], status: 'inactive' });
    const a = new Agent(t.app);
    const r = await a.post('/masuk', { username: u.username, password: 'kata-sandi-uji-yang-panjang' });
    assert.equal(r.statusCode, 403);
    assert.equal(r.headers['x-error-code'], 'ACCOUNT_INACTIVE');
    const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
    assert.equal(row!.status, 'inactive');
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
    assert.ok(plainCsrf, 'plainCsrf');
    assert.notEqual(plainCsrf.secure, true);
  });
});
