import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { announce, buildAgencyWithPa, createDraft, signIn } from '../rup/rup.test-support.ts';
import type { Release } from './merge.ts';
import { hashKey } from './national/api-keys.ts';
import { HARVEST_RATE_PER_MINUTE } from './national/national.api.ts';
import { backoffMs, runPush } from './national/push.ts';
import { ocdsValidators } from './ocds-validate.test-support.ts';
import { opendataApiKeys, opendataPushDeliveries } from './opendata.schema.ts';

// biome-ignore lint/suspicious/noExplicitAny: reading JSON answers field by field
type Loose = Record<string, any>;

/** R49: the national portal's feed — API keys (hashed, shown once, revocable, audited), pull with a rate limit, push. */
describe('national portal feed', () => {
  let t: TestApp;
  let admin: Agent;
  let kodes: number[];
  let receiver: Server;
  let receiverUrl: string;
  const received: { auth: string | undefined; body: Loose }[] = [];
  /** Status codes the receiver answers with, in order; then 200. */
  const answers: number[] = [];

  before(async () => {
    receiver = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = answers.shift() ?? 200;
        if (status === 200)
          received.push({ auth: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString()) });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/terima`;
    t = await createTestApp({
      env: { NATIONAL_FEED_PUSH_URL: receiverUrl, NATIONAL_FEED_PUSH_TOKEN: 'rahasia-penerima' },
    });
    const { agency, pa } = await buildAgencyWithPa(t);
    const pa1 = await signIn(t, pa.username);
    kodes = [];
    for (let i = 0; i < 3; i++) {
      const kode = await createDraft(pa1, agency.id);
      await announce(pa1, kode);
      kodes.push(kode);
    }
    const u = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    admin = new Agent(t.app, { ip: '10.13.0.1' });
    await admin.login(u.username);
  });
  after(async () => {
    await t.close();
    await new Promise((r) => receiver.close(r));
  });

  const harvest = (url: string, key?: string) =>
    t.app.inject({ method: 'GET', url, headers: key ? { 'x-api-key': key } : {} });

  async function issue(name: string) {
    await admin.get('/admin/data-terbuka');
    const res = await admin.post('/admin/data-terbuka/kunci', { name });
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    const key = /data-testid="api-key">([^<]+)</.exec(res.body)?.[1];
    assert.ok(key, 'the new key is shown on the answer');
    return key;
  }

  test('a key is shown once, stored only as its hash, audited; it harvests RUP announcements by kd_rup', async () => {
    const key = await issue('Portal Nasional');
    const [row] = await t.db.select().from(opendataApiKeys).where(eq(opendataApiKeys.name, 'Portal Nasional'));
    assert.equal(row!.keyHash, hashKey(key));
    assert.ok(!JSON.stringify(row).includes(key), 'the key itself is not stored');
    const page = (await admin.get('/admin/data-terbuka')).body;
    assert.ok(!page.includes(key), 'the list never shows the key again');
    assert.ok(page.includes(row!.keyPrefix), 'the list shows its prefix');
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'opendata.api_key_issued'));
    assert.equal(audits.length, 1);
    assert.ok(!JSON.stringify(audits[0]).includes(key), 'the audit trail does not hold the key');

    assert.equal((await harvest('/api/v1/nasional/paket')).statusCode, 401);
    assert.equal((await harvest('/api/v1/nasional/paket', `${key.slice(0, -1)}x`)).statusCode, 401);
    const items: Loose[] = [];
    let url = '/api/v1/nasional/paket?limit=2';
    for (;;) {
      const res = await harvest(url, key);
      assert.equal(res.statusCode, 200, res.body);
      const body = JSON.parse(res.body) as { items: Loose[]; next: string };
      if (body.items.length === 0) break;
      items.push(...body.items);
      url = body.next.replace(t.config.baseUrl, '');
    }
    assert.deepEqual(
      items.map((i) => i.kd_rup),
      kodes,
      'each announced plan once, in order',
    );
    const first = items[0]!;
    assert.equal(first.jenis_data, 'RUP-PaketPenyedia-Terumumkan');
    assert.equal(first.pagu, 1_250_000_000);
    assert.equal(first.metode_pengadaan, 'Tender');
    assert.equal(first.jenis_pengadaan, 'Pekerjaan Konstruksi');
    assert.equal(first.status_umumkan_rup, 'Terumumkan');
    const [used] = await t.db.select().from(opendataApiKeys).where(eq(opendataApiKeys.id, row!.id));
    assert.ok(used!.lastUsedAt, 'the last use is noted');
  });

  test('a key is limited to its rate per minute (429 with Retry-After)', async () => {
    const key = await issue('Pemanen cepat');
    let last = 200;
    let retryAfter: string | undefined;
    for (let i = 0; i <= HARVEST_RATE_PER_MINUTE; i++) {
      const res = await harvest('/api/v1/nasional/paket?limit=1', key);
      last = res.statusCode;
      retryAfter = res.headers['retry-after'] as string | undefined;
      if (i < HARVEST_RATE_PER_MINUTE) assert.equal(last, 200, `request ${i + 1} is within the limit`);
    }
    assert.equal(last, 429);
    assert.ok(Number(retryAfter) > 0, 'Retry-After says when');
  });

  test('a revoked key is refused at once, and the revocation is audited', async () => {
    const key = await issue('Dicabut');
    assert.equal((await harvest('/api/v1/nasional/paket', key)).statusCode, 200);
    const [row] = await t.db.select().from(opendataApiKeys).where(eq(opendataApiKeys.name, 'Dicabut'));
    await admin.get('/admin/data-terbuka');
    const res = await admin.post(`/admin/data-terbuka/kunci/${row!.id}/cabut`, {});
    assert.equal(res.statusCode, 303);
    assert.equal((await harvest('/api/v1/nasional/paket', key)).statusCode, 401);
    const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'opendata.api_key_revoked'));
    assert.equal(audits.length, 1);
    assert.equal((await admin.post(`/admin/data-terbuka/kunci/${row!.id}/cabut`, {})).statusCode, 404);
  });

  test('only the Admin Sistem reaches the page', async () => {
    const { pa } = await buildAgencyWithPa(t);
    const other = await signIn(t, pa.username);
    assert.equal((await other.get('/admin/data-terbuka')).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/admin/data-terbuka' })).statusCode, 303);
  });

  test('push: a refused delivery is logged and retried with backoff; the receiver gets every release once, in order', async () => {
    answers.push(503);
    const r1 = await runPush(t);
    assert.equal(r1.sent, 0, 'the first attempt failed');
    let [d] = await t.db.select().from(opendataPushDeliveries);
    assert.equal(d!.status, 'pending');
    assert.equal(d!.attempts, 1);
    assert.equal(d!.lastStatus, 503);
    assert.equal(d!.nextAttemptAt.getTime(), t.clock.now().getTime() + backoffMs(1));
    assert.equal((await runPush(t)).sent, 0, 'nothing is sent before the retry time');
    assert.equal(received.length, 0);

    t.clock.advance(backoffMs(1));
    const r2 = await runPush(t);
    assert.equal(r2.sent, 3);
    [d] = await t.db.select().from(opendataPushDeliveries);
    assert.equal(d!.status, 'delivered');
    assert.equal(d!.attempts, 2);
    assert.equal(received.length, 1);
    assert.equal(received[0]!.auth, 'Bearer rahasia-penerima');
    const pkg = received[0]!.body;
    assert.deepEqual(ocdsValidators().releasePackage(pkg), [], 'a valid release package');
    assert.deepEqual(
      (pkg.releases as Release[]).map((r) => r.ocid),
      kodes.map((k) => `${t.config.ocdsPrefix}-rup-${k}`),
    );

    // New releases go in the next delivery only; nothing is sent twice.
    const { agency, pa } = await buildAgencyWithPa(t);
    const a = await signIn(t, pa.username);
    const kode = await createDraft(a, agency.id);
    await announce(a, kode);
    assert.equal((await runPush(t)).sent, 1);
    assert.equal((await runPush(t)).sent, 0);
    assert.deepEqual(
      (received[1]!.body.releases as Release[]).map((r) => r.ocid),
      [`${t.config.ocdsPrefix}-rup-${kode}`],
    );
    const page = (await admin.get('/admin/data-terbuka')).body;
    assert.ok(page.includes('503'), 'the admin sees the failed attempt');
    assert.ok(page.includes(receiverUrl), 'and where the push goes');
  });
});
