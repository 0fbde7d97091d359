import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan, can } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { awardRanking } from '../../auction/index.ts';
import { officialOf } from '../../tenders/index.ts';
import { awardAuthority } from '../award-authority.ts';
import { canDecide, canNegotiate } from '../evaluation.policy.ts';
import { candidateOf } from '../evaluation.repository.ts';
import { evalAwards, evalBids, evalProofs } from '../evaluation.schema.ts';
import { negotiationSpan, spanState } from '../windows.ts';
import { bumpVersion, decisionWindow, evaluationOrNotFound, fmtOf } from './common.ts';
import { enforceEvaluate } from './evaluate.ts';

export interface ProofInvitation {
  vendorId: string;
  waktu: Date;
  sampai: Date;
  isOnline: boolean;
  tempat: string | null;
  link: string | null;
  dibawa: string;
}

/**
 * Pembuktian kualifikasi (R12 item 2): a member invites a bidder who passed every aspect (time, place or online link,
 * what to bring). A new invitation replaces one without a result. Audited.
 */
export async function inviteToProof(ctx: Ctx, tenderId: string, inv: ProofInvitation): Promise<void> {
  assertCan(ctx.actor, 'evaluation:evaluate');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const e = await evaluationOrNotFound(tx, tenderId);
    enforceEvaluate(ctx, e);
    const b = e.bidders.find((x) => x.bid.vendorId === inv.vendorId);
    if (!b) throw notFound('evaluation.error.bidderNotFound');
    if (!b.passedAll || b.failed) throw conflict('EVAL_PROOF_NOT_PASSED', 'evaluation.refused.proofNotPassed');
    if (b.proof?.resultAt) throw conflict('EVAL_PROOF_DONE', 'evaluation.refused.proofDone');
    if (inv.sampai <= inv.waktu)
      throw badRequest('EVAL_PROOF_INTERVAL', 'evaluation.validation.interval', {}, { field: 'sampai' });
    if (inv.isOnline ? !inv.link : !inv.tempat)
      throw badRequest(
        'EVAL_PROOF_PLACE',
        'evaluation.validation.place',
        {},
        { field: inv.isOnline ? 'link' : 'tempat' },
      );
    const now = ctx.clock.now();
    const values = { ...inv, invitedBy: actor.userId, invitedAt: now };
    await tx
      .insert(evalProofs)
      .values({ tenderId, ...values })
      .onConflictDoUpdate({ target: [evalProofs.tenderId, evalProofs.vendorId], set: values });
    await recordAudit(tx, auditContext(ctx), {
      action: 'evaluation.proof_invited',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: e.tender.kode!, vendor: b.name ?? b.bid.vendorId, waktu: inv.waktu.toISOString() },
    });
  });
}

/** The pembuktian's result: attendance and pass/fail (absence or a fail carries a reason). Raises the version. */
export async function recordProofResult(
  ctx: Ctx,
  tenderId: string,
  input: { vendorId: string; hadir: boolean; lulus: boolean; reason: string | null },
): Promise<void> {
  assertCan(ctx.actor, 'evaluation:evaluate');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const e = await evaluationOrNotFound(tx, tenderId);
    enforceEvaluate(ctx, e);
    const b = e.bidders.find((x) => x.bid.vendorId === input.vendorId);
    if (!b?.proof) throw notFound('evaluation.error.proofNotFound');
    const lulus = input.hadir && input.lulus;
    const reason = input.reason?.trim() || (input.hadir ? null : ctx.t('evaluation.reason.absent'));
    if (!lulus && !reason)
      throw badRequest('EVAL_REASON_REQUIRED', 'evaluation.validation.reason', {}, { field: 'reason' });
    const now = ctx.clock.now();
    await tx
      .update(evalProofs)
      .set({ hadir: input.hadir, lulus, reason: lulus ? null : reason, resultBy: actor.userId, resultAt: now })
      .where(and(eq(evalProofs.tenderId, tenderId), eq(evalProofs.vendorId, input.vendorId)));
    const version = await bumpVersion(tx, tenderId, now);
    await recordAudit(tx, auditContext(ctx), {
      action: 'evaluation.proof_recorded',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: e.tender.kode!, vendor: b.name ?? b.bid.vendorId, hadir: input.hadir, lulus, reason, version },
    });
  });
}

/**
 * Klarifikasi dan negosiasi (R12 item 2), only where the bundle has the stage: the negotiated price, not above the
 * harga terkoreksi nor the HPS. Audited.
 */
