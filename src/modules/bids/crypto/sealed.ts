import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { combine, split } from 'shamir-secret-sharing';

/**
 * The sealed-bid envelope (R12; DESIGN-PROCUREMENT §2). Pure TypeScript over WebCrypto (`globalThis.crypto.subtle`):
 * the same code runs in the vendor's and the Pokja member's browser (bundled by esbuild) and in Node (tests, server
 * checks after the opening). Only maintained constructions are used: AES-256-GCM in the STREAM construction for the
 * content, Shamir secret sharing (`shamir-secret-sharing`, audited) for the k-of-n split of the content key, HPKE
 * (RFC 9180, `@hpke/core`: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM) to seal each share to one member.
 *
 * Layout (all integers big-endian):
 *
 *   "LPSEBID" ‖ 0x01 ‖ header length (u32) ‖ header (UTF-8 JSON, see `EnvelopeHeader`) ‖ chunk 0 ‖ chunk 1 ‖ …
 *   chunk i  = AES-256-GCM(contentKey, nonce_i, aad, plaintext_i) ‖ tag (16)
 *   nonce_i  = nonce prefix (7 random bytes) ‖ i (u32) ‖ last flag (0x00 | 0x01)
 *   aad      = "LPSEBID\x01" ‖ JSON [tender code, vendor id, file kind, chunk size, nonce prefix]
 *
 * Every chunk but the last holds exactly `chunkSize` plaintext bytes. A changed byte, reordered, dropped or duplicated
 * chunks, a truncation and appended bytes all fail a tag; moving a sealed file to another tender, vendor or file kind
 * fails every tag. The header carries no secret: the shares are HPKE ciphertexts, and the commitments are SHA-256 of
 * 256-bit random values.
 *
 * Two forms of the same version-1 envelope (the magic, the header version and the chunk layout are shared):
 * - **k of n** (a Pokja, n ≥ 2, 2 ≤ k ≤ n): the content key is split with Shamir; each entry of `shares` is one share
 *   HPKE-sealed to one member (AAD names it a `share`). Byte for byte what this module always wrote.
 * - **single official** (a Pengadaan Langsung's Pejabat Pengadaan, n = 1, k = 1): `shares` holds one entry whose
 *   HPKE-sealed value is the content key itself (no split; AAD names it a `key`, so it can never be taken for a share
 *   or the reverse); `reconstructKey` skips `combine`. Any other k with n = 1, and k = 1 with n ≥ 2, are refused by
 *   `seal`, `reshare` and the header check alike, so a Pokja's envelope can never be opened by one member.
 * A reader from before the single-official form refuses a k = 1 header as malformed rather than misreading it.
 */

export const MAGIC = new Uint8Array([0x4c, 0x50, 0x53, 0x45, 0x42, 0x49, 0x44, 0x01]); // "LPSEBID\x01"
export const TAG_BYTES = 16;
export const DEFAULT_CHUNK_BYTES = 64 * 1024;
export const MAX_HEADER_BYTES = 256 * 1024;
export const PBKDF2_ITERATIONS = 600_000;
const SHARE_INFO = utf8('LPSE-BID-SHARE-v1');
const VENDOR_INFO = utf8('LPSE-BID-VENDOR-v1');

export type FileKind = 'penawaran' | 'file_i' | 'file_ii';

export interface SealedShare {
  /** The Pokja member's (or the single Pejabat Pengadaan's) user id. */
  to: string;
  /** SHA-256 (hex) of the member's public key, as shown on their profile. */
  fp: string;
  /** HPKE encapsulated key and ciphertext (base64). */
  enc: string;
  ct: string;
  /** SHA-256 of the plain share (base64): lets the opener refuse a wrong share before combining. */
  h: string;
}

export interface EnvelopeHeader {
  v: 1;
  tender: string;
  vendor: string;
  kind: FileKind;
  chunkSize: number;
  noncePrefix: string;
  plainSize: number;
  /** SHA-256 of the plaintext (hex): checked after every decryption (self-check and opening). */
  plainSha256: string;
  /** SHA-256("LPSE-BID-KEY-v1" ‖ content key) (base64): tells a wrong reconstructed key from a damaged chunk. */
  keyCommit: string;
  k: number;
  shares: SealedShare[];
  /** The content key sealed to the vendor's own key (for the self-check before the deadline). */
  vendorKey: Omit<SealedShare, 'h'>;
}

