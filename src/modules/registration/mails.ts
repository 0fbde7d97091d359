import type { Config } from '../../config.ts';
import type { MessageKey } from '../../locales/id.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { type Locale, translator } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';

/**
 * Queues a notification in the recipient's language (Bahasa Indonesia unless they chose English), inside the
 * caller's transaction. The worker sends it after commit.
 */
export async function queueNotice(
  tx: Db,
  clock: Clock,
  config: Pick<Config, 'lpseName' | 'baseUrl'>,
  to: { email: string; name: string; locale: Locale },
  keys: { subject: MessageKey; body: MessageKey },
  params: Record<string, string | number> = {},
) {
  const t = translator(to.locale);
  const all = { name: to.name, lpse: config.lpseName, base: config.baseUrl, ...params };
  await enqueueMail(tx, clock, { to: to.email, subject: t(keys.subject, all), text: t(keys.body, all) });
}
