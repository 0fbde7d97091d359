import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { bidSubmissions } from './bids.schema.ts';
import { buildBidWorld, enrol, type Person, passOf, pdfWith, signedIn, submitBid } from './bids.test-support.ts';
import { openShare, toB64, unlockKey } from './crypto/sealed.ts';

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
