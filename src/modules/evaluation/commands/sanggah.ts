import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { notFound } from '../../../platform/errors.ts';
import type { UploadedBlob } from '../../../platform/files/documents.ts';
import { insertDocument } from '../../../platform/files/documents.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { officialOf } from '../../tenders/index.ts';
import { canAnswerSanggah, canFileSanggah } from '../evaluation.policy.ts';
import type { Evaluation } from '../evaluation.repository.ts';
import { evalSanggah, type SanggahOutcome } from '../evaluation.schema.ts';
import { announcementSpan, answerDeadline, sanggahSpan, spanState } from '../windows.ts';
import { evaluationOrNotFound, fmtOf, vendorOfUser, withdrawAward } from './common.ts';

/**
 * The winner is announced once an award stands and the Pengumuman Pemenang stage has started (a Tender Cepat decides
 * in that stage, so at once). A bundle with no announcement stage (non-tender: Pengadaan/Penunjukan Langsung) announces
 * with the penetapan itself.
 */
export function isAnnounced(e: Evaluation, now: Date): boolean {
  if (!e.award) return false;
  if (!e.bundle.stages.some((s) => s.role === 'award_announcement')) return true;
  const span = announcementSpan(e.bundle, e.schedule);
  return !!span && now.getTime() >= span.start.getTime();
}

/**
 * A bidder files a sanggah in the masa sanggah (R12 item 4): text and an optional PDF. Visible, with its answer, to
 * every participant. Blocks the award until answered. Audited.
 */
export async function fileSanggah(
  ctx: Ctx,
  tenderId: string,
  input: { text: string; file: UploadedBlob | null },
): Promise<string> {
  assertCan(ctx.actor, 'evaluation:sanggah');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const e = await evaluationOrNotFound(tx, tenderId);
    const now = ctx.clock.now();
    const vendor = await vendorOfUser(tx, actor.userId);
    const bidder = !!vendor && e.bidders.some((b) => b.bid.vendorId === vendor.id);
    enforce(
      canFileSanggah(
        actor,
        {
          bidder,
          announced: isAnnounced(e, now),
          window: spanState(sanggahSpan(e.bundle, e.schedule), now),
          fmt: fmtOf(ctx),
        },
        now,
      ),
    );
    const doc = input.file ? await insertDocument(tx, ctx.clock, input.file, actor.userId) : null;
    const [row] = await tx
      .insert(evalSanggah)
      .values({
        tenderId,
        vendorId: vendor!.id,
        filedBy: actor.userId,
        text: input.text.trim(),
        documentId: doc?.id ?? null,
        filedAt: now,
      })
      .returning({ id: evalSanggah.id });
    await recordAudit(tx, auditContext(ctx), {
      action: 'evaluation.sanggah_filed',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: e.tender.kode!, vendor: vendor!.name ?? vendor!.id, sanggah: row!.id },
    });
    return row!.id;
  });
}

/**
 * A Pokja member answers a sanggah within the answer period. `diterima` (upheld) withdraws the award and reopens the
 * evaluation (`withdrawAward`: version raised; the Pokja re-evaluates, approves and decides again, or the tender is
 * declared gagal).
 * Audited.
 */
export async function answerSanggah(
  ctx: Ctx,
  tenderId: string,
  sanggahId: string,
  input: { answer: string; outcome: SanggahOutcome },
): Promise<void> {
  assertCan(ctx.actor, 'evaluation:evaluate');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const e = await evaluationOrNotFound(tx, tenderId);
    const s = e.sanggah.find((x) => x.id === sanggahId);
    if (!s) throw notFound('evaluation.error.sanggahNotFound');
    const now = ctx.clock.now();
    const span = sanggahSpan(e.bundle, e.schedule);
    enforce(
      canAnswerSanggah(
        actor,
        {
          ...e.tender,
          memberIds: e.memberIds,
          official: officialOf(e.bundle),
          answered: !!s.answeredAt,
          deadline: span ? answerDeadline(e.bundle, span) : now,
          fmt: fmtOf(ctx),
        },
        now,
      ),
    );
    await tx
      .update(evalSanggah)
      .set({ answer: input.answer.trim(), outcome: input.outcome, answeredBy: actor.userId, answeredAt: now })
      .where(and(eq(evalSanggah.id, sanggahId), eq(evalSanggah.tenderId, tenderId)));
    if (input.outcome === 'diterima') await withdrawAward(tx, e, now, input.answer);
    await recordAudit(tx, auditContext(ctx), {
      action: 'evaluation.sanggah_answered',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: e.tender.kode!, sanggah: sanggahId, outcome: input.outcome, vendor: s.vendorName ?? s.vendorId },
    });
  });
}
