import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import type { Agent } from '../../test/agent.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { PDF, postMultipart } from '../../test/multipart.ts';
import { contractAwards } from '../contracts/contracts.schema.ts';
import { checklistOf } from './checklists.ts';
import { loadEvaluation } from './evaluation.repository.ts';
import { evalApprovals } from './evaluation.schema.ts';
import { buildAnnouncedTender, buildVendor, signIn } from './evaluation.test-support.ts';
import { handOverStandingAwards } from './handover.ts';
import { awardOf, correctedTotal, evaluationOutcome, recordOpenedBid } from './index.ts';
import { parseVolume } from './money.ts';
import { contentHash, officialContent } from './pdf.ts';

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

/** The checklist form with every item ticked (or all but `fail`), plus extra fields. */
function fields(aspect: (typeof ASPECTS)[number], opts: { fail?: string; extra?: Record<string, string> } = {}) {
  const f: Record<string, string> = {};
  for (const c of checklistOf(aspect, syarat, 'pekerjaan_konstruksi'))
    if (c.item !== opts.fail) f[`ok_${c.item}`] = 'ya';
  return { ...f, ...opts.extra };
}

async function post(agent: Agent, page: string, url: string, body: Record<string, string>) {
  await agent.get(page);
  return agent.post(url, body);
}

describe('R12 money rules: arithmetic correction in integer rupiah', () => {
  test('Σ volume × harga satuan, volumes as decimals, rounded once half up', () => {
    assert.equal(parseVolume('12,5'), 125_000n);
    assert.equal(parseVolume('0.0001'), 1n);
    for (const bad of ['-1', '1e3', '1.23456', '', 'abc', '1,2,3']) assert.equal(parseVolume(bad), null, bad);
    assert.equal(
      correctedTotal([
        { volume: '1', hargaSatuan: '500000000' },
        { volume: '12,5', hargaSatuan: '1000001' },
      ]),
      512_500_013n, // 12,5 × 1.000.001 = 12.500.012,5 → rounded up once, at the end
    );
    assert.equal(correctedTotal([{ volume: '0.3333', hargaSatuan: '3' }]), 1n); // 0,9999
    // Large values stay exact (no float): 9.999.999,9999 × 99.999.999.999
    assert.equal(correctedTotal([{ volume: '9999999.9999', hargaSatuan: '99999999999' }]), 999_999_999_980_000_000n); // 10¹⁸ − 2·10⁷ + 0,0001
  });
});

