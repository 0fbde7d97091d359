import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { canChangeDraft } from '../rup.policy.ts';
import { findPlanByKode } from '../rup.repository.ts';
import { rupPlans } from '../rup.schema.ts';

/**
 * Withdraws a draft that will not be announced. The row stays (the audit trail points at it). An announced plan is
 * withdrawn by a kaji ulang of type pembatalan instead, so that the public sees why.
 */
export async function withdrawPlan(ctx: Ctx, kode: number, alasan: string) {
  assertCan(ctx.actor, 'rup:manage');
  return ctx.db.transaction(async (tx) => {
    const plan = await findPlanByKode(tx, kode);
    if (!plan) throw notFound();
    enforce(canChangeDraft(ctx.actor, plan, ctx.clock.now()));
    await tx.update(rupPlans).set({ status: 'withdrawn', updatedAt: ctx.clock.now() }).where(eq(rupPlans.id, plan.id));
    await recordAudit(tx, auditContext(ctx), {
      action: 'rup.withdrawn',
      objectType: 'rup',
      objectId: plan.id,
      summary: { kode: plan.kode, nama: plan.namaPaket, alasan },
    });
  });
}
