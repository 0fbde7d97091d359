import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce, refuse } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { formatDate, formatDateTime } from '../../../platform/i18n/i18n.ts';
import { isEligibleToBid } from '../../registration/index.ts';
import { profileBlockers } from '../../sikap/index.ts';
import { needsInvitation } from '../methods/bundle.ts';
import { bundleOf } from '../methods/index.ts';
import { isParticipant, vendorOfUser } from '../participation.repository.ts';
import { invalidatePublicTenders } from '../public-cache.ts';
import { stageOfRole, stageWindow } from '../schedule.ts';
import { canAsk, canJoin, isTenderPokja, type VendorStanding } from '../tenders.policy.ts';
import { findTender, loadSchedule } from '../tenders.repository.ts';
import { tenderInvitations, tenderMembers, tenderParticipants, tenderQuestions } from '../tenders.schema.ts';
import { INVITATION_BASIS, pendingInvitation } from './invitations.ts';

/** The Pakta Integritas a vendor accepts when joining (Perpres 16/2018 jo. 12/2021 Pasal 7). */
export const PAKTA_INTEGRITAS =
  'Kami menyatakan: tidak akan melakukan praktik korupsi, kolusi dan nepotisme; akan melaporkan kepada APIP atau ' +
  'aparat penegak hukum apabila mengetahui adanya indikasi KKN dalam proses pengadaan ini; akan mengikuti proses ' +
  'pengadaan secara bersih, transparan dan profesional; dan apabila melanggar, bersedia dikenakan sanksi ' +
  'administratif, pencantuman dalam daftar hitam, gugatan perdata dan/atau pelaporan pidana.';

/** An announced, running tender (a draft is not found for vendors). */
async function announcedTender(db: Db, tenderId: string) {
  const t = await findTender(db, tenderId);
  if (!t?.announcedAt || !t.kode) throw notFound('tenders.error.notFound');
  return t;
}

/** Joining and asking only while the tender runs (not after it failed, was cancelled or finished). */
function assertRunning(t: { status: string }) {
  if (t.status !== 'berlangsung') throw conflict('TENDER_NOT_RUNNING', 'tenders.refused.notRunning');
}

export async function standingOf(db: Db, vendorId: string | undefined, now: Date): Promise<VendorStanding> {
  if (!vendorId) return { ok: false, reason: 'NOT_VERIFIED' };
  const e = await isEligibleToBid(db, vendorId, now);
  if (!e.eligible) {
    if (e.reason === 'BLACKLISTED')
      return { ok: false, reason: 'BLACKLISTED', skNumber: e.skNumber, until: formatDate(e.until, 'id') };
    return { ok: false, reason: e.reason };
  }
  const blockers = await profileBlockers(db, vendorId, now);
  if (blockers.length > 0) return { ok: false, reason: 'PROFILE', items: blockers.map((b) => b.reason).join('; ') };
  return { ok: true };
}

/** Where participation closes: the end of the upload stage (or of the last stage when the bundle has none). */
export function participationWindow(
  bundleId: string,
  bundleVersion: string,
  schedule: Awaited<ReturnType<typeof loadSchedule>>,
) {
  const upload = stageOfRole(bundleOf(bundleId, bundleVersion)!, 'bid_upload');
  const row = schedule.find((r) => r.stage === upload?.code) ?? schedule[schedule.length - 1];
  const opensAt = schedule[0]?.start ?? new Date(0);
  return { opensAt, closesAt: row?.end ?? opensAt };
}

/**
 * A verified vendor joins an announced tender by accepting the Pakta Integritas, while participation is open (until
 * the upload stage ends). Refused with the reason when the vendor may not bid (not verified, blacklisted, an expired
 * licence or certificate in SIKaP). Audited.
 */
