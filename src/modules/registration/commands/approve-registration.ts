import { eq } from 'drizzle-orm';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { isRole } from '../../../platform/auth/roles.ts';
import { notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { activateAccount, findUserById, grantRoleTx } from '../../accounts/index.ts';
import { queueNotice } from '../mails.ts';
import { regErrors } from '../registration.errors.ts';
import { currentDocuments, lockRegistration } from '../registration.repository.ts';
import { registrations, vendors } from '../registration.schema.ts';
import { recordStep } from './steps.ts';

/**
 * Approval by the Unit Registrasi dan Verifikasi (R33, Pasal 10(3)): only once every document's original has been
 * ticked. It activates the User ID of the responsible person and gives the role the request asked for; for officials
 * the separation-of-duties rule (R22, Pasal 13(3)) is checked by grantRoleTx and refuses the approval on a clash.
 */
export async function approveRegistration(ctx: Ctx, input: { registrationId: string }) {
  assertCan(ctx.actor, 'registration:verify');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const reg = await lockRegistration(tx, input.registrationId);
    if (!reg) throw notFound();
    if (reg.status !== 'submitted') throw regErrors.notSubmitted();
    const docs = await currentDocuments(tx, reg.id);
    if (docs.some((d) => !d.row.originalChecked)) throw regErrors.originalsMissing();
    const user = await findUserById(tx, reg.userId);
    if (!user) throw notFound();
    const now = ctx.clock.now();
    const role = reg.kind === 'vendor' ? 'PENYEDIA' : reg.requestedRole;
    if (!isRole(role)) throw regErrors.notSubmitted();
    await grantRoleTx(tx, ctx, { userId: user.id, role, agencyId: reg.kind === 'vendor' ? null : reg.agencyId });
    const wasPending = user.status === 'pending';
    await activateAccount(
      tx,
      now,
      user.id,
      reg.kind === 'official' ? { nip: reg.nip ?? null, position: reg.position ?? null } : undefined,
    );
    if (reg.kind === 'vendor')
      await tx.update(vendors).set({ verifiedAt: now }).where(eq(vendors.registrationId, reg.id));
    await tx
      .update(registrations)
      .set({ status: 'approved', decidedAt: now, decidedBy: actor.userId, decisionReason: null, updatedAt: now })
      .where(eq(registrations.id, reg.id));
    await recordStep(tx, auditContext(ctx), {
      registrationId: reg.id,
      action: 'approved',
      details: { userId: user.id, role, activated: wasPending },
    });
    await queueNotice(
      tx,
      ctx.clock,
      ctx.config,
      user,
      { subject: 'reg.mail.approved.subject', body: 'reg.mail.approved.body' },
      { number: reg.number, username: user.username },
    );
  });
}
