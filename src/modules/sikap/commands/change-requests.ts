import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import type { UploadedBlob } from '../../../platform/files/documents.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { translator } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { users } from '../../accounts/accounts.schema.ts';
import { applyVerifiedIdentityChange, findVerifiedVendor, type IdentityChange } from '../../registration/index.ts';
import { canEditProfile } from '../sikap.policy.ts';
import { currentSection, findChangeRequest, itemsOf } from '../sikap.repository.ts';
import { type ChangeOp, type SectionItem, sikapChangeRequests } from '../sikap.schema.ts';
import { applySectionOp, newItem, storeEvidence } from './apply.ts';

export type ChangeSection = 'identitas' | 'akta' | 'pengurus';
export type ProposedChange =
  | { kind: 'add'; item: Record<string, unknown> }
  | { kind: 'remove'; itemId: string }
  | { kind: 'identitas'; values: IdentityChange };

/**
 * The vendor asks to change verified data (identity, deeds, directors) with the evidence the Verifikator will hold
 * against the originals. Nothing changes until approved; the request is audited.
 */
export async function requestChange(
  ctx: Ctx,
  vendorId: string,
  section: ChangeSection,
  change: ProposedChange,
  note: string | null,
  evidence: UploadedBlob,
) {
  assertCan(ctx.actor, 'sikap:edit');
  const actor = ctx.actor;
  const vendor = await findVerifiedVendor(ctx.db, vendorId);
  if (!vendor) throw notFound();
  enforce(canEditProfile(actor, vendor, ctx.clock.now()));
  return ctx.db.transaction(async (tx) => {
    if (change.kind === 'remove' && section !== 'identitas') {
      const items = itemsOf(await currentSection(tx, vendorId, section));
      if (!items.some((i) => i.id === change.itemId)) throw notFound();
    }
    const documentId = await storeEvidence(tx, ctx.clock, vendorId, section, evidence, actor.userId);
    const op: ChangeOp =
      change.kind === 'add'
        ? { kind: 'add', item: newItem(change.item, documentId) }
        : change.kind === 'remove'
          ? change
          : { kind: 'identitas', values: change.values as Record<string, string | null> };
    const [row] = await tx
      .insert(sikapChangeRequests)
      .values({
        vendorId,
        section,
        op,
        note,
        evidenceDocumentId: documentId,
        requestedBy: actor.userId,
        requestedAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, auditContext(ctx), {
      action: 'sikap.change_requested',
      objectType: 'vendor',
      objectId: vendorId,
      summary: { section, requestId: row!.id, change: op.kind },
    });
    return row!;
  });
}

/**
 * The Verifikator approves (the change is applied as a new version, or written to the registered identity) or
 * rejects with a reason, after checking the originals. The vendor is told by mail.
 */
export async function decideChange(ctx: Ctx, requestId: string, decision: 'approve' | 'reject', reason: string | null) {
  assertCan(ctx.actor, 'sikap:verify');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const req = await findChangeRequest(tx, requestId, true);
    if (!req) throw notFound();
    if (req.status !== 'pending') throw conflict('SIKAP_ALREADY_DECIDED', 'sikap.problem.decided');
    if (decision === 'reject' && !reason)
      throw conflict('SIKAP_REASON_REQUIRED', 'sikap.problem.reason', {}, { field: 'reason' });
    const now = ctx.clock.now();
    let version: number | null = null;
    if (decision === 'approve') {
      if (req.op.kind === 'identitas') {
        await applyVerifiedIdentityChange(tx, now, req.vendorId, req.op.values as IdentityChange);
      } else {
        const section = req.section as 'akta' | 'pengurus';
        const op = req.op.kind === 'add' ? { kind: 'add' as const, item: req.op.item as SectionItem } : req.op;
        version = await applySectionOp(tx, ctx.clock, req.vendorId, section, op, {
          userId: actor.userId,
          name: actor.name,
          changeRequestId: req.id,
        });
      }
    }
    await tx
      .update(sikapChangeRequests)
      .set({
        status: decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: actor.userId,
        decidedAt: now,
        reason,
      })
      .where(eq(sikapChangeRequests.id, req.id));
    await recordAudit(tx, auditContext(ctx), {
      action: decision === 'approve' ? 'sikap.change_approved' : 'sikap.change_rejected',
      objectType: 'vendor',
      objectId: req.vendorId,
      summary: { section: req.section, requestId: req.id, reason: reason ?? '', ...(version ? { version } : {}) },
    });
    const [to] = await tx.select().from(users).where(eq(users.id, req.requestedBy));
    if (to) {
      const t = translator(to.locale === 'en' ? 'en' : 'id');
      const params = {
        name: to.name,
        section: t(`sikap.section.${req.section}` as 'sikap.section.akta'),
        reason: reason ?? '—',
        lpse: ctx.config.lpseName,
        base: ctx.config.baseUrl,
      };
      const key = decision === 'approve' ? 'approved' : 'rejected';
      await enqueueMail(tx, ctx.clock, {
        to: to.email,
        subject: t(`sikap.mail.${key}.subject`, params),
        text: t(`sikap.mail.${key}.body`, params),
      });
    }
  });
}
