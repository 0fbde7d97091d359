import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { systemClock } from '../platform/clock.ts';
import { openPglite } from '../platform/db/database.ts';
import { LocalBlobStore } from '../platform/files/blob-store.ts';
import { getDocument, insertDocument } from '../platform/files/documents.ts';
import { openKeyring } from '../platform/files/keyring.ts';

const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', MASTER_KEY_FILE: '', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });

const KTP = Buffer.from('%PDF-1.4\n%KTP lewat CLI\n%%EOF\n');

test('`lpse keys rotate`: rotates the key file and keeps files readable; a bad key file exits 78', {
  timeout: 120_000,
}, async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lpse-keys-'));
  const keyFile = path.join(dataDir, 'keys', 'master.json');
  try {
    assert.equal(cli(dataDir, 'migrate').status, 0);
    // One encrypted document, written the way the server writes it.
    let pg = await openPglite(path.join(dataDir, 'db'));
    const store = new LocalBlobStore(path.join(dataDir, 'files'), await openKeyring(keyFile, pg.db));
    assert.equal((await fs.stat(keyFile)).mode & 0o777, 0o600, 'created 0600 at first use');
    const blob = await store.put(Readable.from([KTP]), {
      maxBytes: 1024,
      allowedMimes: ['application/pdf'],
      encrypt: true,
    });
    const doc = await insertDocument(pg.db, systemClock, { ...blob, filename: 'ktp.pdf', docClass: 'ktp' }, null);
    await pg.close();
    const oldKey = JSON.parse(await fs.readFile(keyFile, 'utf8')).current as string;

    const ok = cli(dataDir, 'keys', 'rotate');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /Kunci induk diganti: (\S+)\. 1 kunci berkas dibungkus ulang/);
    const file = JSON.parse(await fs.readFile(keyFile, 'utf8'));
    assert.notEqual(file.current, oldKey);
    assert.equal(file.keys.length, 1);
    assert.equal((await fs.stat(keyFile)).mode & 0o777, 0o600);

    pg = await openPglite(path.join(dataDir, 'db'));
    try {
      const row = (await getDocument(pg.db, doc.id))!;
      assert.equal(row.keyId, file.current);
      const fresh = new LocalBlobStore(path.join(dataDir, 'files'), await openKeyring(keyFile, pg.db));
      const chunks: Buffer[] = [];
      for await (const c of await fresh.openVerified(row)) chunks.push(c as Buffer);
      assert.deepEqual(Buffer.concat(chunks), KTP);
    } finally {
      await pg.close();
    }

    // A corrupt key file: exit 78 with the setting named, no stack trace, for the CLI and for `start`.
    const good = await fs.readFile(keyFile);
    await fs.writeFile(keyFile, '{"version":1,', { mode: 0o600 });
    for (const args of [['keys', 'rotate'], ['start']]) {
      const r = cli(dataDir, ...args);
      assert.equal(r.status, 78, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /MASTER_KEY_FILE .*berkas kunci rusak/);
      assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
    }
    // A missing key file while an encrypted row exists: exit 78, and no new key is made.
    await fs.rm(keyFile);
    const missing = cli(dataDir, 'start');
    assert.equal(missing.status, 78, missing.stderr);
    assert.match(missing.stderr, /berkas kunci tidak ada, padahal 1 dokumen terenkripsi/);
    await assert.rejects(fs.access(keyFile));
    await fs.writeFile(keyFile, good, { mode: 0o600 });
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
});
