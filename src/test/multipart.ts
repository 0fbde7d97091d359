import type { Agent } from './agent.ts';

/** The smallest valid PDF: passes the magic-byte check of every document class that takes PDFs. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export interface TestFile {
  /** The file name the browser sends. */
  name: string;
  data: Buffer;
  /** Content-Type of the part; default application/pdf (the server sniffs the bytes anyway). */
  type?: string;
}

/**
 * Posts a multipart form as a browser sends it, with the agent's cookies; the CSRF token goes in the query string
 * (the platform rule for uploads, whose body is a stream).
 */
export async function postMultipart(
  agent: Agent,
  url: string,
  fields: Record<string, string>,
  files: Record<string, TestFile> = {},
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
