import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { type Locale, translator } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import type { MessageKey } from '../../registry.ts';
import { users } from '../accounts/accounts.schema.ts';
import { tenderParticipants } from './tenders.schema.ts';

/**
 * Mails every participant of a tender (the user who accepted the Pakta Integritas), in that user's language, through
 * the outbox in the caller's transaction: sent by the worker only if the change commits. `params` get `name` added.
 */
export async function mailParticipants(
  tx: Db,
  ctx: Pick<Ctx, 'clock'>,
  tenderId: string,
  keys: { subject: MessageKey; body: MessageKey },
  params: Record<string, string | number>,
): Promise<number> {
  const rows = await tx
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(tenderParticipants)
    .innerJoin(users, eq(users.id, tenderParticipants.userId))
    .where(eq(tenderParticipants.tenderId, tenderId));
  for (const u of rows) {
    const t = translator(u.locale as Locale);
    const p = { ...params, name: u.name };
    await enqueueMail(tx, ctx.clock, { to: u.email, subject: t(keys.subject, p), text: t(keys.body, p) });
  }
  return rows.length;
}