export async function joinTender(ctx: Ctx, tenderId: string, paktaAccepted: boolean): Promise<void> {
  assertCan(ctx.actor, 'tenders:participate');
  const actor = ctx.actor;
  if (!paktaAccepted) throw badRequest('PAKTA_REQUIRED', 'tenders.validation.pakta', {}, { field: 'pakta' });
  await ctx.db.transaction(async (tx) => {
    const t = await announcedTender(tx, tenderId);
    assertRunning(t);
    const now = ctx.clock.now();
    const vendor = await vendorOfUser(tx, actor.userId);
    const schedule = await loadSchedule(tx, tenderId);
    const w = participationWindow(t.bundleId, t.bundleVersion, schedule);
    const decision = canJoin(
      actor,
      {
        standing: await standingOf(tx, vendor?.id, now),
        ...w,
        alreadyJoined: vendor ? await isParticipant(tx, tenderId, vendor.id) : false,
        fmt: (d) => formatDateTime(d, ctx.locale),
      },
      now,
    );
    if (!decision.allowed && decision.code === 'TENDER_ALREADY_JOINED') throw conflict(decision.code, decision.reason);
    enforce(decision);
    // Pengadaan Langsung / Penunjukan Langsung: only the vendor the official invited; joining accepts the invitation.
    if (needsInvitation(bundleOf(t.bundleId, t.bundleVersion)!)) {
      if (!(await pendingInvitation(tx, tenderId, vendor!.id)))
        enforce(refuse('TENDER_NOT_INVITED', 'tenders.invite.notInvited', { basis: INVITATION_BASIS }));
      await tx
        .update(tenderInvitations)
        .set({ acceptedAt: now })
        .where(and(eq(tenderInvitations.tenderId, tenderId), eq(tenderInvitations.vendorId, vendor!.id)));
    }
    await tx
      .insert(tenderParticipants)
      .values({ tenderId, vendorId: vendor!.id, userId: actor.userId, pakta: PAKTA_INTEGRITAS, joinedAt: now });
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.joined',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: t.kode!, vendor: vendor!.name ?? vendor!.id },
    });
  });
  invalidatePublicTenders();
}

/** The participant's vendor, or a refusal naming why not. */
async function participantVendor(db: Db, tenderId: string, userId: string) {
  const vendor = await vendorOfUser(db, userId);
  return vendor && (await isParticipant(db, tenderId, vendor.id)) ? vendor : undefined;
}

export function clarificationStage(bundleId: string, bundleVersion: string) {
  return stageOfRole(bundleOf(bundleId, bundleVersion)!, 'clarification');
}

/** A participant asks a question during Pemberian Penjelasan, optionally anonymous to the other vendors. Audited. */
export async function askQuestion(
  ctx: Ctx,
  tenderId: string,
  input: { question: string; anonymous: boolean },
): Promise<string> {
  assertCan(ctx.actor, 'tenders:participate');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const t = await announcedTender(tx, tenderId);
    assertRunning(t);
    const now = ctx.clock.now();
    const vendor = await participantVendor(tx, tenderId, actor.userId);
    const stage = clarificationStage(t.bundleId, t.bundleVersion);
    const window = stageWindow(await loadSchedule(tx, tenderId), stage?.code ?? '', now);
    enforce(
      canAsk(
        actor,
        {
          participant: !!vendor,
          stageName: stage?.name ?? '',
          window,
          fmt: (d) => formatDateTime(d, ctx.locale),
        },
        now,
      ),
    );
    const [q] = await tx
      .insert(tenderQuestions)
      .values({
        tenderId,
        vendorId: vendor!.id,
        askedBy: actor.userId,
        question: input.question.trim(),
        anonymous: input.anonymous,
        askedAt: now,
      })
      .returning({ id: tenderQuestions.id });
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.question_asked',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: t.kode!, question: q!.id, anonymous: input.anonymous },
    });
    return q!.id;
  });
}

/** The tender's Pokja members (for the Pokja-only views and actions). */
export async function tenderMemberIds(db: Db, tenderId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: tenderMembers.userId })
    .from(tenderMembers)
    .where(eq(tenderMembers.tenderId, tenderId));
  return rows.map((r) => r.userId);
}

/** A Pokja member of the tender answers a question; every participant sees the answer. Audited. */
export async function answerQuestion(ctx: Ctx, tenderId: string, questionId: string, answer: string): Promise<void> {
  assertCan(ctx.actor, 'tenders:clarify');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const t = await announcedTender(tx, tenderId);
    if (!isTenderPokja(actor, { ...t, memberIds: await tenderMemberIds(tx, tenderId) }))
      throw notFound('tenders.error.notFound');
    const [q] = await tx
      .select()
      .from(tenderQuestions)
      .where(and(eq(tenderQuestions.id, questionId), eq(tenderQuestions.tenderId, tenderId)));
    if (!q) throw notFound('tenders.error.questionNotFound');
    if (q.answeredAt) throw conflict('TENDER_QUESTION_ANSWERED', 'tenders.refused.answered');
    const now = ctx.clock.now();
    await tx
      .update(tenderQuestions)
      .set({ answer: answer.trim(), answeredBy: actor.userId, answeredAt: now })
      .where(eq(tenderQuestions.id, questionId));
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.question_answered',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: t.kode!, question: questionId },
    });
  });
}
