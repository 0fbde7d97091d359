import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on a loopback port, in-process, for tests: mail goes through nodemailer over TCP exactly as in
 * production, and the test reads what arrived.
 */
export async function startTestSmtp(opts: { failFirst?: number } = {}) {
  const inbox: ReceivedMail[] = [];
  let toFail = opts.failFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (toFail > 0) {
          toFail -= 1;
          const err = new Error('451 coba lagi nanti') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    /** The decoded text of the last message delivered to `to`, as a person would read the link out of it. */
    lastTo(to: string): string | undefined {
      const mail = [...inbox].reverse().find((m) => m.to.some((r) => r.toLowerCase() === to.toLowerCase()));
      return mail && mailText(mail.raw);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type TestSmtp = Awaited<ReturnType<typeof startTestSmtp>>;

/** The mail text with quoted-printable soft breaks and escapes undone, so links can be read out of it. */
export function mailText(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}
