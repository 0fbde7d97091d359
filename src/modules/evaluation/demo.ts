import type { Role } from '../../platform/auth/roles.ts';
import { type Clock, HOUR, ManualClock } from '../../platform/clock.ts';
import { demoActor } from '../../platform/demo-actor.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { DemoContext } from '../../platform/module.ts';
import { placeAuctionBid } from '../auction/index.ts';
import { demoVendor, loadDemoBidders } from '../registration/index.ts';
import { bundleOf, insertDemoTender, type ScheduleRow, type SyaratKualifikasi } from '../tenders/index.ts';
import { checklistOf } from './checklists.ts';
import { decideAward, inviteToProof, recordProofResult } from './commands/award.ts';
import { approveEvaluation, recordResult } from './commands/evaluate.ts';
import { recordOpenedBid } from './commands/opened-bid.ts';
import { fileSanggah } from './commands/sanggah.ts';
import { ASPECTS, type Aspect } from './evaluation.schema.ts';
import { decisionSpan } from './windows.ts';

const POKJA = ['pokja1', 'pokja2', 'pokja3'] as const;

const SYARAT: SyaratKualifikasi = {
  izinUsaha: 'NIB dengan SBU Bangunan Sipil, kualifikasi Kecil',
  kbli: ['42101'],
  pengalaman: 'Paling sedikit 1 pekerjaan konstruksi dalam 4 tahun terakhir',
  tenagaAhli: ['Manajer Pelaksanaan (SKK Jenjang 6)'],
  peralatan: ['Dump truck 3–4 m3: 2 unit', 'Asphalt finisher: 1 unit'],
};

/**
 * Evaluation demo (issue 12): two tenders of Dinas PUPR run by the SULAP demo's Pokja (pokja1–3, SETDA), built with
 * the tender demo's `insertDemoTender`:
 * - one in Evaluasi Penawaran today: three opened bids (one whose corrected price is above the HPS), administrasi
 *   recorded (one bidder fails), the rest to do (e2e/award-journey.spec.ts takes it to the BAST);
 * - one in Masa Sanggah: evaluated (one fails administrasi, one above HPS), pembuktian passed, approved by all three,
 *   the winner decided and announced (/tender/<kode>/hasil), and a sanggah filed today and not yet answered (the
 *   award is blocked until pokja1–3 answer it);
 * - a Tender Cepat (SETDA's own goods) in or just past "Penetapan dan Pengumuman Pemenang": three opened prices, an
 *   e-reverse auction in its Evaluasi Penawaran (Munse led, Bahari undercut it), results recorded during the auction,
 *   approved by pokja1–3 at its close, pokja1 decided: Bahari at its last auction price, announced at once
 *   (/tender/<kode>/hasil, /tender/<kode>/lelang/hasil); with no masa sanggah the hand-over job gives it to the PPK.
 * Skipped when the SULAP demo's Pokja is missing.
 */
