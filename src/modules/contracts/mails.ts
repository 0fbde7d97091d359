import { eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import type { MessageKey } from '../../registry.ts';
import { users } from '../accounts/accounts.schema.ts';

/**
 * Queues a notice to one user in their language, inside the caller's transaction (sent by the worker after commit).
 * It names the package and links to the page; values and reasons stay behind the sign-in.
 */
export async function notifyUser(
  tx: Db,
  clock: Clock,
  config: Pick<Config, 'lpseName' | 'baseUrl'>,
  userId: string,
  keys: { subject: MessageKey; body: MessageKey },
  params: Record<string, string>,
) {
  const [u] = await tx
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId));
  if (!u) return;
  const t = translator(u.locale ?? 'id');
  const all = { name: u.name, lpse: config.lpseName, base: config.baseUrl, ...params };
  await enqueueMail(tx, clock, { to: u.email, subject: t(keys.subject, all), text: t(keys.body, all) });
}
