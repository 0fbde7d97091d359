import { eq, sql } from 'drizzle-orm';
import { DAY, HOUR, MINUTE } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { formatRupiah, isMessageKey } from '../../platform/i18n/i18n.ts';
import { defineJob } from '../../platform/jobs/jobs.ts';
import {
  participantUsersOf,
  pokjaUsersOf,
  stagesStartedBetween,
  tendersAnnouncedBetween,
  uploadStagesEndingBetween,
} from '../tenders/index.ts';
import { allSavedSearches } from './notifications.repository.ts';
import { type NotificationParam, noticeCursors } from './notifications.schema.ts';
import { type NotifyEnv, notify } from './notify.ts';
import { matchesSearch } from './saved-search.ts';

/** How often the notice job runs: a notice is at most this late. */
export const NOTICE_EVERY_MS = 10 * MINUTE;
/** After a long stop, events older than this are no longer worth a notice (a "stage opened" a week ago is noise). */
export const MAX_LOOKBACK_MS = DAY;
/**
 * Each window starts this much before the previous one ended: a tender announced in a transaction that committed
 * just after a run read the table is still seen. The dedupe keys make the overlap harmless.
 */
export const OVERLAP_MS = 10 * MINUTE;
/** Deadline reminders before the end of the upload stage: H-1 day and H-3 hours. */
export const REMIND_DAY_MS = DAY;
export const REMIND_HOURS_MS = 3 * HOUR;

const CURSOR = 'tender_notices';
// Any fixed number not used by another advisory lock (the audit trail holds 7_305_114): one pass at a time.
const NOTICE_LOCK_KEY = 7_305_116;

export interface NoticeCounts {
  stageNotices: number;
  reminders: number;
  searchAlerts: number;
}

const stageParam = (code: string, name: string): NotificationParam => {
  const key = `tenders.stage.${code}`;
  return isMessageKey(key) ? { key } : name;
};

/**
 * One pass of the tender notices (issue 9 item 10), computed from the Clock and the tenders' schedules — no job moves
 * a tender, this one only tells people:
 * (a) every stage of a running tender that started since the last pass: its participants (by mail too) and its Pokja
 *     members (inbox only);
 * (b) upload stages ending within a day (H-1) or within 3 hours (H-3 jam): each participant, by mail too; a moved
 *     deadline (an outage extension) is a new deadline and gets its own reminders;
 * (c) tenders announced since the last pass: each vendor whose saved search matches, once per tender.
 * Idempotent: every notice has a dedupe key per recipient, so a re-run (or the overlap of windows) tells nobody twice.
 */
export async function runTenderNotices(env: NotifyEnv & { db: Db }): Promise<NoticeCounts> {
  return env.db.transaction(async (tx) => {
    const now = env.clock.now();
    await tx.execute(sql`select pg_advisory_xact_lock(${NOTICE_LOCK_KEY})`);
    const [cursor] = await tx.select().from(noticeCursors).where(eq(noticeCursors.kind, CURSOR));
    const floor = now.getTime() - MAX_LOOKBACK_MS;
    const since = new Date(Math.max(cursor?.until.getTime() ?? floor, floor) - OVERLAP_MS);
    const counts: NoticeCounts = { stageNotices: 0, reminders: 0, searchAlerts: 0 };

    // (a) stage openings
    const started = await stagesStartedBetween(tx, since, now);
    const ids = [...new Set(started.map((s) => s.tenderId))];
    const participants = await participantUsersOf(tx, ids);
    const pokja = await pokjaUsersOf(tx, ids);
    for (const s of started) {
      const params = {
        kode: s.kode,
        nama: s.nama,
        stage: stageParam(s.stage, s.stageName),
        end: { at: s.endsAt.toISOString() },
      };
      const dedupeKey = `tender:${s.tenderId}:stage:${s.stage}:opened`;
      counts.stageNotices += (
        await notify(tx, env, {
          userIds: participants.get(s.tenderId) ?? [],
          key: 'notifications.msg.stageOpened',
          params,
          link: `/tender/${encodeURIComponent(s.kode)}`,
          dedupeKey,
          email: true,
        })
      ).length;
      counts.stageNotices += (
        await notify(tx, env, {
          userIds: pokja.get(s.tenderId) ?? [],
          key: 'notifications.msg.stageOpened',
          params,
          link: `/kelola/tender/${s.tenderId}`,
          dedupeKey,
          email: false,
        })
      ).length;
    }

    // (b) deadline reminders
    const ending = await uploadStagesEndingBetween(tx, now, new Date(now.getTime() + REMIND_DAY_MS));
    const bidders = await participantUsersOf(tx, [...new Set(ending.map((s) => s.tenderId))]);
    for (const s of ending) {
      const soon = s.endsAt.getTime() - now.getTime() <= REMIND_HOURS_MS;
      counts.reminders += (
        await notify(tx, env, {
          userIds: bidders.get(s.tenderId) ?? [],
          key: soon ? 'notifications.msg.deadlineHours' : 'notifications.msg.deadlineDay',
          params: {
            kode: s.kode,
            nama: s.nama,
            stage: stageParam(s.stage, s.stageName),
            end: { at: s.endsAt.toISOString() },
          },
          link: `/tender/${encodeURIComponent(s.kode)}`,
          // The deadline itself is in the key: an extended stage is reminded again for its new end.
          dedupeKey: `tender:${s.tenderId}:deadline:${s.stage}:${s.endsAt.toISOString()}:${soon ? 'h3' : 'h1'}`,
          email: true,
        })
      ).length;
    }

    // (c) saved-search alerts
    const announced = await tendersAnnouncedBetween(tx, since, now);
    if (announced.length > 0) {
      const searches = await allSavedSearches(tx);
      for (const t of announced) {
        // One alert per person and tender, naming the first of their searches that matched.
        const byUser = new Map<string, string>();
        for (const s of searches) if (!byUser.has(s.userId) && matchesSearch(s, t)) byUser.set(s.userId, s.nama);
        for (const [userId, search] of byUser) {
          counts.searchAlerts += (
            await notify(tx, env, {
              userIds: [userId],
              key: 'notifications.msg.searchMatch',
              params: { search, kode: t.kode, nama: t.nama, hps: t.hps === null ? '—' : formatRupiah(t.hps) },
              link: `/tender/${encodeURIComponent(t.kode)}`,
              dedupeKey: `tender:${t.tenderId}:search`,
              email: true,
            })
          ).length;
        }
      }
    }

    await tx
      .insert(noticeCursors)
      .values({ kind: CURSOR, until: now })
      .onConflictDoUpdate({
        target: noticeCursors.kind,
        set: { until: sql`greatest(${noticeCursors.until}, excluded.until)` },
      });
    return counts;
  });
}

/** Every 10 minutes (at :02, :12, …): the pass above. */
export const tenderNoticesJob = defineJob({
  kind: 'notifications.tender_notices',
  recurring: { everyMs: NOTICE_EVERY_MS, offsetMs: 2 * MINUTE },
  run: async (ctx) => {
    const counts = await runTenderNotices(ctx);
    if (counts.stageNotices + counts.reminders + counts.searchAlerts > 0) ctx.log.info(counts, 'pemberitahuan tender');
  },
});
