import type { Db } from '../../platform/db/database.ts';
import { compileReleases } from './merge.ts';
import { allRecords } from './opendata.repository.ts';
import { type CompiledLike, type FlagResult, flagsOf, type RecordLike, winnerConcentration } from './redflags.ts';

export interface FlaggedProcess {
  ocid: string;
  title: string;
  buyer: string | undefined;
  flags: FlagResult[];
}

/**
 * The red flags (redflags.ts) applied to the published tender records, as anyone could recompute them from the feed.
 * Returns the processes where at least one indicator fired, and how many processes were assessed. Reads every
 * release: fine at a regency's scale (hundreds of tenders a year); cache it before it is not.
 */
export async function flaggedProcesses(db: Db): Promise<{ assessed: number; flagged: FlaggedProcess[] }> {
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
