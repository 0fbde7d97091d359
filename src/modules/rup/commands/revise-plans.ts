import { inArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import type { PlanInput } from '../plan-input.ts';
import { invalidatePublicRup } from '../public-cache.ts';
import { canRevise } from '../rup.policy.ts';
import { findPlanByKode } from '../rup.repository.ts';
import { rupPlans, rupRevisions } from '../rup.schema.ts';
import { assertPlanValid, insertPlan } from './write-plan.ts';

export const JENIS_REVISI = ['satu_ke_satu', 'satu_ke_banyak', 'banyak_ke_satu', 'pembatalan'] as const;
export type JenisRevisi = (typeof JENIS_REVISI)[number];

const SHAPE: Record<JenisRevisi, (olds: number, news: number) => boolean> = {
  satu_ke_satu: (o, n) => o === 1 && n === 1,
  satu_ke_banyak: (o, n) => o === 1 && n >= 2,
  banyak_ke_satu: (o, n) => o >= 2 && n === 1,
  pembatalan: (o, n) => o >= 1 && n === 0,
};

/**
 * Kaji ulang of announced plans (SiRUP `kd_rup_lama` → `kd_rup_baru`, `jenis_revisi`, `alasan_kajiulang`): the old
 * plans are kept as they were, marked revised (or cancelled), and the new ones are announced with new codes, in one
 * transaction with one audit event per plan touched.
 */
export async function revisePlans(
  ctx: Ctx,
  input: { jenis: JenisRevisi; alasan: string; oldKodes: number[]; newPlans: PlanInput[] },
) {
  assertCan(ctx.actor, 'rup:manage');
  if (!SHAPE[input.jenis](new Set(input.oldKodes).size, input.newPlans.length)) {
    throw badRequest('RUP_REVISION_SHAPE', 'rup.refused.revisionShape');
  }
  const result = await ctx.db.transaction(async (tx) => {
    const olds = [];
    for (const kode of new Set(input.oldKodes)) {
      const plan = await findPlanByKode(tx, kode);
      if (!plan) throw notFound();
      enforce(canRevise(ctx.actor, plan, ctx.clock.now()));
      olds.push(plan);
    }
    const agencyId = olds[0]!.agencyId;
    if (olds.some((o) => o.agencyId !== agencyId))
      throw badRequest('RUP_REVISION_AGENCIES', 'rup.refused.revisionAgencies');
    const news = [];
    for (const p of input.newPlans) {
      await assertPlanValid(tx, agencyId, p);
      news.push(await insertPlan(tx, ctx, { id: agencyId, name: olds[0]!.agencyName }, p, 'announced'));
    }
    const now = ctx.clock.now();
    await tx
      .update(rupPlans)
      .set({ status: input.jenis === 'pembatalan' ? 'cancelled' : 'revised', updatedAt: now })
      .where(
        inArray(
          rupPlans.id,
          olds.map((o) => o.id),
        ),
      );
    const [revision] = await tx
      .insert(rupRevisions)
      .values({
        jenis: input.jenis,
        alasan: input.alasan,
        oldKodes: olds.map((o) => o.kode),
        newKodes: news.map((n) => n.kode),
        byUserId: ctx.actor?.userId ?? null,
        at: now,
      })
      .returning();
    for (const o of olds) {
      await recordAudit(tx, auditContext(ctx), {
        action: 'rup.revised',
        objectType: 'rup',
        objectId: o.id,
        summary: {
          kode: o.kode,
          nama: o.namaPaket,
          jenis: input.jenis,
          alasan: input.alasan,
          kodeBaru: news.map((n) => n.kode).join(', '),
          revisionId: revision!.id,
        },
      });
    }
    for (const n of news) {
      await recordAudit(tx, auditContext(ctx), {
        action: 'rup.announced',
        objectType: 'rup',
        objectId: n.id,
        summary: { kode: n.kode, nama: n.namaPaket, pagu: n.pagu.toString() },
      });
    }
    return { revision: revision!, newKodes: news.map((n) => n.kode) };
  });
  // After the commit: the public page must not serve the old totals (public-cache.ts).
  invalidatePublicRup();
  return result;
}
