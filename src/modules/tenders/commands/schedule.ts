import { and, eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import type { Locale } from '../../../platform/i18n/i18n.ts';
import { formatDateTime, type Translate } from '../../../platform/i18n/i18n.ts';
import type { MessageKey } from '../../../registry.ts';
import type { Bundle } from '../methods/bundle.ts';
import { bundleOf, latestBundle } from '../methods/index.ts';
import { blockingQuestions } from '../participation.repository.ts';
import { invalidatePublicTenders } from '../public-cache.ts';
import {
  checkScheduleChange,
  type ScheduleDiff,
  type ScheduleProblem,
  type ScheduleRow,
  type StageChange,
  scheduleTemplate,
  stageOfRole,
  type TemplateOptions,
} from '../schedule.ts';
import { actsForTender, canShortenUpload } from '../tenders.policy.ts';
import { findTender, holidaySetFrom, loadSchedule, type TenderRow } from '../tenders.repository.ts';
import { tenderSchedule, tenderScheduleChanges, tenders } from '../tenders.schema.ts';

/**
 * Who may set a tender's schedule: the Pokja of the UKPBJ running it, or the Pejabat Pengadaan of a PL, also one of
 * the package's own agency (membership checks come with publication).
 */
function assertMaySchedule(ctx: Ctx, t: Pick<TenderRow, 'agencyId' | 'ukpbjAgencyId'>) {
  assertCan(ctx.actor, 'tenders:schedule');
  if (!actsForTender(ctx.actor, 'tenders:schedule', t)) throw forbidden();
}

function bundleOrThrow(id: string, version?: string): Bundle {
  const b = version ? bundleOf(id, version) : latestBundle(id);
  if (!b) throw badRequest('UNKNOWN_BUNDLE', 'tenders.error.unknownBundle', { bundle: `${id}@${version ?? ''}` });
  return b;
}

export interface CreateTenderInput {
  /** Null for a draft: the kode tender is given at the announcement. */
  kode: string | null;
  nama: string;
  bundleId: string;
  /** Defaults to the newest version of the bundle. */
  bundleVersion?: string;
  agencyId: string;
  ukpbjAgencyId: string | null;
  sulapDraftTenderId?: string | null;
  /** The first stage starts here (moved to the next opening time when outside working time). */
  start: Date;
  template?: TemplateOptions;
}

/**
 * Creates a (draft) tender with its schedule filled by the template of its bundle, skipping weekends and the LPSE's
 * holidays. The first fill is the first entry of the change history.
 */
export async function createTenderWithSchedule(ctx: Ctx, input: CreateTenderInput): Promise<string> {
  assertMaySchedule(ctx, input);
  const bundle = bundleOrThrow(input.bundleId, input.bundleVersion);
  const actor = ctx.actor!;
  return ctx.db.transaction(async (tx) => {
    const rows = scheduleTemplate(bundle, input.start, await holidaySetFrom(tx, input.start), input.template);
    const now = ctx.clock.now();
    const [t] = await tx
      .insert(tenders)
      .values({
        kode: input.kode,
        nama: input.nama,
        bundleId: bundle.id,
        bundleVersion: bundle.version,
        agencyId: input.agencyId,
        ukpbjAgencyId: input.ukpbjAgencyId,
        sulapDraftTenderId: input.sulapDraftTenderId ?? null,
        createdAt: now,
        createdBy: actor.userId,
      })
      .returning({ id: tenders.id });
    const tenderId = t!.id;
    await tx
      .insert(tenderSchedule)
      .values(rows.map((r) => ({ tenderId, stage: r.stage, ord: r.ord, startsAt: r.start, endsAt: r.end })));
    const reason = `Templat ${bundle.id}@${bundle.version}`;
    await tx.insert(tenderScheduleChanges).values(
      rows.map((r) => ({
        tenderId,
        stage: r.stage,
        newStartsAt: r.start,
        newEndsAt: r.end,
        reason,
        changedBy: actor.userId,
        changedAt: now,
      })),
    );
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.schedule_created',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: input.kode, bundle: `${bundle.id}@${bundle.version}`, stages: rows.length },
    });
    return tenderId;
  });
}