export async function recordNegotiation(ctx: Ctx, tenderId: string, vendorId: string, harga: bigint): Promise<void> {
  assertCan(ctx.actor, 'evaluation:evaluate');
  await ctx.db.transaction(async (tx) => {
    const e = await evaluationOrNotFound(tx, tenderId);
    const now = ctx.clock.now();
    enforce(
      canNegotiate(
        ctx.actor,
        {
          ...e.tender,
          memberIds: e.memberIds,
          official: officialOf(e.bundle),
          window: spanState(negotiationSpan(e.bundle, e.schedule), now),
          fmt: fmtOf(ctx),
        },
        now,
      ),
    );
    const b = e.bidders.find((x) => x.bid.vendorId === vendorId);
    if (!b) throw notFound('evaluation.error.bidderNotFound');
    if (harga <= 0n || harga > b.bid.hargaTerkoreksi || (e.tender.hps !== null && harga > e.tender.hps))
      throw badRequest('EVAL_NEGOTIATION_ABOVE', 'evaluation.validation.negotiation', {}, { field: 'harga' });
    await tx
      .update(evalBids)
      .set({ hargaNegosiasi: harga, negotiatedBy: ctx.actor!.userId, negotiatedAt: now })
      .where(and(eq(evalBids.tenderId, tenderId), eq(evalBids.vendorId, vendorId)));
    if (e.award && e.award.vendorId === vendorId)
      await tx.update(evalAwards).set({ nilaiNegosiasi: harga }).where(eq(evalAwards.id, e.award.id));
    await recordAudit(tx, auditContext(ctx), {
      action: 'evaluation.negotiated',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: e.tender.kode!, vendor: b.name ?? vendorId, harga: harga.toString() },
    });
  });
}

/**
 * Penetapan pemenang (R12 item 3): the Pokja (a member, on the approved evaluation) or, above the threshold, the
 * PA/KPA of the tender's agency, in the Penetapan Pemenang stage. The winner is the lowest harga terkoreksi that passed
 * every aspect and the pembuktian. Audited.
 */
export async function decideAward(ctx: Ctx, tenderId: string): Promise<{ vendorId: string }> {
  if (!ctx.actor) assertCan(ctx.actor, 'evaluation:evaluate');
  if (!can(ctx.actor, 'evaluation:evaluate') && !can(ctx.actor, 'evaluation:decide_above_threshold')) throw forbidden();
  const actor = ctx.actor!;
  return ctx.db.transaction(async (tx) => {
    const e = await evaluationOrNotFound(tx, tenderId);
    const now = ctx.clock.now();
    const authority = awardAuthority(e.tender.jenis, e.tender.pagu);
    // The granting role for the audit trail; a person without it is refused by the policy with the reason.
    const permission = authority === 'PA_KPA' ? 'evaluation:decide_above_threshold' : 'evaluation:evaluate';
    if (can(actor, permission)) assertCan(actor, permission);
    const ranking = await awardRanking(tx, tenderId, now);
    const candidate = candidateOf(e, ranking);
    enforce(
      canDecide(
        actor,
        {
          ...e.tender,
          memberIds: e.memberIds,
          official: officialOf(e.bundle),
          authority,
          window: decisionWindow(e, now),
          fmt: fmtOf(ctx),
          approved: e.approved,
          hasCandidate: !!candidate,
          awarded: !!e.award,
        },
        now,
      ),
    );
    const c = candidate!;
    // A Tender Cepat's price is the auction's last price (its price rounds replace the negotiation).
    const auctionPrice =
      ranking?.source === 'auction' && ranking.final
        ? (ranking.order.find((o) => o.vendorId === c.bid.vendorId)?.harga ?? null)
        : null;
    await tx.insert(evalAwards).values({
      tenderId,
      vendorId: c.bid.vendorId,
      nilaiPenawaran: c.bid.hargaPenawaran,
      nilaiTerkoreksi: c.bid.hargaTerkoreksi,
      nilaiNegosiasi: c.bid.hargaNegosiasi ?? auctionPrice,
      decidedAs: authority,
      decidedBy: actor.userId,
      decidedAt: now,
      evalVersion: e.version,
    });
    await recordAudit(tx, auditContext(ctx), {
      action: 'evaluation.award_decided',
      objectType: 'tender',
      objectId: tenderId,
      summary: {
        kode: e.tender.kode!,
        vendor: c.name ?? c.bid.vendorId,
        nilaiTerkoreksi: c.bid.hargaTerkoreksi.toString(),
        decidedAs: authority,
      },
    });
    return { vendorId: c.bid.vendorId };
  });
}
