import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { insertDocument, type UploadedBlob } from '../../../platform/files/documents.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { setSiteIdentity } from '../../../platform/ui/site.ts';
import { findSiteSettings, loadSiteIdentity } from '../settings.repository.ts';
import { siteSettings } from '../settings.schema.ts';

export interface SiteSettingsInput {
  regencyName: string;
  address: string;
  hours: string;
  email: string;
  phone: string | null;
  whatsapp: string | null;
  /** A new emblem, or null to keep the current one. */
  emblem: UploadedBlob | null;
  /** Back to the neutral default mark. */
  removeEmblem?: boolean;
}

/** Saves the identity of the site (audited with before and after), then refreshes this process's cached copy. */
export async function saveSiteSettings(ctx: Ctx, input: SiteSettingsInput) {
  assertCan(ctx.actor, 'site-settings:manage');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const before = await findSiteSettings(tx);
    const doc = input.emblem ? await insertDocument(tx, ctx.clock, input.emblem, actor.userId) : null;
    const emblemDocumentId = doc?.id ?? (input.removeEmblem ? null : (before?.emblemDocumentId ?? null));
    const values = {
      regencyName: input.regencyName,
      address: input.address,
      hours: input.hours,
      email: input.email,
      phone: input.phone,
      whatsapp: input.whatsapp,
      emblemDocumentId,
      updatedAt: ctx.clock.now(),
      updatedBy: actor.userId,
    };
    await tx
      .insert(siteSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: siteSettings.id, set: values });
    const summary = (r: Omit<typeof values, 'updatedBy'> | undefined) =>
      r
        ? {
            regencyName: r.regencyName,
            address: r.address,
            hours: r.hours,
            email: r.email,
            phone: r.phone,
            whatsapp: r.whatsapp,
            emblemDocumentId: r.emblemDocumentId,
          }
        : null;
    await recordAudit(tx, auditContext(ctx), {
      action: 'site_settings.updated',
      objectType: 'site_settings',
      objectId: null,
      summary: { before: summary(before), after: summary(values)!, emblemSha256: doc?.sha256 ?? null },
    });
  });
  // Invalidation on save: the next page, PDF and mail of this process use the new identity.
  setSiteIdentity(await loadSiteIdentity(ctx.db, ctx.files, ctx.config.lpseName));
}