describe('R12 evaluation, pembuktian, penetapan and sanggah (pascakualifikasi 1 file)', () => {
  let t: TestApp;
  let w: Tender;
  let members: Agent[];
  let alpha: Vendor; // passes everything
  let beta: Vendor; // lowest, fails administrasi
  let gamma: Vendor; // corrected price above HPS
  let delta: Vendor; // a vendor who did not bid
  const page = () => `/kelola/tender/${w.tender.id}/evaluasi`;

  async function at(d: Date) {
    t.clock.set(d);
    members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
  }

  before(async () => {
    t = await createTestApp();
    w = await buildAnnouncedTender(t);
    alpha = await buildVendor(t, 'Alpha Wawonii');
    beta = await buildVendor(t, 'Beta Konawe');
    gamma = await buildVendor(t, 'Gamma Langara');
    delta = await buildVendor(t, 'Delta Munse');
    const openedAt = w.stage('pembukaan_dokumen_penawaran').start;
    await t.db.transaction(async (tx) => {
      // The seam the bids module calls at the opening.
      const a = await recordOpenedBid(tx, {
        tenderId: w.tender.id,
        vendorId: alpha.vendor.id,
        hargaPenawaran: 900_000_000n,
        priceLines: [
          { uraian: 'Pekerjaan aspal', volume: '1', satuan: 'ls', hargaSatuan: 887_500_000n },
          { uraian: 'Galian tanah', volume: '12,5', satuan: 'm3', hargaSatuan: 1_000_000n },
        ],
        openedAt,
      });
      assert.equal(a.hargaTerkoreksi, 900_000_000n);
      await recordOpenedBid(tx, {
        tenderId: w.tender.id,
        vendorId: beta.vendor.id,
        hargaPenawaran: 850_000_000n,
        openedAt,
      });
      const g = await recordOpenedBid(tx, {
        tenderId: w.tender.id,
        vendorId: gamma.vendor.id,
        hargaPenawaran: 800_000_000n, // as read; its lines add up to more than the HPS
        priceLines: [{ uraian: 'Pekerjaan aspal', volume: '1,05', satuan: 'ls', hargaSatuan: 1_000_000_000n }],
        openedAt,
      });
      assert.equal(g.hargaTerkoreksi, 1_050_000_000n);
    });
    members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
  });
  after(() => t.close());

  test('stage gating: nothing is recorded before the evaluation stage opens (the refusal names when)', async () => {
    const res = await post(members[0]!, page(), `${page()}/${alpha.vendor.id}/administrasi`, fields('administrasi'));
    assert.equal(res.statusCode, 403);
    assert.equal(res.headers['x-error-code'], 'EVAL_NOT_YET');
    assert.match(res.body, /dibuka/);
  });

  test('only the tender’s Pokja members see and record the evaluation', async () => {
    await at(new Date(w.stage('evaluasi_penawaran').start.getTime() + 60_000));
    const outsider = await signIn(t, w.outsider.username);
    assert.equal((await outsider.get(page())).statusCode, 404);
    const vendorAgent = await signIn(t, alpha.user.username);
    assert.equal((await vendorAgent.get(page())).statusCode, 403);
    const ok = await members[1]!.get(page());
    assert.equal(ok.statusCode, 200);
    // Ranked by harga terkoreksi: Beta 850 jt, Alpha 900 jt, Gamma 1.050 jt.
    const order = ['Beta Konawe', 'Alpha Wawonii', 'Gamma Langara'].map((n) => ok.body.indexOf(n));
    assert.ok(order[0]! > 0 && order[0]! < order[1]! && order[1]! < order[2]!, String(order));
    assert.match(ok.body, /di atas HPS/);
  });

  test('sistem gugur: in order, a fail needs a reason, a failed bidder is not evaluated further', async () => {
    const m = members[0]!;
    const early = await post(m, page(), `${page()}/${alpha.vendor.id}/harga`, fields('harga'));
    assert.equal(early.statusCode, 409);
    assert.equal(early.headers['x-error-code'], 'EVAL_ORDER');

    const noReason = await post(
      m,
      page(),
      `${page()}/${beta.vendor.id}/administrasi`,
      fields('administrasi', { fail: 'jaminan_penawaran' }),
    );
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.headers['x-error-code'], 'EVAL_REASON_REQUIRED');
    const failed = await post(
      m,
      page(),
      `${page()}/${beta.vendor.id}/administrasi`,
      fields('administrasi', {
        fail: 'jaminan_penawaran',
        extra: { reason: 'Jaminan penawaran tidak sah', note_surat_penawaran: 'CATATAN-INTERNAL-POKJA' },
      }),
    );
    assert.equal(failed.statusCode, 303, failed.body.slice(0, 800));
    const further = await post(m, page(), `${page()}/${beta.vendor.id}/kualifikasi`, fields('kualifikasi'));
    assert.equal(further.headers['x-error-code'], 'EVAL_ALREADY_FAILED');

    for (const a of ASPECTS) {
      const r = await post(m, page(), `${page()}/${alpha.vendor.id}/${a}`, fields(a));
      assert.equal(r.statusCode, 303, `${a}: ${r.body.slice(0, 800)}`);
    }
  });

  test('a bid whose corrected price is above the HPS fails the price evaluation, whatever is ticked', async () => {
    const m = members[2]!;
    for (const a of ASPECTS.slice(0, 3))
      assert.equal((await post(m, page(), `${page()}/${gamma.vendor.id}/${a}`, fields(a))).statusCode, 303);
    const r = await post(m, page(), `${page()}/${gamma.vendor.id}/harga`, fields('harga'));
    assert.equal(r.statusCode, 303);
    const body = (await m.get(page())).body;
    assert.match(body, /Harga terkoreksi Rp\s?1\.050\.000\.000 melebihi HPS Rp\s?1\.000\.000\.000/);
  });

  test('kolektif kolegial: a change withdraws earlier approvals; the decision waits for every member', async () => {
    assert.equal((await post(members[0]!, page(), `${page()}/setujui`, {})).statusCode, 303);
    assert.match((await members[0]!.get(page())).body, /1 dari 3 anggota/);
    // A re-recorded result raises the version: the first approval no longer counts.
    assert.equal(
      (await post(members[1]!, page(), `${page()}/${alpha.vendor.id}/harga`, fields('harga'))).statusCode,
      303,
    );
    assert.match((await members[0]!.get(page())).body, /0 dari 3 anggota/);
    const twice = await post(members[1]!, page(), `${page()}/setujui`, {});
    assert.equal(twice.statusCode, 303);
    assert.equal(
      (await post(members[1]!, page(), `${page()}/setujui`, {})).headers['x-error-code'],
      'EVAL_ALREADY_APPROVED',
    );
    assert.equal((await post(members[2]!, page(), `${page()}/setujui`, {})).statusCode, 303);
    // Two of three so far.
    const rows = await t.db.select().from(evalApprovals).where(eq(evalApprovals.tenderId, w.tender.id));
    assert.equal(rows.length, 3); // one stale (version before the change) + two current
  });

  test('pembuktian: only a bidder who passed is invited; attendance and result are recorded', async () => {
    const m = members[0]!;
    const notPassed = await post(m, page(), `${page()}/${beta.vendor.id}/pembuktian`, {
      waktu: '2026-03-20T09:00',
      sampai: '2026-03-20T12:00',
      tempat: 'Ruang Rapat UKPBJ',
      dibawa: 'Dokumen asli',
    });
    assert.equal(notPassed.headers['x-error-code'], 'EVAL_PROOF_NOT_PASSED');
    const bad = await post(m, page(), `${page()}/${alpha.vendor.id}/pembuktian`, {
      waktu: 'besok',
      sampai: '2026-03-20T12:00',
      tempat: 'x',
      dibawa: 'x',
    });
    assert.equal(bad.statusCode, 400);
    const inv = await post(m, page(), `${page()}/${alpha.vendor.id}/pembuktian`, {
      waktu: '2026-03-20T09:00',
      sampai: '2026-03-20T12:00',
      isOnline: 'ya',
      link: 'https://rapat.example/pembuktian',
      dibawa: 'Asli akta pendirian, NIB, SBU dan bukti pengalaman',
    });
    assert.equal(inv.statusCode, 303, inv.body.slice(0, 800));
    const vendorAgent = await signIn(t, alpha.user.username);
    const mine = await vendorAgent.get(`/tender/${w.tender.kode}/sanggah`);
    assert.match(mine.body, /rapat\.example\/pembuktian/);
    const res = await post(m, page(), `${page()}/${alpha.vendor.id}/pembuktian/hasil`, { hadir: 'ya', lulus: 'ya' });
    assert.equal(res.statusCode, 303);
    // The proof result raised the version: the members approve the final evaluation.
    for (const a of members) assert.equal((await post(a, page(), `${page()}/setujui`, {})).statusCode, 303);
    assert.match((await m.get(page())).body, /disetujui seluruh anggota Pokja/);
  });

  test('no negotiation in a method without the stage', async () => {
    const r = await post(members[0]!, page(), `${page()}/${alpha.vendor.id}/negosiasi`, { harga: '880.000.000' });
    assert.equal(r.headers['x-error-code'], 'EVAL_NO_NEGOTIATION');
  });

  test('penetapan in its stage by a Pokja member; the public result waits for the announcement', async () => {
    const early = await post(members[0]!, page(), `${page()}/penetapan`, {});
    assert.equal(early.headers['x-error-code'], 'EVAL_DECISION_NOT_YET');
    await at(new Date(w.stage('penetapan_pemenang').start.getTime() + 60_000));
    // After the evaluation stages nothing changes any more.
    const late = await post(members[0]!, page(), `${page()}/${gamma.vendor.id}/harga`, fields('harga'));
    assert.equal(late.headers['x-error-code'], 'EVAL_CLOSED');
    const ok = await post(members[1]!, page(), `${page()}/penetapan`, {});
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 800));
    assert.equal(
      (await post(members[2]!, page(), `${page()}/penetapan`, {})).headers['x-error-code'],
      'EVAL_ALREADY_AWARDED',
    );
    const pub = await t.app.inject({ method: 'GET', url: `/tender/${w.tender.kode}/hasil` });
    assert.equal(pub.statusCode, 200);
    assert.match(pub.body, /diumumkan pada tahap Pengumuman Pemenang/);
    assert.doesNotMatch(pub.body, /Alpha Wawonii/);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: `/tender/${w.tender.kode}/hasil/pengumuman.pdf` })).statusCode,
      404,
    );
    assert.equal(await awardOf(t.db, w.tender.id, t.clock.now()), null);
  });

  test('the public result page: SPSE columns, masked NPWPs only, public fail reasons, no internal notes', async () => {
    await at(new Date(w.stage('pengumuman_pemenang').start.getTime() + 60_000));
    const pub = await t.app.inject({ method: 'GET', url: `/tender/${w.tender.kode}/hasil` });
    assert.equal(pub.statusCode, 200);
    for (const h of ['Harga Penawaran', 'Harga Terkoreksi', 'Harga Negosiasi', 'Skor', '★', 'CV Alpha Wawonii']) {
      assert.ok(pub.body.includes(h), h);
    }
    assert.match(pub.body, /Jaminan penawaran tidak sah/);
    assert.match(pub.body, /melebihi HPS/);
    assert.doesNotMatch(pub.body, /CATATAN-INTERNAL-POKJA/);
    for (const v of [alpha, beta, gamma]) {
      assert.ok(!pub.body.includes(v.npwp), `unmasked NPWP of ${v.vendor.name}`);
      // Nor any formatted form of it (digits with separators).
      const digits = pub.body.replace(/[^0-9*]/g, '');
      assert.ok(!digits.includes(v.npwp), `NPWP digits of ${v.vendor.name}`);
    }
    assert.match(pub.body, /\*/, 'masked NPWPs are shown');

    // R12 item 8: the pengumuman pemenang as PDF, its verification code checked on the public page.
    const pdf = await t.app.inject({ method: 'GET', url: `/tender/${w.tender.kode}/hasil/pengumuman.pdf` });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const e = (await loadEvaluation(t.db, w.tender.id))!;
    const h = contentHash(officialContent(e, 'pengumuman'));
    const ok = await t.app.inject({
      method: 'GET',
      url: `/verifikasi-dokumen?kode=${w.tender.kode}&jenis=pengumuman&h=${h}`,
    });
    assert.match(ok.body, /Sah: kode verifikasi cocok/);
    const forged = `${h.slice(0, 63)}${h.endsWith('0') ? '1' : '0'}`;
    const bad = await t.app.inject({
      method: 'GET',
      url: `/verifikasi-dokumen?kode=${w.tender.kode}&jenis=pengumuman&h=${forged}`,
    });
    assert.match(bad.body, /Tidak cocok/);
    // The BAHP (with the checklists) is for the Pokja only.
    const bahp = await members[0]!.get(`${page()}/bahp.pdf`);
    assert.equal(bahp.statusCode, 200);
    assert.equal(bahp.headers['content-type'], 'application/pdf');
    const anon = await t.app.inject({ method: 'GET', url: `${page()}/bahp.pdf` });
    assert.equal(anon.statusCode, 303); // to the sign-in page
    assert.match(String(anon.headers.location), /\/masuk/);
    assert.ok(!JSON.stringify(officialContent(e, 'pengumuman')).includes('CATATAN-INTERNAL-POKJA'));
    assert.ok(JSON.stringify(officialContent(e, 'bahp')).includes('CATATAN-INTERNAL-POKJA'));
  });

  test('sanggah: a bidder files in the masa sanggah; the award is blocked until the Pokja answers', async () => {
    const betaAgent = await signIn(t, beta.user.username);
    const early = await betaAgent.get(`/tender/${w.tender.kode}/sanggah`);
    assert.equal(early.statusCode, 200);
    const notYet = await postMultipart(betaAgent, `/tender/${w.tender.kode}/sanggah`, { text: 'Terlalu cepat' }, {});
    assert.equal(notYet.headers['x-error-code'], 'SANGGAH_NOT_YET');

    await at(new Date(w.stage('masa_sanggah').start.getTime() + 60_000));
    const b2 = await signIn(t, beta.user.username);
    await b2.get(`/tender/${w.tender.kode}/sanggah`);
    const filed = await postMultipart(
      b2,
      `/tender/${w.tender.kode}/sanggah`,
      { text: 'Jaminan penawaran kami sah: terlampir konfirmasi penerbit.' },
      { berkas: { name: 'konfirmasi.pdf', data: PDF } },
    );
    assert.equal(filed.statusCode, 303, filed.body.slice(0, 800));
    // A vendor who did not bid has no sanggah page.
    const deltaAgent = await signIn(t, delta.user.username);
    assert.equal((await deltaAgent.get(`/tender/${w.tender.kode}/sanggah`)).statusCode, 404);

    // Masa sanggah over, one sanggah unanswered: the award does not stand.
    await at(new Date(w.stage('masa_sanggah').end.getTime() + 60_000));
    assert.equal(await awardOf(t.db, w.tender.id, t.clock.now()), null);
    assert.match((await members[0]!.get(page())).body, /ada sanggah yang belum dijawab/);

    // The Pokja's dashboard and list lead to it.
    assert.match((await members[0]!.get('/dasbor')).body, /1 sanggah belum dijawab/);
    assert.match((await members[0]!.get('/kelola/evaluasi')).body, new RegExp(`${w.tender.kode} — `));
    const pokjaPage = (await members[0]!.get(page())).body;
    const sid = /\/sanggah\/([0-9a-f-]{36})\/jawab/.exec(pokjaPage)![1]!;
    const ans = await members[0]!.post(`/kelola/tender/${w.tender.id}/sanggah/${sid}/jawab`, {
      outcome: 'ditolak',
      answer: 'Konfirmasi penerbit tertanggal setelah batas akhir penawaran.',
    });
    assert.equal(ans.statusCode, 303, ans.body.slice(0, 800));
    const award = await awardOf(t.db, w.tender.id, t.clock.now());
    assert.ok(award);
    assert.equal(award.vendorId, alpha.vendor.id);
    assert.equal(award.nilaiPenawaran, 900_000_000n);
    assert.equal(award.nilaiTerkoreksi, 900_000_000n);
    assert.equal(award.nilaiNegosiasi, null);
    assert.equal(award.decidedBy, w.pokja[1]!.id);

    // The answer is visible to every bidder.
    const alphaAgent = await signIn(t, alpha.user.username);
    assert.match((await alphaAgent.get(`/tender/${w.tender.kode}/sanggah`)).body, /tertanggal setelah batas akhir/);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.objectId, w.tender.id));
    for (const a of [
      'evaluation.result_recorded',
      'evaluation.approved',
      'evaluation.award_decided',
      'evaluation.sanggah_filed',
      'evaluation.sanggah_answered',
    ])
      assert.ok(
        events.some((e) => e.action === a),
        a,
      );
  });
  test('sanggah banding (construction): with its jaminan, it blocks the award until the PA/KPA answers', async () => {
    const b3 = await signIn(t, beta.user.username);
    const page3 = await b3.get(`/tender/${w.tender.kode}/sanggah`);
    assert.match(page3.body, /Jaminan sanggah banding 1% dari HPS: Rp\s?10\.000\.000/);
    const sid = /name="sanggahId" value="([0-9a-f-]{36})"/.exec(page3.body)![1]!;
    const filed = await b3.post(`/tender/${w.tender.kode}/sanggah-banding`, {
      sanggahId: sid,
      bandingText: 'Kami keberatan atas jawaban sanggah.',
      jaminanNomor: 'BG-0099/2026',
    });
    assert.equal(filed.statusCode, 303, filed.body.slice(0, 500));
    assert.equal(await awardOf(t.db, w.tender.id, t.clock.now()), null);
    await b3.get(`/tender/${w.tender.kode}/sanggah`);
    const twice = await b3.post(`/tender/${w.tender.kode}/sanggah-banding`, {
      sanggahId: sid,
      bandingText: 'Lagi.',
      jaminanNomor: 'BG-0100/2026',
    });
    assert.equal(twice.headers['x-error-code'], 'BANDING_FILED');
    // The Pokja may not answer it; the PA of the tender's agency does.
    assert.equal((await members[0]!.get(`/kelola/sanggah-banding/${w.tender.id}`)).statusCode, 403);
    const pa = await signIn(t, w.pa.username);
    assert.match((await pa.get('/dasbor')).body, /1 sanggah banding belum dijawab/);
    const pg = (await pa.get(`/kelola/sanggah-banding/${w.tender.id}`)).body;
    const bid = /\/kelola\/sanggah-banding\/[0-9a-f-]{36}\/([0-9a-f-]{36})\/jawab/.exec(pg)![1]!;
    const ans = await pa.post(`/kelola/sanggah-banding/${w.tender.id}/${bid}/jawab`, {
      outcome: 'ditolak',
      answer: 'Sanggah banding tidak benar; jaminan dicairkan.',
    });
    assert.equal(ans.statusCode, 303, ans.body.slice(0, 500));
    assert.equal((await awardOf(t.db, w.tender.id, t.clock.now()))?.vendorId, alpha.vendor.id);

    // The standing winner goes to the PPK (contracts module), once.
    assert.equal(await handOverStandingAwards(t.db, t.clock), 1);
    assert.equal(await handOverStandingAwards(t.db, t.clock), 0);
    const handed = await t.db.select().from(contractAwards).where(eq(contractAwards.tenderId, w.tender.id));
    assert.deepEqual(
      handed.map((a) => [a.vendorId, a.nilaiTerkoreksi, a.status]),
      [[alpha.vendor.id, 900_000_000n, 'aktif']],
    );
  });
});

