import { assertCan } from '../../../platform/auth/permissions.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { outageExtensionChanges, uploadRow } from '../lifecycle.rules.ts';
import type { ScheduleRow } from '../schedule.ts';
import { holidaySetFrom, loadSchedule } from '../tenders.repository.ts';
import { changeSchedule } from './schedule.ts';
import { assertAnnouncedRunning, bundleOfTender, tenderOfPokja } from './support.ts';

/**
 * Moves the end of the upload stage later, and the stages after it with it (each kept at its minimum, after its
 * anchor), through the ordinary schedule change: checked, kept in the history with the reason, audited. Used by the
 * Pokja before an addendum (item 7) and by the outage extension (item 9). Runs in the caller's transaction when given
 * one (`ctx.db`).
 */
export async function extendUploadStage(
  ctx: Ctx,
  tenderId: string,
  newEnd: Date,
  reason: string,
): Promise<{ schedule: ScheduleRow[]; deltaMs: number }> {
  assertCan(ctx.actor, 'tenders:schedule');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const t = await tenderOfPokja(tx, actor, tenderId);
    assertAnnouncedRunning(t);
    const bundle = bundleOfTender(t);
    const schedule = await loadSchedule(tx, tenderId);
    const upload = uploadRow(bundle, schedule);
    if (!upload) throw conflict('TENDER_NO_UPLOAD_STAGE', 'tenders.refused.noUploadStage');
    const deltaMs = newEnd.getTime() - upload.end.getTime();
    if (deltaMs <= 0)
      throw badRequest('TENDER_EXTENSION_NOT_LATER', 'tenders.refused.extensionNotLater', {}, { field: 'end' });
    const changes = outageExtensionChanges(bundle, schedule, deltaMs, await holidaySetFrom(tx, schedule[0]!.start));
    const out = await changeSchedule({ ...ctx, db: tx }, tenderId, changes, reason);
    return { schedule: out, deltaMs };
  });
}
