import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp } from '../../test/harness.ts';

const boundary = '----tolak';
const body = Buffer.from(
  `--${boundary}\r\nContent-Disposition: form-data; name="number"\r\n\r\n188/1/2026\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="decreeDate"\r\n\r\n2026-01-05\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sk.pdf"\r\nContent-Type: application/pdf\r\n\r\n` +
    `%PDF-1.4\n% tidak berhak\n%%EOF\n\r\n--${boundary}--\r\n`,
);

function storedFiles(root: string): string[] {
  try {
    return readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => path.basename(f).length >= 32);
  } catch {
    return [];
  }
}

test('an upload by someone without the permission is refused before its body is read: nothing reaches the disk', async (tc) => {
  const t = await createTestApp();
  tc.after(() => t.close());
  const vendor = await buildUser(t, { roles: ['PENYEDIA'] });
  const a = new Agent(t.app);
  await a.login(vendor.username);
  await a.get('/akun');
  const res = await a.request({
    method: 'POST',
    url: `/tim-lpse/sk?_csrf=${encodeURIComponent(a.csrf!)}`,
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  assert.equal(res.statusCode, 403);
  assert.equal(res.headers['x-error-code'], 'FORBIDDEN');
  assert.deepEqual(storedFiles(path.join(t.dataDir, 'files')), []);

  // The same upload by the Kepala LPSE is stored: the check above is about permission, not about the body.
  const head = await buildUser(t, { roles: ['KEPALA_LPSE'] });
  const k = new Agent(t.app);
  await k.login(head.username);
  await k.get('/tim-lpse');
  const ok = await k.request({
    method: 'POST',
    url: `/tim-lpse/sk?_csrf=${encodeURIComponent(k.csrf!)}`,
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  assert.equal(ok.statusCode, 303);
  assert.equal(storedFiles(path.join(t.dataDir, 'files')).length, 1);
});
