import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { postMultipart } from '../../test/multipart.ts';
import { bidKeys, bidSubmissions, bidUploads, bidWitnessReports } from './bids.schema.ts';
import {
  buildBidWorld,
  enrol,
  type Person,
  passOf,
  pdfWith,
  sealFor,
  signedIn,
  submitBid,
  tusCreate,
  tusPatch,
} from './bids.test-support.ts';
import { sealFile } from './cli/lpse-seal.ts';
import { heldShares } from './commands/opening.ts';
import {
  type EnvelopeHeader,
  fromB64,
  openShare,
  parseHeader,
  reconstructKey,
  type SealError,
  toB64,
  unlockKey,
  type WrappedPrivateKey,
} from './crypto/sealed.ts';
import { parseReceiptToken, receiptToken } from './receipts.ts';

const MARK = 'LPSE-DEMO-PLAINTEXT';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

describe('sealed bids (R12)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBidWorld>>;
  const keys = new Map<string, Uint8Array>(); // user → private key (what each person's browser holds)

  before(async () => {
    t = await createTestApp();
    w = await buildBidWorld(t, { members: 3, vendors: 3 });
    for (const p of [...w.members, ...w.bidders]) keys.set(p.id, (await enrol(t, p)).priv);
  });
  after(() => t.close());

  const vendor = (i: number) => w.bidders[i] as Person;
  const member = (i: number) => w.members[i] as Person;
  const current = async (vendorId: string) =>
    t.db
      .select()
      .from(bidSubmissions)
      .where(and(eq(bidSubmissions.vendorId, vendorId), isNull(bidSubmissions.supersededAt)));

  test('enrolment stores only the public key and the passphrase-wrapped private key; the profile shows the fingerprint', async () => {
    const [row] = await t.db
      .select()
      .from(bidKeys)
      .where(eq(bidKeys.userId, member(0).id));
    assert.ok(row, 'the key row is stored');
    assert.equal(row.wrapped.iterations, 600_000);
    const page = await member(0).agent.get('/kunci-penawaran');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`data-fp="${row.fingerprint}"`));
    // Fewer PBKDF2 iterations than 600,000 are refused.
    const weak = await member(0).agent.api('POST', '/api/v1/kunci-penawaran', {
      publicKey: row.publicKey,
      fingerprint: row.fingerprint,
      wrapped: { ...row.wrapped, iterations: 1000 },
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().error.code, 'BIDS_KEY_MALFORMED');
  });

  test('no passphrase field has a name: a form sent without its script never carries a passphrase', async () => {
    const pages = [
      await member(0).agent.get('/kunci-penawaran'),
      await vendor(0).agent.get(`/penawaran/${w.tender.id}`),
    ];
    for (const page of pages) {
      assert.equal(page.statusCode, 200);
      const fields = page.body.match(/<input[^>]*type="password"[^>]*>/g) ?? [];
      assert.ok(fields.length > 0, 'the page has a passphrase field');
      for (const f of fields) assert.doesNotMatch(f, /\sname=/, f);
    }
  });

  test('a sealed bid is receipted: Ed25519 receipt verifies at the public endpoint, PDF served, tampered receipt fails', async () => {
    const r = await submitBid(vendor(0), w.tender.id, pdfWith(`${MARK} vendor 0 first`));
    assert.equal(r.create.statusCode, 201, r.create.body);
    assert.equal(r.patch?.statusCode, 204, r.patch?.body);
    assert.ok(r.submissionId, 'a submission id is returned');
    const [s] = await current(vendor(0).vendorId!);
    assert.equal(s?.sha256, r.sealed.sha256);
    const token = receiptToken(s!.receipt, s!.signature);
    const ok = await vendor(1).agent.request({
      method: 'GET',
      url: `/penawaran/verifikasi?token=${token}`,
      headers: { accept: 'application/json' },
    });
    assert.equal(ok.json().valid, true);
    assert.equal(ok.json().payload.sha256, r.sealed.sha256);
    assert.equal(ok.json().payload.tender, w.kode);
    const parsed = parseReceiptToken(token)!;
    const forged = receiptToken(parsed.text.replace(r.sealed.sha256, '0'.repeat(64)), parsed.signature);
    const bad = await vendor(1).agent.request({
      method: 'GET',
      url: `/penawaran/verifikasi?token=${forged}`,
      headers: { accept: 'application/json' },
    });
    assert.equal(bad.json().valid, false);
    const pdf = await vendor(0).agent.get(`/penawaran/tanda-terima/${s!.id}/pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    // Another vendor gets neither the receipt nor the envelope.
    assert.equal((await vendor(1).agent.get(`/penawaran/tanda-terima/${s!.id}/pdf`)).statusCode, 404);
    assert.equal((await vendor(1).agent.get(`/penawaran/berkas/${s!.id}`)).statusCode, 404);
    const pem = await vendor(1).agent.get('/penawaran/kunci-publik.pem');
    assert.match(pem.body, /BEGIN PUBLIC KEY/);
  });

  test('self-check: the vendor downloads the stored envelope and opens it with the vendor-wrapped key', async () => {
    const [s] = await current(vendor(0).vendorId!);
    const res = await vendor(0).agent.get(`/penawaran/berkas/${s!.id}`);
    assert.equal(res.statusCode, 200);
    const bytes = new Uint8Array(res.rawPayload);
    const { header } = parseHeader(bytes);
    const { openVendorKey, decryptEnvelope } = await import('./crypto/sealed.ts');
    const key = await openVendorKey(header, vendor(0).id, keys.get(vendor(0).id)!);
    assert.deepEqual(Buffer.from(await decryptEnvelope(bytes, key)), Buffer.from(pdfWith(`${MARK} vendor 0 first`)));
  });

  test('a hash that differs from the declared one is refused and counts nothing', async () => {
    const before = (await current(vendor(1).vendorId!)).length;
    const s = await sealFor(vendor(1), w.tender.id, pdfWith(`${MARK} vendor 1 bad hash`));
    const { location } = await tusCreate(vendor(1).agent, { tenderId: w.tender.id, sha256: 'a'.repeat(64) }, s.size);
    const res = await tusPatch(vendor(1).agent, location!, 0, s.bytes);
    assert.equal(res.statusCode, 422);
    assert.equal(JSON.parse(res.body).error.code, 'BIDS_HASH_MISMATCH');
    assert.equal((await current(vendor(1).vendorId!)).length, before);
  });

  test('an envelope sealed for another vendor (or with a stale k) is refused before it is receipted', async () => {
    const s = await sealFor(vendor(0), w.tender.id, pdfWith(`${MARK} not mine`));
    const { location } = await tusCreate(vendor(1).agent, { tenderId: w.tender.id, sha256: s.sha256 }, s.size);
    const res = await tusPatch(vendor(1).agent, location!, 0, s.bytes);
    assert.equal(res.statusCode, 422);
    assert.equal(JSON.parse(res.body).error.code, 'BIDS_ENVELOPE_INVALID');
  });

  test('resume: a PATCH cut mid-way continues at the offset the server reports', async () => {
    const s = await sealFor(vendor(1), w.tender.id, pdfWith(`${MARK} vendor 1 resumed`, 20_000));
    const { location } = await tusCreate(vendor(1).agent, { tenderId: w.tender.id, sha256: s.sha256 }, s.size);
    const half = Math.floor(s.size / 2);
    const first = await tusPatch(vendor(1).agent, location!, 0, s.bytes.subarray(0, half));
    assert.equal(first.statusCode, 204);
    assert.equal(first.headers['upload-offset'], String(half));
    assert.equal((await current(vendor(1).vendorId!)).length, 0, 'a partial upload is no bid');
    const head = await vendor(1).agent.request({
      method: 'HEAD',
      url: location!,
      headers: { 'tus-resumable': '1.0.0' },
    });
    assert.equal(head.headers['upload-offset'], String(half));
    const rest = await tusPatch(vendor(1).agent, location!, half, s.bytes.subarray(half));
    assert.equal(rest.statusCode, 204, rest.body);
    assert.equal((await current(vendor(1).vendorId!)).length, 1);
  });

  test('replacement: the last complete bid counts, the earlier one is superseded', async () => {
    const r = await submitBid(vendor(2), w.tender.id, pdfWith(`${MARK} vendor 2 first`));
    assert.equal(r.patch?.statusCode, 204);
    const r2 = await submitBid(vendor(2), w.tender.id, pdfWith(`${MARK} vendor 2 second`));
    assert.equal(r2.patch?.statusCode, 204);
    const rows = await current(vendor(2).vendorId!);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.sha256, r2.sealed.sha256);
  });

  test('offline: lpse-seal seals from the downloadable parameter file; the plain form accepts it (no JavaScript)', async () => {
    const v = vendor(1);
    const params = await v.agent.api('GET', `/api/v1/penawaran/${w.tender.id}/parameter`);
    const dir = await fs.mkdtemp(path.join(t.dataDir, '..', 'lpse-seal-'));
    try {
      await fs.writeFile(path.join(dir, 'parameter.json'), params.body);
      const plain = pdfWith(`${MARK} vendor 1 offline`);
      await fs.writeFile(path.join(dir, 'penawaran.pdf'), plain);
      const out = path.join(dir, 'penawaran.pdf.lpsebid');
      const r = await sealFile(path.join(dir, 'parameter.json'), path.join(dir, 'penawaran.pdf'), 'penawaran', out);
      const envelope = await fs.readFile(out);
      assert.ok(!envelope.includes(MARK), 'the envelope holds no plaintext');
      await v.agent.get(`/penawaran/${w.tender.id}`);
      const wrong = await postMultipart(
        v.agent,
        `/penawaran/${w.tender.id}/unggah-berkas`,
        { kind: 'penawaran', sha256: 'b'.repeat(64) },
        { envelope: { name: 'penawaran.pdf.lpsebid', data: envelope, type: 'application/octet-stream' } },
      );
      assert.equal(wrong.statusCode, 422);
      assert.equal(wrong.headers['x-error-code'], 'BIDS_HASH_MISMATCH');
      await v.agent.get(`/penawaran/${w.tender.id}`);
      const res = await postMultipart(
        v.agent,
        `/penawaran/${w.tender.id}/unggah-berkas`,
        { kind: 'penawaran', sha256: r.sha256 },
        { envelope: { name: 'penawaran.pdf.lpsebid', data: envelope, type: 'application/octet-stream' } },
      );
      assert.equal(res.statusCode, 303, res.body);
      const [row] = await current(v.vendorId!);
      assert.equal(row?.sha256, r.sha256);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  test('a refused tus creation answers the API error (code and message); another vendor cannot continue someone’s upload', async () => {
    const s = await sealFor(vendor(0), w.tender.id, pdfWith('x'));
    const refused = await tusCreate(vendor(0).agent, { tenderId: w.tender.id, sha256: 'not-a-hash' }, s.size);
    assert.equal(refused.res.statusCode, 400);
    assert.equal(refused.res.json().error.code, 'BIDS_HASH_MALFORMED');
    assert.notEqual(refused.res.json().error.message, 'bids.error.hashMalformed'); // a sentence, not the key
    assert.equal(refused.location, undefined);
    const { location } = await tusCreate(vendor(0).agent, { tenderId: w.tender.id, sha256: s.sha256 }, s.size);
    const res = await tusPatch(vendor(1).agent, location!, 0, s.bytes);
    assert.equal(res.statusCode, 404);
    await tusPatch(vendor(0).agent, location!, 0, s.bytes); // the owner may (this one then counts as vendor 0's last)
  });

  test('the opening is refused before the deadline, naming the opening time', async () => {
    const res = await member(0).agent.api('GET', `/api/v1/penawaran/${w.tender.id}/pembukaan`);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'BIDS_OPENING_NOT_YET');
    assert.equal(res.json().error.opensAt, w.deadline.toISOString());
    const post = await member(0).agent.api('POST', `/api/v1/penawaran/${w.tender.id}/pembukaan`, { shares: {} });
    assert.equal(post.statusCode, 403);
    assert.equal(post.json().error.code, 'BIDS_OPENING_NOT_YET');
  });

  test('S1: with the whole database, the file store and the server keys before the opening, no bid is recovered', async () => {
    // The whole database as text (every table), and every file under DATA_DIR (blobs, sealed bids, tus, keys).
    const rowsOf = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? (r as unknown[])) as Record<string, unknown>[];
    const tables = rowsOf(
      await t.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      ),
    );
    assert.ok(tables.length > 10, `only ${tables.length} tables dumped`);
    let dump = '';
    for (const r of tables) {
      dump += JSON.stringify(rowsOf(await t.db.execute(sql.raw(`select * from "${String(r.table_name)}"`))));
    }
    assert.ok(dump.includes('LPSEBID') || dump.includes(w.kode), 'the dump holds the sealed bids');
    assert.ok(!dump.includes(MARK), 'plaintext in the database');
    for (const f of await filesUnder(t.dataDir)) {
      assert.ok(!(await fs.readFile(f)).includes(MARK), `plaintext in ${f}`);
    }
    // What the administrator holds cannot open a share: the wrapped private keys need passphrases (a guess fails),
    // and the server holds no share in memory before the opening.
    const subs = await t.db.select().from(bidSubmissions).where(isNull(bidSubmissions.supersededAt));
    assert.ok(subs.length >= 3, `${subs.length} submissions`);
    const [k0] = await t.db
      .select()
      .from(bidKeys)
      .where(eq(bidKeys.userId, member(0).id));
    for (const guess of ['', 'password', 'lpse', member(0).username]) {
      await assert.rejects(
        unlockKey(member(0).id, k0!.fingerprint, k0!.wrapped as WrappedPrivateKey, guess),
        (e: SealError) => e.code === 'PASSPHRASE_WRONG',
      );
    }
    assert.equal(heldShares(w.tender.id, 'penawaran'), 0);
    // One member alone (k − 1 = 1 share) recovers nothing.
    const h = subs[0]!.header as EnvelopeHeader;
    const one = new Map([[member(0).id, await openShare(h, member(0).id, keys.get(member(0).id)!)]]);
    await assert.rejects(reconstructKey(h, one), (e: SealError) => e.code === 'SHARES_INSUFFICIENT');
  });

  test('after the deadline an upload completing late is refused, whatever its start', async () => {
    const s = await sealFor(vendor(0), w.tender.id, pdfWith(`${MARK} late`));
    const { location } = await tusCreate(vendor(0).agent, { tenderId: w.tender.id, sha256: s.sha256 }, s.size);
    const before = await current(vendor(0).vendorId!);
    t.clock.set(new Date(w.deadline.getTime() + 1000));
    // Sessions end after 8 idle hours: everyone signs in again after the day has passed.
    for (const p of [...w.members, ...w.bidders]) p.agent = await signedIn(t, p.username);
    const res = await tusPatch(vendor(0).agent, location!, 0, s.bytes);
    assert.equal(res.statusCode, 403);
    assert.equal(JSON.parse(res.body).error.code, 'BIDS_DEADLINE_PASSED');
    const [u] = await t.db
      .select()
      .from(bidUploads)
      .where(eq(bidUploads.id, location!.split('/').pop()!));
    assert.equal(u?.status, 'refused');
    assert.deepEqual(
      (await current(vendor(0).vendorId!)).map((x) => x.id),
      before.map((x) => x.id),
    );
  });

  test('opening: a flipped byte is detected and named; k members open the rest; shares are dropped', async () => {
    // Corrupt vendor 1's stored envelope (one byte in a chunk) behind the platform's back.
    const [victim] = await current(vendor(1).vendorId!);
    const file = path.join(t.dataDir, 'bids', victim!.storageKey);
    const bytes = await fs.readFile(file);
    const { bodyOffset } = parseHeader(new Uint8Array(bytes));
    bytes[bodyOffset + 20]! ^= 0xff;
    await fs.writeFile(file, bytes);

    const submit = async (m: Person) => {
      const mat = await m.agent.api('GET', `/api/v1/penawaran/${w.tender.id}/pembukaan`);
      assert.equal(mat.statusCode, 200, mat.body);
      const body = mat.json();
      const priv = await unlockKey(m.id, body.key.fingerprint, body.key.wrapped, passOf(m.username));
      const shares: Record<string, string> = {};
      for (const b of body.bids) shares[b.id] = toB64(await openShare(b.header, m.id, priv));
      return m.agent.api('POST', `/api/v1/penawaran/${w.tender.id}/pembukaan`, { shares });
    };
    // A share that does not match its commitment is refused.
    const forged = await member(2).agent.api('POST', `/api/v1/penawaran/${w.tender.id}/pembukaan`, {
      shares: { [victim!.id]: toB64(fromB64('AAAA')) },
    });
    assert.equal(forged.statusCode, 400);
    const first = await submit(member(0));
    assert.deepEqual(first.json(), { members: 1, needed: 2, opened: false });
    assert.equal(heldShares(w.tender.id, 'penawaran'), 1);
    const second = await submit(member(2));
    assert.equal(second.json().opened, true);
    assert.equal(heldShares(w.tender.id, 'penawaran'), 0);

    const rows = await t.db.select().from(bidSubmissions).where(isNull(bidSubmissions.supersededAt));
    const bad = rows.find((r) => r.id === victim!.id)!;
    assert.equal(bad.openResult, 'failed');
    assert.match(bad.openReason ?? '', /ENVELOPE_TAMPERED: chunk 0/);
    const good = rows.filter((r) => r.id !== victim!.id);
    assert.ok(good.length >= 2, JSON.stringify(rows.map((r) => [r.openResult, r.openReason])));
    for (const g of good) assert.equal(g.openResult, 'opened');
    // The Pokja downloads an opened bid: the plaintext of the vendor's last complete upload (vendor 2 replaced its
    // first bid, so the second is the one that counts).
    const v2 = good.find((r) => r.vendorId === vendor(2).vendorId)!;
    const doc = await member(1).agent.get(`/berkas/${v2.openedDocumentId}`);
    assert.equal(doc.statusCode, 200);
    assert.equal(doc.headers['content-type'], 'application/pdf');
    assert.ok(doc.body.includes(`${MARK} vendor 2 second`), 'the opened document is the replacement bid');
    assert.ok(!doc.body.includes(`${MARK} vendor 2 first`), 'not the superseded one');
    // A vendor may not read it.
    assert.notEqual((await vendor(0).agent.get(`/berkas/${v2.openedDocumentId}`)).statusCode, 200);
    // The Berita Acara Pembukaan.
    const ba = await member(1).agent.get(`/kelola/tender/${w.tender.id}/berita-acara-pembukaan`);
    assert.equal(ba.statusCode, 200);
    assert.equal(ba.headers['content-type'], 'application/pdf');
    const page = await member(1).agent.get(`/kelola/tender/${w.tender.id}/pembukaan`);
    assert.match(page.body, /data-testid="opened"/);
    // Opening twice is refused.
    const again = await submit(member(1));
    assert.equal(again.statusCode, 409);
  });

  test('R48: the LPSE re-checks a failed bid under audit and issues a berita acara kesaksian', async () => {
    const admin = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    const a = await signedIn(t, admin.username);
    const page = await a.get('/admin/kesaksian-penawaran');
    assert.equal(page.statusCode, 200);
    const [failed] = await t.db.select().from(bidSubmissions).where(eq(bidSubmissions.openResult, 'failed'));
    assert.ok(failed, 'a failed bid exists');
    assert.match(page.body, new RegExp(failed.sha256));
    const one = await a.post(`/admin/kesaksian-penawaran/${failed.id}`, { attendees: 'Hanya Satu', notes: '' });
    assert.equal(one.statusCode, 400);
    await a.get('/admin/kesaksian-penawaran');
    const ok = await a.post(`/admin/kesaksian-penawaran/${failed.id}`, {
      attendees: 'Irwan Tamrin (Pokja)\nSitti Rahma (LPSE)\nWakil penyedia',
      notes: 'Disaksikan bersama',
    });
    assert.equal(ok.statusCode, 303, ok.body);
    const [report] = await t.db.select().from(bidWitnessReports).where(eq(bidWitnessReports.submissionId, failed.id));
    // The byte flipped in storage: the stored file no longer matches its receipt, which the LPSE can tell without a key.
    assert.equal(report?.findings, 'STORED_FILE_DIFFERS_FROM_RECEIPT');
    assert.equal(report?.attendees.length, 3);
    assert.match(report?.reportSha256 ?? '', /^[0-9a-f]{64}$/);
    const pdf = await a.get(`/admin/kesaksian-penawaran/laporan/${report!.id}/pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    // A Pokja member has no access to the LPSE's witness page.
    assert.equal((await member(0).agent.get('/admin/kesaksian-penawaran')).statusCode, 403);
  });
});
