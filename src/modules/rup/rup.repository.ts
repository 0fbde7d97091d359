import { and, asc, count, desc, eq, gte, ilike, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, agenciesWhere } from '../../platform/auth/permissions.ts';
import type { Db } from '../../platform/db/database.ts';
import { userRoles, users } from '../accounts/accounts.schema.ts';
import { agencies } from '../organisation/organisation.schema.ts';
import { rupBudgetLines, rupPlans, rupRevisions } from './rup.schema.ts';

export type PlanRow = typeof rupPlans.$inferSelect;
export type BudgetLineRow = typeof rupBudgetLines.$inferSelect;

/** The statuses anyone may see in lists: announced and still in force. */
export const PUBLIC_STATUSES = ['announced'] as const;

export interface PublicFilters {
  q?: string;
  tahun?: number;
  agency?: string; // agency code
  metode?: string;
  jenis?: string;
  tipe?: string;
  paguMin?: bigint;
  paguMax?: bigint;
}

export const PAGE_SIZE = 25;
/** Offset paging stops here: beyond it, narrow the filters (or use the CSV / API). Keeps every page cheap. */
export const MAX_PAGE = 400;
/** The CSV download holds at most this many rows. */
export const CSV_MAX_ROWS = 20_000;

function publicWhere(f: PublicFilters): SQL {
  const conds: (SQL | undefined)[] = [eq(rupPlans.status, 'announced')];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(or(ilike(rupPlans.namaPaket, like), sql`${rupPlans.kode}::text = ${f.q}`));
  }
  if (f.tahun) conds.push(eq(rupPlans.tahunAnggaran, f.tahun));
  if (f.agency) conds.push(eq(agencies.code, f.agency));
  if (f.metode) conds.push(eq(rupPlans.metode, f.metode));
  if (f.jenis) conds.push(eq(rupPlans.jenis, f.jenis));
  if (f.tipe) conds.push(eq(rupPlans.tipe, f.tipe as 'penyedia'));
  if (f.paguMin !== undefined) conds.push(gte(rupPlans.pagu, f.paguMin));
  if (f.paguMax !== undefined) conds.push(lte(rupPlans.pagu, f.paguMax));
  return and(...conds)!;
}

const listColumns = {
  kode: rupPlans.kode,
  namaPaket: rupPlans.namaPaket,
  tahunAnggaran: rupPlans.tahunAnggaran,
  tipe: rupPlans.tipe,
  pagu: rupPlans.pagu,
  metode: rupPlans.metode,
  jenis: rupPlans.jenis,
  sumberDana: rupPlans.sumberDana,
  bulanPemilihan: rupPlans.bulanPemilihan,
  satkerNama: rupPlans.satkerNama,
  agencyCode: agencies.code,
  agencyName: agencies.name,
  announcedAt: rupPlans.announcedAt,
  statusPdn: rupPlans.statusPdn,
  statusUkm: rupPlans.statusUkm,
};

export type PublicListRow = Awaited<ReturnType<typeof listPublicPlans>>['rows'][number];

