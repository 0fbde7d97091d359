import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DataDirLockedError, lockDataDir } from './data-dir.ts';

test('a second process on the same DATA_DIR is refused with a clear message, and may start after release', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lpse-lock-'));
  const release = await lockDataDir(dir);
  await assert.rejects(lockDataDir(dir), (err) => {
    assert.ok(err instanceof DataDirLockedError, 'err instanceof DataDirLockedError');
    assert.match(err.message, /sedang dipakai/);
    return true;
  });
  await release();
  const again = await lockDataDir(dir);
  await again();
  await fs.rm(dir, { recursive: true, force: true });
});