export interface Recipient {
  userId: string;
  publicKey: Uint8Array;
}

export class SealError extends Error {
  constructor(
    readonly code:
      | 'ENVELOPE_MALFORMED'
      | 'ENVELOPE_TAMPERED'
      | 'SHARE_INVALID'
      | 'SHARES_INSUFFICIENT'
      | 'KEY_MISMATCH'
      | 'PLAINTEXT_MISMATCH'
      | 'PASSPHRASE_WRONG',
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------- helpers

export function utf8(s: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(s) as Uint8Array<ArrayBuffer>;
}

export function toB64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromB64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const subtle = () => globalThis.crypto.subtle;
const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));
// Uint8Array.prototype.slice copies even for a Node Buffer (whose own slice is a view into a shared pool).
const buf = (b: Uint8Array): ArrayBuffer => Uint8Array.prototype.slice.call(b).buffer as ArrayBuffer;

export async function sha256(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().digest('SHA-256', buf(data)));
}

function suite() {
  return new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
}

/** Displayed fingerprint: the SHA-256 of the raw X25519 public key, hex. */
export async function fingerprint(publicKey: Uint8Array): Promise<string> {
  return toHex(await sha256(publicKey));
}

/** "ab12 cd34 …" — the first 32 hex digits in groups of four, as shown on the profile. */
export const formatFingerprint = (fp: string) => (fp.slice(0, 32).match(/.{4}/g) ?? []).join(' ');

// ---------------------------------------------------------------- member keys (enrolment)

export interface WrappedPrivateKey {
  alg: 'PBKDF2-SHA256/AES-256-GCM';
  iterations: number;
  salt: string;
  iv: string;
  ct: string;
}

export interface EnrolledKey {
  publicKey: Uint8Array;
  fingerprint: string;
  wrapped: WrappedPrivateKey;
}

async function passphraseKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', buf(utf8(passphrase.normalize('NFC'))), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const wrapAad = (userId: string, fp: string) => utf8(`LPSE-KEY-v1|${userId}|${fp}`);

/**
 * Generates an X25519 key pair and wraps the private key under a key derived from the passphrase (PBKDF2-SHA256,
 * 600,000 iterations, random salt; AES-256-GCM with the user id and fingerprint as additional data). Only the public
 * key and the wrapped private key leave the browser.
 */
