import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { postMultipart } from '../../test/multipart.ts';
import { pdfText } from '../../test/pdf-text.ts';
import { userRoles } from '../accounts/accounts.schema.ts';
import { bidOpenings, bidSettings, bidSubmissions } from './bids.schema.ts';
import { buildBidWorld, enrol, type Person, passOf, pdfWith, signedIn, submitBid } from './bids.test-support.ts';
import { sealFile } from './cli/lpse-seal.ts';
import {
  concat,
  decryptEnvelope,
  fromB64,
  openShare,
  parseHeader,
  reconstructKey,
  seal,
  toB64,
  unlockKey,
} from './crypto/sealed.ts';

/**
 * Pengadaan Langsung takes a sealed bid (issue 11, R12): its single Pejabat Pengadaan enrols a key, the invited vendor
 * seals to that key alone (k = 1 of n = 1, the content key itself HPKE-sealed to the PP) and uploads; nobody opens
 * before the deadline, the PP alone after it, and the Berita Acara Pembukaan lists the bid. A Pokja tender keeps
 * k ≥ 2: one member never opens it.
 */
const MARK = 'LPSE-DEMO-PLAINTEXT';

/** What a member's browser does at the opening: unlock the key, open its own entries, post them. */
async function openAs(m: Person, tenderId: string) {
  const mat = await m.agent.api('GET', `/api/v1/penawaran/${tenderId}/pembukaan`);
  assert.equal(mat.statusCode, 200, mat.body);
  const body = mat.json();
  const priv = await unlockKey(m.id, body.key.fingerprint, body.key.wrapped, passOf(m.username));
  const shares: Record<string, string> = {};
  for (const b of body.bids) shares[b.id] = toB64(await openShare(b.header, m.id, priv));
  return m.agent.api('POST', `/api/v1/penawaran/${tenderId}/pembukaan`, { shares });
}

