import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/agent.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';

describe('audit trail page (R21): sentences, filters, access', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function admin() {
    const u = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    const a = new Agent(t.app);
    await a.login(u.username);
    await a.get('/admin/instansi/baru');
    return { u, a };
  }

  test('filters by actor: only the chosen person’s events are listed', async () => {
    const first = await admin();
    const second = await admin();
    assert.equal(
      (await first.a.post('/admin/instansi/baru', { code: 'SATU', name: 'Dinas Satu', kind: 'OPD' })).statusCode,
      303,
    );
    assert.equal(
      (await second.a.post('/admin/instansi/baru', { code: 'DUA', name: 'Dinas Dua', kind: 'OPD' })).statusCode,
      303,
    );
    const page = await first.a.get(`/audit?actor=${first.u.username}&action=agency.created`);
    assert.match(page.body, /Menambah instansi Dinas Satu/);
    assert.doesNotMatch(page.body, /Dinas Dua/);
    const other = await first.a.get(`/audit?actor=${second.u.username}&action=agency.created`);
    assert.match(other.body, /Menambah instansi Dinas Dua/);
    assert.doesNotMatch(other.body, /Dinas Satu/);
  });

  test('filters by action, and renders events as sentences naming the person, with a link to them', async () => {
    const { a } = await admin();
    const agency = await buildAgency(t);
    const person = await buildUser(t, { username: 'andi.jejak' });
    await a.get(`/admin/pengguna/${person.id}`);
    assert.equal(
      (await a.post(`/admin/pengguna/${person.id}/peran`, { role: 'PA', agencyId: agency.id })).statusCode,
      303,
    );
    const page = await a.get('/audit?action=role_granted');
    assert.match(
      page.body,
      new RegExp(`<a href="/admin/pengguna/${person.id}">Memberi peran [^<]*kepada ${person.name}</a>`),
    );
    assert.doesNotMatch(page.body, /Menambah instansi/);
    await a.get('/bahasa/en?kembali=/audit');
    assert.match((await a.get('/audit?action=role_granted')).body, new RegExp(`Gave the role [^<]* to ${person.name}`));
  });

  test('only the Kepala LPSE, the Auditor and the Admin Sistem may open it', async () => {
    const ppk = await buildUser(t, { roles: ['PPK'], agencyId: (await buildAgency(t)).id });
    const a = new Agent(t.app);
    await a.login(ppk.username);
    const res = await a.get('/audit');
    assert.equal(res.statusCode, 403);
    assert.equal(res.headers['x-error-code'], 'FORBIDDEN');
  });
});
