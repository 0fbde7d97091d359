import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Streamed, chunked AES-256-GCM (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár).
 *
 * File layout:
 *
 *   header  = "LPSEENC" ‖ version 0x01 ‖ chunk size (uint32 BE) ‖ nonce prefix (7 random bytes)      (20 bytes)
 *   chunk i = AES-256-GCM(dataKey, nonce_i, aad = header, plaintext_i) ‖ tag (16 bytes)
 *   nonce_i = nonce prefix (7) ‖ i (uint32 BE) ‖ last flag (0x00, or 0x01 for the final chunk)
 *
 * Every chunk but the last holds exactly `chunk size` plaintext bytes; the last holds 1..chunk size (0 only for an
 * empty file), so the reader knows a chunk is the last one only when the stream ends. Because the index and the last
 * flag are in the nonce, a changed byte, a reordered, dropped or duplicated chunk, a truncation at a chunk boundary
 * and appended data all make a tag fail. The header is the additional data of every chunk.
 * The data key is random per file, so (key, nonce) never repeats.
 */
export const ENVELOPE_MAGIC = Buffer.from('LPSEENC\x01', 'latin1');
export const HEADER_BYTES = ENVELOPE_MAGIC.length + 4 + 7;
export const TAG_BYTES = 16;
export const DEFAULT_CHUNK_BYTES = 64 * 1024;
const MAX_CHUNK_BYTES = 1024 * 1024;

/** Raised on any authentication failure: the stored file was changed, cut or extended. */
export class EnvelopeIntegrityError extends Error {
  constructor(reason: string) {
    super(`encrypted blob failed authentication: ${reason}`);
  }
}

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  if (index > 0xffff_ffff) throw new EnvelopeIntegrityError('too many chunks');
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, 7);
  n[11] = last ? 1 : 0;
  return n;
}

/** Plaintext in, envelope out. Holds at most one chunk (plus one incoming piece) in memory. */
export function encryptStream(dataKey: Buffer, chunkBytes = DEFAULT_CHUNK_BYTES): Transform {
  if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
  if (chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) throw new Error('bad chunk size');
  const prefix = randomBytes(7);
  const header = Buffer.alloc(HEADER_BYTES);
  ENVELOPE_MAGIC.copy(header, 0);
  header.writeUInt32BE(chunkBytes, ENVELOPE_MAGIC.length);
  prefix.copy(header, ENVELOPE_MAGIC.length + 4);
  let index = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  const seal = (plain: Buffer, last: boolean) => {
    const c = createCipheriv('aes-256-gcm', dataKey, nonce(prefix, index, last));
    c.setAAD(header);
    const out = Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
    index += 1;
    return out;
  };

  return new Transform({
    construct(cb) {
      this.push(header);
      cb();
    },
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      try {
        pending.push(chunk);
        pendingBytes += chunk.length;
        // Strictly more than one chunk buffered: the first one is certainly not the last.
        while (pendingBytes > chunkBytes) {
          const all = Buffer.concat(pending);
          this.push(seal(all.subarray(0, chunkBytes), false));
          const rest = all.subarray(chunkBytes);
          pending = [rest];
          pendingBytes = rest.length;
        }
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    flush(cb) {
      try {
        this.push(seal(Buffer.concat(pending), true));
        pending = [];
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
  });
}

/**
 * Envelope in, plaintext out. Each chunk's plaintext is released only after its tag verified; a failure errors the
 * stream with EnvelopeIntegrityError. Callers that must not release any byte of a bad file run a first pass to
 * nowhere (see `LocalBlobStore.openVerified`).
 */
export function decryptStream(dataKey: Buffer): Transform {
  if (dataKey.length !== 32) throw new Error('data key must be 32 bytes');
  let header: Buffer | null = null;
  let prefix: Buffer | null = null;
  let sealedBytes = 0;
  let index = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  const open = (sealed: Buffer, last: boolean) => {
    if (sealed.length < TAG_BYTES) throw new EnvelopeIntegrityError('chunk too short');
    const d = createDecipheriv('aes-256-gcm', dataKey, nonce(prefix!, index, last));
    d.setAAD(header!);
    d.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const body = sealed.subarray(0, sealed.length - TAG_BYTES);
    let plain: Buffer;
    try {
      plain = Buffer.concat([d.update(body), d.final()]);
    } catch {
      throw new EnvelopeIntegrityError(`chunk ${index}${last ? ' (last)' : ''} did not authenticate`);
    }
    index += 1;
    return plain;
  };

  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      try {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (!header) {
          if (pendingBytes < HEADER_BYTES) return cb();
          const all = Buffer.concat(pending);
          header = Buffer.from(all.subarray(0, HEADER_BYTES));
          if (!header.subarray(0, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC)) {
            throw new EnvelopeIntegrityError('not an LPSE envelope');
          }
          const chunkBytes = header.readUInt32BE(ENVELOPE_MAGIC.length);
          if (chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) throw new EnvelopeIntegrityError('bad chunk size');
          sealedBytes = chunkBytes + TAG_BYTES;
          prefix = header.subarray(ENVELOPE_MAGIC.length + 4);
          const rest = all.subarray(HEADER_BYTES);
          pending = [rest];
          pendingBytes = rest.length;
        }
        while (pendingBytes > sealedBytes) {
          const all = Buffer.concat(pending);
          this.push(open(all.subarray(0, sealedBytes), false));
          const rest = all.subarray(sealedBytes);
          pending = [rest];
          pendingBytes = rest.length;
        }
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    flush(cb) {
      try {
        if (!header) throw new EnvelopeIntegrityError('header missing');
        this.push(open(Buffer.concat(pending), true));
        pending = [];
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
  });
}

/** Ciphertext size of a plaintext of `size` bytes. */
export function envelopeSize(size: number, chunkBytes = DEFAULT_CHUNK_BYTES): number {
  const chunks = Math.max(1, Math.ceil(size / chunkBytes));
  return HEADER_BYTES + size + chunks * TAG_BYTES;
}
