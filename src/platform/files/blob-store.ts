import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors.ts';

export interface StoredBlob {
  sha256: string;
  size: number;
  mime: string;
}

export interface PutOptions {
  maxBytes: number;
  allowedMimes: readonly string[];
}

/** One interface for blobs: local disk today, an S3-compatible store for a scaled deployment later. */
export interface BlobStore {
  put(source: Readable, opts: PutOptions): Promise<StoredBlob>;
  open(sha256: string): Readable;
  exists(sha256: string): Promise<boolean>;
}

export const fileTooLarge = (maxBytes: number) =>
  new AppError('FILE_TOO_LARGE', 413, 'error.fileTooLarge', { max: Math.round(maxBytes / 1024 / 1024) });
export const fileTypeNotAllowed = () => new AppError('FILE_TYPE_NOT_ALLOWED', 415, 'error.fileTypeNotAllowed');

const SNIFF_BYTES = 4100;

/**
 * Streams to a temporary file while hashing and counting, sniffs the magic bytes from the first chunk, and only then
 * moves the file to its content address `files/ab/cd/<sha256>`. Nothing is ever buffered whole.
 */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathFor(sha256: string) {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad blob address');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: Readable, opts: PutOptions): Promise<StoredBlob> {
    await fs.mkdir(path.join(this.root, 'tmp'), { recursive: true });
    const tmp = path.join(this.root, 'tmp', randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > opts.maxBytes) return cb(fileTooLarge(opts.maxBytes));
        if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(tmp));
      // @fastify/multipart truncates instead of failing when its own limit is hit.
      if ((source as Readable & { truncated?: boolean }).truncated) throw fileTooLarge(opts.maxBytes);
      const type = await fileTypeFromBuffer(head);
      if (!type || !opts.allowedMimes.includes(type.mime)) throw fileTypeNotAllowed();
      const sha256 = hash.digest('hex');
      const dest = this.pathFor(sha256);
      await fs.mkdir(path.dirname(dest), { recursive: true });
      await fs.rename(tmp, dest);
      return { sha256, size, mime: type.mime };
    } catch (err) {
      source.resume();
      await fs.rm(tmp, { force: true });
      throw err;
    }
  }

  open(sha256: string): Readable {
    return createReadStream(this.pathFor(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.pathFor(sha256));
      return true;
    } catch {
      return false;
    }
  }
}
