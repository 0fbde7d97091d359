import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import { assertCan } from '../auth/permissions.ts';
import { notFound } from '../errors.ts';
import { auditContext, type Ctx } from '../http/context.ts';
import { findMail, type MailRow } from './mail.repository.ts';
import { mailOutbox } from './mail.schema.ts';

/**
 * Opens one message with its body for the Admin Sistem. The body may hold single-use links (set or reset a password,
 * confirm an e-mail address), so every view is written to the audit trail.
 */
export async function viewMail(ctx: Ctx, id: string): Promise<MailRow> {
  assertCan(ctx.actor, 'mail:read');
  const mail = await findMail(ctx.db, id);
  if (!mail) throw notFound();
  await ctx.db.transaction((tx) =>
    recordAudit(tx, auditContext(ctx), {
      action: 'mail.viewed',
      objectType: 'mail',
      objectId: mail.id,
      summary: { to: mail.toAddress, subject: mail.subject, status: mail.status },
    }),
  );
  return mail;
}

/** Puts a message back in the queue: the worker sends it (or, without SMTP, logs it) again on its next round. */
export async function resendMail(ctx: Ctx, id: string): Promise<MailRow> {
  assertCan(ctx.actor, 'mail:resend');
  return ctx.db.transaction(async (tx) => {
    const mail = await findMail(tx, id);
    if (!mail) throw notFound();
    const now = ctx.clock.now();
    await tx
      .update(mailOutbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, sentAt: null })
      .where(eq(mailOutbox.id, mail.id));
    await recordAudit(tx, auditContext(ctx), {
      action: 'mail.resent',
      objectType: 'mail',
      objectId: mail.id,
      summary: { to: mail.toAddress, subject: mail.subject, previousStatus: mail.status, attempts: mail.attempts },
    });
    return mail;
  });
}
