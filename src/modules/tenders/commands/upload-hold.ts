import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import { DAY, MINUTE } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import { outageExtensionChanges, uploadRow } from '../lifecycle.rules.ts';
import { bundleOf } from '../methods/index.ts';
import { mailParticipants } from '../notify.ts';
import { blockingQuestions } from '../participation.repository.ts';
import { invalidatePublicTenders } from '../public-cache.ts';
import { checkScheduleChange } from '../schedule.ts';
import { holidaySetFrom, loadSchedule } from '../tenders.repository.ts';
import { tenderQuestions, tenders } from '../tenders.schema.ts';
import { writeScheduleDiff } from './schedule.ts';

/** The hold is applied this long before the upload stage would end, so no bid meets a deadline that then moves. */
export const UPLOAD_HOLD_LEAD_MS = 15 * MINUTE;
/** Each hold moves the end of the upload stage (and the stages after it) by this much. */
export const UPLOAD_HOLD_MS = DAY;
export const UPLOAD_HOLD_REASON =
  'Ditahan otomatis: masih ada pertanyaan pemberian penjelasan yang belum dijawab Pokja (tahap upload tidak boleh berakhir sebelum semua pertanyaan dijawab)';

const SYSTEM = { userId: null, name: 'Sistem', role: null };

/**
 * Issue 9 item 6: the upload stage cannot end while a participant's question is unanswered. Vendors price their bid on
 * the answers, so when the end is less than UPLOAD_HOLD_LEAD_MS away and a question still waits, the system moves the
 * end (and the stages after it, each kept at its minimum) one day later, through the ordinary schedule history with
 * its reason, and tells the participants. It repeats while a question waits; a hold already given stays after the
 * answer (the vendors get that time to use it). Idempotent: a tender held once is no longer within the lead time.
 * Returns the ids of the tenders held.
 */
export async function holdUploadsForQuestions(db: Db, clock: Clock): Promise<string[]> {
  const now = clock.now();
  const candidates = await db
    .selectDistinct({ id: tenders.id })
    .from(tenders)
    .innerJoin(tenderQuestions, eq(tenderQuestions.tenderId, tenders.id))
    .where(and(eq(tenders.status, 'berlangsung'), isNotNull(tenders.announcedAt), isNull(tenderQuestions.answeredAt)));
  const held: string[] = [];
  for (const { id } of candidates) {
    const done = await db.transaction(async (tx) => {
      // One hold at a time per tender, even with two processes running the job.
      const [t] = await tx.select().from(tenders).where(eq(tenders.id, id)).for('update');
      const bundle = t ? bundleOf(t.bundleId, t.bundleVersion) : undefined;
      if (!t || !bundle) return false;
      const schedule = await loadSchedule(tx, id);
      const upload = uploadRow(bundle, schedule);
      if (!upload) return false;
      const left = upload.end.getTime() - now.getTime();
      if (left <= 0 || left > UPLOAD_HOLD_LEAD_MS) return false;
      const waiting = (await blockingQuestions(tx, id)).length;
      if (waiting === 0) return false;
      const holidays = await holidaySetFrom(tx, schedule[0]!.start);
      const changes = outageExtensionChanges(bundle, schedule, UPLOAD_HOLD_MS, holidays);
      const out = checkScheduleChange(bundle, schedule, changes, now, holidays);
      if (!out.ok) return false;
      await writeScheduleDiff(tx, { clock, actor: SYSTEM, requestId: null }, t, out.diff, UPLOAD_HOLD_REASON);
      const newEnd = out.schedule.find((r) => r.stage === upload.stage)!.end;
      await mailParticipants(
        tx,
        { clock },
        id,
        { subject: 'tenders.mail.uploadHeld.subject', body: 'tenders.mail.uploadHeld.body' },
        { kode: t.kode ?? '', nama: t.nama, count: waiting, end: formatDateTime(newEnd, 'id') },
      );
      return true;
    });
    if (done) held.push(id);
  }
  if (held.length > 0) invalidatePublicTenders();
  return held;
}

/** Every minute: the hold above must act inside its lead time. */
export const uploadHoldJob = defineJob({
  kind: 'tenders.upload_hold',
  recurring: { everyMs: MINUTE, offsetMs: 0 },
  run: async (ctx) => {
    const held = await holdUploadsForQuestions(ctx.db, ctx.clock);
    if (held.length > 0) ctx.log.info({ tenders: held }, 'tahap upload ditahan: pertanyaan belum dijawab');
  },
});
