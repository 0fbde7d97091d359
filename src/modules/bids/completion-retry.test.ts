import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { buildBidWorld, enrol, pdfWith, sealFor, tusCreate, tusPatch } from './bids.test-support.ts';
import { BidFileStore, tusDir } from './storage.ts';

describe('a bid whose bytes are all in but whose receipt was not given gets it on the next PATCH (R12)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('the last PATCH was written but its completion failed (say the database was saturated): HEAD says complete, an empty PATCH at the end brings the receipt', async () => {
    const w = await buildBidWorld(t, { members: 3, vendors: 1 });
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
    const vendor = w.bidders[0]!;
    const s = await sealFor(vendor, w.tender.id, pdfWith('retry', 400));
    const { location } = await tusCreate(vendor.agent, { tenderId: w.tender.id, sha256: s.sha256 }, s.size);
    assert.ok(location);
    // Every byte reached the disk, as the PATCH that carried them would have written them, and no receipt followed.
    const id = location.split('/').at(-1)!;
    await new BidFileStore(tusDir(t.dataDir)).write(Readable.from([Buffer.from(s.bytes)]), id, 0);
    const head = await vendor.agent.request({ method: 'HEAD', url: location, headers: { 'tus-resumable': '1.0.0' } });
    assert.equal(head.headers['upload-offset'], String(s.size), 'a tus client now thinks the upload is done');

    const res = await tusPatch(vendor.agent, location, s.size, new Uint8Array(0));
    assert.equal(res.statusCode, 204, res.body);
    assert.ok(res.headers['bid-submission'], 'the receipt comes with the empty PATCH');
    const mine = await vendor.agent.get(`/penawaran/${w.tender.id}`);
    assert.match(mine.body, new RegExp(s.sha256), 'the bid counts');
  });
});
