import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { notFound } from '../../../platform/errors.ts';
import { insertDocument, type UploadedBlob } from '../../../platform/files/documents.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { findUserById, setAccountActive } from '../../accounts/index.ts';
import { queueNotice } from '../mails.ts';
import { regErrors } from '../registration.errors.ts';
import { accountStatusChanges, type REQUESTER_KINDS } from '../registration.schema.ts';

export interface StatusChangeInput {
  userId: string;
  reason: string;
  requesterKind: (typeof REQUESTER_KINDS)[number];
  requesterName: string | null;
  referenceNumber: string | null;
  reference: UploadedBlob | null;
}

/**
 * Switches a User ID off for a violation or on request of PA/KPA/PPK/Pokja/ULP (R35, Pasal 10(4)), always with a
 * reason, a requester and a reference. The account keeps its data; sign-in and every session stop at once because
 * sessions of non-active users do not load.
 */
export async function deactivateAccount(ctx: Ctx, input: StatusChangeInput) {
  return changeAccountStatus(ctx, input, 'deactivate');
}

export async function changeAccountStatus(ctx: Ctx, input: StatusChangeInput, action: 'deactivate' | 'reactivate') {
  assertCan(ctx.actor, 'accounts:deactivate');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const user = await findUserById(tx, input.userId);
    if (!user) throw notFound();
    if (action === 'deactivate' && user.status !== 'active') throw regErrors.alreadyInactive(user.username);
    if (action === 'reactivate' && user.status !== 'inactive') throw regErrors.alreadyActive(user.username);
    const now = ctx.clock.now();
    const doc = input.reference ? await insertDocument(tx, ctx.clock, input.reference, actor.userId) : null;
    await setAccountActive(tx, now, user.id, action !== 'deactivate');
    const [row] = await tx
      .insert(accountStatusChanges)
      .values({
        userId: user.id,
        action,
        reason: input.reason,
        requesterKind: input.requesterKind,
        requesterName: input.requesterName,
        referenceNumber: input.referenceNumber,
        referenceDocumentId: doc?.id ?? null,
        byUserId: actor.userId,
        at: now,
      })
      .returning();
    await recordAudit(tx, auditContext(ctx), {
      action: action === 'deactivate' ? 'user.deactivated' : 'user.reactivated',
      objectType: 'user',
      objectId: user.id,
      summary: {
        changeId: row!.id,
        reason: input.reason,
        requester: input.requesterKind,
        requesterName: input.requesterName,
        referenceNumber: input.referenceNumber,
        referenceSha256: doc?.sha256 ?? null,
      },
    });
    await queueNotice(
      tx,
      ctx.clock,
      ctx.config,
      user,
      action === 'deactivate'
        ? { subject: 'reg.mail.deactivated.subject', body: 'reg.mail.deactivated.body' }
        : { subject: 'reg.mail.reactivated.subject', body: 'reg.mail.reactivated.body' },
      { username: user.username, reason: input.reason },
    );
  });
}
