import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { mailText, startTestSmtp } from '../../test/smtp.ts';

describe('password reset by e-mail link through a real SMTP server (R37)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  before(async () => {
    smtp = await startTestSmtp({ failFirst: 1 });
    t = await createTestApp({ smtpUrl: smtp.url });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test('the link arrives (after one SMTP failure and a retry), works once, and expires', async () => {
    const u = await buildUser(t, { roles: ['PPK'] });
    const a = new Agent(t.app);
    await a.get('/kata-sandi/lupa');
    const r = await a.post('/kata-sandi/lupa', { email: u.email });
    assert.equal(r.statusCode, 303);
    // The same answer for an address that does not exist: the form does not reveal who has an account.
    const unknown = await a.post('/kata-sandi/lupa', { email: 'tidak.ada@uji.go.id' });
    assert.equal(unknown.headers.location, r.headers.location);

    await t.mail.runOnce();
    assert.equal(smtp.inbox.length, 0);
    const [queued] = await t.db.select().from(mailOutbox);
    assert.equal(queued!.status, 'pending');
    assert.equal(queued!.attempts, 1);
    t.clock.advance(31_000);
    await t.mail.runOnce();
    assert.equal(smtp.inbox.length, 1);
    assert.deepEqual(smtp.inbox[0]!.to, [u.email]);
    const link = /http:\/\/lpse\.test(\/kata-sandi\/atur-ulang\?token=[\w-]+)/.exec(mailText(smtp.inbox[0]!.raw))![1]!;

    const form = await a.get(link);
    assert.equal(form.statusCode, 200);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const weak = await a.post('/kata-sandi/atur-ulang', { token, password: 'pendek', passwordConfirm: 'pendek' });
    assert.equal(weak.statusCode, 400);
    const ok = await a.post('/kata-sandi/atur-ulang', {
      token,
      password: 'laut-banda-biru-sekali',
      passwordConfirm: 'laut-banda-biru-sekali',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal((await a.get(link)).statusCode, 410);
    await a.login(u.username, 'laut-banda-biru-sekali');

    await a.post('/kata-sandi/lupa', { email: u.email });
    t.clock.advance(61 * 60_000);
    await t.mail.runOnce();
    const late = /token=([\w-]+)/.exec(mailText(smtp.inbox.at(-1)!.raw))![1]!;
    const expired = await a.get(`/kata-sandi/atur-ulang?token=${late}`);
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /kedaluwarsa/);
    const sent = await t.db.select().from(mailOutbox).where(eq(mailOutbox.status, 'sent'));
    assert.equal(sent.length, 2);
  });

  test('using one reset link cancels every other outstanding link of that user', async () => {
    const u = await buildUser(t, { roles: ['PPK'] });
    const a = new Agent(t.app);
    await a.get('/kata-sandi/lupa');
    const links: string[] = [];
    for (let i = 0; i < 2; i++) {
      assert.equal((await a.post('/kata-sandi/lupa', { email: u.email })).statusCode, 303);
      await t.mail.runOnce();
      links.push(/token=([\w-]+)/.exec(mailText(smtp.inbox.at(-1)!.raw))![1]!);
    }
    // Issuing the second link kept the first: mail may arrive out of order, the person uses whichever comes.
    assert.equal((await a.get(`/kata-sandi/atur-ulang?token=${links[0]}`)).statusCode, 200);
    const used = await a.post('/kata-sandi/atur-ulang', {
      token: links[1]!,
      password: 'teluk-kendari-tenang-sekali',
      passwordConfirm: 'teluk-kendari-tenang-sekali',
    });
    assert.equal(used.statusCode, 303);
    const older = await a.get(`/kata-sandi/atur-ulang?token=${links[0]}`);
    assert.equal(older.statusCode, 410);
    assert.equal(older.headers['x-error-code'], 'RESET_TOKEN_INVALID');
  });

  test('changing the password closes the other sessions; "my sessions" can revoke one', async () => {
    const u = await buildUser(t, { roles: ['AUDITOR'] });
    const laptop = new Agent(t.app);
    const phone = new Agent(t.app);
    await laptop.login(u.username);
    await phone.login(u.username);
    const account = await laptop.get('/akun');
    const revokeForms = [...account.body.matchAll(/action="(\/akun\/sesi\/[0-9a-f]+\/cabut)"/g)];
    assert.equal(revokeForms.length, 1);
    assert.equal((await laptop.post(revokeForms[0]![1]!, {})).statusCode, 303);
    assert.equal((await phone.get('/dasbor')).statusCode, 303);

    await phone.login(u.username);
    await laptop.get('/akun');
    const wrong = await laptop.post('/akun/kata-sandi', {
      current: 'salah',
      password: 'kata-sandi-baru-panjang',
      passwordConfirm: 'kata-sandi-baru-panjang',
    });
    assert.equal(wrong.statusCode, 400);
    const changed = await laptop.post('/akun/kata-sandi', {
      current: 'kata-sandi-uji-yang-panjang',
      password: 'kata-sandi-baru-panjang',
      passwordConfirm: 'kata-sandi-baru-panjang',
    });
    assert.equal(changed.statusCode, 303);
    assert.equal((await laptop.get('/dasbor')).statusCode, 200);
    assert.equal((await phone.get('/dasbor')).statusCode, 303);
  });
});
