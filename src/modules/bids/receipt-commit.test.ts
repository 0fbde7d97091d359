import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { bidSubmissions, bidUploads } from './bids.schema.ts';
import { buildBidWorld, enrol, type Person, pdfWith, submitBid } from './bids.test-support.ts';

/**
 * Receipts that arrive together (a deadline) commit together (issue 11's surge): each bid is still receipted once,
 * a replacement still supersedes exactly the bid before it, and the audit chain stays whole.
 */
describe('bids arriving together are receipted together (R12)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBidWorld>>;

  before(async () => {
    t = await createTestApp();
    w = await buildBidWorld(t, { members: 3, vendors: 3 });
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
  });
  after(() => t.close());

  test('five bids at once from three vendors: one current bid each, every replacement named, the chain intact', async () => {
    const [a, b, c] = w.bidders as [Person, Person, Person];
    const earlier = await submitBid(a, w.tender.id, pdfWith('vendor a, the bid before the deadline rush'));
    assert.equal(earlier.patch?.statusCode, 204, earlier.patch?.body);

    const rush = await Promise.all([
      submitBid(a, w.tender.id, pdfWith('vendor a, second')),
      submitBid(b, w.tender.id, pdfWith('vendor b')),
      submitBid(a, w.tender.id, pdfWith('vendor a, third')),
      submitBid(c, w.tender.id, pdfWith('vendor c')),
      submitBid(b, w.tender.id, pdfWith('vendor b, again')),
    ]);
    for (const r of rush) {
      assert.equal(r.patch?.statusCode, 204, r.patch?.body);
      // The server's own timing of the receipt, which the deadline-surge bench reports.
      assert.match(String(r.patch?.headers['server-timing']), /^total;dur=[\d.]+, receipt;dur=[\d.]+$/);
    }

    const all = await t.db.select().from(bidSubmissions).where(eq(bidSubmissions.tenderId, w.tender.id));
    assert.equal(all.length, 6, 'every completed upload is one receipted bid');
    for (const v of [a, b, c]) {
      const current = await t.db
        .select()
        .from(bidSubmissions)
        .where(and(eq(bidSubmissions.vendorId, v.vendorId!), isNull(bidSubmissions.supersededAt)));
      assert.equal(current.length, 1, `one current bid for ${v.username}`);
    }
    const uploads = await t.db.select().from(bidUploads).where(eq(bidUploads.tenderId, w.tender.id));
    assert.ok(uploads.every((u) => u.status === 'received' && u.finishedAt));

    // Each vendor's receipts form one line: every bid but the first replaces the one received before it.
    const events = (await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'bids.received'))).filter(
      (e) => e.objectId === w.tender.id,
    );
    assert.equal(events.length, 6);
    const byUpload = new Map(all.map((s) => [s.sha256, s]));
    for (const v of [a, b, c]) {
      const mine = events
        .map((e) => ({ e, s: byUpload.get((e.summary as { sha256: string }).sha256)! }))
        .filter((x) => x.s.vendorId === v.vendorId)
        .sort((x, y) => x.e.seq - y.e.seq);
      assert.equal((mine[0]!.e.summary as { replaces: string | null }).replaces, null);
      for (let i = 1; i < mine.length; i++)
        assert.equal((mine[i]!.e.summary as { replaces: string | null }).replaces, mine[i - 1]!.s.id);
    }
    assert.equal((await verifyAuditChain(t.db)).ok, true);
  });
});
