import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { agencies } from '../../organisation/organisation.schema.ts';
import type { PlanInput } from '../plan-input.ts';
import { canCreateFor } from '../rup.policy.ts';
import { assertPlanValid, insertPlan } from './write-plan.ts';

/** A PA/KPA drafts a procurement plan for their agency (R10). Not public until announced. */
export async function createPlan(ctx: Ctx, agencyId: string, input: PlanInput) {
  assertCan(ctx.actor, 'rup:manage');
  enforce(canCreateFor(ctx.actor, { agencyId }, ctx.clock.now()));
  return ctx.db.transaction(async (tx) => {
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, agencyId));
    if (!agency) throw notFound();
    await assertPlanValid(tx, agencyId, input);
    const row = await insertPlan(tx, ctx, agency, input, 'draft');
    await recordAudit(tx, auditContext(ctx), {
      action: 'rup.created',
      objectType: 'rup',
      objectId: row.id,
      summary: { kode: row.kode, nama: row.namaPaket, pagu: row.pagu.toString() },
    });
    return row;
  });
}
