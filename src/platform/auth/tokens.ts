import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** 256 bits of randomness, URL-safe: session cookies, setup links, reset links. */
export const randomToken = () => randomBytes(32).toString('base64url');

export const sha256Hex = (value: string | Uint8Array) => createHash('sha256').update(value).digest('hex');

// @node-rs/argon2 defaults to Argon2id; the parameters are OWASP's recommended minimum (19 MiB, t=2, p=1).
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the user does not exist, so timing does not reveal user IDs. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => {
  dummyHash ??= hashPassword(randomToken());
  return dummyHash;
};
