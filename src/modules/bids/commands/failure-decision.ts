import { asc, desc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, badRequest, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { actsAsOfficial } from '../bids.policy.ts';
import { findSubmission, tenderContext } from '../bids.repository.ts';
import { bidFailureDecisions, bidSubmissions, bidWitnessReports, type FAILURE_DECISIONS } from '../bids.schema.ts';

export type FailureDecision = (typeof FAILURE_DECISIONS)[number];
export type FailureDecisionRow = typeof bidFailureDecisions.$inferSelect;

export interface FailureDecisionInput {
  decision: FailureDecision;
  reason: string;
  /** For `tunda`: how many days the evaluation waits for the forensic test (1–60). */
  postponeDays?: number;
}

// A `gugur` can only follow a `tunda`: at the same instant (a test clock) it is the newer one.
const NEWEST_FIRST = [desc(bidFailureDecisions.decidedAt), asc(bidFailureDecisions.decision)] as const;

/** The decisions about these bids, newest first per bid. */
export async function failureDecisionsOf(db: Db, submissionIds: readonly string[]) {
  const out = new Map<string, FailureDecisionRow[]>();
  if (submissionIds.length === 0) return out;
  const rows = await db
    .select()
    .from(bidFailureDecisions)
    .where(inArray(bidFailureDecisions.submissionId, [...submissionIds]))
    .orderBy(...NEWEST_FIRST);
  for (const r of rows) out.set(r.submissionId, [...(out.get(r.submissionId) ?? []), r]);
  return out;
}

/**
 * R48, after the berita acara kesaksian: the tender's official (a Pokja member, or a PL's Pejabat Pengadaan) decides
 * what becomes of a bid that failed to open — disqualify it (`gugur`, final), or postpone the evaluation for a
 * forensic test through LKPP (`tunda`, with the days it waits; the schedule itself is changed on the schedule page,
 * which the confirmation links). Only after the LPSE's report, since the decision rests on what it found; audited.
 */
export async function decideFailedBid(
  ctx: Ctx,
  tenderId: string,
  submissionId: string,
  input: FailureDecisionInput,
): Promise<FailureDecisionRow> {
  assertCan(ctx.actor, 'bids:open');
  const tc = await tenderContext(ctx.db, tenderId, ctx.clock.now());
  if (!tc || !actsAsOfficial(ctx.actor, tc)) throw notFound('bids.error.tenderNotFound');
  const sub = await findSubmission(ctx.db, submissionId);
  if (!sub || sub.tenderId !== tenderId || sub.supersededAt) throw notFound('bids.error.submissionNotFound');
  if (sub.openResult !== 'failed') throw new AppError('BIDS_NOT_FAILED', 409, 'bids.error.notFailed');
  const [report] = await ctx.db
    .select()
    .from(bidWitnessReports)
    .where(eq(bidWitnessReports.submissionId, submissionId))
    .orderBy(desc(bidWitnessReports.createdAt))
    .limit(1);
  if (!report) throw new AppError('BIDS_WITNESS_FIRST', 409, 'bids.decision.witnessFirst');
  const reason = input.reason.trim();
  if (reason.length < 10)
    throw badRequest('BIDS_DECISION_REASON', 'bids.decision.reasonShort', {}, { field: 'reason' });
  const days = input.decision === 'tunda' ? input.postponeDays : undefined;
  if (input.decision === 'tunda' && (!Number.isInteger(days) || days! < 1 || days! > 60))
    throw badRequest('BIDS_DECISION_DAYS', 'bids.decision.days', {}, { field: 'days' });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // The bid's row is locked first: two members deciding at once take turns, and the second sees the first's.
    await tx
      .select({ id: bidSubmissions.id })
      .from(bidSubmissions)
      .where(eq(bidSubmissions.id, submissionId))
      .for('update');
    const [last] = await tx
      .select()
      .from(bidFailureDecisions)
      .where(eq(bidFailureDecisions.submissionId, submissionId))
      .orderBy(...NEWEST_FIRST)
      .limit(1);
    if (last?.decision === 'gugur') throw new AppError('BIDS_DECISION_FINAL', 409, 'bids.decision.final');
    const [row] = await tx
      .insert(bidFailureDecisions)
      .values({
        submissionId,
        witnessReportId: report.id,
        decision: input.decision,
        reason,
        postponeDays: days ?? null,
        decidedAt: now,
        decidedBy: ctx.actor!.userId,
      })
      .returning();
    await recordAudit(tx, auditContext(ctx), {
      action: 'bids.failure_decided',
      objectType: 'tender',
      objectId: tenderId,
      summary: {
        kode: tc.kode,
        submission: submissionId,
        decision: input.decision,
        postponeDays: days ?? null,
        reportSha256: report.reportSha256,
      },
    });
    return row!;
  });
}
