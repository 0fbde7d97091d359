import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type RunningApp, startApp } from '../../../e2e/support/server.ts';
import { concat, fromB64, seal } from './crypto/sealed.ts';

/**
 * kill -9 during concurrent uploads (issue 11, Done when): the real server (`src/main.ts start`, embedded PGlite) on
 * the demo's data; three vendors upload six sealed bids at once over tus in small PATCHes; the server is SIGKILLed
 * while they are in flight and restarted on the same DATA_DIR. Then every receipt a vendor got names a bid whose
 * stored file hashes to the receipted SHA-256, every bid listed was fully sent (no partial upload counts), and the
 * cut uploads resume from the offset the disk holds and are receipted.
 */

const PATCH_BYTES = 128 * 1024;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

class Client {
  private jar = new Map<string, string>();
  csrf = '';
  constructor(private base: () => string) {}
  async fetch(url: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(`${this.base()}${url}`, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  }
  async page(url: string) {
    const res = await this.fetch(url);
    const body = await res.text();
    const m = /name="_csrf" value="([^"]+)"/.exec(body);
    if (m) this.csrf = m[1]!.replaceAll('&amp;', '&');
    return { status: res.status, body };
  }
  async login(username: string, password: string) {
    await this.page('/masuk');
    const res = await this.fetch('/masuk', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password, _csrf: this.csrf }).toString(),
    });
    assert.equal(res.status, 303, `login ${username}`);
    await this.page(String(res.headers.get('location')));
  }
}

interface Job {
  vendor: number;
  bytes: Uint8Array;
  sha256: string;
  location?: string;
  sent: number;
  receipt?: string;
}

const meta = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');

