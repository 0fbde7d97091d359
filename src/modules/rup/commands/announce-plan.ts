import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import type { PlanInput } from '../plan-input.ts';
import { invalidatePublicRup } from '../public-cache.ts';
import { canChangeDraft } from '../rup.policy.ts';
import { findPlanByKode, type PlanDetail } from '../rup.repository.ts';
import { rupPlans } from '../rup.schema.ts';
import { assertPlanValid } from './write-plan.ts';

/** The stored plan as a PlanInput, to check the rules again at the moment it is announced. */
export function inputOf(plan: PlanDetail): PlanInput {
  return {
    tipe: plan.tipe,
    tahunAnggaran: plan.tahunAnggaran,
    namaPaket: plan.namaPaket,
    satkerKode: plan.satkerKode,
    satkerNama: plan.satkerNama,
    pagu: plan.pagu,
    sumberDana: plan.sumberDana as PlanInput['sumberDana'],
    metode: plan.metode as PlanInput['metode'],
    jenis: plan.jenis as PlanInput['jenis'],
    alasanPenunjukan: plan.alasanPenunjukan,
    tipeSwakelola: plan.tipeSwakelola,
    bulanPemilihan: plan.bulanPemilihan,
    bulanKontrak: plan.bulanKontrak,
    bulanPemanfaatan: plan.bulanPemanfaatan,
    statusPdn: plan.statusPdn,
    statusUkm: plan.statusUkm,
    alasanNonUkm: plan.alasanNonUkm,
    lokasi: plan.lokasi,
    volume: plan.volume,
    uraian: plan.uraian,
    spesifikasi: plan.spesifikasi,
    ppkUserId: plan.ppkUserId,
    lines: plan.lines.map((l) => ({
      kodeProgram: l.kodeProgram,
      kodeKegiatan: l.kodeKegiatan,
      kodeSubKegiatan: l.kodeSubKegiatan,
      mak: l.mak,
      sumberDana: l.sumberDana as PlanInput['sumberDana'],
      pagu: l.pagu,
    })),
  };
}

/** Announces a draft (SiRUP `status_umumkan_rup`): from now on it is on the public portal (R10, R02). */
export async function announcePlan(ctx: Ctx, kode: number) {
  assertCan(ctx.actor, 'rup:manage');
  const result = await ctx.db.transaction(async (tx) => {
    const plan = await findPlanByKode(tx, kode);
    if (!plan) throw notFound();
    enforce(canChangeDraft(ctx.actor, plan, ctx.clock.now()));
    // The rules (method thresholds, budget lines) may have changed since the draft was saved.
    await assertPlanValid(tx, plan.agencyId, inputOf(plan));
    const now = ctx.clock.now();
    await tx
      .update(rupPlans)
      .set({ status: 'announced', announcedAt: now, updatedAt: now })
      .where(eq(rupPlans.id, plan.id));
    await recordAudit(tx, auditContext(ctx), {
      action: 'rup.announced',
      objectType: 'rup',
      objectId: plan.id,
      summary: { kode: plan.kode, nama: plan.namaPaket, pagu: plan.pagu.toString() },
    });
  });
  // After the commit: the public page must not serve the old totals (public-cache.ts).
  invalidatePublicRup();
  return result;
}
