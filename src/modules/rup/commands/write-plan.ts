import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { type PlanInput, type PlanProblem, planProblems } from '../plan-input.ts';
import { isPpkOf } from '../rup.repository.ts';
import { rupBudgetLines, rupPlans } from '../rup.schema.ts';

/** A plan that breaks a rule: 422 with the first problem's message; `problems` lists them all (API, import). */
export class PlanInvalid extends AppError {
  constructor(readonly problems: PlanProblem[]) {
    const first = problems[0]!;
    super(first.code, 422, first.key, first.params ?? {});
  }
}

/** All rules, including those that need the database (the PPK holds PPK in the plan's agency). */
export async function checkPlan(db: Db, agencyId: string, input: PlanInput): Promise<PlanProblem[]> {
  const problems = planProblems(input);
  if (input.ppkUserId && !(await isPpkOf(db, input.ppkUserId, agencyId))) {
    problems.push({ field: 'ppkUserId', key: 'rup.problem.ppkNotInAgency', code: 'RUP_PPK_NOT_IN_AGENCY' });
  }
  return problems;
}

export async function assertPlanValid(db: Db, agencyId: string, input: PlanInput) {
  const problems = await checkPlan(db, agencyId, input);
  if (problems.length > 0) throw new PlanInvalid(problems);
}

const columns = (input: PlanInput, agencyName: string) => ({
  tipe: input.tipe,
  tahunAnggaran: input.tahunAnggaran,
  namaPaket: input.namaPaket,
  satkerKode: input.satkerKode,
  satkerNama: input.satkerNama ?? agencyName,
  pagu: input.pagu,
  sumberDana: input.sumberDana,
  metode: input.tipe === 'penyedia' ? input.metode : null,
  jenis: input.tipe === 'penyedia' ? input.jenis : null,
  alasanPenunjukan: input.metode === 'penunjukan_langsung' ? input.alasanPenunjukan : null,
  tipeSwakelola: input.tipe === 'swakelola' ? input.tipeSwakelola : null,
  bulanPemilihan: input.bulanPemilihan,
  bulanKontrak: input.bulanKontrak,
  bulanPemanfaatan: input.bulanPemanfaatan,
  statusPdn: input.statusPdn,
  statusUkm: input.statusUkm,
  alasanNonUkm: input.statusUkm ? null : input.alasanNonUkm,
  lokasi: input.lokasi,
  volume: input.volume,
  uraian: input.uraian,
  spesifikasi: input.spesifikasi,
  ppkUserId: input.ppkUserId,
});

/** Inserts a plan and its budget lines; `kode` only for an imported SiRUP plan, else the sequence draws one. */
export async function insertPlan(
  tx: Db,
  ctx: Pick<Ctx, 'clock' | 'actor'>,
  agency: { id: string; name: string },
  input: PlanInput,
  status: 'draft' | 'announced',
  kode?: number,
) {
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(rupPlans)
    .values({
      ...columns(input, agency.name),
      ...(kode !== undefined ? { kode } : {}),
      agencyId: agency.id,
      status,
      announcedAt: status === 'announced' ? now : null,
      createdBy: ctx.actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await insertLines(tx, row!.id, input);
  return row!;
}

export async function updatePlanRow(
  tx: Db,
  ctx: Pick<Ctx, 'clock' | 'actor'>,
  planId: string,
  agencyName: string,
  input: PlanInput,
) {
  const [row] = await tx
    .update(rupPlans)
    .set({ ...columns(input, agencyName), updatedAt: ctx.clock.now() })
    .where(eq(rupPlans.id, planId))
    .returning();
  await tx.delete(rupBudgetLines).where(eq(rupBudgetLines.planId, planId));
  await insertLines(tx, planId, input);
  return row!;
}

async function insertLines(tx: Db, planId: string, input: PlanInput) {
  if (input.lines.length === 0) return;
  await tx.insert(rupBudgetLines).values(input.lines.map((l, i) => ({ ...l, planId, position: i + 1 })));
}
