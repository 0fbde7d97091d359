import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { canKajiUlang } from '../sulap.policy.ts';
import { sulapKajiUlang, sulapPackages } from '../sulap.schema.ts';
import { loadFor } from './load.ts';

/** The Pokja records the result of the kaji ulang of the preparation documents with the PPK. */
export async function recordKajiUlang(
  ctx: Ctx,
  packageId: string,
  input: { hasil: 'sesuai' | 'perlu_perbaikan'; uraian: string },
) {
  assertCan(ctx.actor, 'sulap:review');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const pkg = await loadFor(tx, ctx, packageId, canKajiUlang);
    const now = ctx.clock.now();
    await tx.insert(sulapKajiUlang).values({
      packageId,
      byUserId: actor.userId,
      role: actor.actingRole ?? 'POKJA',
      hasil: input.hasil,
      uraian: input.uraian,
      at: now,
    });
    await tx.update(sulapPackages).set({ updatedAt: now }).where(eq(sulapPackages.id, packageId));
    await recordAudit(tx, auditContext(ctx), {
      action: 'sulap.kaji_ulang',
      objectType: 'sulap_package',
      objectId: packageId,
      summary: { nama: pkg.namaPaket, hasil: input.hasil },
    });
  });
}
