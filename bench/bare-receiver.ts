/**
 * The surge's ceiling (bench/bids-surge.ts): a bare receiver that does only what the platform cannot skip for a
 * bid's bytes — receive them over node:http, SHA-256 them, write them to a file flushed before each answer — and
 * nothing else: no Fastify, session, database, tus bookkeeping, receipt or audit. Its ingest rate under the same 300
 * clients shows what this machine and Node allow, so the platform's own figure can be read against it.
 *
 * Speaks just enough of the bench's tus: POST (Upload-Length, Upload-Metadata with sha256) → 201 + Location; PATCH
 * with Upload-Offset → 204; the PATCH that brings the last byte answers `Bid-Submission` when the digest matches.
 * Run as `node --import tsx bench/bare-receiver.ts <dir>`; prints `port <n>` once listening.
 */
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.argv[2]!;
const uploads = new Map<string, { size: number; sha256: string; hash: Hash }>();
let next = 0;

const metaField = (header: string | undefined, key: string) => {
  const pair = (header ?? '').split(',').find((p) => p.trim().startsWith(`${key} `));
  return pair ? Buffer.from(pair.trim().slice(key.length + 1), 'base64').toString() : '';
};

http
  .createServer(async (req, res) => {
    try {
      if (req.method === 'POST') {
        const id = String(next++);
        const size = Number(req.headers['upload-length']);
        const sha256 = metaField(req.headers['upload-metadata'] as string, 'sha256');
        uploads.set(id, { size, sha256, hash: createHash('sha256') });
        await fs.writeFile(path.join(dir, id), '');
        req.resume();
        res.writeHead(201, { location: `/u/${id}` }).end();
        return;
      }
      const id = String(req.url).slice('/u/'.length);
      const up = uploads.get(id);
      if (req.method !== 'PATCH' || !up) {
        req.resume();
        res.writeHead(404).end();
        return;
      }
      const offset = Number(req.headers['upload-offset']);
      const out = createWriteStream(path.join(dir, id), { flags: 'r+', start: offset, flush: true });
      let written = 0;
      req.on('data', (c: Buffer) => {
        written += c.length;
        up.hash.update(c);
      });
      await pipeline(req, out);
      const done = offset + written === up.size;
      const ok = done && up.hash.digest('hex') === up.sha256;
      res.writeHead(204, ok ? { 'bid-submission': id } : {}).end();
    } catch {
      res.writeHead(500).end();
    }
  })
  .listen(0, '127.0.0.1', function (this: http.Server) {
    const addr = this.address();
    process.stdout.write(`port ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
  });
