import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';

/** "Bad input never produces a 500": every case here must answer 4xx with a readable message. */
describe('bad input gets a clear 4xx, never a 500', () => {
  let t: TestApp;
  let admin: Agent;
  before(async () => {
    t = await createTestApp();
    const u = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    admin = new Agent(t.app);
    await admin.login(u.username);
  });
  after(() => t.close());

  test('an unknown page is a 404 page in Bahasa Indonesia, and in English after the switch', async () => {
    const a = new Agent(t.app);
    const id = await a.get('/tidak-ada');
    assert.equal(id.statusCode, 404);
    assert.match(id.body, /<html lang="id"/);
    assert.match(id.body, /Halaman tidak ditemukan/);
    await a.get('/bahasa/en?kembali=/');
    const en = await a.get('/tidak-ada');
    assert.match(en.body, /<html lang="en"/);
    assert.match(en.body, /Page not found/);
  });

  test('an unknown API route is JSON with a stable code', async () => {
    const r = await new Agent(t.app).get('/api/v1/tidak-ada');
    assert.equal(r.statusCode, 404);
    assert.deepEqual(r.json().error.code, 'NOT_FOUND');
  });

  test('a form without CSRF token, or with a forged one, is refused with 403 and a message', async () => {
    const a = new Agent(t.app);
    await a.get('/masuk');
    const missing = await a.post('/masuk', { username: 'x', password: 'y' }, { csrf: null });
    assert.equal(missing.statusCode, 403);
    assert.match(missing.body, /Formulir sudah kedaluwarsa/);
    const forged = await a.post('/masuk', { username: 'x', password: 'y' }, { csrf: 'palsu' });
    assert.equal(forged.statusCode, 403);
    const fresh = await new Agent(t.app).request({
      method: 'POST',
      url: '/masuk',
      payload: 'username=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(fresh.statusCode, 403);
  });

  test('invalid JSON to the API is a 400 INVALID_JSON', async () => {
    const r = await admin.api('POST', '/api/v1/agencies', undefined, '{"code": ');
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().error.code, 'INVALID_JSON');
  });

  test('a JSON body that fails the schema is a 400 VALIDATION naming the fields', async () => {
    const r = await admin.api('POST', '/api/v1/agencies', { code: '!', kind: 'PLANET' });
    assert.equal(r.statusCode, 400);
    const body = r.json();
    assert.equal(body.error.code, 'VALIDATION');
    assert.ok(body.error.message.length > 0, 'body.error.message.length > 0');
  });

  test('a malformed form keeps what was typed and shows an error summary linking to the field', async () => {
    const r = await admin.post('/admin/instansi/baru', { code: 'x', name: 'Dinas Pariwisata', kind: '' });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /<title>Galat: /);
    assert.match(r.body, /Ada masalah/);
    assert.match(r.body, /href="#code"/);
    assert.match(r.body, /href="#kind"/);
    assert.match(r.body, /value="Dinas Pariwisata"/);
  });

  test('a form body with repeated or odd fields is still a 4xx', async () => {
    const r = await admin.request({
      method: 'POST',
      url: '/admin/instansi/baru',
      payload: `_csrf=${encodeURIComponent(admin.csrf!)}&code=A&code=B&name[x]=1&kind=OPD`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.ok(r.statusCode >= 400 && r.statusCode < 500, String(r.statusCode));
  });

  test('repeated query parameters never reach a handler as an array', async () => {
    for (const url of [
      '/audit?action=a&action=b',
      '/admin/pengguna?q=a&q=b',
      '/penyiapan?token=a&token=b',
      '/masuk?kembali=/a&kembali=/b',
    ]) {
      const r = await admin.get(url);
      assert.ok(r.statusCode < 500, `${url} → ${r.statusCode}`);
    }
  });

  test('a NUL character anywhere in the input is a 400, not a database error', async () => {
    const form = await admin.post('/admin/instansi/baru', { code: 'NUL1', name: 'Dinas\u0000X', kind: 'OPD' });
    assert.equal(form.statusCode, 400);
    assert.equal((await admin.get('/audit?action=a%00b')).statusCode, 400);
    const api = await admin.api('POST', '/api/v1/agencies', { code: 'NUL2', name: 'A\u0000', kind: 'OPD' });
    assert.equal(api.statusCode, 400);
  });

  test('an oversized form body is a 413 with a message', async () => {
    const r = await admin.post('/admin/instansi/baru', { code: 'BIG', name: 'x'.repeat(300 * 1024), kind: 'OPD' });
    assert.equal(r.statusCode, 413);
    assert.match(r.body, /Isian formulir terlalu besar/);
  });

  test('a wrong content type is a 415', async () => {
    const r = await admin.request({
      method: 'POST',
      url: '/admin/instansi/baru',
      payload: '<x/>',
      headers: { 'content-type': 'application/xml', 'x-csrf-token': admin.csrf! },
    });
    assert.equal(r.statusCode, 415);
  });

  test('malformed ids in URLs are 404, not database errors', async () => {
    assert.equal((await admin.get('/admin/pengguna/bukan-uuid')).statusCode, 404);
    assert.equal((await admin.get('/berkas/..%2F..%2Fetc')).statusCode, 404);
    const r = await admin.post('/admin/pengguna/bukan-uuid/peran/juga-bukan/cabut', {});
    assert.equal(r.statusCode, 404);
  });

  test('a page that needs a role answers 403 to a person without it, and sends a visitor to sign in', async () => {
    const ppk = await buildUser(t, { roles: ['PPK'] });
    const a = new Agent(t.app);
    const anon = await a.get('/admin/pengguna');
    assert.equal(anon.statusCode, 303);
    assert.match(String(anon.headers.location), /^\/masuk\?kembali=/);
    await a.login(ppk.username);
    const r = await a.get('/admin/pengguna');
    assert.equal(r.statusCode, 403);
    assert.match(r.body, /tidak berhak/);
  });

  test('a redirect target from the query string can never leave the site', async () => {
    const u = await buildUser(t, { roles: ['AUDITOR'] });
    const a = new Agent(t.app);
    await a.get('/masuk');
    const r = await a.post('/masuk?kembali=//evil.example', {
      username: u.username,
      password: 'kata-sandi-uji-yang-panjang',
    });
    assert.equal(r.headers.location, '/dasbor');
    const sw = await a.get('/bahasa/en?kembali=https://evil.example');
    assert.equal(sw.headers.location, '/');
  });
});
