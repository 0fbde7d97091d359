import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, test } from 'node:test';
import { Upload } from '@tus/server';
import { BidFileStore, HEAD_KEEP, takeStreamedDigest, writeTemp } from './storage.ts';

/**
 * R25 (sealed bids), issue 11's deadline surge: completion takes the SHA-256 kept while the bytes streamed to the disk
 * instead of reading a 20 MB envelope back — but only when that digest covers exactly the bytes on disk.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'lpse-bidstore-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const id = () => randomBytes(16).toString('hex');

async function created(store: BidFileStore, size: number) {
  const upload = await store.create(new Upload({ id: id(), size, offset: 0 }));
  return upload.id;
}

test('the digest streamed over several PATCHes is the SHA-256 of the whole file, with the envelope head', async () => {
  const store = new BidFileStore(dir);
  const bytes = randomBytes(3 * 65536 + 17);
  const uid = await created(store, bytes.length);
  // The head (header) spans the first two PATCHes, as it does when a connection breaks early.
  let offset = await store.write(Readable.from([bytes.subarray(0, 5_000)]), uid, 0);
  offset = await store.write(Readable.from([bytes.subarray(5_000, 150_000), bytes.subarray(150_000)]), uid, offset);
  assert.equal(offset, bytes.length);
  assert.deepEqual(takeStreamedDigest(store.path(uid), bytes.length), {
    sha256: sha(bytes),
    size: bytes.length,
    head: bytes.subarray(0, HEAD_KEEP),
  });
  assert.equal(takeStreamedDigest(store.path(uid), bytes.length), null, 'a digest is taken once');
});

test('no streamed digest when it does not cover the file: a broken PATCH, or a resume at another offset', async () => {
  const store = new BidFileStore(dir);
  const bytes = randomBytes(50_000);
  const uid = await created(store, bytes.length);
  const broken = new PassThrough();
  const writing = store.write(broken, uid, 0);
  broken.write(bytes.subarray(0, 20_000));
  setImmediate(() => broken.destroy(new Error('connection reset')));
  const offset = await writing;
  assert.ok(offset > 0, `part of the broken PATCH reached the disk (${offset})`);
  await store.write(Readable.from([bytes.subarray(offset)]), uid, offset);
  assert.equal(takeStreamedDigest(store.path(uid), bytes.length), null, 'after a broken PATCH the file is re-hashed');

  const other = await created(store, 10);
  await store.write(Readable.from([Buffer.from('abcde')]), other, 0);
  assert.equal(takeStreamedDigest(store.path(other), 10), null, 'a digest of 5 bytes does not stand for 10');
});

test('the plain form keeps the digest of the envelope it streams to a file', async () => {
  const bytes = randomBytes(70_000);
  const file = await writeTemp(dir, Readable.from([bytes.subarray(0, 1), bytes.subarray(1)]));
  assert.deepEqual(takeStreamedDigest(file, bytes.length), {
    sha256: sha(bytes),
    size: bytes.length,
    head: bytes.subarray(0, HEAD_KEEP),
  });
});
