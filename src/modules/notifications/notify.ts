import { and, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { formatDateTime, isMessageKey, type Locale, translator } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { users } from '../accounts/accounts.schema.ts';
import { type NotificationParams, notifications } from './notifications.schema.ts';

export interface NotifyInput {
  userIds: readonly string[];
  /** A catalogue key (`notifications.msg.*` or any module's), rendered in each reader's language. */
  key: string;
  params?: NotificationParams;
  /** A site-relative path the notification leads to. */
  link?: string | null;
  /** Unique per recipient: a second `notify` with the same key for the same person does nothing. */
  dedupeKey: string;
  /** Also queue an e-mail (through the platform outbox, in the same transaction) to each newly notified person. */
  email: boolean;
}

/** What `notify` needs besides the transaction: `Ctx` and `JobContext` both fit. */
export interface NotifyEnv {
  clock: Clock;
  config: Pick<Config, 'baseUrl' | 'lpseName'>;
}

/** Renders a notification's message in `locale`: nested keys translated, instants in WITA. */
export function renderMessage(locale: Locale, key: string, params: NotificationParams): string {
  const t = translator(locale);
  const flat: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(params)) {
    if (typeof v === 'string' || typeof v === 'number') flat[name] = v;
    else if ('key' in v) flat[name] = isMessageKey(v.key) ? t(v.key) : v.key;
    else flat[name] = formatDateTime(new Date(v.at), locale);
  }
  return isMessageKey(key) ? t(key, flat) : key;
}

/**
 * Puts a notification in the inbox of each active user of `userIds` and, with `email`, queues a mail to each in
 * their own language — inside the caller's transaction, so the notice exists exactly when the change that caused it
 * commits. Idempotent per (user, dedupeKey): returns the users newly notified (and mailed).
 */
export async function notify(tx: Db, env: NotifyEnv, input: NotifyInput): Promise<string[]> {
  if (input.link && !/^\/(?![/\\])/.test(input.link))
    throw new Error(`notify: link must be site-relative: ${input.link}`);
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return [];
  const recipients = await tx
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.status, 'active')));
  if (recipients.length === 0) return [];
  const now = env.clock.now();
  const params = input.params ?? {};
  const inserted = await tx
    .insert(notifications)
    .values(
      recipients.map((r) => ({
        userId: r.id,
        messageKey: input.key,
        params,
        link: input.link ?? null,
        dedupeKey: input.dedupeKey,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ userId: notifications.userId });
  const fresh = new Set(inserted.map((r) => r.userId));
  if (input.email) {
    for (const r of recipients) {
      if (!fresh.has(r.id)) continue;
      const locale: Locale = r.locale === 'en' ? 'en' : 'id';
      const t = translator(locale);
      const message = renderMessage(locale, input.key, params);
      await enqueueMail(tx, env.clock, {
        to: r.email,
        subject: t('notifications.mail.subject', { lpse: env.config.lpseName, message: clip(message, 120) }),
        text: t('notifications.mail.body', {
          name: r.name,
          message,
          link: input.link ? `${env.config.baseUrl}${input.link}` : `${env.config.baseUrl}/notifikasi`,
          inbox: `${env.config.baseUrl}/notifikasi`,
        }),
      });
    }
  }
  return [...fresh];
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
