import type { DemoContext } from '../../platform/module.ts';
import type { SyaratKualifikasi } from './index.ts';
import { bundleOf } from './methods/index.ts';
import { currentStages, type ScheduleRow, scheduleTemplate } from './schedule.ts';
import { holidaySetFrom } from './tenders.repository.ts';
import { tenderMembers, tenderParticipants, tenderSchedule, tenders } from './tenders.schema.ts';

export interface DemoTenderInput {
  kode: string;
  nama: string;
  bundleId: string;
  agencyCode: string;
  ukpbjCode: string;
  members: readonly string[];
  /** The stage that should be running at the demo's `now`: the schedule starts as many days back as that takes. */
  stageNow: string;
  jenis: string;
  pagu: bigint;
  hps: bigint;
  syarat: SyaratKualifikasi;
  lokasi: string[];
  participants: readonly { vendorId: string; userId: string }[];
}

/**
 * The stage runs at `now`, or has just ended and the next stage has not started yet (outside working hours a
 * working-day stage is never current: at 20.00 WITA the tender is still "in" the evaluation it left at 16.00).
 */
function runsAt(schedule: readonly ScheduleRow[], stage: string, now: Date): boolean {
  const i = schedule.findIndex((r) => r.stage === stage);
  const row = schedule[i];
  if (!row) return false;
  const next = schedule[i + 1];
  const t = now.getTime();
  return (
    row.start.getTime() <= t &&
    t < Math.max(row.end.getTime(), next?.start.getTime() ?? 0) &&
    currentStages(schedule, now).length === 0
  );
}

/**
 * DEMO ONLY (for later modules' demos, e.g. evaluation): an announced tender whose schedule (the bundle's template)
 * started in the past so that `stageNow` runs today, with its Pokja and participants, written directly. A real tender
 * comes from a SULAP package through the publication commands.
 */
export async function insertDemoTender(
  ctx: DemoContext,
  input: DemoTenderInput,
): Promise<{ tenderId: string; schedule: ScheduleRow[] }> {
  const bundle = bundleOf(input.bundleId, '2021.1');
  if (!bundle) throw new Error(`unknown bundle ${input.bundleId}`);
  const now = ctx.clock.now();
  let found: { start: Date; schedule: ScheduleRow[] } | undefined;
  // Hour by hour back from now: working-day stages end at the closing time, so a whole-day step can miss them.
  const holidays = await holidaySetFrom(ctx.tx, new Date(now.getTime() - 121 * 86_400_000));
  // First a schedule where the stage is current; else one where it has just ended (see runsAt).
  for (const current of [true, false]) {
    for (let hours = 1; hours <= 120 * 24 && !found; hours++) {
      const start = new Date(now.getTime() - hours * 3_600_000);
      const schedule = scheduleTemplate(bundle, start, holidays);
      const ok = current
        ? currentStages(schedule, now).some((r) => r.stage === input.stageNow)
        : runsAt(schedule, input.stageNow, now);
      if (ok) found = { start, schedule };
    }
  }
  if (!found) throw new Error(`no schedule of ${input.bundleId} has ${input.stageNow} running now`);
  const announcedAt = found.schedule[0]!.start;
  const [t] = await ctx.tx
    .insert(tenders)
    .values({
      kode: input.kode,
      nama: input.nama,
      bundleId: bundle.id,
      bundleVersion: bundle.version,
      status: 'berlangsung',
      agencyId: ctx.agencyId(input.agencyCode),
      ukpbjAgencyId: ctx.agencyId(input.ukpbjCode),
      createdAt: announcedAt,
      jenis: input.jenis,
      metode: bundle.metode,
      tahunAnggaran: Number(input.kode.slice(0, 4)),
      pagu: input.pagu,
      hps: input.hps,
      jenisKontrak: 'harga_satuan',
      kualifikasiUsaha: 'kecil',
      lokasi: input.lokasi,
      syaratKualifikasi: input.syarat,
      approvalRequestedAt: announcedAt,
      announcedAt,
    })
    .returning({ id: tenders.id });
  const tenderId = t!.id;
  await ctx.tx
    .insert(tenderSchedule)
    .values(found.schedule.map((r) => ({ tenderId, stage: r.stage, ord: r.ord, startsAt: r.start, endsAt: r.end })));
  await ctx.tx
    .insert(tenderMembers)
    .values(input.members.map((u) => ({ tenderId, userId: ctx.userId(u), approvedAt: announcedAt })));
  if (input.participants.length > 0)
    await ctx.tx.insert(tenderParticipants).values(
      input.participants.map((p) => ({
        tenderId,
        vendorId: p.vendorId,
        userId: p.userId,
        pakta: 'Pakta Integritas (data demo)',
        joinedAt: announcedAt,
      })),
    );
  return { tenderId, schedule: found.schedule };
}
