import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { withFlash } from './handle-form.ts';

describe('operations basics and security headers', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  after(() => t.close());

  test('every response carries a request id and a strict content security policy', async () => {
    const r = await new Agent(t.app).get('/');
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'self'/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
  });

  test('the session cookie is httpOnly and SameSite=Lax, and Secure when the request came over HTTPS', async () => {
    const u = await buildUser(t, { roles: ['AUDITOR'] });
    const a = new Agent(t.app);
    await a.get('/masuk');
    const res = await a.request({
      method: 'POST',
      url: '/masuk',
      payload: new URLSearchParams({
        username: u.username,
        password: 'kata-sandi-uji-yang-panjang',
        _csrf: a.csrf!,
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' },
    });
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('lpse_sesi='))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Secure/);
  });

  test('the navigation marks only the section the page is in as current', async () => {
    const r = await new Agent(t.app).get('/daftar-hitam');
    const current = [...r.body.matchAll(/<a href="([^"]+)" aria-current="page"/g)].map((m) => m[1]);
    assert.deepEqual(current, ['/daftar-hitam']);
  });

  test('a confirmation after a redirect is shown once, by the layout', async () => {
    const r = await new Agent(t.app).get(withFlash('/daftar/lanjut', 'Anda sudah keluar'));
    assert.equal(r.body.split('Anda sudah keluar').length - 1, 1);
  });

  test('`?ok=` with any text of an attacker shows nothing (confirmations are signed)', async () => {
    const a = new Agent(t.app);
    const plain = await a.get('/?ok=Akun%20Anda%20diblokir.%20Hubungi%200812-0000');
    assert.doesNotMatch(plain.body, /notice success|>[^<]*diblokir/);
    const signed = withFlash('/', 'Pesan asli');
    const forged = signed.replace(/ok=[^.]+/, `ok=${Buffer.from('Pesan palsu').toString('base64url')}`);
    assert.doesNotMatch((await a.get(forged)).body, /Pesan palsu|Pesan asli/);
    assert.match((await a.get(signed)).body, /notice success[^>]*>Pesan asli/);
  });

  test('static assets are cached; pages are not', async () => {
    const css = await new Agent(t.app).get('/static/app.css');
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['cache-control']), /max-age=86400/);
    const page = await new Agent(t.app).get('/');
    assert.equal(page.headers['cache-control'], 'no-store');
  });

  test('/healthz answers ok while the database answers, and 503 once it does not', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { status: 'ok' });
    // Really stop the database (this is the last test of the file).
    await t.database.close();
    const down = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(down.statusCode, 503);
    assert.deepEqual(down.json(), { status: 'unavailable' });
  });
});
