import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { contractAwards } from '../contracts/contracts.schema.ts';
import { bundleOf } from '../tenders/index.ts';
import { tenderMembers } from '../tenders/tenders.schema.ts';
import { checklistOf } from './checklists.ts';
import { canDecide } from './evaluation.policy.ts';
import { evalAwards } from './evaluation.schema.ts';
import { buildAnnouncedTender, buildVendor, signIn } from './evaluation.test-support.ts';
import { handOverStandingAwards } from './handover.ts';
import { awardOf, recordOpenedBid } from './index.ts';
import { decisionSpan } from './windows.ts';

/**
 * Issue 12 / next-decisions §1–2: the bundles without a Penetapan Pemenang stage. A Tender Cepat decides in its
 * "Penetapan dan Pengumuman Pemenang" stage after the e-reverse auction closed; a Pengadaan Langsung's Pejabat
 * Pengadaan decides in Klarifikasi Teknis dan Negosiasi; neither has a masa sanggah, so the award goes to contracts
 * right after the decision.
 */

type Tender = Awaited<ReturnType<typeof buildAnnouncedTender>>;
type Vendor = Awaited<ReturnType<typeof buildVendor>>;

const ASPECTS = ['administrasi', 'kualifikasi', 'teknis', 'harga'] as const;
const syarat = {
  izinUsaha: 'NIB dengan SBU Bangunan Sipil',
  kbli: ['42101'],
  pengalaman: '1 pekerjaan dalam 4 tahun terakhir',
  tenagaAhli: ['Manajer Pelaksanaan'],
  peralatan: ['Dump truck: 2 unit'],
};
const ticked = (aspect: (typeof ASPECTS)[number]) =>
  Object.fromEntries(checklistOf(aspect, syarat, 'barang').map((c) => [`ok_${c.item}`, 'ya']));

async function post(agent: Agent, page: string, url: string, body: Record<string, string>) {
  await agent.get(page);
  return agent.post(url, body);
}

const after1m = (d: Date) => new Date(d.getTime() + 60_000);

describe('decision span: award_decision, else award_announcement, else negotiation', () => {
  test('each bundle family reads its own stage', () => {
    const stageOf = (id: string) => {
      const b = bundleOf(id, '2021.1')!;
      const rows = b.stages.map((s, i) => ({
        stage: s.code,
        ord: i,
        start: new Date(Date.UTC(2026, 2, 2 + i)),
        end: new Date(Date.UTC(2026, 2, 3 + i)),
      }));
      return decisionSpan(b, rows)?.names;
    };
    assert.equal(stageOf('tender-pascakualifikasi-1-file'), 'Penetapan Pemenang', 'a tender: its own stage');
    assert.equal(stageOf('tender-cepat'), 'Penetapan dan Pengumuman Pemenang', 'Tender Cepat: the combined stage');
    assert.equal(stageOf('pengadaan-langsung'), 'Klarifikasi Teknis dan Negosiasi', 'PL: the negotiation stage');
    assert.equal(stageOf('penunjukan-langsung'), 'Klarifikasi Teknis dan Negosiasi', 'PnL: the negotiation stage');
  });
});

