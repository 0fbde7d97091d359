import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../db/columns.ts';

/**
 * Append-only, hash-chained audit trail. `seq` is gap-free and assigned under an advisory lock, so a deleted
 * row shows as a gap and a reordered row breaks the chain. A trigger (migration 0001) refuses UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_action_idx').on(t.action),
    index('audit_events_actor_idx').on(t.actorUserId),
    index('audit_events_object_idx').on(t.objectType, t.objectId),
  ],
);