/** The public list: announced plans only, filtered, newest kode first, offset-paged with a cap (MAX_PAGE). */
export async function listPublicPlans(
  db: Db,
  f: PublicFilters,
  page: number,
  pageSize = PAGE_SIZE,
  /** The page already has the totals per agency: their sum is the count, one scan fewer. */
  knownTotal?: number,
) {
  const where = publicWhere(f);
  const rows = await db
    .select(listColumns)
    .from(rupPlans)
    .innerJoin(agencies, eq(agencies.id, rupPlans.agencyId))
    .where(where)
    .orderBy(desc(rupPlans.tahunAnggaran), desc(rupPlans.kode))
    .limit(pageSize)
    .offset((Math.min(page, MAX_PAGE) - 1) * pageSize);
  if (knownTotal !== undefined) return { rows, total: knownTotal };
  const [total] = await db
    .select({ n: count() })
    .from(rupPlans)
    .innerJoin(agencies, eq(agencies.id, rupPlans.agencyId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Every filtered row for the CSV download, up to CSV_MAX_ROWS. */
export function listPublicPlansForCsv(db: Db, f: PublicFilters) {
  return db
    .select(listColumns)
    .from(rupPlans)
    .innerJoin(agencies, eq(agencies.id, rupPlans.agencyId))
    .where(publicWhere(f))
    .orderBy(desc(rupPlans.tahunAnggaran), desc(rupPlans.kode))
    .limit(CSV_MAX_ROWS);
}

/** Number of plans and total pagu per agency over the filtered public list. */
export async function publicTotalsPerAgency(db: Db, f: PublicFilters) {
  const rows = await db
    .select({
      agencyCode: agencies.code,
      agencyName: agencies.name,
      plans: count(),
      pagu: sql<string>`sum(${rupPlans.pagu})::text`,
    })
    .from(rupPlans)
    .innerJoin(agencies, eq(agencies.id, rupPlans.agencyId))
    .where(publicWhere(f))
    .groupBy(agencies.code, agencies.name)
    .orderBy(asc(agencies.name));
  return rows.map((r) => ({ ...r, pagu: BigInt(r.pagu ?? '0') }));
}

/** The years that have announced plans, for the filter. */
export async function publicYears(db: Db): Promise<number[]> {
  const rows = await db
    .selectDistinct({ y: rupPlans.tahunAnggaran })
    .from(rupPlans)
    .where(eq(rupPlans.status, 'announced'))
    .orderBy(desc(rupPlans.tahunAnggaran));
  return rows.map((r) => r.y);
}

/** One plan with its agency, PPK and budget lines, whatever its status (callers apply `canReadPlan`). */
export async function findPlanByKode(db: Db, kode: number) {
  const [row] = await db
    .select({
      plan: rupPlans,
      agencyCode: agencies.code,
      agencyName: agencies.name,
      ppkName: users.name,
    })
    .from(rupPlans)
    .innerJoin(agencies, eq(agencies.id, rupPlans.agencyId))
    .leftJoin(users, eq(users.id, rupPlans.ppkUserId))
    .where(eq(rupPlans.kode, kode));
  if (!row) return undefined;
  const lines = await db
    .select()
    .from(rupBudgetLines)
    .where(eq(rupBudgetLines.planId, row.plan.id))
    .orderBy(asc(rupBudgetLines.position));
  return { ...row.plan, agencyCode: row.agencyCode, agencyName: row.agencyName, ppkName: row.ppkName, lines };
}
export type PlanDetail = NonNullable<Awaited<ReturnType<typeof findPlanByKode>>>;

/** Revisions that replaced this plan or made it. */
export function revisionsOf(db: Db, kode: number) {
  return db
    .select()
    .from(rupRevisions)
    .where(or(sql`${kode} = any(${rupRevisions.oldKodes})`, sql`${kode} = any(${rupRevisions.newKodes})`))
    .orderBy(asc(rupRevisions.at));
}

/** The plans of the agencies where the actor may read plans (PA, KPA, PPK of that agency), drafts included. */
export async function listPlansForActor(db: Db, actor: Actor | null) {
  const where = agenciesWhere(actor, 'rup:read');
  if (where !== 'all' && where.length === 0) return [];
  return db
    .select({ ...listColumns, status: rupPlans.status, updatedAt: rupPlans.updatedAt })
    .from(rupPlans)
    .innerJoin(agencies, eq(agencies.id, rupPlans.agencyId))
    .where(where === 'all' ? undefined : inArray(rupPlans.agencyId, where))
    .orderBy(desc(rupPlans.updatedAt))
    .limit(500);
}

/** Agencies where the actor may create plans. */
export async function agenciesForManager(db: Db, actor: Actor | null) {
  const where = agenciesWhere(actor, 'rup:manage');
  if (where !== 'all' && where.length === 0) return [];
  return db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name })
    .from(agencies)
    .where(where === 'all' ? undefined : inArray(agencies.id, where))
    .orderBy(asc(agencies.name));
}

/** People holding PPK in these agencies: who may be assigned to a plan. */
export function ppkCandidates(db: Db, agencyIds: string[]) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: users.id, name: users.name, username: users.username, agencyId: userRoles.agencyId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'PPK'), inArray(userRoles.agencyId, agencyIds), eq(users.status, 'active')))
    .orderBy(asc(users.name));
}

export async function isPpkOf(db: Db, userId: string, agencyId: string) {
  const rows = await ppkCandidates(db, [agencyId]);
  return rows.some((r) => r.id === userId);
}

export async function findPpkByUsername(db: Db, username: string, agencyId: string) {
  const rows = await ppkCandidates(db, [agencyId]);
  return rows.find((r) => r.username === username.toLowerCase());
}

/** The newest announced plans, for the portal's home page. */
export function latestAnnouncedPlans(db: Db, limit: number) {
  return db
    .select({
      kode: rupPlans.kode,
      namaPaket: rupPlans.namaPaket,
      pagu: rupPlans.pagu,
      agencyName: agencies.name,
      announcedAt: rupPlans.announcedAt,
    })
    .from(rupPlans)
    .innerJoin(agencies, eq(agencies.id, rupPlans.agencyId))
    .where(eq(rupPlans.status, 'announced'))
    .orderBy(desc(rupPlans.announcedAt), desc(rupPlans.kode))
    .limit(limit);
}
