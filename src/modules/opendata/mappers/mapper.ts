import type { Db } from '../../../platform/db/database.ts';
import type { RecordedAuditEvent } from '../../../platform/module.ts';
import type { AuditAction, AuditPayload } from '../../../registry.ts';
import type { Publication } from '../ocds.ts';
import type { ReleaseDraft } from '../publish.ts';

/**
 * Maps one audit event to the release it publishes (or null when the event is not public, e.g. a draft's schedule).
 * It reads the current state through the owning modules' tables (read joins) in the event's transaction.
 */
export type Mapper<A extends AuditAction> = (
  tx: Db,
  event: RecordedAuditEvent<AuditPayload<A>>,
  pub: Publication,
) => Promise<ReleaseDraft | null>;
