import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { insertDocument, type UploadedBlob } from '../../../platform/files/documents.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { lpseDecrees } from '../organisation.schema.ts';

/**
 * Records the Bupati decree forming the Tim LPSE (R20) with its PDF. The new decree replaces the previous one as the
 * decree in force; the old one stays in history.
 */
export async function recordDecree(ctx: Ctx, input: { number: string; decreeDate: string; file: UploadedBlob | null }) {
  assertCan(ctx.actor, 'lpse-team:manage');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const doc = input.file ? await insertDocument(tx, ctx.clock, input.file, actor.userId) : null;
    await tx.update(lpseDecrees).set({ active: false }).where(eq(lpseDecrees.active, true));
    const [row] = await tx
      .insert(lpseDecrees)
      .values({
        number: input.number,
        decreeDate: input.decreeDate,
        documentId: doc?.id ?? null,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await recordAudit(tx, auditContext(ctx), {
      action: 'lpse_team.decree_recorded',
      objectType: 'lpse_decree',
      objectId: row!.id,
      summary: { after: { number: input.number, decreeDate: input.decreeDate, sha256: doc?.sha256 ?? null } },
    });
    return row!;
  });
}
