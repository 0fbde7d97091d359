import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { Agent } from '../../test/agent.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { userRoles } from './accounts.schema.ts';

describe('user administration with roles per agency (R21–R23)', () => {
  let t: TestApp;
  let admin: Agent;
  let agencyId: string;
  before(async () => {
    t = await createTestApp();
    const u = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    admin = new Agent(t.app);
    await admin.login(u.username);
    agencyId = (await buildAgency(t, { name: 'Dinas PUPR', code: 'PUPR' })).id;
  });
  after(() => t.close());

  test('the admin creates a user with a role; no password is set, a single-use link is mailed', async () => {
    await admin.get('/admin/pengguna/baru');
    const r = await admin.post('/admin/pengguna/baru', {
      name: 'Andi Baso',
      username: 'ppk.andi',
      email: 'andi@pupr.go.id',
      nip: '198001012005011001',
      position: 'PPK',
      role: 'PPK',
      agencyId,
    });
    assert.equal(r.statusCode, 303, r.body);
    const page = await admin.get(String(r.headers.location));
    assert.match(page.body, /Andi Baso/);
    assert.match(page.body, /Pejabat Pembuat Komitmen/);
    assert.match(page.body, /Dinas PUPR/);
    const list = await admin.get('/admin/pengguna?q=andi');
    assert.match(list.body, /ppk\.andi/);
    // Without SMTP configured the mail is kept in the outbox and written to the log, not lost.
    await t.mail.runOnce();
    const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'andi@pupr.go.id'));
    assert.equal(mail!.status, 'logged');
    assert.match(mail!.bodyText, /ppk\.andi/);
    assert.match(mail!.bodyText, /http:\/\/lpse\.test\/kata-sandi\/atur-ulang\?token=/);
  });

  test("the welcome mail is in the new user's language, not the admin's", async () => {
    const en = new Agent(t.app);
    en.setCookie('lang', 'en');
    const u = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    await en.login(u.username);
    await en.get('/admin/pengguna/baru');
    const r = await en.post('/admin/pengguna/baru', {
      name: 'Wa Ode Nur',
      username: 'wa.ode',
      email: 'waode@dinas.go.id',
      nip: '',
      position: '',
      role: '',
      agencyId: '',
    });
    assert.equal(r.statusCode, 303, r.body);
    const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'waode@dinas.go.id'));
    assert.equal(mail!.subject, 'Akun LPSE Anda sudah dibuat');
  });

  test('separation of duties: an LPSE-team member cannot become Pokja, citing Pasal 13(3)', async () => {
    const verifier = await buildUser(t, { roles: ['VERIFIKATOR'] });
    await admin.get(`/admin/pengguna/${verifier.id}`);
    const r = await admin.post(`/admin/pengguna/${verifier.id}/peran`, { role: 'POKJA', agencyId });
    assert.equal(r.statusCode, 409);
    assert.match(r.body, /Pasal 13 ayat \(3\)/);
    const roles = await t.db.select().from(userRoles).where(eq(userRoles.userId, verifier.id));
    assert.deepEqual(
      roles.map((x) => x.role),
      ['VERIFIKATOR'],
    );
  });

  test('and the reverse: a PPK cannot join the LPSE team', async () => {
    const ppk = await buildUser(t, { roles: ['PPK'], agencyId });
    await admin.get(`/admin/pengguna/${ppk.id}`);
    const r = await admin.post(`/admin/pengguna/${ppk.id}/peran`, { role: 'HELPDESK' });
    assert.equal(r.statusCode, 409);
    const api = await admin.api('POST', '/api/v1/users', {
      name: 'X',
      username: 'x.user',
      email: 'x@x.go.id',
      role: 'POKJA',
    });
    assert.equal(api.statusCode, 400);
    assert.equal(api.json().error.code, 'AGENCY_REQUIRED');
  });

  test('roles outside the LPSE need an agency; a role can be revoked, and both are audited', async () => {
    const u = await buildUser(t);
    await admin.get(`/admin/pengguna/${u.id}`);
    const noAgency = await admin.post(`/admin/pengguna/${u.id}/peran`, { role: 'PA' });
    assert.equal(noAgency.statusCode, 400);
    assert.match(noAgency.body, /Pilih instansi/);
    const ok = await admin.post(`/admin/pengguna/${u.id}/peran`, { role: 'PA', agencyId });
    assert.equal(ok.statusCode, 303);
    const [role] = await t.db.select().from(userRoles).where(eq(userRoles.userId, u.id));
    const dup = await admin.post(`/admin/pengguna/${u.id}/peran`, { role: 'PA', agencyId });
    assert.equal(dup.statusCode, 409);
    const rev = await admin.post(`/admin/pengguna/${u.id}/peran/${role!.id}/cabut`, {});
    assert.equal(rev.statusCode, 303);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, u.id));
    assert.deepEqual(
      events.map((e) => e.action),
      ['user.role_granted', 'user.role_revoked'],
    );
    assert.ok((await verifyAuditChain(t.db)).ok, '(await verifyAuditChain(t.db)).ok');
  });

  test('the user list shows each person’s roles with their agency, and who has none yet', async () => {
    const agency = await buildAgency(t, { name: 'Dinas Daftar Pengguna' });
    const ppk = await buildUser(t, { roles: ['PPK'], agencyId: agency.id, username: 'ppk.daftar' });
    const none = await buildUser(t, { username: 'tanpa.peran' });
    const page = await admin.get('/admin/pengguna?q=');
    const rowOf = (username: string) =>
      new RegExp(`<tr>(?:(?!</tr>).)*${username}(?:(?!</tr>).)*</tr>`, 's').exec(page.body)?.[0] ?? '';
    assert.match(rowOf(ppk.username), /Pejabat Pembuat Komitmen \(PPK\)<small> — Dinas Daftar Pengguna<\/small>/);
    assert.match(rowOf(none.username), /Belum ada peran/);
  });

  test('the API: /me, users and agencies, with the OpenAPI 3.1 document generated from the schemas', async () => {
    const me = await admin.api('GET', '/api/v1/me');
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().roles[0].role, 'ADMIN_SISTEM');
    assert.equal((await new Agent(t.app).api('GET', '/api/v1/me')).statusCode, 401);
    const created = await admin.api('POST', '/api/v1/agencies', {
      code: 'DKP',
      name: 'Dinas Kelautan dan Perikanan',
      kind: 'OPD',
    });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().code, 'DKP');
    const dup = await admin.api('POST', '/api/v1/agencies', { code: 'dkp', name: 'Lagi', kind: 'OPD' });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().error.code, 'AGENCY_CODE_TAKEN');
    const list = await new Agent(t.app).api('GET', '/api/v1/agencies');
    assert.ok(
      list.json().data.some((a: { code: string }) => a.code === 'DKP'),
      "list.json().data.some((a: { code: string }) => a.code === 'DKP')",
    );
    const doc = (await new Agent(t.app).get('/api/v1/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/v1/agencies'].post.requestBody, "doc.paths['/api/v1/agencies'].post.requestBody");
    assert.ok(doc.paths['/api/v1/users'].get, "doc.paths['/api/v1/users'].get");
  });
});