/** The refusal of a schedule change, in the reader's language, naming the stage and the minimum or time. */
export function scheduleProblemError(p: ScheduleProblem, bundle: Bundle, t: Translate, locale: Locale): AppError {
  const stage = bundle.stages.find((s) => s.code === p.stage)?.name ?? p.stage;
  const at = (d: Date) => formatDateTime(d, locale);
  const params: Record<string, string> = { stage };
  if (p.code === 'SCHEDULE_BELOW_MINIMUM') {
    params.minimum = t(`tenders.unit.${p.minimum.unit}`, { n: p.minimum.n });
    params.earliestEnd = at(p.earliestEnd);
  }
  if (p.code === 'SCHEDULE_STARTED_STAGE_SHORTENED') {
    params.startedAt = at(p.startedAt);
    params.currentEnd = at(p.currentEnd);
  }
  if (p.code === 'SCHEDULE_STARTED_STAGE_MOVED') params.startedAt = at(p.startedAt);
  if (p.code === 'SCHEDULE_STARTS_IN_PAST') params.now = at(p.now);
  if (p.code === 'SCHEDULE_BEFORE_ANCHOR') {
    params.anchor = bundle.stages.find((s) => s.code === p.anchor)?.name ?? p.anchor;
    params.earliestStart = at(p.earliestStart);
  }
  return new AppError(p.code, 409, `tenders.error.${p.code}` as MessageKey, params, { field: `stage.${p.stage}` });
}

/**
 * Changes some stages of a tender's schedule, with a reason. Refuses (409, the first problem, naming the stage) a
 * duration below the bundle's minimum — the bundle the tender started with — and shortening or moving a stage that
 * has started by the Clock. Every changed stage is kept in the history: who, when, why, old → new.
 */
export async function changeSchedule(
  ctx: Ctx,
  tenderId: string,
  changes: readonly StageChange[],
  reason: string,
): Promise<ScheduleRow[]> {
  assertCan(ctx.actor, 'tenders:schedule');
  const actor = ctx.actor;
  if (reason.trim() === '')
    throw badRequest('REASON_REQUIRED', 'tenders.error.reasonRequired', {}, { field: 'reason' });
  const out = await ctx.db.transaction(async (tx) => {
    const tender = await findTender(tx, tenderId);
    if (!tender) throw notFound('tenders.error.notFound');
    assertMaySchedule(ctx, tender);
    const bundle = bundleOrThrow(tender.bundleId, tender.bundleVersion);
    const current = await loadSchedule(tx, tenderId);
    const earliest = new Date(Math.min(ctx.clock.now().getTime(), ...current.map((r) => r.start.getTime())));
    const out = checkScheduleChange(bundle, current, changes, ctx.clock.now(), await holidaySetFrom(tx, earliest));
    // The upload stage cannot end (or end earlier) while a participant's question is unanswered: said first.
    const upload = current.find((r) => r.stage === stageOfRole(bundle, 'bid_upload')?.code);
    if (upload && changes.some((c) => c.stage === upload.stage && c.end.getTime() < upload.end.getTime())) {
      const unanswered = (await blockingQuestions(tx, tenderId)).length;
      enforce(canShortenUpload(actor, { unanswered }, ctx.clock.now()));
    }
    if (!out.ok) throw scheduleProblemError(out.problems[0]!, bundle, ctx.t, ctx.locale);
    await writeScheduleDiff(tx, auditContext(ctx), tender, out.diff, reason);
    return out.schedule;
  });
  // The public pages show the schedule and the current stage.
  invalidatePublicTenders();
  return out;
}

/**
 * Writes a checked schedule change: the new stage times, one history row per changed stage (who, when, why, old →
 * new) and the audit entry, in the caller's transaction. `audit.actor.userId` is null for the system's own changes
 * (the upload hold).
 */
export async function writeScheduleDiff(
  tx: Db,
  audit: AuditContext,
  tender: Pick<TenderRow, 'id' | 'kode'>,
  diff: readonly ScheduleDiff[],
  reason: string,
): Promise<void> {
  if (diff.length === 0) return;
  const now = audit.clock.now();
  for (const d of diff) {
    await tx
      .update(tenderSchedule)
      .set({ startsAt: d.newStart, endsAt: d.newEnd })
      .where(and(eq(tenderSchedule.tenderId, tender.id), eq(tenderSchedule.stage, d.stage)));
  }
  await tx.insert(tenderScheduleChanges).values(
    diff.map((d) => ({
      tenderId: tender.id,
      stage: d.stage,
      oldStartsAt: d.oldStart,
      oldEndsAt: d.oldEnd,
      newStartsAt: d.newStart,
      newEndsAt: d.newEnd,
      reason: reason.trim(),
      changedBy: audit.actor.userId,
      changedAt: now,
    })),
  );
  await recordAudit(tx, audit, {
    action: 'tender.schedule_changed',
    objectType: 'tender',
    objectId: tender.id,
    summary: {
      kode: tender.kode,
      reason: reason.trim(),
      changes: diff.map((d) => ({
        stage: d.stage,
        from: [d.oldStart.toISOString(), d.oldEnd.toISOString()],
        to: [d.newStart.toISOString(), d.newEnd.toISOString()],
      })),
    },
  });
}