describe('Tender Cepat: approval after the auction closes, penetapan in the combined stage, hand-over without sanggah', () => {
  let t: TestApp;
  let w: Tender;
  let members: Agent[];
  let x: Vendor;
  let y: Vendor;
  const page = () => `/kelola/tender/${w.tender.id}/evaluasi`;

  async function at(d: Date) {
    t.clock.set(d);
    members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
  }

  before(async () => {
    t = await createTestApp();
    w = await buildAnnouncedTender(t, { bundleId: 'tender-cepat', jenis: 'barang', hps: 1_000_000_000n });
    x = await buildVendor(t, 'Xenia Niaga');
    y = await buildVendor(t, 'Yasa Mandiri');
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
    });
  });
  after(() => t.close());

  test('while the auction runs: results may be recorded, the approval is refused with its own code', async () => {
    await at(after1m(w.stage('evaluasi_penawaran').start));
    for (const v of [x, y])
      for (const a of ASPECTS) {
        const r = await post(members[0]!, page(), `${page()}/${v.vendor.id}/${a}`, ticked(a));
        assert.equal(
          r.statusCode,
          303,
          `${a} of ${v.vendor.name} recorded during the auction: ${r.body.slice(0, 300)}`,
        );
      }
    // y undercuts x in the auction: 930 jt against x's opened 950 jt.
    const lelang = `/tender/${w.tender.kode}/lelang`;
    const yBid = await post(await signIn(t, y.user.username), lelang, lelang, { harga: '930000000' });
    assert.equal(yBid.statusCode, 303, 'y bids 930 jt');
    const early = await post(members[0]!, page(), `${page()}/setujui`, {});
    assert.equal(early.statusCode, 403, 'approval refused while the auction runs');
    assert.equal(early.headers['x-error-code'], 'EVAL_AUCTION_NOT_CLOSED', 'with the auction code');
    assert.match(early.body, /setelah e-reverse auction ditutup/, 'the refusal says why and when');
    assert.match(
      (await members[0]!.get(page())).body,
      /Hasil evaluasi Tender Cepat dapat disetujui setelah e-reverse auction ditutup/,
      'the Pokja page says when the approval opens',
    );
    const decide = await post(members[0]!, page(), `${page()}/penetapan`, {});
    assert.equal(decide.headers['x-error-code'], 'EVAL_DECISION_NOT_YET', 'no penetapan before its stage');
  });

  test('from the close: every member approves; the candidate is the lowest at the close', async () => {
    await at(w.stage('evaluasi_penawaran').end);
    for (const m of members) {
      const r = await post(m, page(), `${page()}/setujui`, {});
      assert.equal(r.statusCode, 303, `approval after the close: ${r.headers['x-error-code']} ${r.body.slice(0, 300)}`);
    }
    const body = (await members[0]!.get(page())).body;
    assert.match(body, /disetujui seluruh anggota Pokja/, 'approved by all');
    assert.doesNotMatch(body, /dapat disetujui setelah e-reverse auction/, 'no waiting notice after the close');
    assert.match(body, /Calon pemenang: CV Yasa Mandiri/, 'y, lowest at the close, is the candidate');
  });

  test('penetapan in "Penetapan dan Pengumuman Pemenang": announced at once, handed over to contracts (no sanggah)', async () => {
    await at(after1m(w.stage('penetapan_dan_pengumuman_pemenang').start));
    const ok = await post(members[1]!, page(), `${page()}/penetapan`, {});
    assert.equal(ok.statusCode, 303, `decided: ${ok.headers['x-error-code']} ${ok.body.slice(0, 300)}`);
    const [award] = await t.db.select().from(evalAwards).where(eq(evalAwards.tenderId, w.tender.id));
    assert.equal(award?.vendorId, y.vendor.id, 'y is the winner');
    assert.equal(award?.nilaiNegosiasi, 930_000_000n, 'at its last auction price');
    const pub = await t.app.inject({ method: 'GET', url: `/tender/${w.tender.kode}/hasil` });
    assert.match(pub.body, /Yasa Mandiri/, 'the public result names the winner at once');
    assert.match(pub.body, /930\.000\.000/, 'with its auction price as the price after negotiation');
    assert.match(pub.body, /Harga Akhir E-Reverse Auction/, 'named as the auction price, not a negotiated one');
    assert.match(pub.body, new RegExp(`/tender/${w.tender.kode}/lelang/hasil`), 'linked to the auction ranking');
    const standing = await awardOf(t.db, w.tender.id, t.clock.now());
    assert.equal(standing?.vendorId, y.vendor.id, 'the award stands: no masa sanggah to wait for');
    assert.equal(await handOverStandingAwards(t.db, t.clock), 1, 'handed over on the next run');
    const [c] = await t.db.select().from(contractAwards).where(eq(contractAwards.tenderId, w.tender.id));
    assert.equal(c?.vendorId, y.vendor.id, 'contracts has the winner');
    assert.equal(c?.nilaiNegosiasi, 930_000_000n, 'at the auction price');
    assert.equal(await handOverStandingAwards(t.db, t.clock), 0, 'once');
  });
});

