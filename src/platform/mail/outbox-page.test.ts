import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { auditEvents } from '../audit/audit.schema.ts';
import { verifyAuditChain } from '../audit/audit.ts';
import { mailOutbox } from './mail.schema.ts';
import { createMailWorker, enqueueMail } from './outbox.ts';

/** Mail on a machine without SMTP: the Admin Sistem reads the outbox; the console shows each mail's links. */
describe('outbox page and console notice without SMTP', () => {
  let t: TestApp;
  let admin: Agent;
  let mailId: string;

  before(async () => {
    t = await createTestApp();
    const a = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    admin = new Agent(t.app);
    await admin.login(a.username);
  });
  after(() => t.close());

  test('a user created by the admin: the mail is listed, its body shows the set-password link', async () => {
    await admin.get('/admin/pengguna/baru');
    const created = await admin.post('/admin/pengguna/baru', {
      name: 'Wa Ode Nurmala',
      username: 'wa.nurmala',
      email: 'nurmala@dlh.go.id',
      nip: '',
      position: '',
      role: '',
      agencyId: '',
    });
    assert.equal(created.statusCode, 303, created.body);
    await t.mail.runOnce();

    const list = await admin.get('/admin/surel');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /nurmala@dlh\.go\.id/);
    assert.match(list.body, /Dicatat tanpa SMTP/);
    assert.match(list.body, /WITA/);
    assert.match(list.body, /rahasia/); // the intro says the links are secrets
    const link = /href="\/admin\/surel\/([0-9a-f-]{36})"/.exec(list.body);
    assert.ok(link, 'the list links to the message');
    mailId = link[1]!;

    // Filtered by state: the logged mail is there, not under "failed".
    assert.match((await admin.get('/admin/surel?status=logged')).body, /nurmala@dlh\.go\.id/);
    assert.doesNotMatch((await admin.get('/admin/surel?status=failed')).body, /nurmala@dlh\.go\.id/);
    // A bad filter or page is ignored, never an error.
    assert.equal((await admin.get('/admin/surel?status=x&halaman=-3')).statusCode, 200);

    const detail = await admin.get(`/admin/surel/${mailId}`);
    assert.equal(detail.statusCode, 200);
    const setLink = /<a href="(http:\/\/lpse\.test\/kata-sandi\/atur-ulang\?token=[^"]+)"/.exec(detail.body);
    assert.ok(setLink, 'the set-password link is clickable');

    // Each view of a body is audited.
    const viewed = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'mail.viewed'), eq(auditEvents.objectId, mailId)));
    assert.equal(viewed.length, 1);
    assert.equal(viewed[0]!.actorRole, 'ADMIN_SISTEM');

    // The link works: the new user sets a password and signs in.
    const person = new Agent(t.app);
    const url = new URL(setLink[1]!.replaceAll('&amp;', '&'));
    assert.equal((await person.get(`${url.pathname}${url.search}`)).statusCode, 200);
    const set = await person.post('/kata-sandi/atur-ulang', {
      token: url.searchParams.get('token')!,
      password: 'pantai-langara-biru-2026',
      passwordConfirm: 'pantai-langara-biru-2026',
    });
    assert.equal(set.statusCode, 303, set.body);
    await person.login('wa.nurmala', 'pantai-langara-biru-2026');
  });

  test('resend puts the mail back in the queue, audited', async () => {
    await admin.get(`/admin/surel/${mailId}`);
    const res = await admin.post(`/admin/surel/${mailId}/kirim-ulang`, {});
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), new RegExp(`^/admin/surel/${mailId}\\?ok=`));
    const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
    assert.equal(row!.status, 'pending');
    assert.equal(row!.attempts, 0);
    const resent = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'mail.resent'), eq(auditEvents.objectId, mailId)));
    assert.equal(resent.length, 1);
    assert.equal((resent[0]!.summary as { previousStatus: string }).previousStatus, 'logged');
    await t.mail.runOnce();
    const [again] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
    assert.equal(again!.status, 'logged');
    assert.ok((await verifyAuditChain(t.db)).ok, '(await verifyAuditChain(t.db)).ok');
    // An unknown or malformed id is "not found".
    assert.equal((await admin.get('/admin/surel/00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await admin.get('/admin/surel/bukan-uuid')).statusCode, 404);
  });

  test('a Verifikator is refused the outbox, its messages and resend', async () => {
    const v = await buildUser(t, { roles: ['VERIFIKATOR'] });
    const agent = new Agent(t.app);
    await agent.login(v.username);
    for (const res of [
      await agent.get('/admin/surel'),
      await agent.get(`/admin/surel/${mailId}`),
      await agent.post(`/admin/surel/${mailId}/kirim-ulang`, {}),
    ]) {
      assert.equal(res.statusCode, 403);
      assert.equal(res.headers['x-error-code'], 'FORBIDDEN');
      assert.doesNotMatch(res.body, /atur-ulang\?token=/);
    }
    const dash = await agent.get('/dasbor');
    assert.doesNotMatch(dash.body, /href="\/admin\/surel"/);
  });

  test('without SMTP the worker prints the recipient, subject and links to stdout, not the body to the log', async () => {
    await t.db.transaction((tx) =>
      enqueueMail(tx, t.clock, {
        to: 'x@y.go.id',
        subject: 'Atur kata sandi',
        text: 'Halo,\nbuka http://lpse.test/kata-sandi/atur-ulang?token=abc123.\nLalu http://lpse.test/masuk\n',
      }),
    );
    const logLines: string[] = [];
    const log = pino(
      { level: 'info', redact: { paths: ['mail.text'], censor: '[disembunyikan]' } },
      { write: (s: string) => logLines.push(s) },
    );
    const printed: string[] = [];
    const original = process.stdout.write;
    // Captured, not passed on: node:test reads this process's stdout.
    process.stdout.write = ((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      const worker = createMailWorker({
        db: t.db,
        clock: t.clock,
        log,
        smtpUrl: undefined,
        from: 'lpse@uji.go.id',
        console: (text) => process.stdout.write(text),
        baseUrl: 'http://lpse.test',
      });
      // Only the new mail is due (the resent one was delivered above).
      assert.equal(await worker.runOnce(), 1);
      await worker.stop();
    } finally {
      process.stdout.write = original;
    }
    const out = printed.join('');
    assert.match(out, /Surel untuk x@y\.go\.id \(tanpa SMTP\): Atur kata sandi\n/);
    assert.match(out, /\n {2}http:\/\/lpse\.test\/kata-sandi\/atur-ulang\?token=abc123\n/); // without the full stop
    assert.match(out, /\n {2}http:\/\/lpse\.test\/masuk\n/);
    assert.match(out, /http:\/\/lpse\.test\/admin\/surel\/[0-9a-f-]{36}/);
    // The JSON log keeps redacting the body.
    const logged = logLines.join('');
    assert.match(logged, /\[disembunyikan\]/);
    assert.doesNotMatch(logged, /abc123/);
  });

  test('with SMTP configured nothing is printed', async () => {
    await t.db.transaction((tx) => enqueueMail(tx, t.clock, { to: 'z@y.go.id', subject: 'S', text: 'http://a.b/c' }));
    const printed: string[] = [];
    const worker = createMailWorker({
      db: t.db,
      clock: t.clock,
      log: pino({ level: 'silent' }),
      smtpUrl: 'smtp://127.0.0.1:9', // nothing listens: the attempt fails and is retried later
      from: 'lpse@uji.go.id',
      console: (text) => printed.push(text),
      baseUrl: 'http://lpse.test',
    });
    await worker.runOnce();
    await worker.stop();
    assert.deepEqual(printed, []);
    const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'z@y.go.id'));
    assert.equal(row!.status, 'pending');
    assert.equal(row!.attempts, 1);
  });
});