describe('kill -9 during concurrent bid uploads', { timeout: 600_000 }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lpse-kill9-'));
  let app: RunningApp;
  let base = '';
  const clients: Client[] = [];
  let tenderId = '';
  const jobs: Job[] = [];
  before(async () => {
    app = await startApp({ demo: true, dataDir });
    base = app.baseUrl;
  });
  after(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('every receipted bid survives intact; no partial upload counts; cut uploads resume', async () => {
    const kode = `${new Date().toISOString().slice(0, 4)}70001`;
    for (const [i, username] of ['penyedia.bahari', 'penyedia.munse', 'penyedia.lantagi'].entries()) {
      const c = new Client(() => base);
      const cred = app.credentials.find((x) => x.username === username);
      assert.ok(cred, `credential of ${username}`);
      await c.login(username, cred.password);
      if (!tenderId) {
        const t = await c.page(`/tender/${kode}`);
        tenderId = /href="\/penawaran\/([0-9a-f-]{36})"/.exec(t.body)?.[1] ?? '';
        assert.ok(tenderId, 'tender id from its page');
      }
      await c.page(`/penawaran/${tenderId}`);
      clients.push(c);
      const p = await (await c.fetch(`/api/v1/penawaran/${tenderId}/parameter`)).json();
      // Two bids per vendor (the second replaces the first), 0.5 to 3 MB.
      for (const size of [512 * 1024 + i * 1000, 3 * 1024 * 1024 + i * 1000]) {
        const plain = new Uint8Array(size);
        plain.set(Buffer.from('%PDF-1.4\n'));
        const s = await seal({
          tender: p.tender,
          vendor: p.vendor,
          kind: 'penawaran',
          size,
          read: async (o, l) => plain.slice(o, o + l),
          k: p.k,
          members: p.members.map((m: { userId: string; publicKey: string }) => ({
            userId: m.userId,
            publicKey: fromB64(m.publicKey),
          })),
          vendorKey: { userId: p.vendorKey.userId, publicKey: fromB64(p.vendorKey.publicKey) },
        });
        const bytes = concat(s.parts);
        jobs.push({ vendor: i, bytes, sha256: sha(bytes), sent: 0 });
      }
    }
    const listed = async () => {
      const out: { id: string; sha256: string; counts: boolean }[] = [];
      for (const c of clients) {
        const page = await c.page(`/penawaran/${tenderId}`);
        assert.equal(page.status, 200, 'bid page after the restart (the session survived)');
        for (const m of page.body.matchAll(/<tr data-submission="([^"]+)">([\s\S]*?)<\/tr>/g))
          out.push({
            id: m[1]!,
            sha256: /<code>([0-9a-f]{64})<\/code>/.exec(m[2]!)![1]!,
            counts: !/diganti/.test(m[2]!),
          });
      }
      return out;
    };
    // The demo's own bids of this tender (before ours).
    const demoBids = new Set((await listed()).map((r) => r.id));
    const tusHeaders = (c: Client) => ({ 'tus-resumable': '1.0.0', 'x-csrf-token': c.csrf });
    const create = async (j: Job) => {
      const c = clients[j.vendor]!;
      const res = await c.fetch('/penawaran/unggah', {
        method: 'POST',
        headers: {
          ...tusHeaders(c),
          'upload-length': String(j.bytes.length),
          'upload-metadata': meta({ tenderId, kind: 'penawaran', sha256: j.sha256 }),
        },
      });
      assert.equal(res.status, 201, `tus creation: ${res.status} ${await res.text()}`);
      j.location = new URL(String(res.headers.get('location')), base).pathname;
    };
    const patchAll = async (j: Job, pause: number) => {
      const c = clients[j.vendor]!;
      while (j.sent < j.bytes.length) {
        const end = Math.min(j.sent + PATCH_BYTES, j.bytes.length);
        const res = await c.fetch(j.location!, {
          method: 'PATCH',
          headers: {
            ...tusHeaders(c),
            'upload-offset': String(j.sent),
            'content-type': 'application/offset+octet-stream',
          },
          body: j.bytes.slice(j.sent, end),
        });
        if (res.status !== 204) throw new Error(`PATCH ${res.status} ${await res.text()}`);
        j.sent = end;
        const id = res.headers.get('bid-submission');
        if (id) j.receipt = id;
        if (pause) await new Promise((r) => setTimeout(r, pause));
      }
    };
    for (const j of jobs) await create(j);
    // All six at once; the small ones finish first. Kill the server once three are receipted.
    const running = jobs.map((j) => patchAll(j, 20).catch(() => undefined));
    while (jobs.filter((j) => j.receipt).length < 3) await new Promise((r) => setTimeout(r, 10));
    process.kill(app.pid, 'SIGKILL');
    await app.stop();
    await Promise.all(running);
    const receipted = jobs.filter((j) => j.receipt);
    const cut = jobs.filter((j) => j.sent < j.bytes.length);
    assert.ok(receipted.length >= 3, `${receipted.length} receipted before the kill`);
    assert.ok(cut.length >= 1, `${cut.length} uploads cut by the kill`);

    // The embedded DATA_DIR lock (proper-lockfile) left by the killed process is stale only after 15 s without update;
    // until then a new server refuses the directory, as it must while the old one might still write.
    const lock = path.join(dataDir, '.lock');
    while (existsSync(lock) && Date.now() - statSync(lock).mtimeMs < 16_000)
      await new Promise((r) => setTimeout(r, 500));
    app = await startApp({ dataDir });
    base = app.baseUrl;
    const intact = async (rows: { id: string; sha256: string }[]) => {
      for (const r of rows) {
        let stored: Uint8Array | undefined;
        for (const c of clients) {
          const res = await c.fetch(`/penawaran/berkas/${r.id}`);
          if (res.status === 200) stored = new Uint8Array(await res.arrayBuffer());
        }
        assert.ok(stored, `bid ${r.id} is downloadable by its vendor`);
        assert.equal(sha(stored), r.sha256, `bid ${r.id}: the stored file hashes to its receipt`);
      }
    };
    let rows = await listed();
    // Every receipt a vendor holds names a listed bid with the same SHA-256, and its file is intact.
    for (const j of receipted) {
      const row = rows.find((r) => r.id === j.receipt);
      assert.ok(row, `receipted bid ${j.receipt} is still there`);
      assert.equal(row.sha256, j.sha256, 'the receipted hash');
    }
    await intact(rows);
    // Every listed bid is one of ours; a cut upload whose bytes are not all on the server's disk is no bid. (An
    // upload whose last PATCH reached the server but whose answer was lost in the kill is complete: it may count.)
    for (const r of rows)
      assert.ok(demoBids.has(r.id) || jobs.some((x) => x.sha256 === r.sha256), `listed bid ${r.id} is one we sent`);
    for (const j of cut) {
      const c = clients[j.vendor]!;
      const head = await c.fetch(j.location!, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0' } });
      const offset = head.status === 200 ? Number(head.headers.get('upload-offset')) : j.bytes.length;
      const isListed = rows.some((r) => r.sha256 === j.sha256);
      if (offset < j.bytes.length) {
        assert.equal(isListed, false, `a partial upload (${offset} of ${j.bytes.length} bytes) is not a bid`);
        assert.ok(offset <= j.bytes.length && offset >= j.sent - PATCH_BYTES, `offset ${offset} near what was sent`);
        // It resumes where the disk stopped, and completes.
        j.sent = offset;
        await patchAll(j, 0);
        assert.ok(j.receipt, 'the resumed upload is receipted');
      } else {
        const row = rows.find((r) => r.sha256 === j.sha256);
        assert.ok(row, 'an upload complete on the server at the kill is a receipted bid');
        j.receipt = row.id;
      }
    }
    rows = await listed();
    for (const j of jobs)
      assert.ok(
        rows.some((r) => r.id === j.receipt && r.sha256 === j.sha256),
        'every bid receipted',
      );
    await intact(rows);
    assert.equal(rows.filter((r) => r.counts).length, 3, 'one counting bid per vendor');
  });
});
