import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { seleksiScores, seleksiSetup } from '../auction/auction.schema.ts';
import { tenderSchedule } from '../tenders/tenders.schema.ts';
import { bidSubmissions } from './bids.schema.ts';
import { buildBidWorld, enrol, type Person, passOf, pdfWith, signedIn, submitBid } from './bids.test-support.ts';
import { openShare, parseHeader, toB64, unlockKey } from './crypto/sealed.ts';

/** What each member's browser does at an opening of `kind`: unlock the key, open its own shares, post them. */
async function openAs(tenderId: string, members: Person[], kind: 'file_i' | 'file_ii') {
  const out = [];
  for (const m of members) {
    const mat = await m.agent.api('GET', `/api/v1/penawaran/${tenderId}/pembukaan?kind=${kind}`);
    if (mat.statusCode !== 200) return { status: mat.statusCode, code: mat.json().error.code as string, offered: 0 };
    const body = mat.json();
    const priv = await unlockKey(m.id, body.key.fingerprint, body.key.wrapped, passOf(m.username));
    const shares: Record<string, string> = {};
    for (const b of body.bids) shares[b.id] = toB64(await openShare(b.header, m.id, priv));
    out.push(await m.agent.api('POST', `/api/v1/penawaran/${tenderId}/pembukaan`, { kind, shares }));
    if (out.at(-1)!.statusCode !== 200) return { status: out.at(-1)!.statusCode, code: '', offered: body.bids.length };
  }
  return { status: 200, code: '', offered: out.length };
}

type World = Awaited<ReturnType<typeof buildBidWorld>>;

/** Each vendor uploads File I and File II; the File II stage is put two days after the deadline. Returns its start. */
async function uploadBothFiles(t: TestApp, w: World, vendors: Person[]): Promise<Date> {
  for (const v of vendors)
    for (const kind of ['file_i', 'file_ii'] as const)
      assert.equal((await submitBid(v, w.tender.id, pdfWith(`${v.username} ${kind}`), kind)).patch?.statusCode, 204);
  const fileIiStart = new Date(w.deadline.getTime() + 2 * 86400_000);
  await t.db.insert(tenderSchedule).values({
    tenderId: w.tender.id,
    stage: 'pembukaan_evaluasi_file_2',
    ord: 6,
    startsAt: fileIiStart,
    endsAt: new Date(fileIiStart.getTime() + 86400_000),
  });
  return fileIiStart;
}

/** The clock just past the upload deadline, and the Pokja signed in again there. */
async function membersAfterDeadline(t: TestApp, w: World): Promise<Person[]> {
  t.clock.set(new Date(w.deadline.getTime() + 1000));
  const members: Person[] = [];
  for (const m of w.members) members.push({ ...m, agent: await signedIn(t, m.username) });
  return members;
}

/** The Pokja's File I result, approved by all (ambang 70): each vendor's score from every member. */
async function approveFileOne(t: TestApp, w: World, members: Person[], scores: (readonly [Person, number])[]) {
  await t.db.insert(seleksiSetup).values({
    tenderId: w.tender.id,
    method: 'kualitas',
    criteria: [{ code: 'teknis', label: 'Teknis', bobot: 100 }],
    ambang: 70,
    bobotTeknis: 100,
    file1ApprovedAt: t.clock.now(),
    setBy: members[0]!.id,
    setAt: t.clock.now(),
  });
  for (const [v, score] of scores)
    for (const m of members)
      await t.db.insert(seleksiScores).values({
        tenderId: w.tender.id,
        vendorId: v.vendorId!,
        memberId: m.id,
        scores: { teknis: score },
        recordedAt: t.clock.now(),
      });
}

/** A vendor's File II submission. */
async function fileIiOf(t: TestApp, v: Person) {
  const [sub] = await t.db
    .select()
    .from(bidSubmissions)
    .where(and(eq(bidSubmissions.vendorId, v.vendorId!), eq(bidSubmissions.kind, 'file_ii')));
  return sub;
}

