import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan, canForAgency } from '../../../platform/auth/permissions.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { formatRupiah } from '../../../platform/i18n/i18n.ts';
import { checkMethod, type Jenis, type Metode } from '../../rup/index.ts';
import { checklistFor, isSulapMethod } from '../checklist.ts';
import { lineTotal, sum } from '../money.ts';
import { plansByKode } from '../sulap.repository.ts';
import { sulapDocuments, sulapHpsItems, sulapPackagePlans, sulapPackages } from '../sulap.schema.ts';

export interface HpsLine {
  uraian: string;
  volumeMilli: bigint;
  satuan: string;
  hargaSatuan: bigint;
}

export interface PackageInput {
  namaPaket: string;
  planKodes: number[];
  items: HpsLine[];
}

const problem = (code: string, key: Parameters<Ctx['t']>[0], field: string, params = {}) =>
  new AppError(code, 422, key, params, { field });

/** The HPS of the lines: each line rounded to whole rupiah, the sum in bigint. */
export const hpsOf = (items: readonly HpsLine[]) => sum(items.map((i) => lineTotal(i.volumeMilli, i.hargaSatuan)));

/** HPS ≤ pagu (DOMAIN §2.5, Perpres 16/2018 Pasal 26): refused at the HPS field, with both figures. */
export function assertHpsWithinPagu(items: readonly HpsLine[], pagu: bigint) {
  if (items.length === 0) throw problem('SULAP_HPS_EMPTY', 'sulap.problem.hpsEmpty', 'i0_uraian');
  const hps = hpsOf(items);
  if (hps > pagu) {
    throw problem('SULAP_HPS_ABOVE_PAGU', 'sulap.problem.hpsAbovePagu', 'i0_harga', {
      hps: formatRupiah(hps),
      pagu: formatRupiah(pagu),
    });
  }
  return hps;
}

/**
 * P2: the PPK makes a package from announced RUP plans of the PPK's own agency (several plans may be consolidated when
 * they share category and method), with its HPS lines. The checklist of documents follows category × method.
 */
export async function createPackage(ctx: Ctx, input: PackageInput) {
  assertCan(ctx.actor, 'sulap:prepare');
  const actor = ctx.actor;
  const kodes = [...new Set(input.planKodes)];
  if (kodes.length === 0) throw problem('SULAP_NO_PLANS', 'sulap.problem.noPlans', 'rup');
  return ctx.db.transaction(async (tx) => {
    const plans = await plansByKode(tx, kodes);
    for (const kode of kodes) {
      const plan = plans.find((p) => p.kode === kode);
      if (plan?.status !== 'announced' || plan.tipe !== 'penyedia') {
        throw problem('SULAP_PLAN_NOT_ANNOUNCED', 'sulap.problem.planNotAnnounced', 'rup', { kode });
      }
      if (!canForAgency(actor, 'sulap:prepare', plan.agencyId)) throw forbidden('sulap.refused.planAgency');
      if (plan.taken) throw problem('SULAP_PLAN_TAKEN', 'sulap.problem.planTaken', 'rup', { kode });
    }
    const first = plans[0]!;
    if (plans.some((p) => p.agencyId !== first.agencyId || p.jenis !== first.jenis || p.metode !== first.metode)) {
      throw problem('SULAP_PLANS_MIXED', 'sulap.problem.plansMixed', 'rup');
    }
    if (!isSulapMethod(first.metode) || !first.jenis) {
      throw problem('SULAP_METHOD', 'sulap.problem.method', 'rup');
    }
    const pagu = sum(plans.map((p) => p.pagu));
    // A consolidation must still fit its method's threshold (Pasal 20(2)d: no splitting, no merging to dodge one).
    if (first.metode !== 'penunjukan_langsung' && plans.length > 1) {
      const m = checkMethod(first.metode as Metode, first.jenis as Jenis, pagu);
      if (!m.ok) throw problem('SULAP_METHOD_THRESHOLD', 'sulap.problem.threshold', 'rup', { source: m.source });
    }
    const hps = assertHpsWithinPagu(input.items, pagu);
    const now = ctx.clock.now();
    const [pkg] = await tx
      .insert(sulapPackages)
      .values({
        agencyId: first.agencyId,
        ppkUserId: actor.userId,
        namaPaket: input.namaPaket,
        jenis: first.jenis,
        metode: first.metode,
        tahunAnggaran: first.tahunAnggaran,
        pagu,
        hps,
        status: 'persiapan',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx
      .insert(sulapPackagePlans)
      .values(plans.map((p) => ({ packageId: pkg!.id, planId: p.id, kode: p.kode, pagu: p.pagu })));
    await insertItems(tx, pkg!.id, input.items);
    await tx.insert(sulapDocuments).values(
      checklistFor(first.jenis, first.metode).map((c) => ({
        packageId: pkg!.id,
        itemKey: c.item,
        status: 'belum_ada' as const,
        updatedAt: now,
      })),
    );
    await recordAudit(tx, auditContext(ctx), {
      action: 'sulap.created',
      objectType: 'sulap_package',
      objectId: pkg!.id,
      summary: { nama: input.namaPaket, kodes },
    });
    return pkg!;
  });
}

export async function insertItems(tx: Ctx['db'], packageId: string, items: readonly HpsLine[]) {
  await tx.insert(sulapHpsItems).values(
    items.map((i, n) => ({
      packageId,
      position: n + 1,
      uraian: i.uraian,
      volumeMilli: i.volumeMilli,
      satuan: i.satuan,
      hargaSatuan: i.hargaSatuan,
      jumlah: lineTotal(i.volumeMilli, i.hargaSatuan),
    })),
  );
}
