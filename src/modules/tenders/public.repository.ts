import { and, asc, count, desc, eq, gt, gte, ilike, inArray, isNotNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { agencies } from '../organisation/organisation.schema.ts';
import { rupPlans } from '../rup/rup.schema.ts';
import { listAddenda, repeatLinks, tenderFiles } from './lifecycle.repository.ts';
import { bundleOf } from './methods/index.ts';
import { participantCount } from './participation.repository.ts';
import { currentStages, nextStage, type ScheduleRow } from './schedule.ts';
import { loadSchedule, scheduleHistory } from './tenders.repository.ts';
import { tenderSchedule, tenders } from './tenders.schema.ts';

export const PAGE_SIZE = 25;
export const MAX_PAGE = 400;

/** The public status filter: sedang berlangsung, selesai, gagal (SPSE's "Status Tender"). */
export const PUBLIC_STATUSES = ['berlangsung', 'selesai', 'gagal'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

export interface TenderFilters {
  q?: string;
  tahun?: number;
  agency?: string;
  jenis?: string;
  metode?: string;
  /** A stage code: tenders in that stage at `now`. */
  tahap?: string;
  hpsMin?: bigint;
  hpsMax?: bigint;
  status?: PublicStatus;
}

/** Only announced tenders exist for the public: a draft (and its HPS) is never shown. */
const announced = () =>
  and(isNotNull(tenders.announcedAt), inArray(tenders.status, ['berlangsung', 'selesai', 'gagal', 'batal']));

function where(f: TenderFilters, now: Date): SQL {
  const conds: (SQL | undefined)[] = [announced()];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(tenders.nama, like), ilike(tenders.kode, like)));
  }
  if (f.tahun) conds.push(eq(tenders.tahunAnggaran, f.tahun));
  if (f.agency) conds.push(eq(agencies.code, f.agency));
  if (f.jenis) conds.push(eq(tenders.jenis, f.jenis));
  if (f.metode) conds.push(eq(tenders.metode, f.metode));
  if (f.hpsMin !== undefined) conds.push(gte(tenders.hps, f.hpsMin));
  if (f.hpsMax !== undefined) conds.push(lte(tenders.hps, f.hpsMax));
  if (f.status) conds.push(eq(tenders.status, f.status));
  if (f.tahap) {
    conds.push(
      sql`exists (select 1 from ${tenderSchedule} s where s.tender_id = ${tenders.id} and s.stage = ${f.tahap}
        and s.starts_at <= ${now.toISOString()} and s.ends_at > ${now.toISOString()})`,
    );
  }
  return and(...conds)!;
}

/** The stage names of a tender at `now`, from its schedule and the bundle it started with. */
export function stageNames(bundleId: string, version: string, rows: readonly ScheduleRow[], now: Date) {
  const b = bundleOf(bundleId, version);
  return currentStages(rows, now).map((r) => ({
    code: r.stage,
    name: b?.stages.find((s) => s.code === r.stage)?.name ?? r.stage,
  }));
}

/**
 * Between two stages (after working hours, over a weekend) no stage is open: readers are told which stage opens
 * next and when, rather than only that nothing runs.
 */
export function upcomingStage(bundleId: string, version: string, rows: readonly ScheduleRow[], now: Date) {
  if (currentStages(rows, now).length > 0) return undefined;
  const next = nextStage(rows, now);
  if (!next) return undefined;
  const name = bundleOf(bundleId, version)?.stages.find((s) => s.code === next.stage)?.name ?? next.stage;
  return { name, startsAt: next.start };
}

async function schedulesOf(db: Db, ids: string[]): Promise<Map<string, ScheduleRow[]>> {
  const out = new Map<string, ScheduleRow[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select()
    .from(tenderSchedule)
    .where(inArray(tenderSchedule.tenderId, ids))
    .orderBy(asc(tenderSchedule.ord));
  for (const r of rows) {
    const list = out.get(r.tenderId) ?? [];
    list.push({ stage: r.stage, ord: r.ord, start: r.startsAt, end: r.endsAt });
    out.set(r.tenderId, list);
  }
  return out;
}

export async function listPublicTenders(db: Db, f: TenderFilters, page: number, now: Date) {
  const w = where(f, now);
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(tenders)
    .innerJoin(agencies, eq(agencies.id, tenders.agencyId))
    .where(w);
  const rows = await db
    .select({
      id: tenders.id,
      kode: tenders.kode,
      nama: tenders.nama,
      status: tenders.status,
      jenis: tenders.jenis,
      metode: tenders.metode,
      tahunAnggaran: tenders.tahunAnggaran,
      hps: tenders.hps,
      bundleId: tenders.bundleId,
      bundleVersion: tenders.bundleVersion,
      announcedAt: tenders.announcedAt,
      agencyName: agencies.name,
    })
    .from(tenders)
    .innerJoin(agencies, eq(agencies.id, tenders.agencyId))
    .where(w)
    .orderBy(desc(tenders.announcedAt), desc(tenders.kode))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  const schedules = await schedulesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    total: n,
    rows: rows.map((r) => ({
      ...r,
      kode: r.kode ?? '',
      stages: stageNames(r.bundleId, r.bundleVersion, schedules.get(r.id) ?? [], now),
      upcoming: upcomingStage(r.bundleId, r.bundleVersion, schedules.get(r.id) ?? [], now),
    })),
  };
}
export type PublicTenderRow = Awaited<ReturnType<typeof listPublicTenders>>['rows'][number];