/**
 * A 2-file tender (seleksi): its bids are File I and File II, sealed separately. The opening page opens File I and
 * tells its browser code so (`data-kind`); File II stays closed (`BIDS_FILE_II_NOT_YET`) until the File I evaluation.
 */
describe('a 2-file tender opens File I on its opening page (R12)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBidWorld>>;

  before(async () => {
    t = await createTestApp();
    w = await buildBidWorld(t, { members: 3, vendors: 1, bundleId: 'seleksi-prakualifikasi-2-file' });
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
  });
  after(() => t.close());

  test('File I and File II are receipted apart; after the deadline the page and its members open File I only', async () => {
    const v = w.bidders[0] as Person;
    const one = await submitBid(v, w.tender.id, pdfWith('berkas teknis'), 'file_i');
    assert.equal(one.patch?.statusCode, 204, one.patch?.body);
    const two = await submitBid(v, w.tender.id, pdfWith('berkas harga'), 'file_ii');
    assert.equal(two.patch?.statusCode, 204, two.patch?.body);
    // A plain "penawaran" does not belong to a 2-file tender.
    const wrong = await submitBid(v, w.tender.id, pdfWith('satu berkas'));
    assert.notEqual(wrong.patch?.statusCode ?? wrong.create.statusCode, 204);

    t.clock.set(new Date(w.deadline.getTime() + 1000));
    const members = [];
    for (const m of w.members) members.push({ ...m, agent: await signedIn(t, m.username) } as Person);
    const page = await members[0]!.agent.get(`/kelola/tender/${w.tender.id}/pembukaan`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /id="open-form"[^>]*data-kind="file_i"/, 'the browser code is told to open File I');
    // Its passphrase field has no name: the form sent without its script carries no passphrase.
    assert.match(page.body, /<input[^>]*id="openpass"[^>]*>/);
    assert.doesNotMatch(page.body.match(/<input[^>]*id="openpass"[^>]*>/)![0], /\sname=/);

    // What the page's script does with it, for two members.
    for (const m of members.slice(0, 2)) {
      const mat = await m.agent.api('GET', `/api/v1/penawaran/${w.tender.id}/pembukaan?kind=file_i`);
      assert.equal(mat.statusCode, 200, mat.body);
      const body = mat.json();
      assert.equal(body.bids.length, 1, 'only File I is offered');
      const priv = await unlockKey(m.id, body.key.fingerprint, body.key.wrapped, passOf(m.username));
      const shares: Record<string, string> = {};
      for (const b of body.bids) shares[b.id] = toB64(await openShare(b.header, m.id, priv));
      const res = await m.agent.api('POST', `/api/v1/penawaran/${w.tender.id}/pembukaan`, { kind: 'file_i', shares });
      assert.equal(res.statusCode, 200, res.body);
    }
    const rows = await t.db.select().from(bidSubmissions).where(eq(bidSubmissions.tenderId, w.tender.id));
    assert.equal(rows.find((r) => r.kind === 'file_i')?.openResult, 'opened');
    assert.equal(rows.find((r) => r.kind === 'file_ii')?.openResult, null, 'File II stays sealed');
    const fileII = await members[0]!.agent.api('GET', `/api/v1/penawaran/${w.tender.id}/pembukaan?kind=file_ii`);
    assert.equal(fileII.statusCode, 409);
    assert.equal(fileII.json().error.code, 'BIDS_FILE_II_NOT_YET');
  });
});

