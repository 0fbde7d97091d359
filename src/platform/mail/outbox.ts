import { and, asc, eq, lte } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { mailFooter } from '../ui/site.ts';
import { mailOutbox } from './mail.schema.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Writes a mail into the outbox inside the caller's transaction; the worker delivers it after commit. */
export async function enqueueMail(tx: Db, clock: Clock, mail: Mail): Promise<void> {
  const now = clock.now();
  await tx.insert(mailOutbox).values({
    toAddress: mail.to,
    subject: mail.subject,
    // Every mail ends with who sent it and how to reach the helpdesk (the site identity, settings module).
    bodyText: `${mail.text.trimEnd()}\n\n${mailFooter()}\n`,
    nextAttemptAt: now,
    createdAt: now,
  });
}

const MAX_ATTEMPTS = 8;

const LINK_RE = /https?:\/\/[^\s<>"']+/g;

/** The http(s) links of a mail body, in order, without trailing punctuation. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(LINK_RE)].map((m) => m[0].replace(/[.,;:!?)\]]+$/, ''));
}

/**
 * The console notice for a mail kept without SMTP. The JSON log redacts the body (it holds single-use links), so on
 * a machine without SMTP this notice is how a newcomer finds the set-password or confirmation link.
 */
export function unsentMailNotice(
  mail: { id: string; toAddress: string; subject: string; bodyText: string },
  baseUrl: string,
) {
  const links = linksIn(mail.bodyText).map((l) => `  ${l}\n`);
  return (
    `\nSurel untuk ${mail.toAddress} (tanpa SMTP): ${mail.subject}\n${links.join('')}` +
    `  Isi lengkap: ${baseUrl}/admin/surel/${mail.id} (Admin Sistem)\n`
  );
}
/** 30 s, 1 min, 2 min … capped at 1 h: a mail server that is down for a while still gets the mail later. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

export interface MailWorker {
  /** Delivers every due mail once; returns how many were handled. */
  runOnce(): Promise<number>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export function createMailWorker(opts: {
  db: Db;
  clock: Clock;
  log: Logger;
  smtpUrl: string | undefined;
  from: string;
  /**
   * Where to print a short notice of each mail "delivered" without SMTP (the server passes stdout): the recipient,
   * the subject, every link of the body and where to read it. Only without SMTP; never into the JSON log.
   */
  console?: (text: string) => void;
  /** The public address, for the pointer to the outbox page in that notice. */
  baseUrl?: string;
}): MailWorker {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function deliver(): Promise<number> {
    const now = opts.clock.now();
    const due = await opts.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, now)))
      .orderBy(asc(mailOutbox.createdAt))
      .limit(20);
    for (const mail of due) {
      if (!transport) {
        // Without SMTP the mail is logged and kept, so an operator can still read and forward it.
        opts.log.info(
          { mail: { id: mail.id, to: mail.toAddress, subject: mail.subject, text: mail.bodyText } },
          'mail (SMTP belum dikonfigurasi)',
        );
        await opts.db
          .update(mailOutbox)
          .set({ status: 'logged', attempts: mail.attempts + 1, lastError: null })
          .where(eq(mailOutbox.id, mail.id));
        opts.console?.(unsentMailNotice(mail, opts.baseUrl ?? ''));
        continue;
      }
      try {
        await transport.sendMail({ from: opts.from, to: mail.toAddress, subject: mail.subject, text: mail.bodyText });
        await opts.db
          .update(mailOutbox)
          .set({ status: 'sent', sentAt: opts.clock.now(), attempts: mail.attempts + 1, lastError: null })
          .where(eq(mailOutbox.id, mail.id));
      } catch (err) {
        const attempts = mail.attempts + 1;
        opts.log.warn({ err, mailId: mail.id, attempts }, 'pengiriman mail gagal, dicoba lagi nanti');
        await opts.db
          .update(mailOutbox)
          .set({
            attempts,
            lastError: String((err as Error).message).slice(0, 500),
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            nextAttemptAt: new Date(opts.clock.now().getTime() + backoffMs(attempts)),
          })
          .where(eq(mailOutbox.id, mail.id));
      }
    }
    return due.length;
  }

  const worker: MailWorker = {
    runOnce() {
      // Never two deliveries at once: a slow SMTP server must not make the same mail go out twice.
      running ??= deliver().finally(() => {
        running = undefined;
      });
      return running;
    },
    start(intervalMs) {
      timer = setInterval(() => {
        worker.runOnce().catch((err) => opts.log.error({ err }, 'mail worker'));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
      transport?.close();
    },
  };
  return worker;
}
