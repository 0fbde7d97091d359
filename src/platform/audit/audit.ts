import { asc, desc, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { type AuditAction, type AuditPayload, registry } from '../../registry.ts';
import { sha256Hex } from '../auth/tokens.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { auditEvents } from './audit.schema.ts';

export const GENESIS_HASH = '0'.repeat(64);
// Any fixed number: all writers of the audit trail serialise on this transaction-scoped advisory lock.
const AUDIT_LOCK_KEY = 7_305_114;

export interface AuditActor {
  userId: string | null;
  name: string | null;
  role: string | null;
}

/**
 * One audit event. The action is one of the event types the modules declare (module contract), and the summary is
 * checked against that type's payload.
 */
export interface AuditInput<A extends AuditAction = AuditAction> {
  action: A;
  objectType: string;
  objectId?: string | null;
  summary: AuditPayload<A>;
}

export interface AuditContext {
  clock: Clock;
  actor: AuditActor;
  requestId: string | null;
  /** The app's configuration, for audit subscribers that publish (base URL, OCDS prefix); absent in some CLI paths. */
  config?: Config;
}

/** JSON with object keys sorted at every depth: jsonb does not keep key order, so the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type AuditRow = typeof auditEvents.$inferSelect;

export function rowHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prevHash'>): string {
  const content = canonicalJson({
    seq: row.seq,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    actorRole: row.actorRole,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    summary: row.summary,
    requestId: row.requestId,
  });
  return sha256Hex(prevHash + content);
}

/**
 * Appends one event to the hash chain. Call it inside the transaction that makes the change, so that the change and
 * its audit event commit or roll back together.
 */
export async function recordAudit<A extends AuditAction>(
  tx: Db,
  ctx: AuditContext,
  input: AuditInput<A>,
): Promise<void> {
  await recordAudits(tx, [{ ctx, input }]);
}

/**
 * Appends several events, in order, under one hold of the chain's lock: one read of the chain's end and one insert
 * for all of them. For a transaction that commits many changes at once (the receipts of bids that arrive together at
 * a deadline), so that they do not queue one by one on the lock.
 */
export async function recordAudits(tx: Db, events: readonly { ctx: AuditContext; input: AuditInput }[]): Promise<void> {
  if (events.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  let seq = last?.seq ?? 0;
  const rows = events.map(({ ctx, input }) => {
    seq += 1;
    const row = {
      seq,
      // Millisecond precision, so the value read back from timestamptz hashes the same.
      at: new Date(ctx.clock.now().getTime()),
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.name,
      actorRole: ctx.actor.role,
      action: input.action,
      objectType: input.objectType,
      objectId: input.objectId ?? null,
      summary: JSON.parse(JSON.stringify(input.summary ?? {})) as Record<string, unknown>,
      requestId: ctx.requestId,
    };
    const hash = rowHash(prevHash, row);
    const stored = { ...row, prevHash, hash };
    prevHash = hash;
    return stored;
  });
  await tx.insert(auditEvents).values(rows);
  // The modules that react to these events (module contract `auditSubscribers`), in the same transaction.
  for (const [i, row] of rows.entries()) {
    for (const subscriber of registry().auditSubscribers.get(row.action) ?? [])
      await subscriber(tx, row, events[i]!.ctx);
  }
}

export type VerifyResult =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenSeq: number; reason: 'hash_mismatch' | 'chain_broken' | 'missing_row' };

/** Walks the whole chain. Any edited, deleted or reordered row breaks it, and the first broken row is named. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.seq} >= ${expectedSeq}`)
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, count };
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, count, brokenSeq: expectedSeq, reason: 'missing_row' };
      if (row.prevHash !== prevHash) return { ok: false, count, brokenSeq: row.seq, reason: 'chain_broken' };
      if (rowHash(prevHash, row) !== row.hash) return { ok: false, count, brokenSeq: row.seq, reason: 'hash_mismatch' };
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
  }
}
