import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { tenders } from '../tenders/tenders.schema.ts';
import { loadAuction, loadSeleksi, tenderBase } from './auction.repository.ts';

describe('auction demo (R12 items 1 and 7)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const { loadDemoData } = await import('../../demo/demo-data.ts');
    await loadDemoData(t.db, t.config);
    t.clock.set(new Date());
  });
  after(() => t.close());

  const base = async (suffix: string) => {
    const kode = `${new Date().toISOString().slice(0, 4)}${suffix}`;
    const [row] = await t.db.select().from(tenders).where(eq(tenders.kode, kode));
    assert.ok(row, kode);
    return (await tenderBase(t.db, { id: row.id }))!;
  };

  test('a seleksi at File I scoring: criteria set, two of three members scored', async () => {
    const s = await loadSeleksi(t.db, await base('81001'));
    assert.equal(s.setup?.method, 'kualitas_biaya');
    assert.equal(s.bidders.length, 3);
    assert.ok(
      s.bidders.every((b) => b.scores.size === 2),
      'pokja1 and pokja2 scored everyone',
    );
  });

  test('a Tender Cepat with auction bids; the above-HPS bidder is not in it', async () => {
    const a = await loadAuction(t.db, await base('81002'));
    assert.equal(a.standings.length, 2);
    assert.equal(a.bids.length, 2);
    assert.equal(a.standings[0]!.harga, 236_500_000n);
  });
});
