import type { Role } from '../../platform/auth/roles.ts';
import { type Clock, HOUR, ManualClock } from '../../platform/clock.ts';
import { demoActor } from '../../platform/demo-actor.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { DemoContext } from '../../platform/module.ts';
import { recordOpenedBid } from '../evaluation/index.ts';
import { demoVendor, loadDemoBidders } from '../registration/index.ts';
import { insertDemoTender, type ScheduleRow } from '../tenders/index.ts';
import { placeAuctionBid } from './commands/bid.ts';
import { recordScores, saveSetup } from './commands/seleksi.ts';

const POKJA = ['pokja1', 'pokja2', 'pokja3'] as const;

/**
 * Demo (issue 12, items 1 and 7), run by the SULAP demo's Pokja (pokja1–3, SETDA):
 * - `<year>81001` a seleksi 2-file (konsultansi) in "Pembukaan dan Evaluasi Penawaran File I": criteria and weights set
 *   (kualitas dan biaya 70/30, ambang 70), pokja1 and pokja2 scored every bidder, pokja3 still to score;
 * - `<year>81002` a Tender Cepat whose reverse auction (the Evaluasi Penawaran stage) runs now: three opened price
 *   bids (one above HPS, so not in the auction) and two auction bids.
 * Skipped when the SULAP demo's Pokja is missing.
 */
export async function loadAuctionDemo(ctx: DemoContext): Promise<void> {
  try {
    for (const u of POKJA) ctx.userId(u);
  } catch {
    return;
  }
  await loadDemoBidders(ctx);
  const vendorOf = (username: string) => demoVendor(ctx.tx, username);
  const bahari = await vendorOf('penyedia.bahari');
  const munse = await vendorOf('penyedia.munse');
  const lantagi = await vendorOf('penyedia.lantagi');
  const year = ctx.clock.now().toISOString().slice(0, 4);
  const as = (username: string, role: Role, agencyId: string | null, clock: Clock): Ctx =>
    demoActor(ctx, username, role, agencyId, clock);
  const stageStart = (s: ScheduleRow[], code: string) => s.find((r) => r.stage === code)!.start;
  const syarat = {
    izinUsaha: 'NIB dengan KBLI jasa rekayasa',
    kbli: ['71102'],
    pengalaman: 'Paling sedikit 1 pekerjaan perencanaan dalam 4 tahun terakhir',
    tenagaAhli: ['Ahli Teknik Jalan (SKK Ahli Muda)'],
    peralatan: [],
  };

  // 1. Seleksi 2-file at File I scoring.
  const seleksiAt = (stageNow: string) =>
    insertDemoTender(ctx, {
      kode: `${year}81001`,
      nama: 'Perencanaan Teknis Jalan Lingkar Wawonii',
      bundleId: 'seleksi-prakualifikasi-2-file',
      agencyCode: 'PUPR',
      ukpbjCode: 'SETDA',
      members: POKJA,
      stageNow,
      jenis: 'jasa_konsultansi',
      pagu: 650_000_000n,
      hps: 620_000_000n,
      syarat,
      lokasi: ['Kecamatan Wawonii Barat'],
      participants: [bahari, munse, lantagi],
    });
  // A working-day stage is not current outside working hours, and overlapping stages can keep the File I stage from
  // being "just ended": any stage of the 2-file span will do.
  let s: Awaited<ReturnType<typeof seleksiAt>> | undefined;
  for (const stage of [
    'pembukaan_evaluasi_file_1',
    'pengumuman_hasil_evaluasi_administrasi_teknis',
    'pembukaan_evaluasi_file_2',
  ]) {
    try {
      s = await seleksiAt(stage);
      break;
    } catch {
      // try the next stage
    }
  }
  if (!s) return;
  const scoreClock = new ManualClock(new Date(stageStart(s.schedule, 'pembukaan_evaluasi_file_1').getTime() + HOUR));
  const pokja = (u: string, clock: Clock) => as(u, 'POKJA', ctx.agencyId('SETDA'), clock);
  await saveSetup(pokja('pokja1', scoreClock), s.tenderId, {
    method: 'kualitas_biaya',
    criteria: [
      { code: 'pengalaman', label: 'Pengalaman perusahaan', bobot: 20 },
      { code: 'metodologi', label: 'Pendekatan dan metodologi', bobot: 40 },
      { code: 'tenaga_ahli', label: 'Kualifikasi tenaga ahli', bobot: 40 },
    ],
    ambang: 70,
    bobotTeknis: 70,
  });
  const scores: [typeof bahari, number, number, number][] = [
    [bahari, 85, 80, 78],
    [munse, 70, 75, 82],
    [lantagi, 60, 65, 62],
  ];
  for (const u of ['pokja1', 'pokja2'])
    for (const [v, a, b, c] of scores)
      await recordScores(pokja(u, scoreClock), s.tenderId, v.vendorId, {
        pengalaman: a,
        metodologi: b,
        tenaga_ahli: c,
      });

  // 2. Tender Cepat with the reverse auction running now.
  const c = await insertDemoTender(ctx, {
    kode: `${year}81002`,
    nama: 'Pengadaan Alat Tulis Kantor dan Bahan Cetak Setda',
    bundleId: 'tender-cepat',
    agencyCode: 'PUPR',
    ukpbjCode: 'SETDA',
    members: POKJA,
    stageNow: 'evaluasi_penawaran',
    jenis: 'barang',
    pagu: 260_000_000n,
    hps: 250_000_000n,
    syarat: { ...syarat, izinUsaha: 'NIB dengan KBLI perdagangan eceran', kbli: ['47611'], tenagaAhli: [] },
    lokasi: ['Langara'],
    participants: [bahari, munse, lantagi],
  });
  const openedAt = stageStart(c.schedule, 'evaluasi_penawaran');
  for (const [v, harga] of [
    [bahari, 246_000_000n],
    [munse, 241_500_000n],
    [lantagi, 262_000_000n],
  ] as const)
    await recordOpenedBid(ctx.tx, { tenderId: c.tenderId, vendorId: v.vendorId, hargaPenawaran: harga, openedAt });
  const bidder = (username: string, at: Date) => as(username, 'PENYEDIA', null, new ManualClock(at));
  const now = ctx.clock.now();
  // Within the auction window (outside working hours the demo's stage has just ended: a past auction).
  const end = c.schedule.find((r) => r.stage === 'evaluasi_penawaran')!.end.getTime();
  const t1 = new Date(Math.max(openedAt.getTime() + 60_000, Math.min(now.getTime() - 20 * 60_000, end - 5 * 60_000)));
  await placeAuctionBid(bidder('penyedia.bahari', t1), `${year}81002`, 239_000_000n);
  await placeAuctionBid(bidder('penyedia.munse', new Date(t1.getTime() + 60_000)), `${year}81002`, 236_500_000n);
}
