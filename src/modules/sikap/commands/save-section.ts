import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import type { UploadedBlob } from '../../../platform/files/documents.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { findVerifiedVendor } from '../../registration/index.ts';
import { isVerifiedSection, type Section } from '../sections.ts';
import { canEditProfile } from '../sikap.policy.ts';
import { applySectionOp, newItem, type SectionOp, storeEvidence } from './apply.ts';

/**
 * The vendor saves a section that is not verified data (licences, owners, tax, experts, equipment, experience):
 * directly, as a new version, audited. Deeds and directors go through `requestChange` instead.
 */
export async function saveSection(
  ctx: Ctx,
  vendorId: string,
  section: Section,
  op: SectionOp,
  evidence: UploadedBlob | undefined,
) {
  assertCan(ctx.actor, 'sikap:edit');
  const actor = ctx.actor;
  const vendor = await findVerifiedVendor(ctx.db, vendorId);
  if (!vendor) throw notFound();
  enforce(canEditProfile(actor, vendor, ctx.clock.now()));
  if (isVerifiedSection(section)) throw conflict('SIKAP_NEEDS_VERIFICATION', 'sikap.problem.needsVerification');
  return ctx.db.transaction(async (tx) => {
    const bukti = evidence ? await storeEvidence(tx, ctx.clock, vendorId, section, evidence, actor.userId) : null;
    const version = await applySectionOp(
      tx,
      ctx.clock,
      vendorId,
      section,
      op.kind === 'remove'
        ? op
        : op.kind === 'add'
          ? { kind: 'add', item: newItem(op.item, bukti) }
          : { kind: 'update', item: { ...op.item, id: op.itemId, bukti } },
      { userId: actor.userId, name: actor.name },
    );
    await recordAudit(tx, auditContext(ctx), {
      action: 'sikap.section_saved',
      objectType: 'vendor',
      objectId: vendorId,
      summary: { section, version, change: op.kind, ...(op.kind === 'add' ? {} : { itemId: op.itemId }) },
    });
    return version;
  });
}
