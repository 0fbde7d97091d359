import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import type { Agent } from '../../test/agent.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { checklistOf } from '../evaluation/checklists.ts';
import { evalAwards, evalBids } from '../evaluation/evaluation.schema.ts';
import { buildAnnouncedTender, buildVendor, signIn } from '../evaluation/evaluation.test-support.ts';
import { recordOpenedBid } from '../evaluation/index.ts';
import { tenderParticipants } from '../tenders/tenders.schema.ts';
import { awardRanking } from './index.ts';

type Tender = Awaited<ReturnType<typeof buildAnnouncedTender>>;
type Vendor = Awaited<ReturnType<typeof buildVendor>>;

async function post(agent: Agent, page: string, url: string, body: Record<string, string>) {
  await agent.get(page);
  return agent.post(url, body);
}

async function auditCount(t: TestApp, tenderId: string, action: string) {
  const rows = await t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.objectId, tenderId), eq(auditEvents.action, action)));
  return rows.length;
}

const CRITERIA =
  'pengalaman;Pengalaman perusahaan;20\nmetodologi;Pendekatan dan metodologi;40\ntenaga_ahli;Tenaga ahli;40';
const ASPECTS = ['administrasi', 'kualifikasi', 'teknis', 'harga'] as const;
const all = (v: number) => ({ skor_pengalaman: String(v), skor_metodologi: String(v), skor_tenaga_ahli: String(v) });

