import { randomToken, sha256Hex } from '../../../platform/auth/tokens.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { TokenPurpose } from '../accounts.repository.ts';
import { oneTimeTokens } from '../accounts.schema.ts';

/** Issues a single-use token; only its SHA-256 is stored. Returns the raw token for the link. */
export async function issueToken(
  db: Db,
  clock: Clock,
  input: { purpose: TokenPurpose; ttlMs: number; userId?: string | null; email?: string | null },
): Promise<string> {
  const token = randomToken();
  const now = clock.now();
  await db.insert(oneTimeTokens).values({
    tokenHash: sha256Hex(token),
    purpose: input.purpose,
    userId: input.userId ?? null,
    email: input.email ?? null,
    expiresAt: new Date(now.getTime() + input.ttlMs),
    createdAt: now,
  });
  return token;
}
