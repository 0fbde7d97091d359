import { and, eq, isNull } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { defineJob } from '../../platform/jobs/jobs.ts';
import { contractAwards } from '../contracts/contracts.schema.ts';
import { evalAwards } from '../evaluation/evaluation.schema.ts';
import { tenders } from '../tenders/tenders.schema.ts';
import { awardIdOf } from './mappers/evaluation.ts';
import { tenderSections } from './mappers/tender.ts';
import { publicationOf } from './ocds.ts';
import { awardPublished } from './publish.ts';

const SYSTEM = { userId: null, name: 'Sistem', role: null };

/**
 * The winner announced (Pengumuman Pemenang): no command marks it — the stage starts with the clock — so a job looks
 * for decided awards (not withdrawn, not yet handed to the PPK) whose announcement has started and that no release
 * carries yet, and records `opendata.award_announced`; its subscriber writes the `award` release (award `pending`
 * during the masa sanggah) in that transaction, under the audit trail's lock like every release. Returns how many.
 */
export async function announceWinners(db: Db, clock: Clock, config?: Config): Promise<number> {
  const pending = await db
    .select({ id: evalAwards.id, tenderId: evalAwards.tenderId, kode: tenders.kode })
    .from(evalAwards)
    .innerJoin(tenders, eq(tenders.id, evalAwards.tenderId))
    .leftJoin(contractAwards, eq(contractAwards.tenderId, evalAwards.tenderId))
    .where(and(isNull(evalAwards.withdrawnAt), isNull(contractAwards.id)));
  const pub = publicationOf({ config });
  let announced = 0;
  for (const a of pending) {
    const now = clock.now();
    const awardId = awardIdOf(a.id);
    const done = await db.transaction(async (tx) => {
      const s = await tenderSections(tx, a.tenderId, pub, now);
      if (!s?.body.awards.some((x) => x.id === awardId && x.status === 'pending')) return false;
      if (await awardPublished(tx, s.ocid, awardId)) return false;
      await recordAudit(
        tx,
        { clock, actor: SYSTEM, requestId: null, config },
        {
          action: 'opendata.award_announced',
          objectType: 'tender',
          objectId: a.tenderId,
          summary: { kode: a.kode ?? '', award: awardId },
        },
      );
      return true;
    });
    if (done) announced++;
  }
  return announced;
}

/** Every 5 minutes, like the evaluation's hand-over: a winner is in the feed at most 5 minutes after its announcement. */
export const awardAnnouncementJob = defineJob({
  kind: 'opendata.award_announcement',
  recurring: { everyMs: 5 * 60_000 },
  async run({ db, clock, config }) {
    await announceWinners(db, clock, config);
  },
});
