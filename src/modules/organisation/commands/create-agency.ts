import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { conflict } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { findAgencyByCode } from '../organisation.repository.ts';
import { agencies } from '../organisation.schema.ts';

export interface NewAgency {
  code: string;
  name: string;
  kind: 'OPD' | 'BUMN' | 'BUMD' | 'NON_PEMERINTAH';
  address: string | null;
}

/** Adds an OPD/satker, or a BUMN, BUMD or non-government organisation that the LPSE serves (R13). */
export async function createAgency(ctx: Ctx, input: NewAgency) {
  assertCan(ctx.actor, 'agencies:manage');
  return ctx.db.transaction(async (tx) => {
    if (await findAgencyByCode(tx, input.code))
      throw conflict('AGENCY_CODE_TAKEN', 'agencies.codeTaken', {}, { field: 'code' });
    const [row] = await tx
      .insert(agencies)
      .values({ ...input, createdAt: ctx.clock.now() })
      .returning();
    await recordAudit(tx, auditContext(ctx), {
      action: 'agency.created',
      objectType: 'agency',
      objectId: row!.id,
      summary: { after: input },
    });
    return row!;
  });
}
