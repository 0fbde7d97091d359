import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { startTestSmtp } from '../../test/smtp.ts';
import { users } from '../accounts/accounts.schema.ts';
import { MAX_TAKEN_TRIES } from './commands/create-registrant-account.ts';

const PASSWORD = 'pulau-wawonii-indah-2026';

describe('the confirmation form cannot be used to probe User IDs', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  before(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ smtpUrl: smtp.url });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  async function confirmationToken(a: Agent, email: string) {
    await a.get('/daftar');
    assert.equal((await a.post('/daftar', { kind: 'penyedia', email })).statusCode, 303);
    await t.mail.runOnce();
    const link = /http:\/\/lpse\.test(\/daftar\/konfirmasi\?[^\s]+)/.exec(smtp.lastTo(email)!)![1]!;
    await a.get(link);
    return new URL(`http://x${link}`).searchParams.get('token')!;
  }

  test('"User ID already taken" uses up the link after a few tries', async () => {
    const taken = await buildUser(t);
    const a = new Agent(t.app, { ip: '192.0.2.10' });
    const token = await confirmationToken(a, 'penebak@contoh.co.id');
    const form = (username: string) => ({
      token,
      jenis: 'penyedia',
      name: 'Penebak',
      username,
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    });
    for (let i = 0; i < MAX_TAKEN_TRIES; i++) {
      const r = await a.post('/daftar/konfirmasi', form(taken.username));
      assert.equal(r.statusCode, 409);
      assert.match(r.body, /User ID ini sudah dipakai/);
    }
    const spent = await a.post('/daftar/konfirmasi', form('nama.baru.bebas'));
    assert.equal(spent.statusCode, 410);
    assert.equal((await t.db.select().from(users).where(eq(users.username, 'nama.baru.bebas'))).length, 0);
  });

  test('the form is rate-limited per address', async () => {
    const a = new Agent(t.app, { ip: '192.0.2.20' });
    await a.get('/daftar');
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await a.post('/daftar/konfirmasi', { token: `palsu${i}`, name: 'X', username: `x${i}` });
      codes.push(r.statusCode);
    }
    assert.equal(codes.at(-1), 429);
    assert.ok(
      codes.slice(0, 10).every((c) => c !== 429),
      'codes.slice(0, 10).every((c) => c !== 429)',
    );
  });
});
