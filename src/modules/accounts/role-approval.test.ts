import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { postMultipart } from '../../test/multipart.ts';
import { startTestSmtp } from '../../test/smtp.ts';
import { registrationDocuments, registrations } from '../registration/registration.schema.ts';
import { VALID_VENDOR, vendorFiles } from '../registration/registration.test-support.ts';
import { roleGrantRequests, userRoles, users } from './accounts.schema.ts';

const PASSWORD = 'pulau-wawonii-indah-2026';

describe('no self-grant; two-person rule for LPSE-unit roles', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let ktpUrl: string;
  let adminA: Awaited<ReturnType<typeof buildUser>>;
  let adminB: Awaited<ReturnType<typeof buildUser>>;
  let adminC: Awaited<ReturnType<typeof buildUser>>;
  let kepala: Awaited<ReturnType<typeof buildUser>>;

  before(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ smtpUrl: smtp.url });
    adminA = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    adminB = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    adminC = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    kepala = await buildUser(t, { roles: ['KEPALA_LPSE'] });

    // A vendor applicant uploads a KTP (a confidential identity document).
    const email = 'vendor.ktp@contoh.co.id';
    const v = new Agent(t.app);
    await v.get('/daftar');
    assert.equal((await v.post('/daftar', { kind: 'penyedia', email })).statusCode, 303);
    await t.mail.runOnce();
    const link = /http:\/\/lpse\.test(\/daftar\/konfirmasi\?[^\s]+)/.exec(smtp.lastTo(email)!)![1]!;
    await v.get(link);
    const token = new URL(`http://x${link}`).searchParams.get('token')!;
    const created = await v.post('/daftar/konfirmasi', {
      token,
      jenis: 'penyedia',
      name: 'Pemilik KTP',
      username: 'pemilik.ktp',
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    });
    assert.equal(created.statusCode, 303);
    await v.get('/daftar/formulir');
    const saved = await postMultipart(v, '/daftar/formulir', { ...VALID_VENDOR, aksi: 'simpan' }, vendorFiles('ktp'));
    assert.equal(saved.statusCode, 303, saved.body);
    const [owner] = await t.db.select().from(users).where(eq(users.username, 'pemilik.ktp'));
    const [reg] = await t.db.select().from(registrations).where(eq(registrations.userId, owner!.id));
    const [ktp] = await t.db
      .select()
      .from(registrationDocuments)
      .where(and(eq(registrationDocuments.registrationId, reg!.id), eq(registrationDocuments.requirement, 'ktp')));
    ktpUrl = `/berkas/${ktp!.documentId}`;
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  async function agentOf(u: { username: string }) {
    const a = new Agent(t.app);
    await a.login(u.username);
    return a;
  }

  const rolesOf = async (userId: string) =>
    (await t.db.select().from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role).sort();

  test('the admin cannot read a KTP by granting itself Verifikator', async () => {
    const a = await agentOf(adminA);
    const before = await a.get(ktpUrl);
    assert.equal(before.statusCode, 403);
    assert.equal(before.headers['x-error-code'], 'FORBIDDEN');
    await a.get(`/admin/pengguna/${adminA.id}`);
    const self = await a.post(`/admin/pengguna/${adminA.id}/peran`, { role: 'VERIFIKATOR' });
    assert.equal(self.statusCode, 403);
    assert.equal(self.headers['x-error-code'], 'ROLE_SELF_GRANT');
    assert.match(self.body, /tidak dapat memberi peran kepada diri sendiri/);
    // Nor through the API, nor with a role that needs no approval.
    const viaAgency = await a.post(`/admin/pengguna/${adminA.id}/peran`, { role: 'BUPATI' });
    assert.equal(viaAgency.headers['x-error-code'], 'ROLE_SELF_GRANT');
    assert.deepEqual(await rolesOf(adminA.id), ['ADMIN_SISTEM']);
    const afterwards = await a.get(ktpUrl);
    assert.equal(afterwards.statusCode, 403);
    assert.equal(afterwards.headers['x-error-code'], 'FORBIDDEN');
    const refused = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, adminA.id), eq(auditEvents.action, 'user.role_self_grant_refused')));
    assert.equal(refused.length, 2);
  });

  test('a Verifikator grant by an admin waits for the Kepala LPSE; requester, grantee and other admins cannot approve', async () => {
    const a = await agentOf(adminA);
    await a.get(`/admin/pengguna/${adminB.id}`);
    const asked = await a.post(`/admin/pengguna/${adminB.id}/peran`, { role: 'VERIFIKATOR' });
    assert.equal(asked.statusCode, 303);
    assert.match((await a.get(String(asked.headers.location))).body, /menunggu persetujuan Kepala LPSE/);
    assert.deepEqual(await rolesOf(adminB.id), ['ADMIN_SISTEM']);
    const detail = await a.get(`/admin/pengguna/${adminB.id}`);
    assert.match(detail.body, /Menunggu persetujuan/);
    const again = await a.post(`/admin/pengguna/${adminB.id}/peran`, { role: 'VERIFIKATOR' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.headers['x-error-code'], 'ROLE_GRANT_PENDING');

    const b = await agentOf(adminB);
    assert.equal((await b.get(ktpUrl)).statusCode, 403);
    const [request] = await t.db.select().from(roleGrantRequests).where(eq(roleGrantRequests.userId, adminB.id));
    assert.equal(request!.status, 'pending');

    const page = await b.get('/admin/persetujuan-peran');
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, new RegExp(`${request!.id}/setujui`));
    for (const [who, agent] of [
      ['grantee', b],
      ['requester', a],
      ['another admin', await agentOf(adminC)],
    ] as const) {
      await agent.get('/admin/persetujuan-peran');
      const r = await agent.post(`/admin/persetujuan-peran/${request!.id}/setujui`, {});
      assert.equal(r.statusCode, 403, who);
      assert.equal(r.headers['x-error-code'], 'ROLE_GRANT_APPROVER', who);
    }
    // Someone without the approval permission is refused before the command runs.
    const ppk = await agentOf(await buildUser(t, { roles: ['AUDITOR'] }));
    const outsider = await ppk.post(`/admin/persetujuan-peran/${request!.id}/setujui`, {});
    assert.equal(outsider.statusCode, 403);
    assert.equal(outsider.headers['x-error-code'], 'FORBIDDEN');
    assert.deepEqual(await rolesOf(adminB.id), ['ADMIN_SISTEM']);

    const k = await agentOf(kepala);
    const list = await k.get('/admin/persetujuan-peran');
    assert.match(list.body, new RegExp(`${request!.id}/setujui`));
    const ok = await k.post(`/admin/persetujuan-peran/${request!.id}/setujui`, {});
    assert.equal(ok.statusCode, 303);
    assert.deepEqual(await rolesOf(adminB.id), ['ADMIN_SISTEM', 'VERIFIKATOR']);
    const twice = await k.post(`/admin/persetujuan-peran/${request!.id}/setujui`, {});
    assert.equal(twice.statusCode, 404);

    // The holder is told by e-mail, and now (and only now) reads the KTP as Verifikator.
    const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, adminB.email));
    assert.match(mail!.subject, /Registrasi dan Verifikasi/);
    assert.equal((await (await agentOf(adminB)).get(ktpUrl)).statusCode, 200);

    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, adminB.id))).map(
      (e) => e.action,
    );
    assert.deepEqual(actions, ['user.role_grant_requested', 'user.role_grant_approved', 'user.role_granted']);
    assert.ok((await verifyAuditChain(t.db)).ok, '(await verifyAuditChain(t.db)).ok');
  });

  test('a Kepala LPSE grant waits for another Admin Sistem; a refusal gives nothing', async () => {
    const a = await agentOf(adminA);
    const d = await buildUser(t);
    await a.get(`/admin/pengguna/${d.id}`);
    assert.equal((await a.post(`/admin/pengguna/${d.id}/peran`, { role: 'KEPALA_LPSE' })).statusCode, 303);
    const e = await buildUser(t);
    assert.equal((await a.post(`/admin/pengguna/${e.id}/peran`, { role: 'HELPDESK' })).statusCode, 303);
    const [forD] = await t.db.select().from(roleGrantRequests).where(eq(roleGrantRequests.userId, d.id));
    const [forE] = await t.db.select().from(roleGrantRequests).where(eq(roleGrantRequests.userId, e.id));

    const k = await agentOf(kepala);
    await k.get('/admin/persetujuan-peran');
    const wrongRole = await k.post(`/admin/persetujuan-peran/${forD!.id}/setujui`, {});
    assert.equal(wrongRole.statusCode, 403);
    assert.equal(wrongRole.headers['x-error-code'], 'ROLE_GRANT_APPROVER');
    assert.equal((await k.post(`/admin/persetujuan-peran/${forE!.id}/tolak`, {})).statusCode, 303);
    assert.deepEqual(await rolesOf(e.id), []);

    const c = await agentOf(adminC);
    await c.get('/admin/persetujuan-peran');
    assert.equal((await c.post(`/admin/persetujuan-peran/${forD!.id}/setujui`, {})).statusCode, 303);
    assert.deepEqual(await rolesOf(d.id), ['KEPALA_LPSE']);
    const eEvents = (await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, e.id))).map((x) => x.action);
    assert.deepEqual(eEvents, ['user.role_grant_requested', 'user.role_grant_rejected']);
  });

  test('agency roles still take effect at once', async () => {
    const a = await agentOf(adminA);
    const u = await buildUser(t);
    await a.get(`/admin/pengguna/${u.id}`);
    assert.equal((await a.post(`/admin/pengguna/${u.id}/peran`, { role: 'BUPATI' })).statusCode, 303);
    assert.deepEqual(await rolesOf(u.id), ['BUPATI']);
  });
});