export async function loadEvaluationDemo(ctx: DemoContext): Promise<void> {
  try {
    for (const u of POKJA) ctx.userId(u);
  } catch {
    return;
  }
  await loadDemoBidders(ctx);
  const vendorOf = (username: string) => demoVendor(ctx.tx, username);
  const aktif = await vendorOf('penyedia.aktif');
  const bahari = await vendorOf('penyedia.bahari');
  const munse = await vendorOf('penyedia.munse');
  const lantagi = await vendorOf('penyedia.lantagi');
  const year = ctx.clock.now().toISOString().slice(0, 4);

  const as = (username: string, role: Role, agencyCode: string | null, clock: Clock): Ctx =>
    demoActor(ctx, username, role, agencyCode ? ctx.agencyId(agencyCode) : null, clock);
  const pokjaAt = (u: string, clock: Clock) => as(u, 'POKJA', 'SETDA', clock);
  const allOk = (aspect: Aspect) =>
    Object.fromEntries(checklistOf(aspect, SYARAT, 'pekerjaan_konstruksi').map((c) => [c.item, true]));
  const passAll = async (c: Ctx, tenderId: string, vendorId: string) => {
    for (const aspect of ASPECTS)
      await recordResult(c, tenderId, { vendorId, aspect, passed: allOk(aspect), notes: {}, reason: null });
  };
  const failAdmin = (c: Ctx, tenderId: string, vendorId: string) =>
    recordResult(c, tenderId, {
      vendorId,
      aspect: 'administrasi',
      passed: { ...allOk('administrasi'), jaminan_penawaran: false },
      notes: { jaminan_penawaran: 'Masa berlaku jaminan 30 hari, dipersyaratkan 60 hari' },
      reason: 'Masa berlaku jaminan penawaran kurang dari yang dipersyaratkan.',
    });
  const stageStart = (s: ScheduleRow[], code: string) => s.find((r) => r.stage === code)!.start;
  const lines = (aspal: bigint, galian: string) => [
    { uraian: 'Lapis aspal beton AC-WC', volume: '1', satuan: 'ls', hargaSatuan: aspal },
    { uraian: 'Galian tanah biasa', volume: galian, satuan: 'm3', hargaSatuan: 95_000n },
  ];

  // 1. A tender in Evaluasi Penawaran.
  const a = await insertDemoTender(ctx, {
    kode: `${year}80001`,
    nama: 'Rehabilitasi Jembatan Lantagi',
    bundleId: 'tender-pascakualifikasi-1-file',
    agencyCode: 'PUPR',
    ukpbjCode: 'SETDA',
    members: POKJA,
    stageNow: 'evaluasi_penawaran',
    jenis: 'pekerjaan_konstruksi',
    pagu: 2_100_000_000n,
    hps: 1_980_000_000n,
    syarat: SYARAT,
    lokasi: ['Desa Lantagi, Kecamatan Wawonii Utara'],
    participants: [bahari, munse, lantagi],
  });
  const openedA = stageStart(a.schedule, 'pembukaan_dokumen_penawaran');
  await recordOpenedBid(ctx.tx, {
    tenderId: a.tenderId,
    vendorId: bahari.vendorId,
    hargaPenawaran: 1_874_500_000n,
    priceLines: lines(1_850_000_000n, '257,9'),
    openedAt: openedA,
  });
  await recordOpenedBid(ctx.tx, {
    tenderId: a.tenderId,
    vendorId: munse.vendorId,
    hargaPenawaran: 1_912_000_000n,
    // The arithmetic correction lifts it above the HPS (Rp1.988.000.000 > Rp1.980.000.000): the price aspect fails.
    priceLines: lines(1_950_000_000n, '400'),
    openedAt: openedA,
  });
  await recordOpenedBid(ctx.tx, {
    tenderId: a.tenderId,
    vendorId: lantagi.vendorId,
    hargaPenawaran: 1_799_000_000n,
    openedAt: openedA,
  });
  const evalA = new ManualClock(new Date(stageStart(a.schedule, 'evaluasi_penawaran').getTime() + HOUR));
  const p1a = pokjaAt('pokja1', evalA);
  for (const v of [bahari, munse])
    await recordResult(p1a, a.tenderId, {
      vendorId: v.vendorId,
      aspect: 'administrasi',
      passed: allOk('administrasi'),
      notes: {},
      reason: null,
    });
  await failAdmin(p1a, a.tenderId, lantagi.vendorId);

  // 2. A tender in Masa Sanggah, with an unanswered sanggah.
  const b = await insertDemoTender(ctx, {
    kode: `${year}80002`,
    nama: 'Peningkatan Jalan Lingkar Wawonii Ruas Munse–Lampeapi',
    bundleId: 'tender-pascakualifikasi-1-file',
    agencyCode: 'PUPR',
    ukpbjCode: 'SETDA',
    members: POKJA,
    stageNow: 'masa_sanggah',
    jenis: 'pekerjaan_konstruksi',
    pagu: 3_500_000_000n,
    hps: 3_240_000_000n,
    syarat: SYARAT,
    lokasi: ['Kecamatan Wawonii Timur Laut'],
    participants: [aktif, bahari, munse],
  });
  const openedB = stageStart(b.schedule, 'pembukaan_dokumen_penawaran');
  await recordOpenedBid(ctx.tx, {
    tenderId: b.tenderId,
    vendorId: aktif.vendorId,
    hargaPenawaran: 3_105_000_000n,
    priceLines: lines(3_080_000_000n, '263,2'),
    openedAt: openedB,
  });
  await recordOpenedBid(ctx.tx, {
    tenderId: b.tenderId,
    vendorId: bahari.vendorId,
    hargaPenawaran: 2_990_000_000n,
    openedAt: openedB,
  });
  await recordOpenedBid(ctx.tx, {
    tenderId: b.tenderId,
    vendorId: munse.vendorId,
    hargaPenawaran: 3_200_000_000n,
    priceLines: lines(3_250_000_000n, '120'),
    openedAt: openedB,
  });
  const clock = new ManualClock(new Date(stageStart(b.schedule, 'evaluasi_penawaran').getTime() + HOUR));
  const p1 = pokjaAt('pokja1', clock);
  await passAll(p1, b.tenderId, aktif.vendorId);
  await failAdmin(p1, b.tenderId, bahari.vendorId);
  await passAll(pokjaAt('pokja2', clock), b.tenderId, munse.vendorId); // the price aspect fails: above HPS
  const proofStart = stageStart(b.schedule, 'pembuktian_kualifikasi');
  await inviteToProof(p1, b.tenderId, {
    vendorId: aktif.vendorId,
    waktu: new Date(proofStart.getTime() + HOUR),
    sampai: new Date(proofStart.getTime() + 4 * HOUR),
    isOnline: false,
    tempat: 'Ruang Rapat Bagian PBJ, Kantor Bupati Konawe Kepulauan, Langara',
    link: null,
    dibawa:
      'Asli NIB, SBU, akta pendirian dan perubahan, kontrak pengalaman, SKK personel, bukti kepemilikan peralatan',
  });
  clock.set(new Date(proofStart.getTime() + 5 * HOUR));
  await recordProofResult(p1, b.tenderId, { vendorId: aktif.vendorId, hadir: true, lulus: true, reason: null });
  for (const u of POKJA) await approveEvaluation(pokjaAt(u, clock), b.tenderId);
  clock.set(new Date(stageStart(b.schedule, 'penetapan_pemenang').getTime() + HOUR));
  await decideAward(p1, b.tenderId);
  // Filed now when the masa sanggah runs now; otherwise (the demo loaded outside its hours) at its start.
  const sanggah = b.schedule.find((r) => r.stage === 'masa_sanggah')!;
  const nowMs = ctx.clock.now().getTime();
  const filing =
    nowMs >= sanggah.start.getTime() && nowMs < sanggah.end.getTime()
      ? ctx.clock
      : new ManualClock(new Date(sanggah.start.getTime() + HOUR));
  await fileSanggah(as('penyedia.bahari', 'PENYEDIA', null, filing), b.tenderId, {
    text: 'Jaminan penawaran kami berlaku 60 hari sejak batas akhir penawaran sebagaimana tercantum pada halaman 2; mohon evaluasi administrasi ditinjau kembali.',
    file: null,
  });

  await loadTenderCepatAward(ctx, { bahari, munse, lantagi }, year, as);
}

