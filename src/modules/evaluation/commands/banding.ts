import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan, canForAgency } from '../../../platform/auth/permissions.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import type { Bundle } from '../../tenders/index.ts';
import type { Evaluation } from '../evaluation.repository.ts';
import { evalSanggahBanding, type SanggahOutcome } from '../evaluation.schema.ts';
import { JAMINAN_SANGGAH_BANDING_BP, jaminanOf } from '../sanggah-banding.ts';
import { evaluationOrNotFound, vendorOfUser, withdrawAward } from './common.ts';

const HOUR = 3_600_000;
type Duration = NonNullable<Bundle['sanggahBanding']>['filing'];
const after = (d: Date, x: Duration) => new Date(d.getTime() + x.n * (x.unit === 'hours' ? HOUR : 24 * HOUR));

/** Whether this tender's method and category allow a sanggah banding (construction only since Perpres 12/2021). */
export function bandingRule(e: Evaluation) {
  const r = e.bundle.sanggahBanding;
  if (!r || !e.tender.jenis || !(r.jenis ?? []).includes(e.tender.jenis as never)) return null;
  return r;
}

/** Until when a rejected sanggah may be appealed: its answer + the bundle's filing period. */
export function bandingDeadline(e: Evaluation, answeredAt: Date): Date | null {
  const r = bandingRule(e);
  return r ? after(answeredAt, r.filing) : null;
}

/**
 * A bidder appeals its rejected sanggah to the PA/KPA (sanggah banding, construction only), with the jaminan sanggah
 * banding (rate × HPS, the rate kept with the appeal). The award waits until the PA/KPA answers. Audited.
 */
export async function fileBanding(
  ctx: Ctx,
  tenderId: string,
  input: { sanggahId: string; text: string; jaminanNomor: string },
): Promise<void> {
  assertCan(ctx.actor, 'evaluation:sanggah');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const e = await evaluationOrNotFound(tx, tenderId);
    const vendor = await vendorOfUser(tx, actor.userId);
    const s = e.sanggah.find((x) => x.id === input.sanggahId && x.vendorId === vendor?.id);
    if (!s) throw notFound('evaluation.error.sanggahNotFound');
    if (!bandingRule(e)) throw conflict('BANDING_NOT_AVAILABLE', 'evaluation.refused.bandingNotAvailable');
    if (s.outcome !== 'ditolak' || !s.answeredAt)
      throw conflict('BANDING_NOT_REJECTED', 'evaluation.refused.bandingNotRejected');
    if (e.banding.some((b) => b.sanggahId === s.id)) throw conflict('BANDING_FILED', 'evaluation.refused.bandingFiled');
    const now = ctx.clock.now();
    const deadline = bandingDeadline(e, s.answeredAt)!;
    if (now >= deadline)
      throw conflict('BANDING_CLOSED', 'evaluation.refused.bandingClosed', {
        at: formatDateTime(deadline, ctx.locale),
      });
    const jaminanNilai = jaminanOf(e.tender.hps ?? 0n);
    await tx.insert(evalSanggahBanding).values({
      tenderId,
      sanggahId: s.id,
      vendorId: s.vendorId,
      filedBy: actor.userId,
      text: input.text.trim(),
      jaminanNomor: input.jaminanNomor.trim(),
      jaminanNilai,
      jaminanRateBp: JAMINAN_SANGGAH_BANDING_BP,
      filedAt: now,
    });
    await recordAudit(tx, auditContext(ctx), {
      action: 'evaluation.banding_filed',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: e.tender.kode!, vendor: vendor!.name ?? s.vendorId, jaminan: jaminanNilai.toString() },
    });
  });
}

/** The PA/KPA of the tender's agency answers a sanggah banding within the bundle's answer period. Audited. */
export async function answerBanding(
  ctx: Ctx,
  tenderId: string,
  bandingId: string,
  input: { answer: string; outcome: SanggahOutcome },
): Promise<void> {
  assertCan(ctx.actor, 'evaluation:answer_banding');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const e = await evaluationOrNotFound(tx, tenderId);
    if (!canForAgency(actor, 'evaluation:answer_banding', e.tender.agencyId))
      throw notFound('evaluation.error.notFound');
    const b = e.banding.find((x) => x.id === bandingId);
    if (!b) throw notFound('evaluation.error.sanggahNotFound');
    if (b.answeredAt) throw conflict('BANDING_ANSWERED', 'evaluation.refused.answered');
    const now = ctx.clock.now();
    const rule = e.bundle.sanggahBanding!;
    const deadline = after(b.filedAt, rule.answer);
    if (now >= deadline)
      throw conflict('BANDING_ANSWER_CLOSED', 'evaluation.refused.answerClosed', {
        at: formatDateTime(deadline, ctx.locale),
      });
    await tx
      .update(evalSanggahBanding)
      .set({ answer: input.answer.trim(), outcome: input.outcome, answeredBy: actor.userId, answeredAt: now })
      .where(eq(evalSanggahBanding.id, bandingId));
    if (input.outcome === 'diterima') await withdrawAward(tx, e, now, input.answer);
    await recordAudit(tx, auditContext(ctx), {
      action: 'evaluation.banding_answered',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: e.tender.kode!, outcome: input.outcome },
    });
  });
}
