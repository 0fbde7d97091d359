import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { HOUR } from '../../platform/clock.ts';
import { registry } from '../../registry.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { bidSubmissions, bidUploads } from './bids.schema.ts';
import {
  buildBidWorld,
  enrol,
  pdfWith,
  sealFor,
  signedIn,
  submitBid,
  tusCreate,
  tusPatch,
} from './bids.test-support.ts';
import { ABANDONED_AFTER_MS, sweepAbandonedUploads, sweepUploadsJob } from './commands/sweep.ts';
import { hashFile, sealedPath, tusDir } from './storage.ts';

const exists = (f: string) =>
  fs.stat(f).then(
    () => true,
    () => false,
  );

describe('sweep of abandoned tus uploads', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBidWorld>>;
  before(async () => {
    t = await createTestApp();
    w = await buildBidWorld(t, { members: 2, vendors: 2 });
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
  });
  after(() => t.close());

  test('partial uploads older than 24 h and stray tus files go; bids and recent uploads stay', async () => {
    const [v0, v1] = w.bidders as [(typeof w.bidders)[0], (typeof w.bidders)[0]];
    // A receipted bid, and an upload cut after half its bytes, both at T.
    const bid = await submitBid(v0, w.tender.id, pdfWith('sweep bid'));
    assert.ok(bid.submissionId, 'the bid is receipted');
    const s = await sealFor(v1, w.tender.id, pdfWith('sweep abandoned'));
    const old = await tusCreate(v1.agent, { tenderId: w.tender.id, sha256: s.sha256 }, s.size);
    assert.ok(old.location, 'the old upload is created');
    await tusPatch(v1.agent, old.location, 0, s.bytes.subarray(0, 1000));
    const oldId = path.basename(old.location);
    // 20 h later, another partial upload (still inside the upload stage, which ends at T + 24 h).
    t.clock.set(new Date(t.clock.now().getTime() + 20 * HOUR));
    v1.agent = await signedIn(t, v1.username); // the session has expired meanwhile
    const recent = await tusCreate(v1.agent, { tenderId: w.tender.id, sha256: s.sha256 }, s.size);
    assert.ok(recent.location, 'the recent upload is created');
    await tusPatch(v1.agent, recent.location, 0, s.bytes.subarray(0, 500));
    const recentId = path.basename(recent.location);
    // A stray file in the tus directory (no row), old; and a stray one just written.
    const dir = tusDir(t.dataDir);
    const stray = path.join(dir, 'ab'.repeat(16));
    const fresh = path.join(dir, 'cd'.repeat(16));
    await fs.writeFile(stray, 'x');
    await fs.writeFile(fresh, 'y');
    const longAgo = new Date(t.clock.now().getTime() - 2 * ABANDONED_AFTER_MS);
    await fs.utimes(stray, longAgo, longAgo);
    await fs.utimes(fresh, t.clock.now(), t.clock.now());

    t.clock.set(new Date(t.clock.now().getTime() + 5 * HOUR)); // T + 25 h
    const r = await sweepAbandonedUploads(t.db, t.clock, t.dataDir);
    assert.equal(r.uploads, 1, 'one abandoned upload');
    const [o] = await t.db.select().from(bidUploads).where(eq(bidUploads.id, oldId));
    assert.equal(o?.status, 'refused');
    assert.equal(o?.refusal, 'BIDS_UPLOAD_ABANDONED');
    assert.equal(await exists(path.join(dir, oldId)), false, 'the abandoned bytes are deleted');
    assert.equal(await exists(path.join(dir, `${oldId}.json`)), false, 'its tus metadata is deleted');
    assert.equal(await exists(stray), false, 'the old stray file is deleted');
    assert.equal(await exists(fresh), true, 'a recent stray file stays');
    const [rec] = await t.db.select().from(bidUploads).where(eq(bidUploads.id, recentId));
    assert.equal(rec?.status, 'partial', 'the recent upload stays partial');
    assert.equal(await exists(path.join(dir, recentId)), true, 'the recent upload keeps its bytes');
    // The bid is intact.
    const [sub] = await t.db.select().from(bidSubmissions).where(eq(bidSubmissions.id, bid.submissionId));
    assert.ok(sub, 'the bid row stays');
    assert.equal((await hashFile(sealedPath(t.dataDir, sub.storageKey))).sha256, sub.sha256, 'the bid file is intact');
    // Repeating does nothing more.
    assert.deepEqual(await sweepAbandonedUploads(t.db, t.clock, t.dataDir), { uploads: 0, files: 0 });
  });

  test('the sweep is registered as a recurring job', () => {
    assert.ok(
      registry().jobs.some((j) => j.kind === sweepUploadsJob.kind && j.recurring),
      'recurring job registered',
    );
  });
});
