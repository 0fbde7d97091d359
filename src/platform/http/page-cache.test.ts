import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { MODULES } from '../../modules.ts';
import { useModulesForTest } from '../../registry.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { defineModule } from '../module.ts';
import { PUBLIC } from './access.ts';
import { PUBLIC_CACHED } from './page-cache.ts';

/** What the public page shows; changed behind the app's back, like a second process writing the database. */
let shown = 'satu';
let gate: Promise<void> | null = null;

async function plugin(app: FastifyInstance) {
  app.get('/uji-cache', { config: PUBLIC_CACHED }, async (req, reply) => {
    const value = shown;
    if (gate) await gate;
    return reply.type('text/html; charset=utf-8').send(`<p>${req.ctx.locale}:${value}</p>`);
  });
  app.get('/uji-cache/formulir', { config: PUBLIC_CACHED }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(`<p>${shown}:${reply.generateCsrf()}</p>`),
  );
  app.post('/uji-cache/ubah', { config: PUBLIC }, async () => ({ ok: true }));
}

useModulesForTest([...MODULES, defineModule({ name: 'pagecachetest', plugin, locales: { id: {}, en: {} } }) as never]);

describe('the anonymous page cache (portal speed on a deadline day)', () => {
  let t: TestApp;
  const get = (url = '/uji-cache', cookie?: string) =>
    t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const post = () => t.app.inject({ method: 'POST', url: '/uji-cache/ubah', payload: {} });

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('a second anonymous view is served from the cache, per locale', async () => {
    shown = 'awal';
    await post(); // start from a clean generation
    const first = await get();
    assert.equal(first.headers['x-page-cache'], undefined);
    shown = 'berubah-diam-diam';
    const second = await get();
    assert.equal(second.headers['x-page-cache'], 'hit');
    assert.equal(second.body, '<p>id:awal</p>');
    assert.equal(second.headers['content-type'], 'text/html; charset=utf-8');
    const gz = await t.app.inject({ method: 'GET', url: '/uji-cache', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(gz.headers['content-encoding'], 'gzip', 'a browser on a slow link gets the compressed copy');
    assert.equal(gunzipSync(gz.rawPayload).toString(), '<p>id:awal</p>');
    const english = await get('/uji-cache', 'lang=en');
    assert.equal(english.body, '<p>en:berubah-diam-diam</p>', 'each locale has its own entry');
  });

  test('any write request that finished makes the next view fresh', async () => {
    shown = 'sebelum';
    await post();
    await get();
    shown = 'sesudah';
    assert.equal((await get()).body, '<p>id:sebelum</p>');
    await post();
    const res = await get();
    assert.equal(res.headers['x-page-cache'], undefined);
    assert.equal(res.body, '<p>id:sesudah</p>');
  });

  test('a page read before a write that finished while it rendered is not kept', async () => {
    shown = 'lama';
    await post();
    let open!: () => void;
    gate = new Promise((r) => {
      open = r;
    });
    const slow = get();
    await new Promise((r) => setTimeout(r, 20));
    shown = 'baru';
    await post(); // the write commits while the slow view renders what it read before
    gate = null;
    open();
    assert.equal((await slow).body, '<p>id:lama</p>');
    assert.equal((await get()).body, '<p>id:baru</p>', 'the stale render was not cached');
  });

  test('another process’s change shows within ten seconds', async () => {
    shown = 'a';
    await post();
    await get();
    shown = 'b';
    t.clock.advance(9_000);
    assert.equal((await get()).body, '<p>id:a</p>');
    t.clock.advance(1_000);
    assert.equal((await get()).body, '<p>id:b</p>');
  });

  test('a request with a session cookie and a page with a CSRF token are never cached', async () => {
    shown = 'x';
    await post();
    await get('/uji-cache', 'lpse_sesi=token-apa-saja');
    assert.equal((await get('/uji-cache', 'lpse_sesi=token-apa-saja')).headers['x-page-cache'], undefined);
    await get('/uji-cache/formulir', 'lpse_csrf=rahasia-peramban-ini');
    const again = await get('/uji-cache/formulir', 'lpse_csrf=rahasia-peramban-ini');
    assert.equal(again.headers['x-page-cache'], undefined, 'a token bound to one browser is never shared');
  });
});