export async function enrolKey(
  userId: string,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<EnrolledKey> {
  const s = suite();
  const kp = await s.kem.generateKeyPair();
  const publicKey = new Uint8Array(await s.kem.serializePublicKey(kp.publicKey));
  const privateKey = new Uint8Array(await s.kem.serializePrivateKey(kp.privateKey));
  const fp = await fingerprint(publicKey);
  const salt = random(16);
  const iv = random(12);
  const kek = await passphraseKey(passphrase, salt, iterations);
  const ct = new Uint8Array(
    await subtle().encrypt(
      { name: 'AES-GCM', iv: buf(iv), additionalData: buf(wrapAad(userId, fp)) },
      kek,
      buf(privateKey),
    ),
  );
  privateKey.fill(0);
  return {
    publicKey,
    fingerprint: fp,
    wrapped: { alg: 'PBKDF2-SHA256/AES-256-GCM', iterations, salt: toB64(salt), iv: toB64(iv), ct: toB64(ct) },
  };
}

/** The raw private key, or `PASSPHRASE_WRONG`. */
export async function unlockKey(
  userId: string,
  fp: string,
  wrapped: WrappedPrivateKey,
  passphrase: string,
): Promise<Uint8Array> {
  const kek = await passphraseKey(passphrase, fromB64(wrapped.salt), wrapped.iterations);
  try {
    return new Uint8Array(
      await subtle().decrypt(
        { name: 'AES-GCM', iv: buf(fromB64(wrapped.iv)), additionalData: buf(wrapAad(userId, fp)) },
        kek,
        buf(fromB64(wrapped.ct)),
      ),
    );
  } catch {
    throw new SealError('PASSPHRASE_WRONG', 'the passphrase does not unlock this key');
  }
}

// ---------------------------------------------------------------- HPKE to one recipient

const shareAad = (
  h: Pick<EnvelopeHeader, 'tender' | 'vendor' | 'kind'>,
  to: string,
  what: 'share' | 'key' | 'vendor',
) => utf8(JSON.stringify([h.tender, h.vendor, h.kind, to, what]));

async function sealTo(publicKey: Uint8Array, info: Uint8Array, aad: Uint8Array, pt: Uint8Array) {
  const s = suite();
  const pk = await s.kem.deserializePublicKey(buf(publicKey));
  const { ct, enc } = await s.seal({ recipientPublicKey: pk, info: buf(info) }, buf(pt), buf(aad));
  return { enc: toB64(new Uint8Array(enc)), ct: toB64(new Uint8Array(ct)) };
}

async function openFrom(privateKey: Uint8Array, info: Uint8Array, aad: Uint8Array, enc: string, ct: string) {
  const s = suite();
  const sk = await s.kem.deserializePrivateKey(buf(privateKey));
  try {
    return new Uint8Array(
      await s.open({ recipientKey: sk, enc: buf(fromB64(enc)), info: buf(info) }, buf(fromB64(ct)), buf(aad)),
    );
  } catch {
    throw new SealError('SHARE_INVALID', 'this sealed share does not open with this key');
  }
}

// ---------------------------------------------------------------- content (STREAM)

export function chunkAad(h: Pick<EnvelopeHeader, 'tender' | 'vendor' | 'kind' | 'chunkSize' | 'noncePrefix'>) {
  return concat([MAGIC, utf8(JSON.stringify([h.tender, h.vendor, h.kind, h.chunkSize, h.noncePrefix]))]);
}

function nonce(prefix: Uint8Array, i: number, last: boolean) {
  const n = new Uint8Array(12);
  n.set(prefix, 0);
  new DataView(n.buffer).setUint32(7, i);
  n[11] = last ? 1 : 0;
  return n;
}

const keyCommit = async (key: Uint8Array) => toB64(await sha256(concat([utf8('LPSE-BID-KEY-v1'), key])));
const shareHash = async (share: Uint8Array) => toB64(await sha256(concat([SHARE_INFO, share])));

/**
 * The k-of-n forms a header may take: a Pokja (n ≥ 2) needs 2 ≤ k ≤ n — never one member alone; a single official
 * (n = 1) has k = 1.
 */
export const validKofN = (k: number, n: number) =>
  Number.isInteger(k) && Number.isInteger(n) && (n === 1 ? k === 1 : n >= 2 && k >= 2 && k <= n);

/** What the sealed entry of a header holds: a Shamir share (k ≥ 2) or the content key itself (k = 1). */
const entryKind = (k: number): 'share' | 'key' => (k === 1 ? 'key' : 'share');

export interface SealInput {
  tender: string;
  vendor: string;
  kind: FileKind;
  /** Size of the plaintext and a reader of its bytes (a File in the browser, a Uint8Array in tests). */
  size: number;
  read: (offset: number, length: number) => Promise<Uint8Array>;
  k: number;
  members: readonly Recipient[];
  vendorKey: Recipient;
  chunkSize?: number;
}

export interface Sealed {
  header: EnvelopeHeader;
  /** The envelope as parts (prefix+header, then one part per chunk): a Blob in the browser, concat in tests. */
  parts: Uint8Array<ArrayBuffer>[];
  size: number;
  sha256: string;
}

/**
 * The content key split k of n over the Pokja members, each share HPKE-sealed to one member with its commitment, and
 * the whole key sealed to the vendor for the self-check: the header fields both sealing and re-sharing write.
 */
async function sealContentKey(
  base: { tender: string; vendor: string; kind: EnvelopeHeader['kind'] },
  contentKey: Uint8Array,
  input: { k: number; members: readonly Recipient[]; vendorKey: Recipient },
): Promise<Pick<EnvelopeHeader, 'k' | 'shares' | 'vendorKey'>> {
  if (!validKofN(input.k, input.members.length))
    throw new Error(`k-of-n out of range: ${input.k} of ${input.members.length}`);
  // A single official (k = 1 of n = 1) receives the content key itself; `shamir-secret-sharing` refuses k < 2.
  const rawShares = input.k === 1 ? [contentKey.slice()] : await split(contentKey, input.members.length, input.k);
  const shares: SealedShare[] = [];
  for (const [i, m] of input.members.entries()) {
    const share = rawShares[i]!;
    const sealed = await sealTo(m.publicKey, SHARE_INFO, shareAad(base, m.userId, entryKind(input.k)), share);
    shares.push({ to: m.userId, fp: await fingerprint(m.publicKey), ...sealed, h: await shareHash(share) });
    share.fill(0);
  }
  const vendorSealed = await sealTo(
    input.vendorKey.publicKey,
    VENDOR_INFO,
    shareAad(base, input.vendorKey.userId, 'vendor'),
    contentKey,
  );
  return {
    k: input.k,
    shares,
    vendorKey: { to: input.vendorKey.userId, fp: await fingerprint(input.vendorKey.publicKey), ...vendorSealed },
  };
}

/**
 * Re-issues the shares of a sealed file to another Pokja (a member replaced before the deadline): the vendor opens its
 * own copy of the content key (`openVendorKey`) and splits the same key afresh, k of the new members. Everything that
 * binds the chunks (tender, vendor, kind, chunk size, nonce prefix, plaintext size and hash, key commitment) is kept,
 * so the chunks stay valid and only the header changes. The old shares belong to another split and are useless with
 * the new ones.
 */
export async function reshare(
  header: EnvelopeHeader,
  contentKey: Uint8Array,
  input: { k: number; members: readonly Recipient[]; vendorKey: Recipient },
): Promise<EnvelopeHeader> {
  const n = input.members.length;
  if (!validKofN(input.k, n)) throw new Error(`k-of-n out of range: ${input.k} of ${n}`);
  if ((await keyCommit(contentKey)) !== header.keyCommit) throw new SealError('KEY_MISMATCH', "not this file's key");
  const base = { tender: header.tender, vendor: header.vendor, kind: header.kind };
  const sealedKey = await sealContentKey(base, contentKey, input);
  return {
    ...header,
    ...sealedKey,
  };
}

/** The envelope prefix (magic ‖ length ‖ header) for a header: what precedes the chunks. */
export function envelopeLead(header: EnvelopeHeader): Uint8Array<ArrayBuffer> {
  const headerBytes = utf8(JSON.stringify(header));
  const lead = new Uint8Array(MAGIC.length + 4 + headerBytes.length);
  lead.set(MAGIC, 0);
  new DataView(lead.buffer).setUint32(MAGIC.length, headerBytes.length);
  lead.set(headerBytes, MAGIC.length + 4);
  return lead;
}

/**
 * Seals one file: random content key, STREAM chunks, k-of-n shares HPKE-sealed to the members (or, for a single
 * official, the key itself sealed to them), vendor's copy.
 */
export async function seal(input: SealInput): Promise<Sealed> {
  const n = input.members.length;
  if (!validKofN(input.k, n)) throw new Error(`k-of-n out of range: ${input.k} of ${n}`);
  const chunkSize = input.chunkSize ?? DEFAULT_CHUNK_BYTES;
  const contentKey = random(32);
  const prefix = random(7);
  const base = { tender: input.tender, vendor: input.vendor, kind: input.kind };
  const aes = await subtle().importKey('raw', buf(contentKey), 'AES-GCM', false, ['encrypt']);
  const aad = chunkAad({ ...base, chunkSize, noncePrefix: toB64(prefix) });

  // Plaintext hash and chunks in one pass; WebCrypto has no incremental SHA-256, so the plaintext hash is taken over
  // the chunks' digests (a Merkle-like list hash, deterministic for a given chunk size).
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const digests: Uint8Array[] = [];
  const count = Math.max(1, Math.ceil(input.size / chunkSize));
  for (let i = 0; i < count; i++) {
    const off = i * chunkSize;
    const plain = await input.read(off, Math.min(chunkSize, input.size - off));
    digests.push(await sha256(plain));
    const last = i === count - 1;
    chunks.push(
      new Uint8Array(
        await subtle().encrypt(
          { name: 'AES-GCM', iv: buf(nonce(prefix, i, last)), additionalData: buf(aad) },
          aes,
          buf(plain),
        ),
      ),
    );
  }
  const sealedKey = await sealContentKey(base, contentKey, input);
  const header: EnvelopeHeader = {
    v: 1,
    ...base,
    chunkSize,
    noncePrefix: toB64(prefix),
    plainSize: input.size,
    plainSha256: toHex(await sha256(concat(digests))),
    keyCommit: await keyCommit(contentKey),
    ...sealedKey,
  };
  contentKey.fill(0);
  const parts = [envelopeLead(header), ...chunks];
  const all = concat(parts);
  return { header, parts, size: all.length, sha256: toHex(await sha256(all)) };
}

/** Reads the header from the first bytes of an envelope; `bodyOffset` is where chunk 0 begins. */
export function parseHeader(bytes: Uint8Array): { header: EnvelopeHeader; bodyOffset: number } {
  if (bytes.length < MAGIC.length + 4 || MAGIC.some((b, i) => bytes[i] !== b))
    throw new SealError('ENVELOPE_MALFORMED', 'not a sealed bid (magic)');
  const len = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length);
  if (len > MAX_HEADER_BYTES || bytes.length < MAGIC.length + 4 + len)
    throw new SealError('ENVELOPE_MALFORMED', 'header length out of range');
  let header: EnvelopeHeader;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + len)),
    );
  } catch {
    throw new SealError('ENVELOPE_MALFORMED', 'header is not JSON');
  }
  if (!isHeader(header)) throw new SealError('ENVELOPE_MALFORMED', 'header fields');
  return { header, bodyOffset: MAGIC.length + 4 + len };
}

