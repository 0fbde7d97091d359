import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { HOUR } from '../../platform/clock.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { evalBids } from '../evaluation/evaluation.schema.ts';
import { bidSubmissions } from './bids.schema.ts';
import { buildBidWorld, enrol, type Person, passOf, pdfWith, signedIn, submitBid } from './bids.test-support.ts';
import { openShare, toB64, unlockKey } from './crypto/sealed.ts';

describe('opened bid price into the evaluation (R12: bids → evaluation seam)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBidWorld>>;
  const subs = new Map<string, string>(); // vendor id → submission id
  before(async () => {
    t = await createTestApp();
    w = await buildBidWorld(t, { members: 3, vendors: 2 });
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
    for (const v of w.bidders) {
      const r = await submitBid(v, w.tender.id, pdfWith(`harga ${v.username}`, 10));
      assert.ok(r.submissionId, 'receipted');
      subs.set(v.vendorId!, r.submissionId);
    }
  });
  after(() => t.close());

  const form = (m: Person, submissionId: string, fields: Record<string, string>) =>
    m.agent.post(`/kelola/tender/${w.tender.id}/pembukaan/${submissionId}/harga`, fields);

  test('before the opening the price cannot be recorded', async () => {
    const m = w.members[0]!;
    await m.agent.get(`/kelola/tender/${w.tender.id}/pembukaan`);
    const res = await form(m, subs.get(w.bidders[0]!.vendorId!)!, { harga: '1.000.000' });
    assert.equal(res.statusCode, 409, res.body);
    const rows = await t.db.select().from(evalBids).where(eq(evalBids.tenderId, w.tender.id));
    assert.equal(rows.length, 0, 'nothing reached the evaluation');
  });

  test('after the opening a Pokja member records harga penawaran and item prices; the evaluation receives them once', async () => {
    t.clock.set(new Date(w.deadline.getTime() + HOUR));
    const members = [];
    for (const m of w.members.slice(0, 2)) members.push({ ...m, agent: await signedIn(t, m.username) });
    for (const m of members) {
      const mat = (await m.agent.api('GET', `/api/v1/penawaran/${w.tender.id}/pembukaan`)).json();
      const priv = await unlockKey(m.id, mat.key.fingerprint, mat.key.wrapped, passOf(m.username));
      const shares: Record<string, string> = {};
      for (const b of mat.bids) shares[b.id] = toB64(await openShare(b.header, m.id, priv));
      const r = await m.agent.api('POST', `/api/v1/penawaran/${w.tender.id}/pembukaan`, { shares });
      assert.equal(r.statusCode, 200, r.body);
    }
    const [v0, v1] = w.bidders as [Person, Person];
    const [s0] = await t.db
      .select()
      .from(bidSubmissions)
      .where(eq(bidSubmissions.id, subs.get(v0.vendorId!)!));
    assert.equal(s0?.openResult, 'opened', 'the bid is opened');
    const m = members[0]!;
    const page = await m.agent.get(`/kelola/tender/${w.tender.id}/pembukaan`);
    assert.match(page.body, /Catat harga/);

    // A malformed price is refused on the form; nothing is recorded.
    const bad = await form(m, subs.get(v0.vendorId!)!, { harga: 'seribu', rincian: '' });
    assert.equal(bad.statusCode, 400, bad.body);
    const badLines = await form(m, subs.get(v0.vendorId!)!, { harga: '1.000', rincian: 'aspal; banyak; m2; 10' });
    assert.equal(badLines.statusCode, 400, badLines.body);

    // With item prices: harga terkoreksi is computed by the evaluation (Σ volume × harga satuan).
    const ok = await form(m, subs.get(v0.vendorId!)!, {
      harga: 'Rp 1.250.000.000',
      rincian: 'Lapis aspal beton AC-WC; 1; ls; 1.000.000.000\nGalian tanah biasa; 2.000,5; m3; 125.000',
    });
    assert.equal(ok.statusCode, 303, ok.body);
    const [e0] = await t.db
      .select()
      .from(evalBids)
      .where(and(eq(evalBids.tenderId, w.tender.id), eq(evalBids.vendorId, v0.vendorId!)));
    assert.equal(e0?.hargaPenawaran, 1_250_000_000n);
    assert.equal(e0?.hargaTerkoreksi, 1_000_000_000n + 250_062_500n);
    assert.equal(e0?.priceLines?.length, 2);
    // Without item prices: the corrected price is the bid.
    const ok1 = await form(m, subs.get(v1.vendorId!)!, { harga: '980.000.000', rincian: '' });
    assert.equal(ok1.statusCode, 303, ok1.body);
    const [e1] = await t.db
      .select()
      .from(evalBids)
      .where(and(eq(evalBids.tenderId, w.tender.id), eq(evalBids.vendorId, v1.vendorId!)));
    assert.equal(e1?.hargaTerkoreksi, 980_000_000n);
    // Once only; the page shows the recorded price instead of the form.
    const again = await form(m, subs.get(v0.vendorId!)!, { harga: '1', rincian: '' });
    assert.equal(again.statusCode, 409, again.body);
    const after = await m.agent.get(`/kelola/tender/${w.tender.id}/pembukaan`);
    assert.match(after.body, /Rp 1\.250\.000\.000/);
    assert.doesNotMatch(after.body, /Catat harga/);
    // A vendor cannot record (no bids:open); not even for the bids of its own tender.
    const vendorAgain = { ...v0, agent: await signedIn(t, v0.username) };
    await vendorAgain.agent.get('/kunci-penawaran');
    const vendorTry = await form(vendorAgain, subs.get(v1.vendorId!)!, { harga: '1.000' });
    assert.equal(vendorTry.statusCode, 403, vendorTry.body);
  });
});