describe('Pengadaan Langsung: a sealed bid opened by its Pejabat Pengadaan alone, after the deadline', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBidWorld>>;
  let pp: Person;
  let vendor: Person;
  let sha256 = '';

  before(async () => {
    t = await createTestApp();
    w = await buildBidWorld(t, { official: 'PEJABAT_PENGADAAN', vendors: 1 });
    pp = w.members[0]!;
    vendor = w.bidders[0]!;
  });
  after(() => t.close());
  /** The PP's wrapped key as the server holds it (what the PP's browser fetches at the opening). */
  const ppKey = async () => (await pp.agent.api('GET', '/api/v1/kunci-penawaran')).json();

  test('the Pejabat Pengadaan enrols a bid key at /kunci-penawaran; the parameters then name the PP alone, k = 1', async () => {
    const page = await pp.agent.get('/kunci-penawaran');
    assert.equal(page.statusCode, 200, 'the PP reaches the key page');
    assert.match(page.body, /id="enrol-form"/, 'with the enrolment form');
    await enrol(t, pp);
    await enrol(t, vendor);
    const res = await vendor.agent.api('GET', `/api/v1/penawaran/${w.tender.id}/parameter`);
    assert.equal(res.statusCode, 200, res.body);
    const p = res.json();
    assert.equal(p.k, 1, 'k = 1 for a single official');
    assert.deepEqual(
      p.members.map((m: { userId: string }) => m.userId),
      [pp.id],
      'the one member is the PP',
    );
    const bidPage = await vendor.agent.get(`/penawaran/${w.tender.id}`);
    assert.match(bidPage.body, /id="bid-form"/, 'the vendor is offered the sealing form');
    assert.match(bidPage.body, /hanya dapat dibuka oleh Pejabat Pengadaan/, 'the page says who opens, and when');
    assert.doesNotMatch(bidPage.body, /anggota Pokja/, 'no Pokja wording on a PL');
  });

  test('offline: lpse-seal seals a PL bid from the parameter file (k = 1, the PP alone); the plain form receipts it', async () => {
    const params = await vendor.agent.api('GET', `/api/v1/penawaran/${w.tender.id}/parameter`);
    const dir = await fs.mkdtemp(path.join(t.dataDir, '..', 'lpse-seal-pl-'));
    try {
      await fs.writeFile(path.join(dir, 'parameter.json'), params.body);
      const plain = pdfWith(`${MARK} PL offline`);
      await fs.writeFile(path.join(dir, 'penawaran.pdf'), plain);
      const out = path.join(dir, 'penawaran.pdf.lpsebid');
      const r = await sealFile(path.join(dir, 'parameter.json'), path.join(dir, 'penawaran.pdf'), 'penawaran', out);
      const envelope = new Uint8Array(await fs.readFile(out));
      assert.ok(!Buffer.from(envelope).includes(MARK), 'the envelope holds no plaintext');
      const { header } = parseHeader(envelope);
      assert.equal(header.k, 1, 'the offline tool seals k = 1 for a single official');
      // The same envelope the browser makes: the PP's key opens it.
      const priv = await unlockKey(pp.id, header.shares[0]!.fp, (await ppKey()).wrapped, passOf(pp.username));
      const key = await reconstructKey(header, new Map([[pp.id, await openShare(header, pp.id, priv)]]));
      assert.deepEqual(await decryptEnvelope(envelope, key), plain, 'the PP opens the offline envelope');
      await vendor.agent.get(`/penawaran/${w.tender.id}`);
      const res = await postMultipart(
        vendor.agent,
        `/penawaran/${w.tender.id}/unggah-berkas`,
        { kind: 'penawaran', sha256: r.sha256 },
        { envelope: { name: 'penawaran.pdf.lpsebid', data: Buffer.from(envelope), type: 'application/octet-stream' } },
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  test('a k = 1 envelope for two recipients is refused by the crypto module; the vendor seals to the PP and is receipted', async () => {
    const res = await vendor.agent.api('GET', `/api/v1/penawaran/${w.tender.id}/parameter`);
    const p = res.json();
    const recipient = { userId: pp.id, publicKey: fromB64(p.members[0].publicKey) };
    const plain = pdfWith(`${MARK} PL bid`);
    await assert.rejects(
      seal({
        tender: p.tender,
        vendor: p.vendor,
        kind: 'penawaran',
        size: plain.length,
        read: async (o, l) => plain.slice(o, o + l),
        k: 1,
        members: [recipient, { ...recipient, userId: vendor.id }],
        vendorKey: { userId: vendor.id, publicKey: fromB64(p.vendorKey.publicKey) },
      }),
      /k-of-n out of range: 1 of 2/,
    );
    const r = await submitBid(vendor, w.tender.id, plain);
    assert.equal(r.create.statusCode, 201, r.create.body);
    assert.equal(r.patch?.statusCode, 204, r.patch?.body);
    assert.ok(r.submissionId, 'the completion names the receipted bid');
    assert.ok(!Buffer.from(concat(r.sealed.parts)).includes(MARK), 'no plaintext in the envelope');
    sha256 = r.sealed.sha256;
    const [row] = await t.db
      .select()
      .from(bidSubmissions)
      .where(and(eq(bidSubmissions.vendorId, vendor.vendorId!), isNull(bidSubmissions.supersededAt)));
    assert.equal(row?.sha256, sha256, 'the bid counts');
    assert.equal(row?.header.k, 1, 'sealed k = 1');
  });

  test('nobody opens before the deadline, not even the PP; another PP of the agency never', async () => {
    const mat = await pp.agent.api('GET', `/api/v1/penawaran/${w.tender.id}/pembukaan`);
    assert.equal(mat.statusCode, 403, mat.body);
    assert.equal(mat.json().error.code, 'BIDS_OPENING_NOT_YET', 'refused before the deadline');
    assert.equal(mat.json().error.opensAt, w.deadline.toISOString(), 'naming the opening time');
    const post = await pp.agent.api('POST', `/api/v1/penawaran/${w.tender.id}/pembukaan`, { shares: {} });
    assert.equal(post.json().error.code, 'BIDS_OPENING_NOT_YET', 'shares refused before the deadline');
    const other = await buildUser(t, { roles: ['PEJABAT_PENGADAAN'], agencyId: w.agency.id });
    // Past the deadline (signed in again: the sessions do not outlive the moved clock).
    t.clock.set(new Date(w.deadline.getTime() + 60_000));
    pp.agent = await signedIn(t, pp.username);
    const stranger = await signedIn(t, other.username);
    const res = await stranger.api('GET', `/api/v1/penawaran/${w.tender.id}/pembukaan`);
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(res.json().error.code, 'BIDS_NOT_MEMBER', 'a PP who does not run this PL is refused');
  });

  test('after the deadline the PP alone opens it; the bid is readable, the Berita Acara Pembukaan lists it', async () => {
    const r = await openAs(pp, w.tender.id);
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json(), { members: 1, needed: 1, opened: true }, 'one member opens a single-official tender');
    const [row] = await t.db
      .select()
      .from(bidSubmissions)
      .where(and(eq(bidSubmissions.tenderId, w.tender.id), isNull(bidSubmissions.supersededAt)));
    assert.equal(row?.sha256, sha256, 'the bid that counts is the last one (the offline one was replaced)');
    assert.equal(row?.openResult, 'opened', row?.openReason ?? '');
    const [opening] = await t.db.select().from(bidOpenings).where(eq(bidOpenings.tenderId, w.tender.id));
    assert.deepEqual(opening?.members, [pp.id], 'opened by the PP');
    const doc = await pp.agent.get(`/berkas/${row!.openedDocumentId}`);
    assert.equal(doc.statusCode, 200, 'the PP reads the opened bid');
    assert.ok(doc.body.includes(`${MARK} PL bid`), 'the plaintext comes back');
    assert.notEqual((await vendor.agent.get(`/berkas/${row!.openedDocumentId}`)).statusCode, 200, 'not the vendor');
    const ba = await pp.agent.get(`/kelola/tender/${w.tender.id}/berita-acara-pembukaan`);
    assert.equal(ba.statusCode, 200, ba.body.slice(0, 200));
    assert.equal(ba.headers['content-type'], 'application/pdf');
    const text = pdfText(ba.rawPayload);
    assert.ok(text.includes('BERITA ACARA PEMBUKAAN'), 'the Berita Acara Pembukaan');
    assert.ok(text.includes(sha256), `the Berita Acara lists the bid's hash ${sha256}`);
    assert.ok(text.includes(vendor.vendorName!), 'and its vendor');
    const page = await pp.agent.get(`/kelola/tender/${w.tender.id}/pembukaan`);
    assert.match(page.body, /data-testid="opened"/, 'the opening page shows the result');
    assert.match(page.body, /Pejabat Pengadaan dan kunci/, 'and names the PP, not a Pokja');
  });

  test('the grant is scoped to the tenders the PP acts for: moved to another agency, the same member is refused', async () => {
    const elsewhere = await buildAgency(t);
    await t.db
      .update(userRoles)
      .set({ agencyId: elsewhere.id })
      .where(and(eq(userRoles.userId, pp.id), eq(userRoles.role, 'PEJABAT_PENGADAAN')));
    const moved = await signedIn(t, pp.username);
    const page = await moved.get(`/kelola/tender/${w.tender.id}/pembukaan`);
    assert.equal(page.statusCode, 404, 'the opening page is not theirs any more');
    const mat = await moved.api('GET', `/api/v1/penawaran/${w.tender.id}/pembukaan`);
    assert.equal(mat.statusCode, 403, mat.body);
    assert.equal(mat.json().error.code, 'BIDS_NOT_MEMBER', 'nor the opening material');
  });
});

describe('a Pokja tender is never opened by one member', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBidWorld>>;

  before(async () => {
    t = await createTestApp();
    w = await buildBidWorld(t, { members: 3, vendors: 1 });
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
  });
  after(() => t.close());

  test('k = 1 is refused: by the threshold form, by the database, and in an uploaded header', async () => {
    const m = w.members[0]!;
    await m.agent.get(`/kelola/tender/${w.tender.id}/pembukaan`);
    const res = await m.agent.post(`/kelola/tender/${w.tender.id}/ambang`, { k: '1' });
    assert.equal(res.statusCode, 400, res.body.slice(0, 300));
    assert.match(res.body, /k harus antara 2 dan 3/, 'the form names the range');
    await assert.rejects(
      t.db.insert(bidSettings).values({ tenderId: w.tender.id, threshold: 1, members: 3, setAt: t.clock.now() }),
      (e: Error) => /bid_settings_threshold/.test(`${e.message} ${(e.cause as Error)?.message ?? ''}`),
      'the CHECK refuses k = 1 with three members',
    );
    // A vendor whose tool seals k = 1 to the three members cannot: the crypto refuses; a header naming one member
    // with k = 1 is refused at the completion (the tender's k is 2 of 3).
    const v = w.bidders[0]!;
    const p = (await v.agent.api('GET', `/api/v1/penawaran/${w.tender.id}/parameter`)).json();
    const plain = pdfWith(`${MARK} one member`);
    const members = p.members.map((x: { userId: string; publicKey: string }) => ({
      userId: x.userId,
      publicKey: fromB64(x.publicKey),
    }));
    const base = {
      tender: p.tender,
      vendor: p.vendor,
      kind: 'penawaran' as const,
      size: plain.length,
      read: async (o: number, l: number) => plain.slice(o, o + l),
      vendorKey: { userId: p.vendorKey.userId, publicKey: fromB64(p.vendorKey.publicKey) },
    };
    await assert.rejects(seal({ ...base, k: 1, members }), /k-of-n out of range: 1 of 3/);
    const lone = await seal({ ...base, k: 1, members: members.slice(0, 1) });
    const { tusCreate, tusPatch } = await import('./bids.test-support.ts');
    const { location } = await tusCreate(v.agent, { tenderId: w.tender.id, sha256: lone.sha256 }, lone.size);
    const patch = await tusPatch(v.agent, location!, 0, concat(lone.parts));
    assert.notEqual(patch.statusCode, 204, 'a one-member envelope is not receipted for a Pokja tender');
    assert.match(patch.body, /BIDS_ENVELOPE_INVALID/, patch.body);
  });

  test('after the deadline, one member’s shares leave the opening pending', async () => {
    const v = w.bidders[0]!;
    const r = await submitBid(v, w.tender.id, pdfWith(`${MARK} pokja bid`));
    assert.equal(r.patch?.statusCode, 204, r.patch?.body);
    t.clock.set(new Date(w.deadline.getTime() + 60_000));
    for (const m of w.members.slice(0, 2)) m.agent = await signedIn(t, m.username);
    const first = await openAs(w.members[0]!, w.tender.id);
    assert.deepEqual(first.json(), { members: 1, needed: 2, opened: false }, 'one member does not open a Pokja tender');
    const [row] = await t.db.select().from(bidSubmissions).where(eq(bidSubmissions.tenderId, w.tender.id));
    assert.equal(row?.openResult ?? null, null, 'the bid is still sealed');
    const second = await openAs(w.members[1]!, w.tender.id);
    assert.equal(second.json().opened, true, 'two members open it');
  });
});
