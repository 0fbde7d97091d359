import { and, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/errors.ts';
import { defineJob } from '../../platform/jobs/jobs.ts';
import {
  bundleOf,
  type KualifikasiUsaha,
  loadSchedule,
  type SyaratKualifikasi,
  stageOfRole,
} from '../tenders/index.ts';
import { tenderParticipants, tenders } from '../tenders/tenders.schema.ts';
import { witaDate } from './expiry.ts';
import { buildSnapshot, checkQualification, type QualificationResult } from './qualification.ts';
import { currentSections } from './sikap.repository.ts';
import { type SectionItem, sikapQualificationSnapshots, sikapSectionVersions } from './sikap.schema.ts';

/** The requirement fields of a tender row (its publication). */
export interface TenderRequirements {
  kualifikasiUsaha: KualifikasiUsaha | null;
  syaratKualifikasi: SyaratKualifikasi | null;
}

/**
 * "Syarat yang belum terpenuhi" (issue 10 item 4): the check of a tender's requirements on the vendor's current
 * profile, today (WITA). What a participant sees before bidding; the evaluation uses `qualificationSnapshot`.
 */
export async function qualificationFor(
  db: Db,
  vendorId: string,
  tender: TenderRequirements,
  now: Date,
): Promise<QualificationResult> {
  const rows = await currentSections(db, vendorId);
  const snapshot = buildSnapshot(Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, r.items])));
  return checkQualification(
    { kualifikasiUsaha: tender.kualifikasiUsaha, syarat: tender.syaratKualifikasi },
    snapshot,
    witaDate(now),
  );
}

export type QualificationSnapshotRow = typeof sikapQualificationSnapshots.$inferSelect;

/**
 * The profile and the check taken when the tender's upload stage ended, for the evaluation (undefined while the stage
 * has not ended, or before the job ran, or when the vendor did not take part).
 */
export async function qualificationSnapshot(
  db: Db,
  tenderId: string,
  vendorId: string,
): Promise<QualificationSnapshotRow | undefined> {
  if (!isUuid(tenderId) || !isUuid(vendorId)) return undefined;
  const [row] = await db
    .select()
    .from(sikapQualificationSnapshots)
    .where(and(eq(sikapQualificationSnapshots.tenderId, tenderId), eq(sikapQualificationSnapshots.vendorId, vendorId)));
  return row;
}

/** The profile as it stood at `at`: per section, the last version saved no later than `at`. */
export async function sectionsAt(db: Db, vendorId: string, at: Date) {
  const rows = await db
    .selectDistinctOn([sikapSectionVersions.section], {
      section: sikapSectionVersions.section,
      version: sikapSectionVersions.version,
      items: sikapSectionVersions.items,
    })
    .from(sikapSectionVersions)
    .where(and(eq(sikapSectionVersions.vendorId, vendorId), lte(sikapSectionVersions.savedAt, at)))
    .orderBy(sikapSectionVersions.section, desc(sikapSectionVersions.version));
  const items: Record<string, SectionItem[]> = {};
  const versions: Record<string, number> = {};
  for (const r of rows) {
    items[r.section] = r.items;
    versions[r.section] = r.version;
  }
  return { items, versions };
}

const SYSTEM = { userId: null, name: 'Sistem', role: null };

/**
 * Takes the missing snapshots of every announced tender whose upload stage has ended: one row per participant, with
 * the profile rebuilt as it stood at the deadline and the check on the deadline's day. Idempotent: a participant
 * that has its row is skipped, and the insert does nothing on a conflict, so a second run (or a run on another
 * process) writes nothing. Returns the number of rows written.
 */
export async function takeQualificationSnapshots(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const missing = sql`exists (select 1 from ${tenderParticipants} p where p.tender_id = ${tenders.id} and not exists (
    select 1 from ${sikapQualificationSnapshots} s where s.tender_id = p.tender_id and s.vendor_id = p.vendor_id))`;
  const candidates = await db
    .select({
      id: tenders.id,
      kode: tenders.kode,
      bundleId: tenders.bundleId,
      bundleVersion: tenders.bundleVersion,
      kualifikasiUsaha: tenders.kualifikasiUsaha,
      syaratKualifikasi: tenders.syaratKualifikasi,
    })
    .from(tenders)
    .where(and(isNotNull(tenders.announcedAt), inArray(tenders.status, ['berlangsung', 'selesai']), missing));
  let written = 0;
  for (const t of candidates) {
    const bundle = bundleOf(t.bundleId, t.bundleVersion);
    const upload = bundle ? stageOfRole(bundle, 'bid_upload') : undefined;
    const row = (await loadSchedule(db, t.id)).find((r) => r.stage === upload?.code);
    if (!row || row.end.getTime() > now.getTime()) continue;
    const deadline = row.end;
    written += await db.transaction(async (tx) => {
      const participants = await tx
        .select({ vendorId: tenderParticipants.vendorId })
        .from(tenderParticipants)
        .leftJoin(
          sikapQualificationSnapshots,
          and(
            eq(sikapQualificationSnapshots.tenderId, tenderParticipants.tenderId),
            eq(sikapQualificationSnapshots.vendorId, tenderParticipants.vendorId),
          ),
        )
        .where(and(eq(tenderParticipants.tenderId, t.id), sql`${sikapQualificationSnapshots.tenderId} is null`));
      let n = 0;
      let passed = 0;
      for (const p of participants) {
        const { items, versions } = await sectionsAt(tx, p.vendorId, deadline);
        const snapshot = buildSnapshot(items);
        const result = checkQualification(
          { kualifikasiUsaha: t.kualifikasiUsaha, syarat: t.syaratKualifikasi },
          snapshot,
          witaDate(deadline),
        );
        const inserted = await tx
          .insert(sikapQualificationSnapshots)
          .values({
            tenderId: t.id,
            vendorId: p.vendorId,
            deadline,
            snapshot,
            versions,
            result,
            passed: result.passed,
            takenAt: now,
          })
          .onConflictDoNothing()
          .returning({ v: sikapQualificationSnapshots.vendorId });
        n += inserted.length;
        if (inserted.length && result.passed) passed += 1;
      }
      if (n > 0) {
        await recordAudit(
          tx,
          { clock, actor: SYSTEM, requestId: null },
          {
            action: 'sikap.qualification_snapshot',
            objectType: 'tender',
            objectId: t.id,
            summary: { kode: t.kode ?? '', deadline: deadline.toISOString(), vendors: n, passed },
          },
        );
      }
      return n;
    });
  }
  return written;
}

/** Every 5 minutes: a deadline's snapshots come at most 5 minutes late, and are built as of the deadline anyway. */
export const qualificationSnapshotJob = defineJob({
  kind: 'sikap.qualification_snapshots',
  recurring: { everyMs: 5 * 60_000 },
  async run({ db, clock }) {
    await takeQualificationSnapshots(db, clock);
  },
});
