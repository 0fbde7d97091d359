import { eq } from 'drizzle-orm';
import type { DemoContext } from '../../platform/module.ts';
import { nextKode } from './commands/publication.ts';
import type { FAILURE_REASON_TEXT } from './failure-reasons.ts';
import { anchorOf, type Bundle } from './methods/bundle.ts';
import { latestBundle } from './methods/index.ts';
import type { ScheduleRow } from './schedule.ts';
import { outageIncidents, tenderMembers, tenderSchedule, tenderScheduleChanges, tenders } from './tenders.schema.ts';
import { witaDate } from './working-days.ts';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/**
 * DEMO ONLY: a schedule laid out in generous calendar time around `now` so that `stage` is open at load time, whatever
 * the hour or weekday (a template from today would start at the next opening time, leaving no current stage at night
 * or on a weekend). Each stage lasts its minimum + 2 days (2 hours for hour stages), in the bundle's order and anchors.
 */
export function demoSchedule(bundle: Bundle, stage: string, now: Date): ScheduleRow[] {
  const len = (s: Bundle['stages'][number]) =>
    s.minDuration.unit === 'hours' ? 2 * HOUR : (s.minDuration.n + 2) * DAY;
  const index = new Map(bundle.stages.map((s, i) => [s.code, i]));
  const done = new Map<string, { start: number; end: number }>();
  const resolve = (code: string): { start: number; end: number } => {
    const hit = done.get(code);
    if (hit) return hit;
    const i = index.get(code)!;
    const s = bundle.stages[i]!;
    const a = anchorOf(bundle.stages, i);
    const start = 'at' in a ? 0 : 'with' in a ? resolve(a.with).start : resolve(a.after).end;
    let end = start + len(s);
    if (s.until) end = Math.max(end, resolve(s.until).end);
    const r = { start, end };
    done.set(code, r);
    return r;
  };
  const target = resolve(stage);
  // Round to the hour so that the demo's times read naturally.
  const base = Math.floor((now.getTime() - (target.start + target.end) / 2) / HOUR) * HOUR;
  return bundle.stages.map((s, ord) => {
    const r = resolve(s.code);
    return { stage: s.code, ord, start: new Date(base + r.start), end: new Date(base + r.end) };
  });
}

/** Replaces a demo tender's schedule (and its first history entry) with `rows`. */
export async function placeSchedule(ctx: DemoContext, tenderId: string, rows: ScheduleRow[], by: string) {
  await ctx.tx.delete(tenderSchedule).where(eq(tenderSchedule.tenderId, tenderId));
  await ctx.tx.delete(tenderScheduleChanges).where(eq(tenderScheduleChanges.tenderId, tenderId));
  await ctx.tx
    .insert(tenderSchedule)
    .values(rows.map((r) => ({ tenderId, stage: r.stage, ord: r.ord, startsAt: r.start, endsAt: r.end })));
  await ctx.tx.insert(tenderScheduleChanges).values(
    rows.map((r) => ({
      tenderId,
      stage: r.stage,
      newStartsAt: r.start,
      newEndsAt: r.end,
      reason: 'Templat (data demo)',
      changedBy: by,
      changedAt: new Date(rows[0]!.start.getTime() - DAY),
    })),
  );
}

interface DemoTender {
  nama: string;
  agency: string;
  jenis: 'barang' | 'pekerjaan_konstruksi' | 'jasa_lainnya';
  hps: bigint;
  stage: string;
  closed?: { status: 'gagal' | 'batal'; reason: keyof typeof FAILURE_REASON_TEXT | null; note: string };
  repeatOf?: string;
}

const DEMO_TENDERS: DemoTender[] = [
  {
    nama: 'Rehabilitasi Gedung Puskesmas Langara',
    agency: 'DINKES',
    jenis: 'pekerjaan_konstruksi',
    hps: 1_450_000_000n,
    stage: 'pemberian_penjelasan',
  },
  {
    nama: 'Pengadaan Meubelair Sekolah Dasar',
    agency: 'DISDIK',
    jenis: 'barang',
    hps: 685_000_000n,
    stage: 'upload_dokumen_penawaran',
  },
  {
    nama: 'Peningkatan Jalan Lampeapi–Munse',
    agency: 'PUPR',
    jenis: 'pekerjaan_konstruksi',
    hps: 3_250_000_000n,
    stage: 'evaluasi_penawaran',
  },
  {
    nama: 'Pembangunan Dermaga Desa Wawobili',
    agency: 'DISHUB',
    jenis: 'pekerjaan_konstruksi',
    hps: 2_100_000_000n,
    stage: 'evaluasi_penawaran',
    closed: {
      status: 'gagal',
      reason: 'c_tidak_ada_yang_lulus',
      note: 'Tidak ada peserta yang memenuhi persyaratan kualifikasi (SBU dermaga).',
    },
  },
  {
    nama: 'Pembangunan Dermaga Desa Wawobili',
    agency: 'DISHUB',
    jenis: 'pekerjaan_konstruksi',
    hps: 2_100_000_000n,
    stage: 'pengumuman',
    repeatOf: 'Pembangunan Dermaga Desa Wawobili',
  },
  {
    nama: 'Pengadaan Kendaraan Operasional Lapangan',
    agency: 'DKP',
    jenis: 'barang',
    hps: 540_000_000n,
    stage: 'pemberian_penjelasan',
    closed: { status: 'batal', reason: null, note: 'Anggaran dialihkan untuk penanganan darurat abrasi (demo).' },
  },
];

