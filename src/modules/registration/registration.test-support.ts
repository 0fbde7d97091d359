import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Agent } from '../../test/agent.ts';

/** A real SMTP server in-process: the tests read the confirmation link from the delivered message, as a person would. */
export async function startSmtp() {
  const messages: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push(Buffer.concat(chunks).toString('utf8'));
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** The decoded text of the last message sent to `to` (quoted-printable soft breaks and escapes undone). */
    lastTo(to: string): string | undefined {
      const raw = [...messages].reverse().find((m) => m.toLowerCase().includes(`to: ${to.toLowerCase()}`));
      return raw
        ?.replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A multipart form as a browser sends it; the CSRF token goes in the query string (platform rule for uploads). */
export async function postMultipart(
  agent: Agent,
  url: string,
  fields: Record<string, string>,
  files: Record<string, { name: string; data: Buffer; type?: string }> = {},
) {
  const boundary = `----lpse${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const [k, f] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/pdf'}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const sep = url.includes('?') ? '&' : '?';
  return agent.request({
    method: 'POST',
    url: `${url}${sep}_csrf=${encodeURIComponent(agent.csrf ?? '')}`,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

export const VALID_VENDOR = {
  name: 'Bahari Wawonii Konstruksi',
  businessForm: 'CV',
  npwp: '01.234.567.8-912.000',
  nib: '9120301234567',
  address: 'Jl. Poros Langara No. 12',
  city: 'Konawe Kepulauan',
  postalCode: '93393',
  phone: '0401 3123456',
  email: 'kantor@bahari.co.id',
  picName: 'La Ode Bahari',
  picNik: '7402011203850001',
  picPosition: 'Direktur',
  ktp_number: '7402011203850001',
  akta_pendirian_number: '12',
  akta_pendirian_date: '2015-04-01',
  akta_pendirian_issuer: 'Notaris Hj. Wa Ode Sitti, S.H.',
  akta_perubahan_number: '7',
  akta_perubahan_date: '2022-08-17',
  akta_perubahan_issuer: 'Notaris Hj. Wa Ode Sitti, S.H.',
  izin_usaha_number: 'NIB-9120301234567',
  izin_usaha_date: '2020-01-15',
  izin_usaha_issuer: 'OSS RBA',
  izin_usaha_until: '2030-01-15',
};

/** One distinct, valid PDF per document, so each upload is its own blob. */
export const vendorFiles = (tag: string) =>
  Object.fromEntries(
    ['ktp', 'akta_pendirian', 'npwp', 'izin_usaha'].map((c) => [
      `doc_${c}`,
      { name: `${c}.pdf`, data: Buffer.concat([PDF, Buffer.from(`%${tag}-${c}\n`)]) },
    ]),
  );
