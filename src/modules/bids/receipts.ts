import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Bid receipts (R12): Ed25519 signatures by the server over the canonical JSON of
 * {v, tender, vendor, kind, sha256, size, receivedAt}. The signing key lives in `DATA_DIR/keys/receipt-ed25519.pem`
 * (mode 0600, created at first use, never in the database); the public key is published at
 * `/penawaran/kunci-publik.pem`, so anyone can check a receipt offline (`openssl pkeyutl -verify -rawin`). The key
 * signs; it decrypts nothing, so holding it does not help read a bid.
 */
export interface ReceiptPayload {
  v: 1;
  tender: string;
  vendor: string;
  vendorName: string;
  kind: string;
  sha256: string;
  size: number;
  receivedAt: string;
}

const cache = new Map<string, { priv: KeyObject; pub: KeyObject }>();

export function receiptKeys(dataDir: string) {
  const file = path.join(dataDir, 'keys', 'receipt-ed25519.pem');
  const hit = cache.get(file);
  if (hit) return hit;
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch {
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, pem, { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
  const priv = createPrivateKey(pem);
  const keys = { priv, pub: createPublicKey(priv) };
  cache.set(file, keys);
  return keys;
}

/** Keys sorted, no spaces: the exact bytes that are signed. */
export function canonicalReceipt(p: ReceiptPayload): string {
  const sorted = Object.fromEntries(Object.entries(p).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify(sorted);
}

export function signReceipt(dataDir: string, p: ReceiptPayload) {
  const text = canonicalReceipt(p);
  const signature = sign(null, Buffer.from(text), receiptKeys(dataDir).priv).toString('base64url');
  return { text, signature };
}

export function verifyReceipt(dataDir: string, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text), receiptKeys(dataDir).pub, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

export const publicKeyPem = (dataDir: string) =>
  receiptKeys(dataDir).pub.export({ type: 'spki', format: 'pem' }).toString();

/** The token printed on the receipt and accepted by the public check: base64url(payload) "." signature. */
export const receiptToken = (text: string, signature: string) =>
  `${Buffer.from(text).toString('base64url')}.${signature}`;

export function parseReceiptToken(token: string): { text: string; signature: string } | undefined {
  const m = /^([A-Za-z0-9_-]{10,4000})\.([A-Za-z0-9_-]{40,200})$/.exec(token);
  if (!m) return undefined;
  return { text: Buffer.from(m[1]!, 'base64url').toString('utf8'), signature: m[2]! };
}
