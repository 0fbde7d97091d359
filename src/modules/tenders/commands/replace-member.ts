import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan, canForAgency } from '../../../platform/auth/permissions.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { notify } from '../../notifications/index.ts';
import { holdersOf } from '../../sulap/index.ts';
import { sulapDraftTenders, sulapPackages } from '../../sulap/sulap.schema.ts';
import { memberIdsOf } from '../lifecycle.repository.ts';
import { officialOf } from '../methods/bundle.ts';
import { findTender } from '../tenders.repository.ts';
import { tenderMembers } from '../tenders.schema.ts';
import { assertAnnouncedRunning, bundleOfTender } from './support.ts';

export interface Replacement {
  outgoingId: string;
  incomingId: string;
  skNumber: string;
  skDate: string;
  reason: string;
}

/** Why a member may be replaced: the Kepala UKPBJ's SK changes the Pokja (or the Pejabat Pengadaan) it appointed. */
export const REPLACEMENT_BASIS =
  'Perpres 16/2018 Pasal 13 ayat 1 jo. Perpres 12/2021 (penetapan Pokja oleh Kepala UKPBJ)';

const refuse = (code: string, key: Parameters<Ctx['t']>[0], field: string) =>
  new AppError(code, 422, key, { basis: REPLACEMENT_BASIS }, { field });

/**
 * Issue 11 item 1: a Pokja member (or a Pengadaan Langsung's Pejabat Pengadaan) leaves a running tender — moved,
 * ill, or a conflict of interest found — and the Kepala UKPBJ of the tender's UKPBJ names a successor by a new SK.
 * The successor must hold the same role there, not sit on this tender already and not be its PPK (separation of
 * duties, as at the assignment). Both are told; the change is audited in the same transaction, and the audit event
 * is what the bids module listens to: vendors whose sealed bids no longer fit the Pokja are told to re-issue their key
 * shares while the upload stage is open (bids' `noticeReshare`). After the upload stage a replaced member's shares
 * cannot be re-issued; the bids open with k shares of the members who remain.
 */
export async function replaceTenderMember(ctx: Ctx, tenderId: string, input: Replacement): Promise<void> {
  assertCan(ctx.actor, 'tenders:replace_member');
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const t = await findTender(tx, tenderId);
    if (!t?.ukpbjAgencyId || !canForAgency(actor, 'tenders:replace_member', t.ukpbjAgencyId))
      throw notFound('tenders.error.notFound');
    assertAnnouncedRunning(t);
    const members = await memberIdsOf(tx, tenderId);
    if (!members.includes(input.outgoingId))
      throw refuse('TENDER_MEMBER_NOT_IN_POKJA', 'tenders.replace.notMember', 'outgoingId');
    if (members.includes(input.incomingId))
      throw refuse('TENDER_MEMBER_ALREADY', 'tenders.replace.alreadyMember', 'incomingId');
    const role = officialOf(bundleOfTender(t));
    const holders = await holdersOf(tx, role, [t.ukpbjAgencyId]);
    const incoming = holders.find((h) => h.id === input.incomingId);
    if (!incoming) throw refuse('TENDER_MEMBER_NOT_HOLDER', 'tenders.replace.notHolder', 'incomingId');
    const [pkg] = t.sulapDraftTenderId
      ? await tx
          .select({ ppkUserId: sulapPackages.ppkUserId })
          .from(sulapDraftTenders)
          .innerJoin(sulapPackages, eq(sulapPackages.id, sulapDraftTenders.packageId))
          .where(eq(sulapDraftTenders.id, t.sulapDraftTenderId))
      : [];
    if (pkg?.ppkUserId === input.incomingId)
      throw refuse('TENDER_MEMBER_IS_PPK', 'tenders.replace.isPpk', 'incomingId');

    // The successor takes the seat: announcement approvals were given before the announcement and are not re-asked.
    await tx
      .update(tenderMembers)
      .set({ userId: input.incomingId })
      .where(and(eq(tenderMembers.tenderId, tenderId), eq(tenderMembers.userId, input.outgoingId)));
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.member_replaced',
      objectType: 'tender',
      objectId: tenderId,
      summary: {
        kode: t.kode!,
        outgoing: input.outgoingId,
        incoming: input.incomingId,
        sk: input.skNumber,
        skDate: input.skDate,
        reason: input.reason,
      },
    });
    const params = { kode: t.kode!, nama: t.nama, sk: input.skNumber };
    await notify(tx, ctx, {
      userIds: [input.incomingId],
      key: 'tenders.notice.memberIn',
      params,
      link: `/kelola/tender/${tenderId}`,
      dedupeKey: `tenders:${tenderId}:member-in:${input.incomingId}:${input.skNumber}`,
      email: true,
    });
    await notify(tx, ctx, {
      userIds: [input.outgoingId],
      key: 'tenders.notice.memberOut',
      params,
      link: `/tender/${t.kode}`,
      dedupeKey: `tenders:${tenderId}:member-out:${input.outgoingId}:${input.skNumber}`,
      email: true,
    });
  });
}
