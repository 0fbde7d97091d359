import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { badRequest } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { outageIncidents } from '../tenders.schema.ts';

/**
 * Issue 9 item 9 (Perka LKPP 1/2015): LPSE staff record a technical disruption — start, end and what failed. The
 * record is what a Pokja cites to extend an upload stage. Global (the LPSE serves every agency); audited.
 */
export async function recordOutage(ctx: Ctx, input: { start: Date; end: Date; what: string }): Promise<string> {
  assertCan(ctx.actor, 'outages:record');
  const actor = ctx.actor;
  if (input.end.getTime() <= input.start.getTime())
    throw badRequest('OUTAGE_END_BEFORE_START', 'tenders.outage.endBeforeStart', {}, { field: 'end' });
  if (input.start.getTime() > ctx.clock.now().getTime())
    throw badRequest('OUTAGE_IN_FUTURE', 'tenders.outage.inFuture', {}, { field: 'start' });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(outageIncidents)
      .values({
        startsAt: input.start,
        endsAt: input.end,
        what: input.what.trim(),
        recordedBy: actor.userId,
        recordedAt: ctx.clock.now(),
      })
      .returning({ id: outageIncidents.id });
    await recordAudit(tx, auditContext(ctx), {
      action: 'outage.recorded',
      objectType: 'outage',
      objectId: row!.id,
      summary: { start: input.start.toISOString(), end: input.end.toISOString(), what: input.what.trim() },
    });
    return row!.id;
  });
}
