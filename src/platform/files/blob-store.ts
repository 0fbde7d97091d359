import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors.ts';
import { decryptStream, EnvelopeIntegrityError, encryptStream } from './envelope.ts';
import { KeyFileError, type Keyring } from './keyring.ts';

export interface StoredBlob {
  /** SHA-256 and size of the plaintext, also for an encrypted blob. */
  sha256: string;
  size: number;
  mime: string;
  /** Encrypted blobs only: random address under `enc/`, the wrapped data key and the master key that wraps it. */
  storageKey: string | null;
  wrappedKey: string | null;
  keyId: string | null;
}

/** What is needed to find and read a blob back: a `documents` row fits. */
export type BlobRef = Pick<StoredBlob, 'sha256' | 'size' | 'storageKey' | 'wrappedKey' | 'keyId'>;

export interface PutOptions {
  maxBytes: number;
  allowedMimes: readonly string[];
  /** Encrypt under a fresh data key and store at a random address (confidential document classes). */
  encrypt?: boolean;
}

/** One stored object, for the orphan sweep. `key` is its path relative to the store's root. */
export interface BlobEntry {
  key: string;
  kind: 'plain' | 'encrypted' | 'tmp';
  /** The SHA-256 for a plain blob, the storage key for an encrypted one. */
  address: string;
  modifiedAt: Date;
}

/** One interface for blobs: local disk today, an S3-compatible store for a scaled deployment later. */
export interface BlobStore {
  put(source: Readable, opts: PutOptions): Promise<StoredBlob>;
  /** Streams the plaintext without checking it first; prefer `openVerified` when serving to people. */
  open(ref: BlobRef): Readable;
  /**
   * Reads the whole stored blob once to nowhere (authenticating every chunk, or checking the SHA-256 of a plain
   * blob), and only then returns the plaintext stream. Throws `documentIntegrityError()` when the blob was changed.
   */
  openVerified(ref: BlobRef): Promise<Readable>;
  exists(ref: BlobRef): Promise<boolean>;
  list(): AsyncIterable<BlobEntry>;
  remove(key: string): Promise<void>;
}

export const fileTooLarge = (maxBytes: number) =>
  new AppError('FILE_TOO_LARGE', 413, 'error.fileTooLarge', { max: Math.round(maxBytes / 1024 / 1024) });
export const fileTypeNotAllowed = () => new AppError('FILE_TYPE_NOT_ALLOWED', 415, 'error.fileTypeNotAllowed');
export const documentIntegrityError = () => new AppError('DOCUMENT_INTEGRITY', 409, 'error.documentIntegrity');

