import { hashPassword, sha256Hex } from '../../../platform/auth/tokens.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import {
  consumeToken,
  countTokenAttempt,
  createPendingAccount,
  findUsableToken,
  findUserByUsername,
} from '../../accounts/index.ts';
import { createRegistrantSession, registrantAudit } from '../registrant.ts';
import { regErrors } from '../registration.errors.ts';
import { nextRegistrationNumber } from '../registration.repository.ts';
import { registrations, vendors } from '../registration.schema.ts';
import { recordStep } from './steps.ts';

/** How many "User ID already taken" answers one confirmation link gives before it is used up. */
export const MAX_TAKEN_TRIES = 5;

export async function assertConfirmTokenUsable(ctx: Ctx, token: string) {
  const row = await findUsableToken(ctx.db, sha256Hex(token), 'email_confirm', ctx.clock.now());
  if (!row?.email) throw regErrors.linkInvalid();
  return row.email;
}

/**
 * Step two of R30: the confirmed address becomes a pending User ID with its draft registration. The token is consumed
 * in the same transaction with `used_at is null`, so a double-clicked confirmation creates one account, and a reused
 * or expired link is refused (410).
 */
export async function createRegistrantAccount(
  ctx: Ctx,
  input: { token: string; kind: 'vendor' | 'official'; username: string; name: string; password: string },
): Promise<{ registrationId: string; sessionToken: string }> {
  const email = await assertConfirmTokenUsable(ctx, input.token);
  if (await findUserByUsername(ctx.db, input.username)) {
    // Each "already taken" answer uses up one of the link's few tries: the form cannot probe User IDs at length.
    await countTokenAttempt(ctx.db, sha256Hex(input.token), MAX_TAKEN_TRIES, ctx.clock.now());
    throw regErrors.usernameTaken();
  }
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (!(await consumeToken(tx, sha256Hex(input.token), now))) throw regErrors.linkInvalid();
    if (await findUserByUsername(tx, input.username)) throw regErrors.usernameTaken();
    const user = await createPendingAccount(tx, now, {
      username: input.username,
      name: input.name,
      email,
      passwordHash,
      locale: ctx.locale,
    });
    const [reg] = await tx
      .insert(registrations)
      .values({
        number: await nextRegistrationNumber(tx, now),
        kind: input.kind,
        userId: user.id,
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (input.kind === 'vendor') {
      await tx
        .insert(vendors)
        .values({ registrationId: reg!.id, userId: user.id, email, createdAt: now, updatedAt: now });
    }
    const audit = registrantAudit(ctx, { userId: user.id, name: user.name });
    await recordStep(tx, audit, {
      registrationId: reg!.id,
      action: 'created',
      details: { number: reg!.number, kind: input.kind, username: user.username, email },
    });
    const sessionToken = await createRegistrantSession(tx, ctx.clock, reg!.id);
    return { registrationId: reg!.id, sessionToken };
  });
}
