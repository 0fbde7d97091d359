import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { opendataApiKeys } from '../opendata.schema.ts';

/** `lpse_` + 43 base64url characters (32 random bytes). */
const KEY_PATTERN = /^lpse_[A-Za-z0-9_-]{43}$/;

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Issues a harvesting key for one consumer (R49). The key is returned once, to be shown once; only its SHA-256 is
 * stored, and the audit trail records who issued which key (by its prefix), never the key.
 */
export async function issueApiKey(ctx: Ctx, input: { name: string }) {
  assertCan(ctx.actor, 'opendata:manage');
  const key = `lpse_${randomBytes(32).toString('base64url')}`;
  const keyPrefix = key.slice(0, 12);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(opendataApiKeys)
      .values({
        name: input.name,
        keyPrefix,
        keyHash: hashKey(key),
        createdAt: ctx.clock.now(),
        createdBy: ctx.actor?.userId ?? null,
      })
      .returning({ id: opendataApiKeys.id });
    await recordAudit(tx, auditContext(ctx), {
      action: 'opendata.api_key_issued',
      objectType: 'opendata_api_key',
      objectId: row!.id,
      summary: { name: input.name, keyPrefix },
    });
    return { id: row!.id, key, keyPrefix };
  });
}

/** Revokes a key at once: the next request with it is refused. Revoking twice is refused (nothing to revoke). */
export async function revokeApiKey(ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'opendata:manage');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(opendataApiKeys)
      .set({ revokedAt: ctx.clock.now(), revokedBy: ctx.actor?.userId ?? null })
      .where(and(eq(opendataApiKeys.id, id), isNull(opendataApiKeys.revokedAt)))
      .returning();
    if (!row) throw notFound();
    await recordAudit(tx, auditContext(ctx), {
      action: 'opendata.api_key_revoked',
      objectType: 'opendata_api_key',
      objectId: row.id,
      summary: { name: row.name, keyPrefix: row.keyPrefix },
    });
  });
}

/** The active key matching `key` (and its last use noted), or null. */
export async function authenticateApiKey(db: Db, key: string | undefined, now: Date) {
  if (!key || !KEY_PATTERN.test(key)) return null;
  const [row] = await db
    .update(opendataApiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(opendataApiKeys.keyHash, hashKey(key)), isNull(opendataApiKeys.revokedAt)))
    .returning({ id: opendataApiKeys.id, name: opendataApiKeys.name });
  return row ?? null;
}

export async function listApiKeys(db: Db) {
  return db
    .select({
      id: opendataApiKeys.id,
      name: opendataApiKeys.name,
      keyPrefix: opendataApiKeys.keyPrefix,
      createdAt: opendataApiKeys.createdAt,
      revokedAt: opendataApiKeys.revokedAt,
      lastUsedAt: opendataApiKeys.lastUsedAt,
    })
    .from(opendataApiKeys)
    .orderBy(desc(opendataApiKeys.createdAt));
}