/** Next-decisions §1: a Tender Cepat taken to its award (see the module comment). Skipped when no schedule fits. */
async function loadTenderCepatAward(
  ctx: DemoContext,
  v: Record<'bahari' | 'munse' | 'lantagi', { vendorId: string; userId: string }>,
  year: string,
  as: (username: string, role: Role, agencyCode: string | null, clock: Clock) => Ctx,
): Promise<void> {
  const kode = `${year}80003`;
  const syarat: SyaratKualifikasi = {
    izinUsaha: 'NIB dengan KBLI perdagangan eceran komputer',
    kbli: ['47411'],
    pengalaman: 'Paling sedikit 1 pekerjaan pengadaan barang dalam 4 tahun terakhir',
    tenagaAhli: [],
    peralatan: [],
  };
  const input = {
    kode,
    nama: 'Pengadaan Komputer dan Printer Bagian Pengadaan Barang/Jasa',
    bundleId: 'tender-cepat',
    agencyCode: 'PUPR',
    ukpbjCode: 'SETDA',
    members: POKJA,
    jenis: 'barang',
    pagu: 480_000_000n,
    hps: 465_000_000n,
    syarat,
    lokasi: ['Langara'],
    participants: [v.bahari, v.munse, v.lantagi],
  };
  let found: Awaited<ReturnType<typeof insertDemoTender>> | undefined;
  // Outside working hours the combined stage may have ended with the next not begun; a later stage will do.
  for (const stageNow of ['penetapan_dan_pengumuman_pemenang', 'sppbj']) {
    try {
      found = await insertDemoTender(ctx, { ...input, stageNow });
      break;
    } catch {
      // try the next stage
    }
  }
  if (!found) return;
  const c = found;
  const stage = (code: string) => c.schedule.find((r) => r.stage === code)!;
  const auction = stage('evaluasi_penawaran');
  const openedAt = auction.start;
  for (const [who, harga] of [
    [v.bahari, 455_000_000n],
    [v.munse, 449_000_000n],
    [v.lantagi, 462_000_000n],
  ] as const)
    await recordOpenedBid(ctx.tx, { tenderId: c.tenderId, vendorId: who.vendorId, hargaPenawaran: harga, openedAt });
  const bid = (username: string, minutes: number, harga: bigint) =>
    placeAuctionBid(
      as(username, 'PENYEDIA', null, new ManualClock(new Date(openedAt.getTime() + minutes * 60_000))),
      kode,
      harga,
    );
  await bid('penyedia.bahari', 30, 445_000_000n);
  await bid('penyedia.munse', 35, 441_000_000n);
  await bid('penyedia.lantagi', 40, 452_500_000n);
  await bid('penyedia.bahari', 50, 438_000_000n);
  // The Pokja records the results while the auction runs (the price is settled by the auction) …
  const during = new ManualClock(new Date(openedAt.getTime() + HOUR));
  const p1 = as('pokja1', 'POKJA', 'SETDA', during);
  for (const who of [v.bahari, v.munse, v.lantagi])
    for (const aspect of ASPECTS)
      await recordResult(p1, c.tenderId, {
        vendorId: who.vendorId,
        aspect,
        passed: Object.fromEntries(checklistOf(aspect, syarat, 'barang').map((x) => [x.item, true])),
        notes: {},
        reason: null,
      });
  // … approves it from the auction's close, and decides in the combined stage.
  const closed = new ManualClock(auction.end);
  for (const u of POKJA) await approveEvaluation(as(u, 'POKJA', 'SETDA', closed), c.tenderId);
  const decision = decisionSpan(bundleOf('tender-cepat', '2021.1')!, c.schedule)!;
  const now = ctx.clock.now().getTime();
  const at = Math.max(decision.start.getTime() + 60_000, Math.min(now - 60_000, decision.start.getTime() + HOUR));
  await decideAward(as('pokja1', 'POKJA', 'SETDA', new ManualClock(new Date(at))), c.tenderId);
}
