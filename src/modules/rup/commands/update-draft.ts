import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import type { PlanInput } from '../plan-input.ts';
import { canChangeDraft } from '../rup.policy.ts';
import { findPlanByKode } from '../rup.repository.ts';
import { assertPlanValid, updatePlanRow } from './write-plan.ts';

/** Changes a draft in place (nothing public has been said yet, so no revision is needed). */
export async function updateDraft(ctx: Ctx, kode: number, input: PlanInput) {
  assertCan(ctx.actor, 'rup:manage');
  return ctx.db.transaction(async (tx) => {
    const plan = await findPlanByKode(tx, kode);
    if (!plan) throw notFound();
    enforce(canChangeDraft(ctx.actor, plan, ctx.clock.now()));
    await assertPlanValid(tx, plan.agencyId, input);
    const row = await updatePlanRow(tx, ctx, plan.id, plan.agencyName, input);
    await recordAudit(tx, auditContext(ctx), {
      action: 'rup.updated',
      objectType: 'rup',
      objectId: row.id,
      summary: { kode: row.kode, nama: row.namaPaket, pagu: row.pagu.toString() },
    });
    return row;
  });
}
