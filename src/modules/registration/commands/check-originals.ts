import { and, eq } from 'drizzle-orm';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { regErrors } from '../registration.errors.ts';
import { currentDocuments, lockRegistration } from '../registration.repository.ts';
import { registrationDocuments } from '../registration.schema.ts';
import { recordStep } from './steps.ts';

/**
 * The "asli sesuai" checklist (R31): the Verifikator ticks each document once its original has been seen at the
 * LPSE office. Only the changes are recorded, each with who and when.
 */
export async function checkOriginals(ctx: Ctx, input: { registrationId: string; checkedIds: string[] }) {
  assertCan(ctx.actor, 'registration:verify');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const reg = await lockRegistration(tx, input.registrationId);
    if (!reg) throw notFound();
    if (reg.status !== 'submitted') throw regErrors.notSubmitted();
    const now = ctx.clock.now();
    const wanted = new Set(input.checkedIds);
    const changes: Record<string, boolean> = {};
    for (const { row } of await currentDocuments(tx, reg.id)) {
      const checked = wanted.has(row.id);
      if (checked === row.originalChecked) continue;
      changes[`${row.requirement}:v${row.version}`] = checked;
      await tx
        .update(registrationDocuments)
        .set({
          originalChecked: checked,
          checkedBy: checked ? actor.userId : null,
          checkedAt: checked ? now : null,
        })
        .where(and(eq(registrationDocuments.id, row.id), eq(registrationDocuments.registrationId, reg.id)));
    }
    if (Object.keys(changes).length === 0) return;
    await recordStep(tx, auditContext(ctx), {
      registrationId: reg.id,
      action: 'originals_checked',
      details: { changes },
    });
  });
}