function isHeader(h: unknown): h is EnvelopeHeader {
  const x = h as EnvelopeHeader;
  const str = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length < 200;
  const share = (s: SealedShare, withHash: boolean) =>
    !!s &&
    str(s.to) &&
    /^[0-9a-f]{64}$/.test(s.fp) &&
    typeof s.enc === 'string' &&
    typeof s.ct === 'string' &&
    (!withHash || typeof s.h === 'string');
  return (
    !!x &&
    x.v === 1 &&
    str(x.tender) &&
    str(x.vendor) &&
    ['penawaran', 'file_i', 'file_ii'].includes(x.kind) &&
    Number.isInteger(x.chunkSize) &&
    x.chunkSize >= 1024 &&
    x.chunkSize <= 1024 * 1024 &&
    typeof x.noncePrefix === 'string' &&
    fromB64Safe(x.noncePrefix)?.length === 7 &&
    Number.isSafeInteger(x.plainSize) &&
    x.plainSize >= 0 &&
    /^[0-9a-f]{64}$/.test(x.plainSha256) &&
    typeof x.keyCommit === 'string' &&
    Number.isInteger(x.k) &&
    Array.isArray(x.shares) &&
    validKofN(x.k, x.shares.length) &&
    x.shares.every((s) => share(s, true)) &&
    share(x.vendorKey as SealedShare, false)
  );
}

