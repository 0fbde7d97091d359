import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { type Locale, translator } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import type { MessageKey } from '../../registry.ts';

export interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: Locale;
}

/**
 * Queues a SULAP notice to each recipient in their own language, inside the caller's transaction. The mail names the
 * package and links to it; it never carries the HPS or a document (they stay behind the sign-in).
 */
export async function notify(
  tx: Db,
  clock: Clock,
  config: Pick<Config, 'lpseName' | 'baseUrl'>,
  recipients: readonly Recipient[],
  keys: { subject: MessageKey; body: MessageKey },
  params: Record<string, string | number>,
) {
  const seen = new Set<string>();
  for (const to of recipients) {
    if (seen.has(to.id)) continue;
    seen.add(to.id);
    const t = translator(to.locale);
    const all = { name: to.name, lpse: config.lpseName, base: config.baseUrl, ...params };
    await enqueueMail(tx, clock, { to: to.email, subject: t(keys.subject, all), text: t(keys.body, all) });
  }
}
