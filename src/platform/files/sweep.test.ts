import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import type { StoredBlob } from './blob-store.ts';
import { insertDocument } from './documents.ts';
import { sweepOrphanBlobs } from './sweep.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const pdf = (tag: string) => Buffer.from(`%PDF-1.4\n%${tag}\n%%EOF\n`);
const put = (tag: string, encrypt: boolean) =>
  t.files.put(Readable.from([pdf(tag)]), { maxBytes: 1024, allowedMimes: ['application/pdf'], encrypt });
const root = () => path.join(t.dataDir, 'files');
const fileOf = (b: StoredBlob) =>
  b.storageKey
    ? path.join(root(), ...b.storageKey.split('/'))
    : path.join(root(), b.sha256.slice(0, 2), b.sha256.slice(2, 4), b.sha256);
const LONG_AGO = new Date('2020-01-01T00:00:00Z');
const age = (file: string) => fs.utimes(file, LONG_AGO, LONG_AGO);
const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

test('sweepOrphanBlobs deletes old unreferenced plain and encrypted blobs and stale temp files, nothing else', async () => {
  const keptPlain = await put('disimpan', false);
  const keptEnc = await put('ktp-disimpan', true);
  const orphanPlain = await put('yatim', false);
  const orphanEnc = await put('ktp-yatim', true);
  const recentOrphan = await put('baru', true);
  for (const b of [keptPlain, keptEnc]) {
    await insertDocument(t.db, t.clock, { ...b, filename: 'x.pdf', docClass: 'ktp' }, null);
  }
  const staleTmp = path.join(root(), 'tmp', 'sisa-unggahan');
  await fs.writeFile(staleTmp, 'potongan');
  const foreign = path.join(root(), 'BACA-SAYA.txt');
  await fs.writeFile(foreign, 'bukan blob');
  for (const f of [keptPlain, keptEnc, orphanPlain, orphanEnc].map(fileOf)) await age(f);
  await age(staleTmp);
  await age(foreign);

  const result = await sweepOrphanBlobs(t.db, t.files, new Date(Date.now() - 60 * 60 * 1000));
  assert.deepEqual(result.removed, { plain: 1, encrypted: 1, tmp: 1 });
  assert.equal(await exists(fileOf(keptPlain)), true);
  assert.equal(await exists(fileOf(keptEnc)), true);
  assert.equal(await exists(fileOf(orphanPlain)), false);
  assert.equal(await exists(fileOf(orphanEnc)), false);
  assert.equal(await exists(fileOf(recentOrphan)), true, 'younger than the cutoff: its row may still be coming');
  assert.equal(await exists(staleTmp), false);
  assert.equal(await exists(foreign), true, 'files the store does not own are never touched');

  // Referenced blobs still read back.
  const chunks: Buffer[] = [];
  for await (const c of await t.files.openVerified(keptEnc)) chunks.push(c as Buffer);
  assert.deepEqual(Buffer.concat(chunks), pdf('ktp-disimpan'));
  assert.deepEqual((await sweepOrphanBlobs(t.db, t.files, LONG_AGO)).removed, { plain: 0, encrypted: 0, tmp: 0 });
});
