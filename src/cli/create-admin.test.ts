import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const lpse = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['bin/lpse.mjs', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', BASE_URL: 'https://lpse.konkepkab.go.id' },
    encoding: 'utf8',
  });

test('`lpse create-admin` checks its arguments and prints a single-use password link, never a password', {
  timeout: 90_000,
}, async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lpse-admin-'));
  try {
    const bad = lpse(dataDir, 'create-admin', '--username', 'A B', '--email', 'bukan-email');
    assert.equal(bad.status, 64);
    assert.match(bad.stderr, /--username/);
    assert.match(bad.stderr, /--email/);
    assert.match(bad.stderr, /--name/);

    const ok = lpse(
      dataDir,
      'create-admin',
      '--username',
      'admin2',
      '--name',
      'Admin Dua',
      '--email',
      'admin2@konkepkab.go.id',
    );
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /https:\/\/lpse\.konkepkab\.go\.id\/kata-sandi\/atur-ulang\?token=[\w-]{40,}/);

    const dup = lpse(dataDir, 'create-admin', '--username', 'admin2', '--name', 'Lagi', '--email', 'x@konkepkab.go.id');
    assert.equal(dup.status, 65);
    assert.equal(lpse(dataDir, 'audit', 'verify').status, 0);
    assert.equal(lpse(dataDir, 'tidak-dikenal').status, 64);
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
});

test('a bad configuration stops the process with every problem listed', () => {
  const r = spawnSync(process.execPath, ['bin/lpse.mjs', 'migrate'], {
    env: { ...process.env, PORT: 'x', DATABASE_URL: 'mysql://db', LOG_LEVEL: 'keras' },
    encoding: 'utf8',
  });
  assert.equal(r.status, 78);
  for (const key of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) assert.match(r.stderr, new RegExp(key));
  assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
});
