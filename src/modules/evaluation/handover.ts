import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { defineJob } from '../../platform/jobs/jobs.ts';
import { contractAwards } from '../contracts/contracts.schema.ts';
import { acceptAward } from '../contracts/index.ts';
import { evalAwards } from './evaluation.schema.ts';
import { awardOf } from './readers.ts';

/**
 * The hand-over to the PPK (R12): once a winner stands — announced, the masa sanggah over, every sanggah and banding
 * answered (`awardOf`) — the contracts module receives it and the PPK can issue the SPPBJ. A bundle without a masa
 * sanggah (`sanggah: null`: Tender Cepat, Pengadaan/Penunjukan Langsung) has nothing to wait for after the
 * announcement — for a non-tender, the penetapan itself (`isAnnounced`) — so its award is handed over at the next run
 * after the decision. Nobody has to click: the
 * standing of an award changes with the clock, so a job looks every few minutes. Each award is handed over once (the
 * contracts module refuses a second active winner for a tender); returns how many were handed over.
 */
export async function handOverStandingAwards(db: Db, clock: Clock): Promise<number> {
  const pending = await db
    .select({ tenderId: evalAwards.tenderId })
    .from(evalAwards)
    .leftJoin(contractAwards, eq(contractAwards.tenderId, evalAwards.tenderId))
    .where(and(isNull(evalAwards.withdrawnAt), isNull(contractAwards.id)));
  let handed = 0;
  for (const { tenderId } of pending) {
    const award = await awardOf(db, tenderId, clock.now());
    if (!award) continue;
    await db.transaction((tx) =>
      acceptAward(tx, {
        tenderId,
        vendorId: award.vendorId,
        nilaiPenawaran: award.nilaiPenawaran,
        nilaiTerkoreksi: award.nilaiTerkoreksi,
        nilaiNegosiasi: award.nilaiNegosiasi,
        decidedAt: award.decidedAt,
        decidedBy: award.decidedBy,
      }),
    );
    handed++;
  }
  return handed;
}

export const awardHandoverJob = defineJob({
  kind: 'evaluation.award_handover',
  recurring: { everyMs: 5 * 60_000 },
  async run({ db, clock }) {
    await handOverStandingAwards(db, clock);
  },
});
