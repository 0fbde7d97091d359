import { and, count, desc, eq, min } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { isUuid } from '../errors.ts';
import { mailOutbox } from './mail.schema.ts';

export const MAIL_STATES = ['pending', 'sent', 'failed', 'logged'] as const;
export type MailState = (typeof MAIL_STATES)[number];
export const isMailState = (v: unknown): v is MailState => MAIL_STATES.includes(v as MailState);

export const MAIL_PAGE_SIZE = 50;

export type MailRow = typeof mailOutbox.$inferSelect;
export type MailSummary = Omit<MailRow, 'bodyText'>;

/** One page of the outbox, newest first, optionally of one state; the body is not read for the list. */
export async function listMail(db: Db, f: { state?: MailState; page: number }) {
  const where = f.state ? eq(mailOutbox.status, f.state) : undefined;
  const rows: MailSummary[] = await db
    .select({
      id: mailOutbox.id,
      toAddress: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(where)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(MAIL_PAGE_SIZE)
    .offset((f.page - 1) * MAIL_PAGE_SIZE);
  const [total] = await db.select({ n: count() }).from(mailOutbox).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findMail(db: Db, id: string): Promise<MailRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row;
}

/** How many mails gave up after every retry, and since when: the Admin Sistem's work queue. */
export async function failedMailBacklog(db: Db) {
  const [row] = await db
    .select({ n: count(), oldest: min(mailOutbox.createdAt) })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'failed')));
  return { count: row?.n ?? 0, oldest: row?.oldest ?? null };
}
