import { and, desc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Json } from './merge.ts';
import { prune, type ReleaseTag } from './ocds.ts';
import { ocdsReleases } from './opendata.schema.ts';

/** What a mapper returns: the release's process, tags, date and its sections (pruned when written). */
export interface ReleaseDraft {
  ocid: string;
  tag: ReleaseTag[];
  date: Date;
  /** Any top-level release fields besides ocid/id/date/tag/initiationType: parties, buyer, planning, tender… */
  body: Record<string, unknown>;
}

/**
 * Writes one release in the caller's transaction. Its number comes from a sequence (never reused); the caller holds
 * the audit trail's transaction lock (this runs inside recordAudit), so releases commit in number order and the
 * cursor feed never skips one that commits late.
 */
export async function publishRelease(
  tx: Db,
  draft: ReleaseDraft,
  source: { auditSeq: number | null; action: string },
): Promise<{ seq: number; releaseId: string }> {
  const res = (await tx.execute(sql`select nextval('ocds_release_seq')::text as seq`)) as unknown as {
    rows: { seq: string }[];
  };
  const seq = Number(res.rows[0]!.seq);
  const releaseId = `${draft.ocid}-${seq}`;
  const release = prune({
    ocid: draft.ocid,
    id: releaseId,
    date: draft.date.toISOString(),
    tag: draft.tag,
    initiationType: 'tender',
    language: 'id',
    ...draft.body,
  }) as Record<string, Json>;
  await tx.insert(ocdsReleases).values({
    seq,
    ocid: draft.ocid,
    releaseId,
    tag: draft.tag,
    date: draft.date,
    auditSeq: source.auditSeq,
    action: source.action,
    json: JSON.stringify(release),
  });
  return { seq, releaseId };
}

/** The newest release of a process (for `amendsReleaseID`), or undefined when none was published. */
export async function latestReleaseOf(tx: Db, ocid: string) {
  const [row] = await tx
    .select({ releaseId: ocdsReleases.releaseId, seq: ocdsReleases.seq })
    .from(ocdsReleases)
    .where(eq(ocdsReleases.ocid, ocid))
    .orderBy(desc(ocdsReleases.seq))
    .limit(1);
  return row;
}

/** Whether a release of the process already carries this award (under any status). */
export async function awardPublished(tx: Db, ocid: string, awardId: string): Promise<boolean> {
  const [row] = await tx
    .select({ seq: ocdsReleases.seq })
    .from(ocdsReleases)
    .where(and(eq(ocdsReleases.ocid, ocid), like(ocdsReleases.json, `%"${awardId}"%`)))
    .limit(1);
  return !!row;
}