function fromB64Safe(s: string) {
  try {
    return fromB64(s);
  } catch {
    return undefined;
  }
}

/**
 * A member's browser opens their own share (after the deadline) with their unlocked private key. For a single
 * official's envelope (k = 1) the "share" is the content key itself.
 */
export async function openShare(header: EnvelopeHeader, userId: string, privateKey: Uint8Array): Promise<Uint8Array> {
  const s = header.shares.find((x) => x.to === userId);
  if (!s) throw new SealError('SHARE_INVALID', 'no share for this member');
  const share = await openFrom(privateKey, SHARE_INFO, shareAad(header, userId, entryKind(header.k)), s.enc, s.ct);
  if ((await shareHash(share)) !== s.h) throw new SealError('SHARE_INVALID', 'share does not match its commitment');
  return share;
}

/** The vendor's browser recovers the content key for the self-check. */
export async function openVendorKey(
  header: EnvelopeHeader,
  userId: string,
  privateKey: Uint8Array,
): Promise<Uint8Array> {
  const key = await openFrom(
    privateKey,
    VENDOR_INFO,
    shareAad(header, userId, 'vendor'),
    header.vendorKey.enc,
    header.vendorKey.ct,
  );
  if ((await keyCommit(key)) !== header.keyCommit) throw new SealError('KEY_MISMATCH', 'vendor key does not match');
  return key;
}

