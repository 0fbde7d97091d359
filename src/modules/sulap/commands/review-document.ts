import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Actor } from '../../../platform/auth/permissions.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, conflict, unauthenticated } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { checklistFor } from '../checklist.ts';
import { notify } from '../mails.ts';
import { canReview, isPackageMember, type PackageRef } from '../sulap.policy.ts';
import { holdersOf, usersByIds } from '../sulap.repository.ts';
import {
  type DocumentStatus,
  type ReviewDecision,
  sulapDocuments,
  sulapDraftTenders,
  sulapPackages,
  sulapReviews,
} from '../sulap.schema.ts';
import { itemLabel } from '../views/labels.ts';
import { documentOf, loadFor } from './load.ts';

/**
 * The state of one document from the members' latest decisions on its current version: any rejection → ditolak,
 * any revision → revisi, every member approved → disetujui, else still diajukan. The PPK's own marks are recorded
 * but do not decide: the Pokja decides collectively (kolektif kolegial).
 */
export function documentStatusOf(
  memberIds: readonly string[],
  reviews: readonly { reviewerUserId: string; decision: ReviewDecision; at: Date }[],
): DocumentStatus {
  const latest = new Map<string, ReviewDecision>();
  for (const r of [...reviews].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (memberIds.includes(r.reviewerUserId)) latest.set(r.reviewerUserId, r.decision);
  }
  const decisions = [...latest.values()];
  if (decisions.includes('ditolak')) return 'ditolak';
  if (decisions.includes('revisi')) return 'revisi';
  if (memberIds.length > 0 && memberIds.every((m) => latest.get(m) === 'disetujui')) return 'disetujui';
  return 'diajukan';
}

export interface ReviewInput {
  decision: ReviewDecision;
  note: string | null;
}

/**
 * P5: a Pokja member (or the PPK) marks the current version of one document approved, to revise (with a note) or
 * rejected (with a reason). When every member has approved every mandatory document, the package is complete (P7).
 */
export async function reviewDocument(ctx: Ctx, packageId: string, itemKey: string, input: ReviewInput) {
  if (!ctx.actor) throw unauthenticated();
  const actor = ctx.actor;
  if (input.decision !== 'disetujui' && !input.note) {
    throw new AppError('SULAP_NOTE_REQUIRED', 400, 'sulap.problem.noteRequired', {}, { field: 'note' });
  }
  return ctx.db.transaction(async (tx) => {
    const pkg = await loadFor(tx, ctx, packageId, canReview);
    const doc = await documentOf(tx, packageId, itemKey);
    if (doc.currentVersion === 0) throw conflict('SULAP_NO_VERSION', 'sulap.problem.noVersion', {}, { field: 'note' });
    const member = isPackageMember(actor, pkg);
    actor.actingRole = member ? (actor.roles.find((r) => r.role === 'POKJA') ? 'POKJA' : 'PEJABAT_PENGADAAN') : 'PPK';
    const now = ctx.clock.now();
    await tx.insert(sulapReviews).values({
      sulapDocumentId: doc.id,
      version: doc.currentVersion,
      reviewerUserId: actor.userId,
      reviewerRole: actor.actingRole,
      decision: input.decision,
      note: input.note,
      at: now,
    });
    const reviews = await tx
      .select({ reviewerUserId: sulapReviews.reviewerUserId, decision: sulapReviews.decision, at: sulapReviews.at })
      .from(sulapReviews)
      .where(and(eq(sulapReviews.sulapDocumentId, doc.id), eq(sulapReviews.version, doc.currentVersion)));
    const status = documentStatusOf(pkg.memberIds, reviews);
    await tx.update(sulapDocuments).set({ status, updatedAt: now }).where(eq(sulapDocuments.id, doc.id));
    await tx.update(sulapPackages).set({ updatedAt: now }).where(eq(sulapPackages.id, packageId));
    await recordAudit(tx, auditContext(ctx), {
      action: 'sulap.reviewed',
      objectType: 'sulap_package',
      objectId: packageId,
      summary: { nama: pkg.namaPaket, item: itemKey, version: doc.currentVersion, decision: input.decision },
    });
    if ((status === 'revisi' || status === 'ditolak') && doc.status !== status) {
      await notify(
        tx,
        ctx.clock,
        ctx.config,
        await usersByIds(tx, [pkg.ppkUserId]),
        { subject: 'sulap.mail.revision.subject', body: 'sulap.mail.revision.body' },
        { paket: pkg.namaPaket, id: packageId, item: itemLabel(ctx.t, itemKey), note: input.note ?? '' },
      );
    }
    const completed = status === 'disetujui' ? await completeIfAllApproved(tx, ctx, pkg, actor) : false;
    return { status, completed };
  });
}

/** P7: every member approved every mandatory document → the package becomes a draft tender; everyone is told. */
async function completeIfAllApproved(
  tx: Db,
  ctx: Ctx,
  pkg: PackageRef & { id: string; namaPaket: string; jenis: string; metode: string; pagu: bigint; hps: bigint },
  _actor: Actor,
) {
  const docs = await tx.select().from(sulapDocuments).where(eq(sulapDocuments.packageId, pkg.id));
  const mandatory = checklistFor(pkg.jenis, pkg.metode).filter((c) => c.mandatory);
  if (!mandatory.every((c) => docs.some((d) => d.itemKey === c.item && d.status === 'disetujui'))) return false;
  const now = ctx.clock.now();
  await tx
    .update(sulapPackages)
    .set({ status: 'kolektif_kolegial', completedAt: now, updatedAt: now })
    .where(eq(sulapPackages.id, pkg.id));
  const [draft] = await tx
    .insert(sulapDraftTenders)
    .values({ packageId: pkg.id, pagu: pkg.pagu, hps: pkg.hps, createdAt: now })
    .returning();
  await recordAudit(tx, auditContext(ctx), {
    action: 'sulap.completed',
    objectType: 'sulap_package',
    objectId: pkg.id,
    summary: { nama: pkg.namaPaket, draftTenderId: draft!.id },
  });
  const kepala = pkg.ukpbjAgencyId ? await holdersOf(tx, 'KEPALA_ULP', [pkg.ukpbjAgencyId]) : [];
  await notify(
    tx,
    ctx.clock,
    ctx.config,
    [...(await usersByIds(tx, [pkg.ppkUserId, ...pkg.memberIds])), ...kepala],
    { subject: 'sulap.mail.completed.subject', body: 'sulap.mail.completed.body' },
    { paket: pkg.namaPaket, id: pkg.id },
  );
  return true;
}