const SNIFF_BYTES = 4100;
const SHA_RE = /^[0-9a-f]{64}$/;
const ENC_KEY_RE = /^enc\/[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Streams to a temporary file while hashing and counting, sniffs the magic bytes from the first chunk, and only then
 * moves the file to its address. Nothing is ever buffered whole.
 *
 * - plain: content address `ab/cd/<sha256>` (identical uploads share one file);
 * - encrypted: `enc/ab/<uuid>`, a random address that says nothing about the content, holding the envelope of
 *   envelope.ts under a fresh data key wrapped by the keyring's current master key. Hash, size and type sniff are
 *   computed on the plaintext as it streams through, before the cipher.
 */
export class LocalBlobStore implements BlobStore {
  constructor(
    private readonly root: string,
    private readonly keyring?: Keyring,
  ) {}

  private pathForSha(sha256: string) {
    if (!SHA_RE.test(sha256)) throw new Error('bad blob address');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private pathFor(ref: BlobRef) {
    if (ref.storageKey === null) return this.pathForSha(ref.sha256);
    if (!ENC_KEY_RE.test(ref.storageKey)) throw new Error('bad blob address');
    return path.join(this.root, ...ref.storageKey.split('/'));
  }

  private requireKeyring(): Keyring {
    if (!this.keyring) throw new Error('this blob store has no keyring: encrypted blobs cannot be written or read');
    return this.keyring;
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
    let encryption: { storageKey: string; wrappedKey: string; keyId: string; dataKey: Buffer } | null = null;
    if (opts.encrypt) {
      const keyring = this.requireKeyring();
      await keyring.refresh();
      const id = randomUUID();
      const storageKey = `enc/${id.slice(0, 2)}/${id}`;
      const dataKey = randomBytes(32);
      const { keyId, wrapped } = keyring.wrap(dataKey, storageKey);
      encryption = { storageKey, wrappedKey: wrapped, keyId, dataKey };
    }
    try {
      if (encryption) {
        await pipeline(source, meter, encryptStream(encryption.dataKey), createWriteStream(tmp, { mode: 0o600 }));
      } else {
        await pipeline(source, meter, createWriteStream(tmp));
      }
      // @fastify/multipart truncates instead of failing when its own limit is hit.
      if ((source as Readable & { truncated?: boolean }).truncated) throw fileTooLarge(opts.maxBytes);
      const type = await fileTypeFromBuffer(head);
      if (!type || !opts.allowedMimes.includes(type.mime)) throw fileTypeNotAllowed();
      const sha256 = hash.digest('hex');
      const stored: StoredBlob = {
        sha256,
        size,
        mime: type.mime,
        storageKey: encryption?.storageKey ?? null,
        wrappedKey: encryption?.wrappedKey ?? null,
        keyId: encryption?.keyId ?? null,
      };
      const dest = this.pathFor(stored);
      await fs.mkdir(path.dirname(dest), { recursive: true });
      await fs.rename(tmp, dest);
      return stored;
    } catch (err) {
      source.resume();
      await fs.rm(tmp, { force: true });
      throw err;
    } finally {
      encryption?.dataKey.fill(0);
    }
  }

  private dataKey(ref: BlobRef): Buffer {
    if (!ref.storageKey || !ref.wrappedKey || !ref.keyId) throw new Error('not an encrypted blob');
    try {
      return this.requireKeyring().unwrap(ref.keyId, ref.wrappedKey, ref.storageKey);
    } catch (err) {
      if (err instanceof KeyFileError) throw err;
      // The wrapped key does not open under its master key: the row or the key file was changed.
      throw new EnvelopeIntegrityError('wrapped data key did not authenticate');
    }
  }

  open(ref: BlobRef): Readable {
    const file = createReadStream(this.pathFor(ref));
    if (ref.storageKey === null) return file;
    const out = new PassThrough();
    try {
      const plain = decryptStream(this.dataKey(ref));
      pipeline(file, plain, out).catch((err) => out.destroy(err));
    } catch (err) {
      file.destroy();
      out.destroy(err as Error);
    }
    return out;
  }

  async openVerified(ref: BlobRef): Promise<Readable> {
    if (ref.storageKey !== null) await this.refreshForRead(ref);
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        this.open(ref),
        new Writable({
          write(chunk: Buffer, _enc, cb) {
            size += chunk.length;
            hash.update(chunk);
            cb();
          },
        }),
      );
    } catch (err) {
      if (err instanceof EnvelopeIntegrityError) throw documentIntegrityError();
      throw err;
    }
    // The plaintext must also be the one recorded at upload (catches a swapped file or a changed plain blob).
    if (size !== ref.size || hash.digest('hex') !== ref.sha256) throw documentIntegrityError();
    return this.open(ref);
  }

  private async refreshForRead(ref: BlobRef) {
    if (ref.keyId && this.keyring && !this.keyring.has(ref.keyId)) await this.keyring.refresh();
  }

  async exists(ref: BlobRef): Promise<boolean> {
    try {
      await fs.access(this.pathFor(ref));
      return true;
    } catch {
      return false;
    }
  }

  async *list(): AsyncIterable<BlobEntry> {
    const walk = async function* (dir: string, rel: string[]): AsyncGenerator<{ rel: string[]; full: string }> {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) yield* walk(full, [...rel, e.name]);
        else if (e.isFile()) yield { rel: [...rel, e.name], full };
      }
    };
    for await (const { rel, full } of walk(this.root, [])) {
      const key = rel.join('/');
      let kind: BlobEntry['kind'];
      let address: string;
      if (rel[0] === 'tmp' && rel.length === 2) {
        kind = 'tmp';
        address = key;
      } else if (ENC_KEY_RE.test(key)) {
        kind = 'encrypted';
        address = key;
      } else if (rel.length === 3 && SHA_RE.test(rel[2]!) && key === path.posix.join(...this.shaParts(rel[2]!))) {
        kind = 'plain';
        address = rel[2]!;
      } else {
        continue; // not ours: never touched
      }
      const st = await fs.stat(full).catch(() => null);
      if (st) yield { key, kind, address, modifiedAt: st.mtime };
    }
  }

  private shaParts(sha: string) {
    return [sha.slice(0, 2), sha.slice(2, 4), sha];
  }

  async remove(key: string): Promise<void> {
    const parts = key.split('/');
    const valid =
      (parts[0] === 'tmp' && parts.length === 2 && /^[\w-]+$/.test(parts[1]!)) ||
      ENC_KEY_RE.test(key) ||
      (parts.length === 3 && SHA_RE.test(parts[2]!) && key === this.shaParts(parts[2]!).join('/'));
    if (!valid) throw new Error('bad blob key');
    await fs.rm(path.join(this.root, ...parts), { force: true });
  }
}
