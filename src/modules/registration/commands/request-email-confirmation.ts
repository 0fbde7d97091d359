import { recordAudit } from '../../../platform/audit/audit.ts';
import { DAY } from '../../../platform/clock.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { issueToken } from '../../accounts/index.ts';
import { queueNotice } from '../mails.ts';

export const CONFIRM_TTL_MS = DAY;
export type RegistrationKindSlug = 'penyedia' | 'non-penyedia';

/**
 * Step one of R30: the applicant gives an e-mail address and receives a single-use link valid for 24 hours. The same
 * answer whether or not the address is known, so the form does not reveal who is registered.
 */
export async function requestEmailConfirmation(ctx: Ctx, input: { email: string; kind: RegistrationKindSlug }) {
  await ctx.db.transaction(async (tx) => {
    const token = await issueToken(tx, ctx.clock, {
      purpose: 'email_confirm',
      ttlMs: CONFIRM_TTL_MS,
      email: input.email,
    });
    const link = `${ctx.config.baseUrl}/daftar/konfirmasi?jenis=${input.kind}&token=${token}`;
    await queueNotice(
      tx,
      ctx.clock,
      ctx.config,
      { email: input.email, name: input.email, locale: ctx.locale },
      { subject: 'reg.mail.confirm.subject', body: 'reg.mail.confirm.body' },
      { link },
    );
    await recordAudit(tx, auditContext(ctx), {
      action: 'registration.email_confirmation_requested',
      objectType: 'email',
      objectId: null,
      summary: { email: input.email, kind: input.kind },
    });
  });
}