describe('Pengadaan Langsung: its Pejabat Pengadaan decides in Klarifikasi Teknis dan Negosiasi', () => {
  let t: TestApp;
  let w: Tender;
  let pp: Awaited<ReturnType<typeof buildUser>>;
  let ppAgent: Agent;
  let v: Vendor;
  const page = () => `/kelola/tender/${w.tender.id}/evaluasi`;

  before(async () => {
    t = await createTestApp();
    w = await buildAnnouncedTender(t, {
      bundleId: 'pengadaan-langsung',
      jenis: 'barang',
      pagu: 180_000_000n,
      hps: 150_000_000n,
    });
    // A PL has one official, the Pejabat Pengadaan of the package's own agency (as SULAP assigns it).
    pp = await buildUser(t, { roles: ['PEJABAT_PENGADAAN'], agencyId: w.agency.id });
    await t.db.delete(tenderMembers).where(eq(tenderMembers.tenderId, w.tender.id));
    await t.db.insert(tenderMembers).values({ tenderId: w.tender.id, userId: pp.id, approvedAt: t.clock.now() });
    v = await buildVendor(t, 'Bahari Pustaka');
    await t.db.transaction((tx) =>
      recordOpenedBid(tx, {
        tenderId: w.tender.id,
        vendorId: v.vendor.id,
        hargaPenawaran: 140_000_000n,
        openedAt: w.stage('pembukaan_dokumen_penawaran').start,
      }),
    );
  });
  after(() => t.close());

  test('the PP evaluates and approves alone in the evaluation stage; no penetapan there yet', async () => {
    t.clock.set(after1m(w.stage('evaluasi_penawaran').start));
    ppAgent = await signIn(t, pp.username);
    for (const a of ASPECTS) {
      const r = await post(ppAgent, page(), `${page()}/${v.vendor.id}/${a}`, ticked(a));
      assert.equal(r.statusCode, 303, `${a} recorded by the PP: ${r.headers['x-error-code']} ${r.body.slice(0, 300)}`);
    }
    const ok = await post(ppAgent, page(), `${page()}/setujui`, {});
    assert.equal(ok.statusCode, 303, 'the PP approves');
    assert.match((await ppAgent.get(page())).body, /disetujui seluruh anggota/, 'one approval is all');
    const early = await post(ppAgent, page(), `${page()}/penetapan`, {});
    assert.equal(early.headers['x-error-code'], 'EVAL_DECISION_NOT_YET', 'the penetapan waits for the negotiation');
    assert.match(early.body, /Klarifikasi Teknis dan Negosiasi/, 'and names that stage');
  });

  test('a Pokja member may not decide a PL (not its official), not even named as a member', async () => {
    t.clock.set(after1m(w.stage('klarifikasi_teknis_dan_negosiasi').start));
    const pokja = await signIn(t, w.pokja[0]!.username);
    const r = await post(pokja, '/dasbor', `${page()}/penetapan`, {});
    assert.equal(r.statusCode, 404, 'the PL is not among the Pokja member’s evaluations');
    // The policy itself: a POKJA holder in the member list of a PL is still not its official.
    const actor = {
      userId: w.pokja[0]!.id,
      username: w.pokja[0]!.username,
      name: 'x',
      email: 'x',
      sessionId: 's',
      roles: [{ role: 'POKJA' as const, agencyId: w.ukpbj.id }],
    };
    const ref = {
      ukpbjAgencyId: w.ukpbj.id,
      agencyId: w.agency.id,
      memberIds: [w.pokja[0]!.id],
      authority: 'POKJA' as const,
      window: { state: 'absent' as const },
      fmt: String,
      approved: true,
      hasCandidate: true,
      awarded: false,
    };
    const d = canDecide(actor, { ...ref, official: 'PEJABAT_PENGADAAN' }, t.clock.now());
    assert.equal(d.allowed ? null : d.code, 'EVAL_NOT_POKJA_MEMBER', 'refused as not the official');
    const asTender = canDecide(actor, { ...ref, official: 'POKJA' }, t.clock.now());
    assert.equal(
      asTender.allowed ? null : asTender.code,
      'EVAL_NO_DECISION_STAGE',
      'the same person passes for a tender',
    );
  });

  test('the PP negotiates and decides in the negotiation stage; announced and handed over at once', async () => {
    ppAgent = await signIn(t, pp.username);
    const neg = await post(ppAgent, page(), `${page()}/${v.vendor.id}/negosiasi`, { harga: '135.000.000' });
    assert.equal(neg.statusCode, 303, `negotiated: ${neg.headers['x-error-code']}`);
    const ok = await post(ppAgent, page(), `${page()}/penetapan`, {});
    assert.equal(ok.statusCode, 303, `decided by the PP: ${ok.headers['x-error-code']} ${ok.body.slice(0, 300)}`);
    const [award] = await t.db.select().from(evalAwards).where(eq(evalAwards.tenderId, w.tender.id));
    assert.equal(award?.vendorId, v.vendor.id, 'the vendor is awarded');
    assert.equal(award?.decidedBy, pp.id, 'by the PP');
    assert.equal(award?.nilaiNegosiasi, 135_000_000n, 'at the negotiated price');
    const pub = await t.app.inject({ method: 'GET', url: `/tender/${w.tender.kode}/hasil` });
    assert.match(pub.body, /Bahari Pustaka/, 'public at the penetapan (a non-tender has no announcement stage)');
    assert.equal((await awardOf(t.db, w.tender.id, t.clock.now()))?.vendorId, v.vendor.id, 'the award stands');
    assert.equal(await handOverStandingAwards(t.db, t.clock), 1, 'handed over to contracts');
    const [c] = await t.db.select().from(contractAwards).where(eq(contractAwards.tenderId, w.tender.id));
    assert.equal(c?.nilaiNegosiasi, 135_000_000n, 'contracts has the negotiated price');
  });
});
