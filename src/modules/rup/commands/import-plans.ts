import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { agencies } from '../../organisation/organisation.schema.ts';
import type { ImportGroup } from '../import-rows.ts';
import type { PlanInput, PlanProblem } from '../plan-input.ts';
import { invalidatePublicRup } from '../public-cache.ts';
import { canCreateFor } from '../rup.policy.ts';
import { findPlanByKode, findPpkByUsername, type PlanDetail } from '../rup.repository.ts';
import { rupPlans } from '../rup.schema.ts';
import { inputOf } from './announce-plan.ts';
import { checkPlan, insertPlan, updatePlanRow } from './write-plan.ts';

export interface ImportOutcome {
  line: number;
  kode: number | null;
  nama: string;
  action: 'create' | 'update' | 'unchanged' | 'error';
  problems: PlanProblem[];
}

const comparable = (p: PlanInput, agencyName: string) =>
  JSON.stringify({ ...p, satkerNama: p.satkerNama ?? agencyName }, (_k, v) =>
    typeof v === 'bigint' ? v.toString() : v,
  );

async function plan(
  db: Db,
  agency: { id: string; name: string },
  g: ImportGroup,
): Promise<{ outcome: ImportOutcome; existing?: PlanDetail }> {
  const base = { line: g.line, kode: g.kode, nama: g.nama };
  const problems = [...g.problems];
  if (!g.input) return { outcome: { ...base, action: 'error', problems } };
  if (g.ppkUsername) {
    const ppk = await findPpkByUsername(db, g.ppkUsername, agency.id);
    if (ppk) g.input.ppkUserId = ppk.id;
    else problems.push({ field: 'username_ppk', key: 'rup.problem.ppkNotInAgency', code: 'RUP_PPK_NOT_IN_AGENCY' });
  }
  problems.push(...(await checkPlan(db, agency.id, g.input)));
  const existing = g.kode !== null ? await findPlanByKode(db, g.kode) : undefined;
  if (existing && existing.agencyId !== agency.id) {
    problems.push({
      field: 'kd_rup',
      key: 'rup.problem.kodeOtherAgency',
      params: { kode: g.kode! },
      code: 'RUP_KODE_OTHER_AGENCY',
    });
  }
  if (problems.length > 0) return { outcome: { ...base, action: 'error', problems } };
  if (!existing) return { outcome: { ...base, action: 'create', problems } };
  const same = comparable(inputOf(existing), agency.name) === comparable(g.input, agency.name);
  if (existing.status === 'draft') {
    return { outcome: { ...base, action: same && !g.announce ? 'unchanged' : 'update', problems }, existing };
  }
  if (same) return { outcome: { ...base, action: 'unchanged', problems }, existing };
  problems.push({
    field: 'kd_rup',
    key: 'rup.problem.announcedChanged',
    params: { kode: g.kode! },
    code: 'RUP_ANNOUNCED_CHANGED',
  });
  return { outcome: { ...base, action: 'error', problems }, existing };
}

/**
 * Imports SiRUP-shaped records into one agency. Every group is checked first (the dry run is this without
 * `commit`); with `commit` and no problem anywhere, all of it is written in one transaction — creates, updates of
 * drafts by kode RUP (a re-import never duplicates), announcements — each audited, plus one event for the import.
 * With any problem nothing is written.
 */
export async function importPlans(
  ctx: Ctx,
  input: { agencyId: string; groups: ImportGroup[]; fileName: string; commit: boolean },
): Promise<{ outcomes: ImportOutcome[]; committed: boolean }> {
  assertCan(ctx.actor, 'rup:manage');
  enforce(canCreateFor(ctx.actor, { agencyId: input.agencyId }, ctx.clock.now()));
  const result = await ctx.db.transaction(async (tx) => {
    const [agency] = await tx.select().from(agencies).where(eq(agencies.id, input.agencyId));
    if (!agency) throw notFound();
    const planned = [];
    for (const g of input.groups) planned.push({ g, ...(await plan(tx, agency, g)) });
    const outcomes = planned.map((p) => p.outcome);
    if (!input.commit || outcomes.some((o) => o.action === 'error')) return { outcomes, committed: false };
    const audit = auditContext(ctx);
    const now = ctx.clock.now();
    const kodes: number[] = [];
    for (const { g, outcome, existing } of planned) {
      const data = g.input!;
      if (outcome.action === 'create') {
        const row = await insertPlan(tx, ctx, agency, data, g.announce ? 'announced' : 'draft', g.kode ?? undefined);
        kodes.push(row.kode);
        const summary = { kode: row.kode, nama: row.namaPaket, pagu: row.pagu.toString() };
        await recordAudit(tx, audit, { action: 'rup.created', objectType: 'rup', objectId: row.id, summary });
        if (g.announce)
          await recordAudit(tx, audit, { action: 'rup.announced', objectType: 'rup', objectId: row.id, summary });
      } else if (outcome.action === 'update' && existing) {
        const row = await updatePlanRow(tx, ctx, existing.id, agency.name, data);
        kodes.push(row.kode);
        const summary = { kode: row.kode, nama: row.namaPaket, pagu: row.pagu.toString() };
        await recordAudit(tx, audit, { action: 'rup.updated', objectType: 'rup', objectId: row.id, summary });
        if (g.announce) {
          await tx.update(rupPlans).set({ status: 'announced', announcedAt: now }).where(eq(rupPlans.id, row.id));
          await recordAudit(tx, audit, { action: 'rup.announced', objectType: 'rup', objectId: row.id, summary });
        }
      }
    }
    const count = (a: ImportOutcome['action']) => outcomes.filter((o) => o.action === a).length;
    await recordAudit(tx, audit, {
      action: 'rup.imported',
      objectType: 'agency',
      objectId: agency.id,
      summary: {
        file: input.fileName.slice(0, 200),
        agencyId: agency.id,
        created: count('create'),
        updated: count('update'),
        unchanged: count('unchanged'),
        kodes,
      },
    });
    return { outcomes, committed: true };
  });
  // After the commit: the public page must not serve the old totals (public-cache.ts).
  invalidatePublicRup();
  return result;
}
