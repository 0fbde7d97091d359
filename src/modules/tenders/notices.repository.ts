import { and, asc, eq, gt, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { bundleOf } from './methods/index.ts';
import { tenderMembers, tenderParticipants, tenderSchedule, tenders } from './tenders.schema.ts';

/**
 * Narrow, read-only queries for the notifications module (issue 9 item 10): what happened on the tenders' schedules
 * in a window of the Clock, and who is to be told. Nothing here writes; the notices are the notifications module's.
 */

/** A tender as a notice names it. */
export interface NoticeTender {
  tenderId: string;
  kode: string;
  nama: string;
}

export interface StageStart extends NoticeTender {
  stage: string;
  /** The stage's SPSE name in its bundle (Bahasa Indonesia); `tenders.stage.<code>` translates it. */
  stageName: string;
  startsAt: Date;
  endsAt: Date;
}

/** Running, announced tenders only: a draft's schedule is not public and a failed tender opens no stage. */
const running = () => and(isNotNull(tenders.announcedAt), isNotNull(tenders.kode), eq(tenders.status, 'berlangsung'));

const stageName = (bundleId: string, version: string, code: string) =>
  bundleOf(bundleId, version)?.stages.find((s) => s.code === code)?.name ?? code;

/** Every stage of a running tender that started in (since, now]. */
export async function stagesStartedBetween(db: Db, since: Date, now: Date): Promise<StageStart[]> {
  const rows = await db
    .select({
      tenderId: tenders.id,
      kode: tenders.kode,
      nama: tenders.nama,
      bundleId: tenders.bundleId,
      bundleVersion: tenders.bundleVersion,
      stage: tenderSchedule.stage,
      startsAt: tenderSchedule.startsAt,
      endsAt: tenderSchedule.endsAt,
    })
    .from(tenderSchedule)
    .innerJoin(tenders, eq(tenders.id, tenderSchedule.tenderId))
    .where(and(running(), gt(tenderSchedule.startsAt, since), lte(tenderSchedule.startsAt, now)))
    .orderBy(asc(tenderSchedule.startsAt), asc(tenderSchedule.ord));
  return rows.map((r) => ({
    tenderId: r.tenderId,
    kode: r.kode!,
    nama: r.nama,
    stage: r.stage,
    stageName: stageName(r.bundleId, r.bundleVersion, r.stage),
    startsAt: r.startsAt,
    endsAt: r.endsAt,
  }));
}

/**
 * The upload stages (stage role `bid_upload` of the tender's own bundle) of running tenders that are open at `now`
 * and end in (now, until]: the deadline reminders' candidates.
 */
export async function uploadStagesEndingBetween(db: Db, now: Date, until: Date): Promise<StageStart[]> {
  const rows = await db
    .select({
      tenderId: tenders.id,
      kode: tenders.kode,
      nama: tenders.nama,
      bundleId: tenders.bundleId,
      bundleVersion: tenders.bundleVersion,
      stage: tenderSchedule.stage,
      startsAt: tenderSchedule.startsAt,
      endsAt: tenderSchedule.endsAt,
    })
    .from(tenderSchedule)
    .innerJoin(tenders, eq(tenders.id, tenderSchedule.tenderId))
    .where(
      and(
        running(),
        lte(tenderSchedule.startsAt, now),
        gt(tenderSchedule.endsAt, now),
        lte(tenderSchedule.endsAt, until),
      ),
    )
    .orderBy(asc(tenderSchedule.endsAt));
  return rows
    .filter((r) => bundleOf(r.bundleId, r.bundleVersion)?.stages.find((s) => s.code === r.stage)?.role === 'bid_upload')
    .map((r) => ({
      tenderId: r.tenderId,
      kode: r.kode!,
      nama: r.nama,
      stage: r.stage,
      stageName: stageName(r.bundleId, r.bundleVersion, r.stage),
      startsAt: r.startsAt,
      endsAt: r.endsAt,
    }));
}

/** What a saved search is matched against: the public announcement fields. */
export interface AnnouncedTender extends NoticeTender {
  agencyId: string;
  jenis: string | null;
  metode: string | null;
  hps: bigint | null;
  announcedAt: Date;
}

/** Tenders announced in (since, now] (still running). */
export async function tendersAnnouncedBetween(db: Db, since: Date, now: Date): Promise<AnnouncedTender[]> {
  const rows = await db
    .select({
      tenderId: tenders.id,
      kode: tenders.kode,
      nama: tenders.nama,
      agencyId: tenders.agencyId,
      jenis: tenders.jenis,
      metode: tenders.metode,
      hps: tenders.hps,
      announcedAt: tenders.announcedAt,
    })
    .from(tenders)
    .where(and(running(), gt(tenders.announcedAt, since), lte(tenders.announcedAt, now)))
    .orderBy(asc(tenders.announcedAt));
  return rows.map((r) => ({ ...r, kode: r.kode!, announcedAt: r.announcedAt! }));
}

/** The users of the vendors that joined each tender (the user who accepted the Pakta Integritas). */
export async function participantUsersOf(db: Db, tenderIds: readonly string[]): Promise<Map<string, string[]>> {
  return groupUsers(
    tenderIds.length === 0
      ? []
      : await db
          .select({ tenderId: tenderParticipants.tenderId, userId: tenderParticipants.userId })
          .from(tenderParticipants)
          .where(inArray(tenderParticipants.tenderId, [...tenderIds])),
  );
}

/** The Pokja members of each tender (from its SULAP package's SK). */
export async function pokjaUsersOf(db: Db, tenderIds: readonly string[]): Promise<Map<string, string[]>> {
  return groupUsers(
    tenderIds.length === 0
      ? []
      : await db
          .select({ tenderId: tenderMembers.tenderId, userId: tenderMembers.userId })
          .from(tenderMembers)
          .where(inArray(tenderMembers.tenderId, [...tenderIds])),
  );
}

function groupUsers(rows: { tenderId: string; userId: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.tenderId) ?? [];
    if (!list.includes(r.userId)) list.push(r.userId);
    out.set(r.tenderId, list);
  }
  return out;
}
