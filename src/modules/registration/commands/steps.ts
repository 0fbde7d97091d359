import type { AuditContext } from '../../../platform/audit/audit.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { registrationEvents } from '../registration.schema.ts';

/** The steps of a registration; each is also an audit event type `registration.<step>` (see the module's index.ts). */
export type RegistrationStep =
  | 'created'
  | 'draft_saved'
  | 'submitted'
  | 'resubmitted'
  | 'originals_checked'
  | 'approved'
  | 'rejected'
  | 'revision_requested'
  | 'resumed'
  | 'role_requested';

/**
 * Writes one step of a registration twice, in the caller's transaction: into the registration's own history (the
 * archive page, R36) and into the hash-chained audit trail. Both commit or roll back with the change itself.
 */
export async function recordStep(
  tx: Db,
  audit: AuditContext,
  input: { registrationId: string; action: RegistrationStep; note?: string | null; details?: Record<string, unknown> },
) {
  await tx.insert(registrationEvents).values({
    registrationId: input.registrationId,
    at: audit.clock.now(),
    actorUserId: audit.actor.userId,
    actorName: audit.actor.name,
    kind: input.action,
    note: input.note ?? null,
    details: input.details ?? null,
  });
  await recordAudit(tx, audit, {
    action: `registration.${input.action}` as const,
    objectType: 'registration',
    objectId: input.registrationId,
    summary: { ...(input.details ?? {}), ...(input.note ? { note: input.note } : {}) },
  });
}
