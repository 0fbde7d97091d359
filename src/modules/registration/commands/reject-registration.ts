import { eq } from 'drizzle-orm';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { findUserById } from '../../accounts/index.ts';
import { queueNotice } from '../mails.ts';
import { regErrors } from '../registration.errors.ts';
import { lockRegistration } from '../registration.repository.ts';
import { registrations } from '../registration.schema.ts';
import { recordStep } from './steps.ts';

/** Rejection with a reason (R33, Pasal 10(3)). The User ID stays pending, so it can never sign in. */
export async function rejectRegistration(ctx: Ctx, input: { registrationId: string; reason: string }) {
  assertCan(ctx.actor, 'registration:verify');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const reg = await lockRegistration(tx, input.registrationId);
    if (!reg) throw notFound();
    if (reg.status !== 'submitted') throw regErrors.notSubmitted();
    const user = await findUserById(tx, reg.userId);
    if (!user) throw notFound();
    const now = ctx.clock.now();
    await tx
      .update(registrations)
      .set({
        status: 'rejected',
        decidedAt: now,
        decidedBy: actor.userId,
        decisionReason: input.reason,
        updatedAt: now,
      })
      .where(eq(registrations.id, reg.id));
    await recordStep(tx, auditContext(ctx), { registrationId: reg.id, action: 'rejected', note: input.reason });
    await queueNotice(
      tx,
      ctx.clock,
      ctx.config,
      user,
      { subject: 'reg.mail.rejected.subject', body: 'reg.mail.rejected.body' },
      { number: reg.number, reason: input.reason },
    );
  });
}