/** True when this plain share is the one committed to for `userId` in the header. */
export async function shareMatches(header: EnvelopeHeader, userId: string, share: Uint8Array): Promise<boolean> {
  const s = header.shares.find((x) => x.to === userId);
  return !!s && (await shareHash(share)) === s.h;
}

/**
 * k shares (from distinct members, each checked against its commitment) → the content key. With k = 1 (a single
 * official, one entry) the one committed value is the key: `combine` is skipped, the key commitment still checked.
 */
export async function reconstructKey(
  header: EnvelopeHeader,
  shares: ReadonlyMap<string, Uint8Array>,
): Promise<Uint8Array> {
  const good: Uint8Array[] = [];
  for (const [userId, share] of shares) if (await shareMatches(header, userId, share)) good.push(share);
  if (good.length < header.k)
    throw new SealError('SHARES_INSUFFICIENT', `${good.length} valid shares, ${header.k} needed`);
  if (!validKofN(header.k, header.shares.length)) throw new SealError('ENVELOPE_MALFORMED', 'k-of-n out of range');
  const key = header.k === 1 ? good[0]!.slice() : await combine(good.slice(0, header.k));
  if ((await keyCommit(key)) !== header.keyCommit)
    throw new SealError('KEY_MISMATCH', 'reconstructed key does not match');
  return key;
}

/**
 * Decrypts the chunks that follow the header. `body` yields the ciphertext in pieces of any size; at most one
 * chunk is held at a time. Every tag, the chunk count and the plaintext hash are checked; any failure throws
 * `ENVELOPE_TAMPERED` (naming the chunk) or `PLAINTEXT_MISMATCH`.
 */
export async function* decryptBody(
  header: EnvelopeHeader,
  contentKey: Uint8Array,
  body: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const aes = await subtle().importKey('raw', buf(contentKey), 'AES-GCM', false, ['decrypt']);
  const aad = chunkAad(header);
  const prefix = fromB64(header.noncePrefix);
  const full = header.chunkSize + TAG_BYTES;
  const expected = Math.max(1, Math.ceil(header.plainSize / header.chunkSize));
  const digests: Uint8Array[] = [];
  let pending = new Uint8Array(0);
  let index = 0;
  let plainBytes = 0;
  const open = async (ct: Uint8Array, last: boolean) => {
    if (index >= expected) throw new SealError('ENVELOPE_TAMPERED', `extra data after chunk ${expected - 1}`);
    try {
      const pt = new Uint8Array(
        await subtle().decrypt(
          { name: 'AES-GCM', iv: buf(nonce(prefix, index, last)), additionalData: buf(aad) },
          aes,
          buf(ct),
        ),
      );
      digests.push(await sha256(pt));
      plainBytes += pt.length;
      index += 1;
      return pt;
    } catch {
      throw new SealError('ENVELOPE_TAMPERED', `chunk ${index} failed authentication`);
    }
  };
  for await (const piece of body) {
    pending = pending.length ? concat([pending, piece]) : piece.slice();
    // Keep at least one full chunk back: only the end of the stream tells which chunk is the last.
    while (pending.length > full) {
      yield await open(pending.subarray(0, full), false);
      pending = pending.slice(full);
    }
  }
  yield await open(pending, true);
  if (index !== expected || plainBytes !== header.plainSize)
    throw new SealError('ENVELOPE_TAMPERED', `truncated: ${index} of ${expected} chunks`);
  if (toHex(await sha256(concat(digests))) !== header.plainSha256)
    throw new SealError('PLAINTEXT_MISMATCH', 'plaintext hash differs from the sealed one');
}

/** The whole envelope in memory → plaintext (tests, the vendor's self-check of a moderate file). */
export async function decryptEnvelope(bytes: Uint8Array, contentKey: Uint8Array): Promise<Uint8Array> {
  const { header, bodyOffset } = parseHeader(bytes);
  const out: Uint8Array[] = [];
  async function* one() {
    yield bytes.subarray(bodyOffset);
  }
  for await (const p of decryptBody(header, contentKey, one())) out.push(p);
  return concat(out);
}

export { combine, split };
