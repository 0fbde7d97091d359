import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { formatRupiah } from '../../../platform/i18n/i18n.ts';
import { officialOf } from '../../tenders/index.ts';
import { checklistOf } from '../checklists.ts';
import { canApproveEvaluation, canEvaluate } from '../evaluation.policy.ts';
import type { Evaluation } from '../evaluation.repository.ts';
import { ASPECTS, type Aspect, type ChecklistItem, evalApprovals, evalResults } from '../evaluation.schema.ts';
import { approvalWindow, bumpVersion, evaluationOrNotFound, evaluationWindow, fmtOf } from './common.ts';

/** The evaluation policy for this actor now (member, evaluation stages, not yet awarded). */
export function enforceEvaluate(ctx: Ctx, e: Evaluation) {
  const now = ctx.clock.now();
  enforce(
    canEvaluate(
      ctx.actor,
      {
        ...e.tender,
        memberIds: e.memberIds,
        official: officialOf(e.bundle),
        window: evaluationWindow(e, now),
        fmt: fmtOf(ctx),
        awarded: !!e.award,
      },
      now,
    ),
  );
}

export interface ResultInput {
  vendorId: string;
  aspect: Aspect;
  /** Checklist item → passed. Items not named count as not passed. */
  passed: Record<string, boolean>;
  notes: Record<string, string>;
  /** Why the bidder fails (required when any item fails). */
  reason: string | null;
}

/**
 * A Pokja member records one aspect of one bidder (R12 item 1), in the method's order (sistem gugur: administrasi →
 * kualifikasi → teknis → harga; a bidder who failed an aspect is not evaluated further). The checklist comes from the
 * tender's requirements; a fail carries its reason. A bid whose harga terkoreksi is above the HPS fails the price
 * evaluation whatever is ticked. Raises the evaluation version (earlier approvals lapse). Audited.
 */
export async function recordResult(ctx: Ctx, tenderId: string, input: ResultInput): Promise<{ lulus: boolean }> {
  assertCan(ctx.actor, 'evaluation:evaluate');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const e = await evaluationOrNotFound(tx, tenderId);
    enforceEvaluate(ctx, e);
    const bidder = e.bidders.find((b) => b.bid.vendorId === input.vendorId);
    if (!bidder) throw notFound('evaluation.error.bidderNotFound');
    const i = ASPECTS.indexOf(input.aspect);
    for (const prev of ASPECTS.slice(0, i)) {
      const r = bidder.results[prev];
      if (!r) throw conflict('EVAL_ORDER', 'evaluation.refused.order', { aspect: prev });
      if (!r.lulus) throw conflict('EVAL_ALREADY_FAILED', 'evaluation.refused.alreadyFailed', { aspect: prev });
    }
    const template = checklistOf(input.aspect, e.tender.syaratKualifikasi, e.tender.jenis);
    const checklist: ChecklistItem[] = template.map((t) => ({
      item: t.item,
      label: t.label,
      ok: input.passed[t.item] === true,
      note: input.notes[t.item]?.trim() || null,
    }));
    let reason = input.reason?.trim() || null;
    let lulus = checklist.every((c) => c.ok);
    if (input.aspect === 'harga' && bidder.aboveHps) {
      lulus = false;
      const auto = ctx.t('evaluation.reason.aboveHps', {
        terkoreksi: formatRupiah(bidder.bid.hargaTerkoreksi),
        hps: formatRupiah(e.tender.hps!),
      });
      reason = reason ? `${auto} ${reason}` : auto;
    }
    if (!lulus && !reason)
      throw badRequest('EVAL_REASON_REQUIRED', 'evaluation.validation.reason', {}, { field: 'reason' });
    if (lulus) reason = null;
    const now = ctx.clock.now();
    const values = { lulus, checklist, reason, recordedBy: actor.userId, recordedAt: now };
    await tx
      .insert(evalResults)
      .values({ tenderId, vendorId: input.vendorId, aspect: input.aspect, ...values })
      .onConflictDoUpdate({ target: [evalResults.tenderId, evalResults.vendorId, evalResults.aspect], set: values });
    const version = await bumpVersion(tx, tenderId, now);
    await recordAudit(tx, auditContext(ctx), {
      action: 'evaluation.result_recorded',
      objectType: 'tender',
      objectId: tenderId,
      summary: {
        kode: e.tender.kode!,
        vendor: bidder.name ?? input.vendorId,
        aspect: input.aspect,
        lulus,
        reason,
        failedItems: checklist.filter((c) => !c.ok).map((c) => c.item),
        version,
      },
    });
    return { lulus };
  });
}

/**
 * Kolektif kolegial (R12): a member approves the evaluation as it stands (a Tender Cepat's only once its e-reverse
 * auction closed: `approvalWindow`). Every bidder must be finished (failed, or
 * passed all four aspects). The evaluation is approved when every member of the Pokja approved the same version.
 */
export async function approveEvaluation(ctx: Ctx, tenderId: string): Promise<{ approved: boolean }> {
  assertCan(ctx.actor, 'evaluation:evaluate');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const e = await evaluationOrNotFound(tx, tenderId);
    const now = ctx.clock.now();
    enforce(
      canApproveEvaluation(
        ctx.actor,
        {
          ...e.tender,
          memberIds: e.memberIds,
          official: officialOf(e.bundle),
          ...approvalWindow(e, now),
          fmt: fmtOf(ctx),
          awarded: !!e.award,
        },
        now,
      ),
    );
    if (e.bidders.length === 0) throw conflict('EVAL_NO_BIDS', 'evaluation.refused.noBids');
    const open = e.bidders.filter((b) => !b.failed && !b.passedAll);
    if (open.length > 0) throw conflict('EVAL_INCOMPLETE', 'evaluation.refused.incomplete', { count: open.length });
    if (e.approvedBy.includes(actor.userId))
      throw conflict('EVAL_ALREADY_APPROVED', 'evaluation.refused.alreadyApproved');
    await tx.insert(evalApprovals).values({ tenderId, userId: actor.userId, version: e.version, approvedAt: now });
    const count = (
      await tx
        .select({ u: evalApprovals.userId })
        .from(evalApprovals)
        .where(and(eq(evalApprovals.tenderId, tenderId), eq(evalApprovals.version, e.version)))
    ).filter((r) => e.memberIds.includes(r.u)).length;
    await recordAudit(tx, auditContext(ctx), {
      action: 'evaluation.approved',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: e.tender.kode!, version: e.version, approved: count, of: e.memberIds.length },
    });
    return { approved: count === e.memberIds.length };
  });
}