/**
 * DEMO DATA: tenders in every stage and state around the load time — pengumuman (the SULAP one, placed by the caller),
 * pemberian penjelasan, upload, past upload (evaluasi), gagal with its tender ulang (in pengumuman), and batal — and
 * an LPSE outage yesterday that overlaps the upload tender, so its Pokja sees the extension action.
 */
export async function loadDemoTenders(ctx: DemoContext) {
  const bundle = latestBundle('tender-pascakualifikasi-1-file')!;
  const now = ctx.clock.now();
  const setda = ctx.agencyId('SETDA');
  const pokja = ['pokja1', 'pokja2', 'pokja3'].map((u) => ctx.userId(u));
  const byName = new Map<string, string>();
  for (const d of DEMO_TENDERS) {
    const rows = demoSchedule(bundle, d.stage, now);
    const announcedAt = new Date(rows[0]!.start.getTime() - HOUR);
    const kode = await nextKode(ctx.tx, witaDate(now).slice(0, 4));
    const prev = d.repeatOf ? byName.get(d.repeatOf) : undefined;
    const [t] = await ctx.tx
      .insert(tenders)
      .values({
        kode,
        nama: d.nama,
        bundleId: bundle.id,
        bundleVersion: bundle.version,
        status: d.closed?.status ?? 'berlangsung',
        agencyId: ctx.agencyId(d.agency),
        ukpbjAgencyId: setda,
        createdAt: new Date(announcedAt.getTime() - DAY),
        createdBy: pokja[0],
        jenis: d.jenis,
        metode: 'tender',
        tahunAnggaran: Number(witaDate(now).slice(0, 4)),
        pagu: (d.hps * 105n) / 100n,
        hps: d.hps,
        jenisKontrak: d.jenis === 'barang' ? 'harga_satuan' : 'gabungan',
        kualifikasiUsaha: d.hps > 2_500_000_000n ? 'non_kecil' : 'kecil',
        lokasi: ['Kabupaten Konawe Kepulauan'],
        syaratKualifikasi: {
          izinUsaha: d.jenis === 'barang' ? 'NIB dengan KBLI perdagangan besar' : 'NIB dengan SBU Bangunan Sipil',
          kbli: d.jenis === 'barang' ? ['46900'] : ['42101'],
          pengalaman: 'Paling sedikit 1 pekerjaan sejenis dalam 4 tahun terakhir',
          tenagaAhli: [],
          peralatan: [],
        },
        rupKodes: [],
        approvalRequestedAt: new Date(announcedAt.getTime() - DAY),
        announcedAt,
        versi: prev ? 2 : 1,
        repeatOfId: prev ?? null,
        repeatReason: prev ? 'Tender sebelumnya gagal: tidak ada peserta yang lulus kualifikasi (demo).' : null,
        closedReason: d.closed?.reason ?? null,
        closedNote: d.closed?.note ?? null,
        closedBy: d.closed ? pokja[0] : null,
        closedRole: d.closed ? 'POKJA' : null,
        closedAt: d.closed ? new Date(now.getTime() - 2 * HOUR) : null,
      })
      .returning({ id: tenders.id });
    byName.set(d.nama, t!.id);
    await ctx.tx
      .insert(tenderMembers)
      .values(pokja.map((userId) => ({ tenderId: t!.id, userId, approvedAt: announcedAt })));
    await placeSchedule(ctx, t!.id, rows, pokja[0]!);
    if (d.stage === 'upload_dokumen_penawaran') {
      const up = rows.find((r) => r.stage === d.stage)!;
      const start = new Date(Math.max(up.start.getTime() + HOUR, now.getTime() - DAY));
      await ctx.tx.insert(outageIncidents).values({
        startsAt: start,
        endsAt: new Date(start.getTime() + 2 * HOUR),
        what: 'Server aplikasi tidak dapat diakses (gangguan jaringan pusat data) — data demo',
        recordedBy: ctx.userId('admin.sistem'),
        recordedAt: now,
      });
    }
  }
}

/** The SULAP demo's tender: placed in its pengumuman stage around the load time. */
export async function placeInStage(ctx: DemoContext, tenderId: string, stage: string) {
  const [t] = await ctx.tx
    .select({ bundleId: tenders.bundleId, bundleVersion: tenders.bundleVersion })
    .from(tenders)
    .where(eq(tenders.id, tenderId));
  const bundle = latestBundle(t!.bundleId)!;
  const rows = demoSchedule(bundle, stage, ctx.clock.now());
  await placeSchedule(ctx, tenderId, rows, ctx.userId('pokja1'));
  await ctx.tx.update(tenders).set({ announcedAt: rows[0]!.start }).where(eq(tenders.id, tenderId));
}
