import type { Ctx } from '../../../platform/http/context.ts';
import { checkPassword } from '../../accounts/index.ts';
import { createRegistrantSession, registrantAudit } from '../registrant.ts';
import { regErrors } from '../registration.errors.ts';
import { findRegistrationOfUser } from '../registration.repository.ts';
import { recordStep } from './steps.ts';

/**
 * "Save and come back later" (issue 3): a pending applicant signs in with the User ID and password chosen at
 * confirmation and lands on their draft again. Active users use the normal sign-in; the answer for a wrong password,
 * an unknown User ID or an active account is the same.
 */
export async function resumeRegistration(ctx: Ctx, input: { username: string; password: string; ip?: string }) {
  // The same password check as /masuk: one slowdown per User ID and per address, whichever form is used.
  const user = await checkPassword(ctx, { ...input, via: 'daftar/lanjut' }, regErrors.wrongCredentials);
  if (user.status !== 'pending') throw regErrors.wrongCredentials();
  const reg = await findRegistrationOfUser(ctx.db, user.id);
  if (!reg) throw regErrors.wrongCredentials();
  return ctx.db.transaction(async (tx) => {
    await recordStep(tx, registrantAudit(ctx, { userId: user.id, name: user.name }), {
      registrationId: reg.id,
      action: 'resumed',
    });
    return createRegistrantSession(tx, ctx.clock, reg.id);
  });
}
