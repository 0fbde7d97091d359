import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF made by pdfmake: inflate each content stream, then join the hex strings of its text operators —
 * enough to assert that a Berita Acara or a receipt names a hash or a vendor. Only for the PDFs this platform writes.
 */
export function pdfText(bytes: Buffer): string {
  let out = '';
  const raw = bytes.toString('latin1');
  const re = /stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let body: string;
    try {
      body = inflateSync(bytes.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const h of body.matchAll(/<([0-9a-fA-F]+)>/g)) out += Buffer.from(h[1]!, 'hex').toString('latin1');
    for (const s of body.matchAll(/\((.*?)\)\s*Tj/g)) out += s[1];
  }
  return out;
}
