import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openPglite } from '../platform/db/database.ts';

const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });

test('`lpse audit verify` passes on an intact trail and names the first edited row', { timeout: 120_000 }, async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lpse-cli-'));
  try {
    const demo = cli(dataDir, 'demo');
    assert.equal(demo.status, 0, demo.stderr);
    // The demo prints each generated password once; none is a fixed string in the code.
    assert.match(demo.stdout, /VERIFIKATOR\s+verifikator\s+\S{12,}/);
    const ok = cli(dataDir, 'audit', 'verify');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /utuh/);

    const pg = await openPglite(path.join(dataDir, 'db'));
    await pg.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await pg.db.execute(sql`update audit_events set actor_name = 'penyusup' where seq = 1`);
    await pg.close();

    const broken = cli(dataDir, 'audit', 'verify');
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /#1/);
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
});

test('a second `lpse` process on the same DATA_DIR refuses to start', { timeout: 60_000 }, async () => {
  const { lockDataDir } = await import('../platform/db/data-dir.ts');
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lpse-cli-'));
  const release = await lockDataDir(dataDir);
  try {
    const second = cli(dataDir, 'migrate');
    assert.equal(second.status, 78);
    assert.match(second.stderr, /sedang dipakai/);
  } finally {
    await release();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
});