describe('R12 seleksi 2-file: File I scores, ambang batas, File II only for those who passed, kualitas dan biaya', () => {
  let t: TestApp;
  let w: Tender;
  let members: Agent[];
  let a: Vendor; // 90 → passes, higher price
  let b: Vendor; // 80 → passes, lowest price
  let c: Vendor; // 60 → below the ambang
  const page = () => `/kelola/tender/${w.tender.id}/seleksi`;
  const score = (m: number, v: Vendor, s: Record<string, string>) =>
    post(members[m]!, `${page()}/${v.vendor.id}`, `${page()}/${v.vendor.id}`, s);

  before(async () => {
    t = await createTestApp();
    w = await buildAnnouncedTender(t, {
      bundleId: 'seleksi-prakualifikasi-2-file',
      jenis: 'jasa_konsultansi',
      pagu: 1_200_000_000n,
      hps: 1_100_000_000n,
    });
    a = await buildVendor(t, 'Alpha Konsultan');
    b = await buildVendor(t, 'Beta Rekayasa');
    c = await buildVendor(t, 'Gamma Desain');
    const now = t.clock.now();
    await t.db.insert(tenderParticipants).values(
      [a, b, c].map((v) => ({
        tenderId: w.tender.id,
        vendorId: v.vendor.id,
        userId: v.user.id,
        pakta: 'Pakta',
        joinedAt: now,
      })),
    );
    members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
  });
  after(() => t.close());

  test('nothing before the File I stage: a stable refusal', async () => {
    const res = await post(members[0]!, page(), `${page()}/kriteria`, {
      method: 'kualitas_biaya',
      criteria: CRITERIA,
      ambang: '70',
      bobotTeknis: '70',
    });
    assert.equal(res.headers['x-error-code'], 'SELEKSI_NOT_YET', 'refused before the stage');
  });

  test('only the Pokja members; weights must sum to 100; criteria saved as data', async () => {
    t.clock.set(new Date(w.stage('pembukaan_evaluasi_file_1').start.getTime() + 60_000));
    members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
    const outsider = await signIn(t, w.outsider.username);
    assert.equal((await outsider.get(page())).statusCode, 404, 'an outsider Pokja sees nothing');
    const bad = await post(members[0]!, page(), `${page()}/kriteria`, {
      method: 'kualitas_biaya',
      criteria: 'pengalaman;Pengalaman;20\nmetodologi;Metodologi;40',
      ambang: '70',
      bobotTeknis: '70',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.headers['x-error-code'], 'SELEKSI_SETUP_INVALID', 'weights summing to 60 refused');
    const ok = await post(members[0]!, page(), `${page()}/kriteria`, {
      method: 'kualitas_biaya',
      criteria: CRITERIA,
      ambang: '70',
      bobotTeknis: '70',
    });
    assert.equal(ok.statusCode, 303, 'criteria saved');
    assert.equal(await auditCount(t, w.tender.id, 'auction.seleksi_setup'), 1);
  });

  test('each member scores File I; approval needs every score; scores out of range refused', async () => {
    const bad = await score(0, a, { ...all(90), skor_metodologi: '101' });
    assert.equal(bad.headers['x-error-code'], 'SELEKSI_SCORE_INVALID', 'a score above 100 refused');
    for (let m = 0; m < 3; m++) {
      assert.equal((await score(m, a, all(90))).statusCode, 303, 'scored');
      assert.equal((await score(m, b, all(80))).statusCode, 303, 'scored');
    }
    const early = await post(members[0]!, page(), `${page()}/setujui`, {});
    assert.equal(early.headers['x-error-code'], 'SELEKSI_INCOMPLETE', 'c is not scored by all yet');
    for (let m = 0; m < 3; m++) await score(m, c, all(60));
    const file2Early = await post(members[0]!, page(), `${page()}/${a.vendor.id}/harga`, { harga: '1000000000' });
    assert.equal(file2Early.headers['x-error-code'], 'SELEKSI_FILE1_NOT_APPROVED', 'File II waits for File I');
    const pub = await (await signIn(t, a.user.username)).get(`/tender/${w.tender.kode}/seleksi`);
    assert.doesNotMatch(pub.body, /90,00/, 'no scores in public before the File I result is approved');
    for (let m = 0; m < 3; m++)
      assert.equal((await post(members[m]!, page(), `${page()}/setujui`, {})).statusCode, 303, 'approved');
    const again = await score(1, a, all(100));
    assert.equal(again.headers['x-error-code'], 'SELEKSI_FILE1_CLOSED', 'scores closed after the File I approval');
  });

  test('public File I result: technical scores and pass/fail, no prices yet, masked NPWP', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/tender/${w.tender.kode}/seleksi` });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /90,00/, 'technical score shown');
    assert.match(res.body, /Di bawah ambang batas/, 'c below the ambang');
    assert.ok(!res.body.includes(a.npwp), 'NPWP masked');
  });

  test('File II only for those who passed; the price goes through recordOpenedBid; final ranking by combined score', async () => {
    // One price form per page: a list of forms would repeat the field's id and mislabel all but the first input.
    const manage = await members[0]!.get(page());
    assert.doesNotMatch(manage.body, /id="harga"/, 'no price field on the overview');
    assert.ok(manage.body.includes(`${page()}/${a.vendor.id}/harga`), 'a passed: a link to its File II price page');
    assert.ok(manage.body.includes(`${page()}/${b.vendor.id}/harga`), 'b passed: a link to its File II price page');
    assert.ok(!manage.body.includes(`${page()}/${c.vendor.id}/harga`), 'c is below the ambang: no File II link');
    const form = await members[0]!.get(`${page()}/${a.vendor.id}/harga`);
    assert.equal(form.statusCode, 200, 'the price page of a');
    assert.equal(form.body.match(/id="harga"/g)?.length, 1, 'exactly one price field on the price page');
    const refused = await post(members[0]!, page(), `${page()}/${c.vendor.id}/harga`, { harga: '500000000' });
    assert.equal(refused.headers['x-error-code'], 'SELEKSI_NOT_PASSED', 'c’s File II stays closed');
    assert.equal(
      (await post(members[0]!, page(), `${page()}/${a.vendor.id}/harga`, { harga: '1.000.000.000' })).statusCode,
      303,
    );
    const final0 = await post(members[0]!, page(), `${page()}/setujui`, {});
    assert.equal(final0.headers['x-error-code'], 'SELEKSI_PRICES_MISSING', 'b’s price is missing');
    assert.equal(
      (await post(members[1]!, page(), `${page()}/${b.vendor.id}/harga`, { harga: '800000000' })).statusCode,
      303,
    );
    const bids = await t.db.select().from(evalBids).where(eq(evalBids.tenderId, w.tender.id));
    assert.deepEqual(
      bids.map((x) => x.vendorId).sort(),
      [a.vendor.id, b.vendor.id].sort(),
      'only the two who passed have an opened price',
    );
    for (let m = 0; m < 3; m++) await post(members[m]!, page(), `${page()}/setujui`, {});
    const res = await t.app.inject({ method: 'GET', url: `/tender/${w.tender.kode}/seleksi` });
    // a: 0,7·90 + 0,3·(800/1000·100) = 87,00; b: 0,7·80 + 0,3·100 = 86,00 → a wins.
    assert.match(res.body, /87,00/, 'combined score of a');
    assert.match(res.body, /86,00/, 'combined score of b');
    const rows = res.body.split('<tr');
    const first = rows.findIndex((r) => r.includes('Alpha Konsultan'));
    const second = rows.findIndex((r) => r.includes('Beta Rekayasa'));
    assert.ok(first > 0 && first < second, 'a ranks first');
    assert.match(rows[first]!, /★/, 'a is marked winner');
    assert.equal(await auditCount(t, w.tender.id, 'auction.seleksi_scored'), 9);
    assert.equal(await auditCount(t, w.tender.id, 'auction.seleksi_approved'), 6);
  });

  test('the award follows the seleksi ranking: the evaluation’s candidate is the combined-score winner, not the lowest price', async () => {
    // b has the lowest File II price (800 jt); a wins on the combined score (87,00 against 86,00).
    t.clock.set(new Date(w.stage('pembukaan_evaluasi_file_2').start.getTime() + 60_000));
    members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
    const evalPage = `/kelola/tender/${w.tender.id}/evaluasi`;
    const ticked = (aspect: (typeof ASPECTS)[number]) =>
      Object.fromEntries(
        checklistOf(aspect, w.tender.syaratKualifikasi, w.tender.jenis).map((c) => [`ok_${c.item}`, 'ya']),
      );
    const m = members[0]!;
    for (const v of [a, b]) {
      for (const aspect of ASPECTS) {
        const r = await post(m, evalPage, `${evalPage}/${v.vendor.id}/${aspect}`, ticked(aspect));
        assert.equal(r.statusCode, 303, `${aspect}: ${r.body.slice(0, 400)}`);
      }
      const inv = await post(m, evalPage, `${evalPage}/${v.vendor.id}/pembuktian`, {
        waktu: '2026-03-20T09:00',
        sampai: '2026-03-20T12:00',
        tempat: 'Ruang Rapat UKPBJ',
        dibawa: 'Dokumen asli',
      });
      assert.equal(inv.statusCode, 303, inv.body.slice(0, 400));
      const proof = { hadir: 'ya', lulus: 'ya' };
      assert.equal((await post(m, evalPage, `${evalPage}/${v.vendor.id}/pembuktian/hasil`, proof)).statusCode, 303);
    }
    for (const x of members) assert.equal((await post(x, evalPage, `${evalPage}/setujui`, {})).statusCode, 303);
    assert.match((await m.get(evalPage)).body, /Calon pemenang: CV Alpha Konsultan/, 'the candidate is a');
    t.clock.set(new Date(w.stage('penetapan_pemenang').start.getTime() + 60_000));
    members = await Promise.all(w.pokja.map((x) => signIn(t, x.username)));
    const decided = await post(members[1]!, evalPage, `${evalPage}/penetapan`, {});
    assert.equal(decided.statusCode, 303, decided.body.slice(0, 400));
    const [award] = await t.db.select().from(evalAwards).where(eq(evalAwards.tenderId, w.tender.id));
    assert.equal(award?.vendorId, a.vendor.id, 'a is awarded');
    assert.equal(award?.nilaiTerkoreksi, 1_000_000_000n, 'at its File II price');
  });
});

describe('R12 Tender Cepat e-reverse auction', () => {
  let t: TestApp;
  let w: Tender;
  let x: Vendor;
  let y: Vendor;
  let z: Vendor; // opened above HPS: not eligible
  const page = () => `/tender/${w.tender.kode}/lelang`;
  const bid = async (v: Vendor, harga: string) => post(await signIn(t, v.user.username), page(), page(), { harga });

  before(async () => {
    t = await createTestApp();
    w = await buildAnnouncedTender(t, { bundleId: 'tender-cepat', jenis: 'barang', hps: 1_000_000_000n });
    x = await buildVendor(t, 'Xenia Niaga');
    y = await buildVendor(t, 'Yasa Mandiri');
    z = await buildVendor(t, 'Zamrud Sultra');
    const openedAt = w.stage('penyampaian_penawaran_harga').end;
    await t.db.transaction(async (tx) => {
      await recordOpenedBid(tx, {
        tenderId: w.tender.id,
        vendorId: x.vendor.id,
        hargaPenawaran: 950_000_000n,
        openedAt,
      });
      await recordOpenedBid(tx, {
        tenderId: w.tender.id,
        vendorId: y.vendor.id,
        hargaPenawaran: 980_000_000n,
        openedAt,
      });
      await recordOpenedBid(tx, {
        tenderId: w.tender.id,
        vendorId: z.vendor.id,
        hargaPenawaran: 1_100_000_000n,
        openedAt,
      });
    });
  });
  after(() => t.close());

  test('not before the auction window (the evaluation stage)', async () => {
    const res = await bid(x, '940000000');
    assert.equal(res.headers['x-error-code'], 'AUCTION_NOT_YET', 'refused before the start');
  });

  test('lower by the minimum decrement; rank and lowest price shown without names; above-HPS bidder refused', async () => {
    t.clock.set(new Date(w.stage('evaluasi_penawaran').start.getTime() + 60_000));
    const small = await bid(x, '948000000'); // decrement 0,5 % of 1 M = 5 jt → at most 945 jt
    assert.equal(small.headers['x-error-code'], 'AUCTION_NOT_LOWER', 'less than the decrement refused');
    assert.match(small.body, /945\.000\.000/, 'the refusal names the highest acceptable price');
    assert.equal((await bid(x, '940000000')).statusCode, 303, 'x bids 940 jt');
    assert.equal((await bid(y, '930.000.000')).statusCode, 303, 'y bids 930 jt');
    const zRes = await bid(z, '900000000');
    assert.equal(
      zRes.headers['x-error-code'],
      'AUCTION_NOT_ELIGIBLE',
      'above the HPS at the opening: not in the auction',
    );
    const xPage = await (await signIn(t, x.user.username)).get(page());
    assert.equal(xPage.statusCode, 200);
    assert.match(xPage.body, /id="auction-rank">2</, 'x sees rank 2');
    assert.match(xPage.body, /930\.000\.000/, 'x sees the lowest price');
    assert.ok(!xPage.body.includes('Yasa Mandiri'), 'x does not see who bid lowest');
    const pub = await t.app.inject({ method: 'GET', url: `${page()}/hasil` });
    assert.ok(!pub.body.includes('Yasa Mandiri'), 'no public ranking while the auction runs');
  });

  test('after the close: bids refused with a stable code; the lowest wins; audited', async () => {
    t.clock.set(w.stage('evaluasi_penawaran').end);
    const late = await bid(x, '900000000');
    assert.equal(late.headers['x-error-code'], 'AUCTION_CLOSED', 'a bid at the close is refused');
    const pub = await t.app.inject({ method: 'GET', url: `${page()}/hasil` });
    const rows = pub.body.split('<tr');
    const yRow = rows.findIndex((r) => r.includes('Yasa Mandiri'));
    const xRow = rows.findIndex((r) => r.includes('Xenia Niaga'));
    assert.ok(yRow > 0 && yRow < xRow, 'y (930 jt) ranks before x (940 jt)');
    assert.match(rows[yRow]!, /★/, 'y wins');
    assert.ok(!pub.body.includes('Zamrud Sultra'), 'the above-HPS bidder is not in the auction');
    assert.ok(!pub.body.includes(y.npwp), 'NPWP masked');
    assert.equal(await auditCount(t, w.tender.id, 'auction.bid_placed'), 2);
  });

  test('the award ranking for evaluation: nothing final while the auction runs; after it, the lowest first', async () => {
    const running = await awardRanking(t.db, w.tender.id, new Date(w.stage('evaluasi_penawaran').end.getTime() - 1));
    assert.deepEqual(running, { source: 'auction', final: false }, 'no winner before the close');
    const closed = await awardRanking(t.db, w.tender.id, w.stage('evaluasi_penawaran').end);
    assert.deepEqual(
      closed,
      {
        source: 'auction',
        final: true,
        order: [
          { vendorId: y.vendor.id, harga: 930_000_000n },
          { vendorId: x.vendor.id, harga: 940_000_000n },
        ],
      },
      'y then x, at their last auction prices; z (above HPS) is not ranked',
    );
  });
});
