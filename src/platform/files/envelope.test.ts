import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import {
  DEFAULT_CHUNK_BYTES,
  decryptStream,
  EnvelopeIntegrityError,
  encryptStream,
  envelopeSize,
  HEADER_BYTES,
  TAG_BYTES,
} from './envelope.ts';

/** Feeds `data` in pieces of `piece` bytes, so chunk boundaries never line up with the input's. */
async function run(stream: NodeJS.ReadWriteStream, data: Buffer, piece = 7_919): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < data.length; i += piece) pieces.push(data.subarray(i, i + piece));
  const out: Buffer[] = [];
  for await (const c of Readable.from(pieces).pipe(stream)) out.push(c as Buffer);
  return Buffer.concat(out);
}

const CHUNK = 1024;
const key = randomBytes(32);
const seal = (plain: Buffer, chunk = CHUNK) => run(encryptStream(key, chunk), plain);
const open = (sealed: Buffer, k = key) => run(decryptStream(k), sealed);
const sealedChunk = CHUNK + TAG_BYTES;

async function assertRefused(sealed: Buffer, k = key) {
  await assert.rejects(open(sealed, k), EnvelopeIntegrityError);
}

describe('chunked AES-256-GCM envelope (STREAM)', () => {
  test('round-trips empty, short, exact-multiple and ragged plaintexts, with the expected sizes', async () => {
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17]) {
      const plain = randomBytes(size);
      const sealed = await seal(plain);
      assert.equal(sealed.length, envelopeSize(size, CHUNK), `size ${size}`);
      assert.deepEqual(await open(sealed), plain, `size ${size}`);
    }
    const big = randomBytes(3 * DEFAULT_CHUNK_BYTES + 5);
    assert.deepEqual(await run(decryptStream(key), await run(encryptStream(key), big, 65_000)), big);
  });

  test('the same plaintext under the same key gives a different envelope (random nonce prefix)', async () => {
    const plain = Buffer.from('%PDF-1.4 sama');
    assert.notDeepEqual(await seal(plain), await seal(plain));
  });

  test('a flipped bit anywhere (header, any chunk body, any tag) is detected', async () => {
    const sealed = await seal(randomBytes(3 * CHUNK + 100));
    for (const at of [0, 9, HEADER_BYTES - 1, HEADER_BYTES, HEADER_BYTES + sealedChunk + 5, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 0x01;
      await assertRefused(bad);
    }
  });

  test('truncation is detected: the last chunk dropped, cut inside a chunk, or only the header left', async () => {
    const sealed = await seal(randomBytes(3 * CHUNK + 100));
    await assertRefused(sealed.subarray(0, HEADER_BYTES + 3 * sealedChunk)); // last chunk dropped
    await assertRefused(sealed.subarray(0, HEADER_BYTES + 2 * sealedChunk)); // two dropped
    await assertRefused(sealed.subarray(0, sealed.length - 10));
    await assertRefused(sealed.subarray(0, HEADER_BYTES));
    await assertRefused(sealed.subarray(0, 5));
    // An exact multiple of the chunk size: dropping the (full) last chunk is still detected.
    const exact = await seal(randomBytes(2 * CHUNK));
    await assertRefused(exact.subarray(0, HEADER_BYTES + sealedChunk));
  });

  test('reordered, duplicated and appended chunks are detected', async () => {
    const sealed = await seal(randomBytes(3 * CHUNK + 100));
    const header = sealed.subarray(0, HEADER_BYTES);
    const c = (i: number) => sealed.subarray(HEADER_BYTES + i * sealedChunk, HEADER_BYTES + (i + 1) * sealedChunk);
    const last = sealed.subarray(HEADER_BYTES + 3 * sealedChunk);
    await assertRefused(Buffer.concat([header, c(1), c(0), c(2), last])); // swapped
    await assertRefused(Buffer.concat([header, c(0), c(0), c(2), last])); // duplicated
    await assertRefused(Buffer.concat([header, c(0), c(1), c(2), last, last])); // last appended again
    await assertRefused(Buffer.concat([sealed, Buffer.from('x')])); // a byte appended
    // A chunk from another envelope under the same key (different nonce prefix) does not fit either.
    const other = await seal(randomBytes(3 * CHUNK + 100));
    await assertRefused(
      Buffer.concat([header, other.subarray(HEADER_BYTES, HEADER_BYTES + sealedChunk), c(1), c(2), last]),
    );
  });

  test('the wrong data key is refused', async () => {
    await assertRefused(await seal(Buffer.from('rahasia')), randomBytes(32));
  });
});
