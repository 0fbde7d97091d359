import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { notFound, unauthenticated } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { notifications } from '../notifications.schema.ts';

/**
 * Marks one of the signed-in person's own notifications as read. Someone else's (or an unknown id) is 404: the
 * answer does not reveal that the notification exists. Marking a read one again changes nothing.
 */
export async function markRead(ctx: Ctx, notificationId: string): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  await ctx.db.transaction(async (tx) => {
    const [own] = await tx
      .select({ id: notifications.id, readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, notificationId), eq(notifications.userId, actor.userId)));
    if (!own) throw notFound();
    if (own.readAt) return;
    await tx.update(notifications).set({ readAt: ctx.clock.now() }).where(eq(notifications.id, own.id));
    await recordAudit(tx, auditContext(ctx), {
      action: 'notification.read',
      objectType: 'notification',
      objectId: own.id,
      summary: { count: 1 },
    });
  });
}

/** Marks every unread notification of the signed-in person as read; returns how many. */
export async function markAllRead(ctx: Ctx): Promise<number> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: ctx.clock.now() })
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length > 0) {
      await recordAudit(tx, auditContext(ctx), {
        action: 'notification.read',
        objectType: 'user',
        objectId: actor.userId,
        summary: { count: rows.length },
      });
    }
    return rows.length;
  });
}