describe('R12 who decides: the PA/KPA above the threshold; all above HPS → gagal', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('above Rp100 miliar the Pokja may not decide; the PA of the agency does', async () => {
    const w = await buildAnnouncedTender(t, { pagu: 120_000_000_000n, hps: 110_000_000_000n });
    const v = await buildVendor(t, 'Epsilon Raya');
    await t.db.transaction((tx) =>
      recordOpenedBid(tx, {
        tenderId: w.tender.id,
        vendorId: v.vendor.id,
        hargaPenawaran: 100_000_000_000n,
        openedAt: w.stage('pembukaan_dokumen_penawaran').start,
      }),
    );
    const page = `/kelola/tender/${w.tender.id}/evaluasi`;
    t.clock.set(new Date(w.stage('evaluasi_penawaran').start.getTime() + 60_000));
    let members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
    for (const a of ASPECTS)
      assert.equal((await post(members[0]!, page, `${page}/${v.vendor.id}/${a}`, fields(a))).statusCode, 303);
    await post(members[0]!, page, `${page}/${v.vendor.id}/pembuktian`, {
      waktu: '2026-03-20T09:00',
      sampai: '2026-03-20T12:00',
      tempat: 'Ruang Rapat UKPBJ',
      dibawa: 'Dokumen asli',
    });
    assert.equal(
      (await post(members[0]!, page, `${page}/${v.vendor.id}/pembuktian/hasil`, { hadir: 'ya', lulus: 'ya' }))
        .statusCode,
      303,
    );
    for (const m of members) assert.equal((await post(m, page, `${page}/setujui`, {})).statusCode, 303);
    t.clock.set(new Date(w.stage('penetapan_pemenang').start.getTime() + 60_000));
    members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
    const refused = await post(members[0]!, page, `${page}/penetapan`, {});
    assert.equal(refused.headers['x-error-code'], 'EVAL_DECIDED_BY_PA_KPA');
    const pa = await signIn(t, w.pa.username);
    const ok = await post(pa, `/kelola/penetapan/${w.tender.id}`, `/kelola/penetapan/${w.tender.id}`, {});
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 800));
    // Another agency's PA does not see it.
    const other = await buildAnnouncedTender(t);
    const otherPa = await signIn(t, other.pa.username);
    assert.equal((await otherPa.get(`/kelola/penetapan/${w.tender.id}`)).statusCode, 404);
  });

  test('an upheld sanggah withdraws the award: awardOf stays null and the winner leaves the public page', async () => {
    const w = await buildAnnouncedTender(t);
    const win = await buildVendor(t, 'Eta Bahari');
    const other = await buildVendor(t, 'Theta Raya');
    const openedAt = w.stage('pembukaan_dokumen_penawaran').start;
    await t.db.transaction(async (tx) => {
      await recordOpenedBid(tx, {
        tenderId: w.tender.id,
        vendorId: win.vendor.id,
        hargaPenawaran: 700_000_000n,
        openedAt,
      });
      await recordOpenedBid(tx, {
        tenderId: w.tender.id,
        vendorId: other.vendor.id,
        hargaPenawaran: 650_000_000n,
        openedAt,
      });
    });
    const page = `/kelola/tender/${w.tender.id}/evaluasi`;
    t.clock.set(new Date(w.stage('evaluasi_penawaran').start.getTime() + 60_000));
    let members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
    for (const a of ASPECTS)
      assert.equal((await post(members[0]!, page, `${page}/${win.vendor.id}/${a}`, fields(a))).statusCode, 303);
    await post(members[0]!, page, `${page}/${other.vendor.id}/teknis`, {}); // out of order: refused, nothing written
    assert.equal(
      (
        await post(
          members[0]!,
          page,
          `${page}/${other.vendor.id}/administrasi`,
          fields('administrasi', {
            fail: 'surat_penawaran',
            extra: { reason: 'Surat penawaran tidak ditandatangani' },
          }),
        )
      ).statusCode,
      303,
    );
    await post(members[0]!, page, `${page}/${win.vendor.id}/pembuktian`, {
      waktu: '2026-03-20T09:00',
      sampai: '2026-03-20T12:00',
      tempat: 'Ruang Rapat UKPBJ',
      dibawa: 'Dokumen asli',
    });
    await post(members[0]!, page, `${page}/${win.vendor.id}/pembuktian/hasil`, { hadir: 'ya', lulus: 'ya' });
    for (const m of members) assert.equal((await post(m, page, `${page}/setujui`, {})).statusCode, 303);
    t.clock.set(new Date(w.stage('penetapan_pemenang').start.getTime() + 60_000));
    members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
    assert.equal((await post(members[0]!, page, `${page}/penetapan`, {})).statusCode, 303);

    t.clock.set(new Date(w.stage('masa_sanggah').start.getTime() + 60_000));
    const otherAgent = await signIn(t, other.user.username);
    await otherAgent.get(`/tender/${w.tender.kode}/sanggah`);
    const filed = await postMultipart(otherAgent, `/tender/${w.tender.kode}/sanggah`, {
      text: 'Surat penawaran kami ditandatangani secara elektronik.',
    });
    assert.equal(filed.statusCode, 303, filed.body.slice(0, 500));
    // The answer period runs past the masa sanggah; answer after it, within the period.
    t.clock.set(new Date(w.stage('masa_sanggah').end.getTime() + 60_000));
    members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
    const sid = /\/sanggah\/([0-9a-f-]{36})\/jawab/.exec((await members[2]!.get(page)).body)![1]!;
    const ans = await members[2]!.post(`/kelola/tender/${w.tender.id}/sanggah/${sid}/jawab`, {
      outcome: 'diterima',
      answer: 'Tanda tangan elektronik sah; evaluasi administrasi diulang.',
    });
    assert.equal(ans.statusCode, 303, ans.body.slice(0, 500));
    assert.equal(await awardOf(t.db, w.tender.id, t.clock.now()), null);
    const e = (await loadEvaluation(t.db, w.tender.id))!;
    assert.equal(e.award, undefined);
    assert.equal(e.approved, false, 're-evaluation: the approvals lapse');
    const pub = await t.app.inject({ method: 'GET', url: `/tender/${w.tender.kode}/hasil` });
    assert.doesNotMatch(pub.body, /★/);

    // Re-evaluation (Perpres 16/2018 Ps. 50): outside the schedule's evaluation and decision stages, the Pokja
    // corrects the result the sanggah was right about, re-approves the new version and decides again.
    assert.ok(e.reevaluationSince, 'the withdrawal opens a re-evaluation');
    const firstVersion = e.version;
    const overview = await members[0]!.get(page);
    assert.match(overview.body, /Evaluasi ulang/);
    for (const a of ASPECTS) {
      const r = await post(members[0]!, page, `${page}/${other.vendor.id}/${a}`, fields(a));
      assert.equal(r.statusCode, 303, `${a}: ${r.headers['x-error-code']}`);
    }
    await post(members[0]!, page, `${page}/${other.vendor.id}/pembuktian`, {
      waktu: '2026-03-20T09:00',
      sampai: '2026-03-20T12:00',
      tempat: 'Ruang Rapat UKPBJ',
      dibawa: 'Dokumen asli',
    });
    await post(members[0]!, page, `${page}/${other.vendor.id}/pembuktian/hasil`, { hadir: 'ya', lulus: 'ya' });
    const early = await post(members[0]!, page, `${page}/penetapan`, {});
    assert.equal(early.headers['x-error-code'], 'EVAL_NOT_APPROVED', 'the new version needs every member again');
    for (const m of members) assert.equal((await post(m, page, `${page}/setujui`, {})).statusCode, 303);
    assert.equal((await post(members[1]!, page, `${page}/penetapan`, {})).statusCode, 303);
    const again = (await loadEvaluation(t.db, w.tender.id))!;
    assert.equal(again.award?.vendorId, other.vendor.id, 'the re-award goes to the bidder whose sanggah was upheld');
    assert.ok(again.award!.evalVersion > firstVersion, 'the re-award names the new evaluation version');
    assert.equal(again.reevaluationSince, null);
    // The masa sanggah is over and answered: the new winner stands and goes to the PPK.
    assert.equal((await awardOf(t.db, w.tender.id, t.clock.now()))?.vendorId, other.vendor.id);
    const more = await post(members[0]!, page, `${page}/${win.vendor.id}/harga`, fields('harga'));
    assert.equal(more.headers['x-error-code'], 'EVAL_CLOSED', 'the re-evaluation closes with the re-award');
  });

  test('every bid above the HPS: the outcome names reason g for the tender gagal', async () => {
    const w = await buildAnnouncedTender(t, { hps: 500_000_000n });
    const openedAt = w.stage('pembukaan_dokumen_penawaran').start;
    for (const [i, harga] of [600_000_000n, 700_000_000n].entries()) {
      const v = await buildVendor(t, `Zeta ${i}`);
      await t.db.transaction((tx) =>
        recordOpenedBid(tx, { tenderId: w.tender.id, vendorId: v.vendor.id, hargaPenawaran: harga, openedAt }),
      );
    }
    const out = await evaluationOutcome(t.db, w.tender.id);
    assert.deepEqual(out, { bids: 2, passed: 0, allAboveHps: true, reason: 'g_harga_di_atas_hps' });
    const empty = await buildAnnouncedTender(t);
    assert.equal((await evaluationOutcome(t.db, empty.tender.id))?.reason, 'b_tidak_ada_penawaran');
  });
});