describe('File II of a 2-file seleksi opens after the File I evaluation, only for those who passed (R12)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBidWorld>>;

  before(async () => {
    t = await createTestApp();
    w = await buildBidWorld(t, { members: 3, vendors: 2, bundleId: 'seleksi-prakualifikasi-2-file' });
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
  });
  after(() => t.close());

  test('refused before the File I approval and before its stage; then opened for the bidder above the ambang only', async () => {
    const [good, weak] = w.bidders as [Person, Person];
    const fileIiStart = await uploadBothFiles(t, w, [good, weak]);

    const members = await membersAfterDeadline(t, w);
    // File II before File I is even opened, then before the File I evaluation is approved: not yet.
    assert.deepEqual(await openAs(w.tender.id, members.slice(0, 1), 'file_ii'), {
      status: 409,
      code: 'BIDS_FILE_II_NOT_YET',
      offered: 0,
    });
    assert.equal((await openAs(w.tender.id, members.slice(0, 2), 'file_i')).status, 200);
    assert.equal((await openAs(w.tender.id, members.slice(0, 1), 'file_ii')).code, 'BIDS_FILE_II_NOT_YET');

    // The Pokja's File I result, approved by all: one bidder at 80 (ambang 70), one at 50.
    await approveFileOne(t, w, members, [
      [good, 80],
      [weak, 50],
    ]);
    // Before its own stage: refused, naming when it starts.
    assert.equal((await openAs(w.tender.id, members.slice(0, 1), 'file_ii')).code, 'BIDS_OPENING_NOT_YET');

    t.clock.set(new Date(fileIiStart.getTime() + 1000));
    for (const m of members) m.agent = await signedIn(t, m.username);
    const mat = await members[0]!.agent.api('GET', `/api/v1/penawaran/${w.tender.id}/pembukaan?kind=file_ii`);
    assert.equal(mat.json().bids.length, 1, 'only the File II of the bidder who passed is offered');
    assert.equal((await openAs(w.tender.id, members.slice(1, 3), 'file_ii')).status, 200);
    assert.equal((await fileIiOf(t, good))?.openResult, 'opened');
    assert.equal((await fileIiOf(t, weak))?.openResult, null, 'below the ambang: its File II stays sealed');

    const page = await members[1]!.agent.get(`/kelola/tender/${w.tender.id}/pembukaan?berkas=file_ii`);
    assert.match(page.body, /File II \(harga\)/);
    assert.match(page.body, new RegExp(`/seleksi/${good.vendorId}/harga`), 'the price is recorded in the seleksi');
    assert.match(page.body, /tetap tersegel: tidak lulus evaluasi File I/, 'the page says why a File II stays sealed');
  });
});

describe('a File II that fails to open reaches the decision after the witness report (R48)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBidWorld>>;

  before(async () => {
    t = await createTestApp();
    w = await buildBidWorld(t, { members: 3, vendors: 1, bundleId: 'seleksi-prakualifikasi-2-file' });
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
  });
  after(() => t.close());

  test('the failed File II waits for the report, and its decision page finds it', async () => {
    const v = w.bidders[0] as Person;
    const fileIiStart = await uploadBothFiles(t, w, [v]);
    const members = await membersAfterDeadline(t, w);
    assert.equal((await openAs(w.tender.id, members.slice(0, 2), 'file_i')).status, 200);
    await approveFileOne(t, w, members, [[v, 85]]);
    // The stored File II gets a flipped byte; its opening fails.
    const sub = await fileIiOf(t, v);
    const file = path.join(t.dataDir, 'bids', sub!.storageKey);
    const bytes = await fs.readFile(file);
    bytes[parseHeader(new Uint8Array(bytes)).bodyOffset + 20]! ^= 0xff;
    await fs.writeFile(file, bytes);
    t.clock.set(new Date(fileIiStart.getTime() + 1000));
    for (const m of members) m.agent = await signedIn(t, m.username);
    assert.equal((await openAs(w.tender.id, members.slice(0, 2), 'file_ii')).status, 200);

    const page = await members[0]!.agent.get(`/kelola/tender/${w.tender.id}/pembukaan?berkas=file_ii`);
    assert.match(page.body, /Menunggu berita acara kesaksian dari LPSE/, 'the failed File II waits for the report');
    const decision = await members[0]!.agent.get(`/kelola/tender/${w.tender.id}/pembukaan/${sub!.id}/keputusan`);
    assert.equal(decision.statusCode, 200, 'the decision page finds a File II bid');
    assert.match(decision.body, /setelah LPSE menerbitkan berita acara kesaksian/);
  });
});
