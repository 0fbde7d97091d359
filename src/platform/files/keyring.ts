import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ConfigError } from '../../config.ts';
import type { Db } from '../db/database.ts';
import { documents } from './files.schema.ts';

/**
 * The master keys that wrap the per-file data keys. They live in a small JSON file (mode 0600, outside the database
 * and outside the blob store), never in the database:
 *
 *   { "version": 1, "current": "<id>", "keys": [{ "id": "<id>", "key": "<base64, 32 bytes>", "createdAt": "…" }] }
 *
 * Several keys exist only during a rotation; `current` wraps new data keys.
 */
const KeyFileSchema = z.object({
  version: z.literal(1),
  current: z.string().regex(/^[\w-]{1,64}$/),
  keys: z
    .array(
      z.object({
        id: z.string().regex(/^[\w-]{1,64}$/),
        key: z.base64().refine((k) => Buffer.from(k, 'base64').length === 32, 'must be 32 bytes'),
        createdAt: z.string(),
      }),
    )
    .min(1),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

/** A missing, unreadable or corrupt key file: the process stops with exit 78 like any configuration problem. */
export class KeyFileError extends ConfigError {}

const WRAP_VERSION = 'v1';

export class Keyring {
  private keys = new Map<string, Buffer>();
  private stamp = '';

  constructor(
    readonly file: string,
    private data: KeyFile,
  ) {
    this.index();
  }

  private index() {
    this.keys = new Map(this.data.keys.map((k) => [k.id, Buffer.from(k.key, 'base64')]));
  }

  get currentId(): string {
    return this.data.current;
  }

  get ids(): string[] {
    return [...this.keys.keys()];
  }

  has(id: string): boolean {
    return this.keys.has(id);
  }

  snapshot(): KeyFile {
    return structuredClone(this.data);
  }

  /**
   * Re-reads the file when it changed on disk (a rotation run by the CLI while a server on PostgreSQL keeps running):
   * new data keys are then wrapped with the new current key and rows re-wrapped by the rotation stay readable.
   */
  async refresh(): Promise<void> {
    const st = await fs.stat(this.file).catch(() => null);
    if (!st) return;
    const stamp = `${st.ino}:${st.size}:${st.mtimeMs}`;
    if (stamp === this.stamp) return;
    const fresh = await readKeyFile(this.file);
    this.data = fresh;
    this.stamp = stamp;
    this.index();
  }

  async markRead(): Promise<void> {
    const st = await fs.stat(this.file);
    this.stamp = `${st.ino}:${st.size}:${st.mtimeMs}`;
  }

  private key(id: string): Buffer {
    const k = this.keys.get(id);
    if (!k) throw new KeyFileError([`MASTER_KEY_FILE (${this.file}): kunci ${id} tidak ada di berkas kunci`]);
    return k;
  }

  /** AES-256-GCM under the master key; `aad` binds the wrapped key to its blob (the storage address). */
  wrap(dataKey: Buffer, aad: string, keyId = this.currentId): { keyId: string; wrapped: string } {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key(keyId), iv);
    c.setAAD(Buffer.from(`${WRAP_VERSION}:${keyId}:${aad}`));
    const body = Buffer.concat([c.update(dataKey), c.final()]);
    return { keyId, wrapped: `${WRAP_VERSION}.${Buffer.concat([iv, body, c.getAuthTag()]).toString('base64')}` };
  }

  unwrap(keyId: string, wrapped: string, aad: string): Buffer {
    const [version, b64] = wrapped.split('.');
    if (version !== WRAP_VERSION || !b64) throw new Error('unknown wrapped key format');
    const raw = Buffer.from(b64, 'base64');
    const d = createDecipheriv('aes-256-gcm', this.key(keyId), raw.subarray(0, 12));
    d.setAAD(Buffer.from(`${WRAP_VERSION}:${keyId}:${aad}`));
    d.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]);
  }
}

function newKeyId(): string {
  // Sortable by creation, unique enough for a handful of keys over the platform's life.
  return `k${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`;
}

export function newMasterKey(): KeyFile['keys'][number] {
  return { id: newKeyId(), key: randomBytes(32).toString('base64'), createdAt: new Date().toISOString() };
}

async function readKeyFile(file: string): Promise<KeyFile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new KeyFileError([`MASTER_KEY_FILE (${file}): berkas kunci tidak dapat dibaca (${(err as Error).message})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyFileError([`MASTER_KEY_FILE (${file}): berkas kunci rusak (bukan JSON)`]);
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new KeyFileError([
      `MASTER_KEY_FILE (${file}): berkas kunci rusak (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`,
    ]);
  }
  if (!parsed.data.keys.some((k) => k.id === parsed.data.current)) {
    throw new KeyFileError([`MASTER_KEY_FILE (${file}): kunci aktif ${parsed.data.current} tidak ada di daftar kunci`]);
  }
  return parsed.data;
}

/** Temp file (0600, fsynced) then rename, then fsync of the directory: the file is always the old or the new one. */
export async function writeKeyFile(file: string, data: KeyFile): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.chmod(tmp, 0o600); // in case the umask widened nothing but the platform ignored the mode
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  const d = await fs.open(dir, 'r');
  try {
    await d.sync().catch(() => {}); // not every file system supports fsync on a directory
  } finally {
    await d.close();
  }
}

/** Key ids that documents refer to, with how many rows each. */
export async function referencedKeyIds(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ keyId: documents.keyId, n: sql<number>`count(*)::int` })
    .from(documents)
    .where(isNotNull(documents.keyId))
    .groupBy(documents.keyId);
  return new Map(rows.map((r) => [r.keyId!, Number(r.n)]));
}

/**
 * Loads the keyring at start. A first start (no file, no encrypted row) creates it with mode 0600. A missing or
 * corrupt file while encrypted rows exist, or a row whose key is not in the file, stops the start with a clear
 * message: silently making a new key would make every stored confidential document unreadable.
 */
export async function openKeyring(file: string, db: Db): Promise<Keyring> {
  const used = await referencedKeyIds(db);
  const exists = await fs
    .access(file)
    .then(() => true)
    .catch(() => false);
  if (!exists) {
    const total = [...used.values()].reduce((a, b) => a + b, 0);
    if (total > 0) {
      throw new KeyFileError([
        `MASTER_KEY_FILE (${file}): berkas kunci tidak ada, padahal ${total} dokumen terenkripsi memakainya. Pulihkan berkas kunci dari cadangan; kunci baru tidak dibuat.`,
      ]);
    }
    const key = newMasterKey();
    await writeKeyFile(file, { version: 1, current: key.id, keys: [key] });
  }
  const ring = new Keyring(file, await readKeyFile(file));
  await ring.markRead();
  const missing = [...used.keys()].filter((id) => !ring.has(id));
  if (missing.length > 0) {
    throw new KeyFileError([
      `MASTER_KEY_FILE (${file}): kunci ${missing.join(', ')} dipakai dokumen terenkripsi tetapi tidak ada di berkas kunci. Pulihkan berkas kunci dari cadangan.`,
    ]);
  }
  return ring;
}
