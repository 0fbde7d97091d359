import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { AppError } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { checklistFor } from '../checklist.ts';
import { notify } from '../mails.ts';
import { canPrepare } from '../sulap.policy.ts';
import { holdersOf, ukpbjAgencies } from '../sulap.repository.ts';
import { sulapDocuments, sulapPackages } from '../sulap.schema.ts';
import { itemLabel } from '../views/labels.ts';
import { loadFor } from './load.ts';

/** P3: the PPK submits the package to a UKPBJ once every mandatory document is there. */
export async function submitPackage(ctx: Ctx, packageId: string, ukpbjAgencyId: string) {
  assertCan(ctx.actor, 'sulap:prepare');
  return ctx.db.transaction(async (tx) => {
    const pkg = await loadFor(tx, ctx, packageId, canPrepare);
    const units = await ukpbjAgencies(tx);
    if (!units.some((u) => u.id === ukpbjAgencyId)) {
      throw new AppError('SULAP_NO_UKPBJ', 422, 'sulap.problem.ukpbj', {}, { field: 'ukpbjAgencyId' });
    }
    const docs = await tx.select().from(sulapDocuments).where(eq(sulapDocuments.packageId, packageId));
    const missing = checklistFor(pkg.jenis, pkg.metode)
      .filter((c) => c.mandatory)
      .filter((c) => !docs.some((d) => d.itemKey === c.item && d.currentVersion > 0));
    if (missing.length > 0) {
      throw new AppError(
        'SULAP_MISSING_DOCUMENTS',
        422,
        'sulap.problem.missing',
        { items: missing.map((m) => itemLabel(ctx.t, m.item)).join(', ') },
        { field: 'ukpbjAgencyId' },
      );
    }
    const now = ctx.clock.now();
    await tx
      .update(sulapPackages)
      .set({ status: 'diajukan', ukpbjAgencyId, submittedAt: now, updatedAt: now })
      .where(eq(sulapPackages.id, packageId));
    await recordAudit(tx, auditContext(ctx), {
      action: 'sulap.submitted',
      objectType: 'sulap_package',
      objectId: packageId,
      summary: { nama: pkg.namaPaket, ukpbjAgencyId },
    });
    await notify(
      tx,
      ctx.clock,
      ctx.config,
      await holdersOf(tx, 'KEPALA_ULP', [ukpbjAgencyId]),
      { subject: 'sulap.mail.submitted.subject', body: 'sulap.mail.submitted.body' },
      { paket: pkg.namaPaket, id: packageId },
    );
  });
}