export async function publicTenderYears(db: Db): Promise<number[]> {
  const rows = await db
    .selectDistinct({ y: tenders.tahunAnggaran })
    .from(tenders)
    .where(and(announced(), isNotNull(tenders.tahunAnggaran)))
    .orderBy(desc(tenders.tahunAnggaran));
  return rows.map((r) => r.y!);
}

/** Everything the public announcement page shows; undefined for a kode no announced tender has. */
export async function publicTenderByKode(db: Db, kode: string) {
  const [t] = await db
    .select({ tender: tenders, agencyName: agencies.name, agencyCode: agencies.code })
    .from(tenders)
    .innerJoin(agencies, eq(agencies.id, tenders.agencyId))
    .where(and(eq(tenders.kode, kode), announced()));
  if (!t) return undefined;
  const id = t.tender.id;
  const plans = t.tender.rupKodes?.length
    ? await db
        .select({ kode: rupPlans.kode, namaPaket: rupPlans.namaPaket, sumberDana: rupPlans.sumberDana })
        .from(rupPlans)
        .where(inArray(rupPlans.kode, t.tender.rupKodes))
        .orderBy(asc(rupPlans.kode))
    : [];
  return {
    ...t.tender,
    kode,
    agencyName: t.agencyName,
    agencyCode: t.agencyCode,
    plans,
    /** Every file with its version; the addendum files carry their addendum's id. */
    documents: await tenderFiles(db, id),
    addenda: await listAddenda(db, id),
    links: await repeatLinks(db, t.tender),
    schedule: await loadSchedule(db, id),
    history: await scheduleHistory(db, id),
    /** Jumlah peserta: the count only; the names are for the tender's Pokja. */
    peserta: await participantCount(db, id),
  };
}
export type PublicTender = NonNullable<Awaited<ReturnType<typeof publicTenderByKode>>>;

/**
 * For the portal's home page: the latest announcements and the count of running tenders per current stage. The caller
 * caches nothing; `tenderHighlights` in index.ts wraps this in the short cache.
 */
export async function loadHighlights(db: Db, now: Date, latest = 5) {
  const recent = await listPublicTenders(db, { status: 'berlangsung' }, 1, now);
  // Counted in the database (stages whose [start, end) holds now): the home page must not read every schedule.
  const counts = await db
    .select({
      bundleId: tenders.bundleId,
      bundleVersion: tenders.bundleVersion,
      stage: tenderSchedule.stage,
      count: sql<number>`count(*)::int`,
    })
    .from(tenderSchedule)
    .innerJoin(tenders, eq(tenders.id, tenderSchedule.tenderId))
    .where(
      and(
        announced(),
        eq(tenders.status, 'berlangsung'),
        lte(tenderSchedule.startsAt, now),
        gt(tenderSchedule.endsAt, now),
      ),
    )
    .groupBy(tenders.bundleId, tenders.bundleVersion, tenderSchedule.stage);
  const [{ running } = { running: 0 }] = await db
    .select({ running: sql<number>`count(*)::int` })
    .from(tenders)
    .where(and(announced(), eq(tenders.status, 'berlangsung')));
  const perStage = new Map<string, { code: string; name: string; count: number }>();
  for (const c of counts) {
    const name = bundleOf(c.bundleId, c.bundleVersion)?.stages.find((s) => s.code === c.stage)?.name ?? c.stage;
    const e = perStage.get(c.stage) ?? { code: c.stage, name, count: 0 };
    e.count += c.count;
    perStage.set(c.stage, e);
  }
  return {
    latest: recent.rows.slice(0, latest).map((r) => ({
      kode: r.kode,
      nama: r.nama,
      agencyName: r.agencyName,
      hps: r.hps,
      announcedAt: r.announcedAt,
      stages: r.stages,
      href: `/tender/${r.kode}`,
    })),
    running,
    perStage: [...perStage.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}
export type TenderHighlights = Awaited<ReturnType<typeof loadHighlights>>;
