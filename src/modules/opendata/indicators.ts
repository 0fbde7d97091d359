import type { Db } from '../../platform/db/database.ts';
import { compileReleases } from './merge.ts';
import { allRecords, lastReleaseSeq } from './opendata.repository.ts';
import { type CompiledLike, type FlagResult, flagsOf, type RecordLike, winnerConcentration } from './redflags.ts';

export interface FlaggedProcess {
  ocid: string;
  title: string;
  buyer: string | undefined;
  flags: FlagResult[];
}

type Flagged = { assessed: number; flagged: FlaggedProcess[] };

/** Per database, the result for the newest release number it was computed at: releases are only ever appended. */
const computed = new WeakMap<Db, { seq: number; value: Promise<Flagged> }>();

/**
 * The red flags (redflags.ts) applied to the published tender records, as anyone could recompute them from the feed.
 * Returns the processes where at least one indicator fired, and how many processes were assessed. Computing reads and
 * compiles every release, so a public page must not do it per request: it is kept until a new release is published
 * (one indexed `max(seq)` per request tells), in this process.
 */
export async function flaggedProcesses(db: Db): Promise<Flagged> {
  const seq = await lastReleaseSeq(db);
  const hit = computed.get(db);
  if (hit?.seq === seq) return hit.value;
  const value = computeFlagged(db);
  computed.set(db, { seq, value });
  // A failed computation is not kept.
  value.catch(() => computed.delete(db));
  return value;
}

async function computeFlagged(db: Db): Promise<Flagged> {
  const records: (RecordLike & { buyerName?: string })[] = [];
  for (const [ocid, releases] of await allRecords(db)) {
    if (!ocid.includes('-tender-')) continue;
    const compiled = compileReleases(releases) as unknown as CompiledLike & {
      parties?: { id: string; name?: string }[];
    };
    records.push({
      compiled,
      releases: releases.map((r) => ({ date: r.date, tag: r.tag })),
      buyerName: compiled.parties?.find((p) => p.id === compiled.buyer?.id)?.name,
    });
  }
  const concentration = winnerConcentration(records);
  const flagged: FlaggedProcess[] = [];
  for (const r of records) {
    const flags = [...flagsOf(r), concentration.get(r.compiled.ocid)!].filter((f) => f?.status === 'found');
    if (flags.length)
      flagged.push({
        ocid: r.compiled.ocid,
        title: r.compiled.tender?.title ?? r.compiled.ocid,
        buyer: r.buyerName,
        flags,
      });
  }
  return { assessed: records.length, flagged };
}
