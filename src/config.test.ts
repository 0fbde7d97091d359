import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults give an embedded platform on port 3000 under ./data', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.match(c.dataDir, /data$/);
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.baseUrl, 'http://localhost:3000');
});

test('every configuration problem is reported at once', () => {
  try {
    loadConfig({ PORT: 'tiga ribu', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', LOG_LEVEL: 'loud' });
    assert.fail('should throw');
  } catch (err) {
    assert.ok(err instanceof ConfigError, 'err instanceof ConfigError');
    assert.equal(err.problems.length, 4);
    const text = err.message;
    for (const key of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'LOG_LEVEL']) assert.match(text, new RegExp(key));
  }
});

test('OCDS_PREFIX (R02): the demo placeholder when unset; a registered-looking prefix; never another publisher’s', () => {
  const unset = loadConfig({});
  assert.equal(unset.ocdsPrefix, 'ocds-demo00');
  assert.equal(unset.ocdsPrefixIsPlaceholder, true);
  const own = loadConfig({ OCDS_PREFIX: 'ocds-k0nk3p' });
  assert.equal(own.ocdsPrefix, 'ocds-k0nk3p');
  assert.equal(own.ocdsPrefixIsPlaceholder, false);
  assert.throws(() => loadConfig({ OCDS_PREFIX: 'OCDS-ABC' }), /OCDS_PREFIX/);
  assert.throws(() => loadConfig({ OCDS_PREFIX: 'ocds-afzrfb' }), /milik penerbit lain/);
});

test('the test clock (browser tests only) is refused in production, and moves time by the offset in its file', async () => {
  assert.throws(
    () => loadConfig({ LPSE_TEST_CLOCK_FILE: '/tmp/x', NODE_ENV: 'production' }),
    (e: unknown) => e instanceof ConfigError && /LPSE_TEST_CLOCK_FILE/.test(e.message),
  );
  assert.equal(loadConfig({}).testClockFile, undefined, 'no test clock unless asked for');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { OffsetFileClock, DAY } = await import('./platform/clock.ts');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'clock-')), 'offset');
  const clock = new OffsetFileClock(file);
  assert.ok(Math.abs(clock.now().getTime() - Date.now()) < 1000, 'a missing file means no offset');
  writeFileSync(file, String(3 * DAY));
  assert.ok(Math.abs(clock.now().getTime() - (Date.now() + 3 * DAY)) < 1000, 'the offset written is applied at once');
});
