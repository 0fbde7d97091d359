import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { rupBudgetLines, rupPlans, rupRevisions } from '../../rup/rup.schema.ts';
import { categoryFields, methodFields } from '../codelists.ts';
import { idr, ocidOf, type Publication } from '../ocds.ts';
import type { Mapper } from './mapper.ts';
import { agencyParties } from './parties.ts';

type PlanStatus = 'planned' | 'withdrawn' | 'cancelled';

/** The planning section of a RUP plan (R10 fields → OCDS planning + a planned tender), read in the transaction. */
async function planningRelease(tx: Db, planId: string, pub: Publication, status: PlanStatus) {
  const [plan] = await tx.select().from(rupPlans).where(eq(rupPlans.id, planId));
  if (!plan) return null;
  const lines = await tx.select().from(rupBudgetLines).where(eq(rupBudgetLines.planId, planId));
  const { parties, ref } = await agencyParties(tx, [{ agencyId: plan.agencyId, role: 'buyer' }]);
  // A plan made by kaji ulang follows the plans it replaces.
  const replaced = await tx
    .select({ oldKodes: rupRevisions.oldKodes })
    .from(rupRevisions)
    .where(sql`${plan.kode} = any(${rupRevisions.newKodes})`);
  const prior = [...new Set(replaced.flatMap((r) => r.oldKodes))];
  const swakelola = plan.tipe === 'swakelola';
  return {
    ocid: ocidOf(pub, 'rup', plan.kode),
    body: {
      parties,
      buyer: ref(plan.agencyId),
      planning: {
        rationale: plan.uraian,
        budget: {
          id: String(plan.kode),
          description: [plan.sumberDana, ...lines.map((l) => `${l.mak} (${l.sumberDana})`)].join('; '),
          amount: idr(plan.pagu),
          project: plan.namaPaket,
          projectID: String(plan.kode),
          uri: `${pub.baseUrl}/rup/${plan.kode}`,
        },
      },
      tender: {
        id: `rup-${plan.kode}`,
        title: plan.namaPaket,
        description: plan.uraian,
        status,
        ...(swakelola
          ? { procurementMethodDetails: `Swakelola tipe ${plan.tipeSwakelola ?? ''}`.trim() }
          : methodFields(plan.metode)),
        ...categoryFields(plan.jenis),
        value: idr(plan.pagu),
        procurementMethodRationale: plan.alasanPenunjukan,
      },
      relatedProcesses: prior.map((kode) => ({
        id: `rup-${kode}`,
        relationship: ['prior'],
        title: `RUP ${kode}`,
        scheme: 'ocid',
        identifier: ocidOf(pub, 'rup', kode),
        uri: `${pub.baseUrl}/api/v1/ocds/records/${ocidOf(pub, 'rup', kode)}`,
      })),
    },
  };
}

/** RUP announced (R10): a `planning` release. */
export const rupAnnounced: Mapper<'rup.announced'> = async (tx, event, pub) => {
  const r = event.objectId ? await planningRelease(tx, event.objectId, pub, 'planned') : null;
  return r && { ...r, tag: ['planning'], date: event.at };
};

/** Kaji ulang of an announced plan: a `planningUpdate`, withdrawn (replaced) or cancelled (pembatalan). */
export const rupRevised: Mapper<'rup.revised'> = async (tx, event, pub) => {
  const status = event.summary.jenis === 'pembatalan' ? 'cancelled' : 'withdrawn';
  const r = event.objectId ? await planningRelease(tx, event.objectId, pub, status) : null;
  return r && { ...r, tag: ['planningUpdate'], date: event.at };
};
