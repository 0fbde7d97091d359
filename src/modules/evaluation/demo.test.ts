import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { tenders } from '../tenders/tenders.schema.ts';
import { loadEvaluation } from './evaluation.repository.ts';
import { awardOf } from './index.ts';
import { awardBlockers } from './readers.ts';

describe('evaluation demo (R12)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    // Imported late: the demo loader imports the module list, which must load after the harness (import cycle).
    const { loadDemoData } = await import('../../demo/demo-data.ts');
    await loadDemoData(t.db, t.config);
    // The demo runs on the system clock.
    t.clock.set(new Date());
  });
  after(() => t.close());

  const tender = async (suffix: string) => {
    const kode = `${new Date().toISOString().slice(0, 4)}${suffix}`;
    const [row] = await t.db.select().from(tenders).where(eq(tenders.kode, kode));
    assert.ok(row, kode);
    return (await loadEvaluation(t.db, row.id))!;
  };

  test('a tender in evaluation: three opened bids, administrasi recorded, one fail', async () => {
    const e = await tender('80001');
    assert.equal(e.bidders.length, 3);
    assert.equal(e.bidders.filter((b) => b.results.administrasi).length, 3);
    assert.equal(e.bidders.filter((b) => b.failed).length, 1);
    assert.equal(e.award, undefined);
  });

  test('a tender in masa sanggah: winner announced, an unanswered sanggah blocks the award', async () => {
    const e = await tender('80002');
    assert.ok(e.award);
    assert.ok(e.approved);
    assert.equal(e.sanggah.length, 1);
    assert.ok(awardBlockers(e, t.clock.now()).includes('SANGGAH_UNANSWERED'));
    assert.equal(await awardOf(t.db, e.tender.id, t.clock.now()), null);
    const pub = await t.app.inject({ method: 'GET', url: `/tender/${e.tender.kode}/hasil` });
    assert.equal(pub.statusCode, 200);
    assert.match(pub.body, /Sultra Tirta Konstruksi/);
    assert.match(pub.body, /melebihi HPS/);
    assert.match(pub.body, /Masa berlaku jaminan penawaran kurang/);
  });

  test('a Tender Cepat awarded in its combined stage: the lowest at the auction close, announced, standing', async () => {
    const e = await tender('80003');
    assert.ok(e.award, 'decided');
    assert.ok(e.approved, 'approved by every member after the close');
    const winner = e.bidders.find((b) => b.bid.vendorId === e.award!.vendorId);
    assert.equal(winner?.name, 'Bahari Konstruksi Wawonii', 'Bahari bid lowest (Rp438 juta)');
    assert.equal(e.award!.nilaiNegosiasi, 438_000_000n, 'at its last auction price');
    const standing = await awardOf(t.db, e.tender.id, t.clock.now());
    assert.equal(standing?.vendorId, e.award!.vendorId, 'no masa sanggah: the award stands for the hand-over');
    const pub = await t.app.inject({ method: 'GET', url: `/tender/${e.tender.kode}/hasil` });
    assert.match(pub.body, /Bahari Konstruksi Wawonii/, 'the public result names the winner');
  });
});
