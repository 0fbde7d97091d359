import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { regErrors } from '../registration.errors.ts';
import { findVendor } from '../registration.repository.ts';
import { blacklistEntries, type OFFENCES } from '../registration.schema.ts';

export interface BlacklistInput {
  vendorId: string;
  offence: (typeof OFFENCES)[number];
  skNumber: string;
  skDate: string;
  issuingAgency: string;
  startsOn: string;
  endsOn: string;
}

/**
 * Records a Daftar Hitam decision (R35; Perlem LKPP 17/2018): the PA/KPA's SK, the offence and the period. From the
 * start date the vendor keeps read access but `isEligibleToBid` refuses it, and the public list shows the entry.
 */
export async function addBlacklistEntry(ctx: Ctx, input: BlacklistInput) {
  assertCan(ctx.actor, 'blacklist:manage');
  const actor = ctx.actor;
  if (input.endsOn < input.startsOn) throw regErrors.periodInvalid();
  return ctx.db.transaction(async (tx) => {
    const vendor = await findVendor(tx, input.vendorId);
    if (!vendor?.npwp || !vendor.name) throw regErrors.vendorUnknown();
    const [row] = await tx
      .insert(blacklistEntries)
      .values({
        ...input,
        vendorName: vendor.name,
        npwp: vendor.npwp,
        createdBy: actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, auditContext(ctx), {
      action: 'blacklist.entry_added',
      objectType: 'vendor',
      objectId: vendor.id,
      summary: { entryId: row!.id, ...input },
    });
    return row!;
  });
}
