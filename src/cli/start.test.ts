import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { lockDataDir } from '../platform/db/data-dir.ts';

test('`lpse start` on an empty DATA_DIR: migrates, prints a setup link, serves, and stops cleanly on SIGTERM', {
  timeout: 90_000,
}, async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lpse-start-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 60_000;
    while (!/penyiapan\?token=/.test(out)) {
      assert.ok(Date.now() < deadline, `no setup link printed:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const link = /(http:\/\/localhost:\d+\/penyiapan\?token=[\w-]+)/.exec(out)![1]!;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const home = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<html lang="id"/);
    const setup = await fetch(link.replace('localhost', '127.0.0.1'));
    assert.equal(setup.status, 200);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, out);
  // The lock is released on shutdown, so the next start may take the directory.
  const release = await lockDataDir(dataDir);
  await release();
  await fs.rm(dataDir, { recursive: true, force: true });
});
