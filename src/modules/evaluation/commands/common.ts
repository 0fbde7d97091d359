import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { auctionSpan } from '../../auction/index.ts';
import { vendors } from '../../registration/registration.schema.ts';
import { type Evaluation, loadEvaluation } from '../evaluation.repository.ts';
import { evalAwards, evalState } from '../evaluation.schema.ts';
import { approvalSpan, decisionSpan, isReverseAuction, resultsSpan, type SpanState, spanState } from '../windows.ts';

/** An announced tender's evaluation, or 404 (a draft has none). */
export async function evaluationOrNotFound(db: Db, tenderId: string): Promise<Evaluation> {
  const e = await loadEvaluation(db, tenderId);
  if (!e?.tender.announcedAt || !e.tender.kode) throw notFound('evaluation.error.notFound');
  return e;
}

export const fmtOf = (ctx: Ctx) => (d: Date) => formatDateTime(d, ctx.locale);

/** A change of any result: raises the version, so the members' earlier approvals no longer count. */
export async function bumpVersion(tx: Db, tenderId: string, now: Date): Promise<number> {
  const [row] = await tx
    .insert(evalState)
    .values({ tenderId, version: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: evalState.tenderId,
      set: { version: sqlIncrement(), updatedAt: now },
    })
    .returning({ version: evalState.version });
  return row!.version;
}

/**
 * An upheld sanggah or sanggah banding (Perpres 16/2018 Ps. 50): the award is withdrawn with the answer as its reason
 * and the evaluation version rises, so the members' approvals lapse and the Pokja re-evaluates (`reevaluationSince`).
 * The caller audits its own answer. No-op without a standing award.
 */
export async function withdrawAward(tx: Db, e: Evaluation, now: Date, reason: string): Promise<void> {
  if (!e.award) return;
  await tx
    .update(evalAwards)
    .set({ withdrawnAt: now, withdrawnReason: reason.trim() })
    .where(eq(evalAwards.id, e.award.id));
  await bumpVersion(tx, e.tender.id, now);
}

/** Open from the withdrawal on, with no end: the re-evaluation does not follow the original schedule's stages. */
function reevaluationWindow(since: Date): SpanState {
  return { state: 'open', span: { start: since, end: new Date(8.64e15), names: 'Evaluasi Ulang' } };
}

/**
 * Where results and proofs may be recorded: the evaluation stages (a Tender Cepat: until the end of its decision span,
 * `resultsSpan`), or a re-evaluation.
 */
export function evaluationWindow(e: Evaluation, now: Date): SpanState {
  return e.reevaluationSince
    ? reevaluationWindow(e.reevaluationSince)
    : spanState(resultsSpan(e.bundle, e.schedule), now);
}

/**
 * Where the evaluation may be approved: the evaluation stages, or a re-evaluation; a Tender Cepat's from the close of
 * its e-reverse auction to the end of the decision span (`approvalSpan`). `auction` is the auction's window then (null
 * for other bundles and in a re-evaluation): the policy refuses with its own code until it closes.
 */
export function approvalWindow(e: Evaluation, now: Date): { window: SpanState; auction: SpanState | null } {
  if (e.reevaluationSince) return { window: reevaluationWindow(e.reevaluationSince), auction: null };
  const auction = isReverseAuction(e.bundle) ? auctionSpan(e.bundle, e.schedule) : null;
  return {
    window: spanState(approvalSpan(e.bundle, e.schedule, auction), now),
    auction: auction ? spanState({ ...auction, names: '' }, now) : null,
  };
}

/**
 * Where the winner may be decided: the Penetapan Pemenang stage (or what stands for it, `decisionSpan`), or a
 * re-evaluation.
 */
export function decisionWindow(e: Evaluation, now: Date): SpanState {
  return e.reevaluationSince
    ? reevaluationWindow(e.reevaluationSince)
    : spanState(decisionSpan(e.bundle, e.schedule), now);
}

const sqlIncrement = () => sql`${evalState.version} + 1`;

export async function vendorOfUser(db: Db, userId: string) {
  const [v] = await db
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(eq(vendors.userId, userId))
    .limit(1);
  return v;
}

/** "2026-03-20T09:00" typed in WITA → the instant (UTC+8). */
export function witaLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const d = new Date(`${value}:00+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}
