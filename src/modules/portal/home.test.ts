import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';

describe('home page and agency form (issue 7)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('the home page asks vendors to register, with a clear button', async () => {
    const r = await t.app.inject({ url: '/' });
    assert.match(r.body, /<a class="button" href="\/daftar">Daftar sebagai penyedia<\/a>/);
  });

  test('the agency form: the summary uses the field’s own label, the hint says codes become upper case', async () => {
    const u = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    const a = new Agent(t.app);
    await a.login(u.username);
    const form = await a.get('/admin/instansi/baru');
    assert.match(form.body, /huruf besar/);
    const r = await a.post('/admin/instansi/baru', { code: 'dinkes', name: '', kind: 'OPD' });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /<a href="#name">Nama instansi: /);
    assert.doesNotMatch(r.body, /Nama lengkap/);
  });
});
