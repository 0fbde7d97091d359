import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { type NotifyEnv, notify } from '../../notifications/index.ts';
import { vendors } from '../../registration/registration.schema.ts';
import { tenderMembers, tenders } from '../../tenders/tenders.schema.ts';
import { currentSubmissions, sharesProblem, type TenderContext, tenderContext } from '../bids.repository.ts';

/**
 * The running tenders a person opens as an official (Pokja member, or a Pengadaan Langsung's Pejabat Pengadaan): an
 * official's finished, failed and cancelled tenders pile up over the years, and none of them takes a re-issue.
 */
export async function tendersOfOfficial(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ tenderId: tenderMembers.tenderId })
    .from(tenderMembers)
    .innerJoin(tenders, eq(tenders.id, tenderMembers.tenderId))
    .where(and(eq(tenderMembers.userId, userId), eq(tenders.status, 'berlangsung')));
  return rows.map((r) => r.tenderId);
}

/**
 * After a change to who opens a tender or how many must (an official enrolled or re-enrolled a key, k changed, or the
 * Kepala UKPBJ replaced a member: `bidsModule.auditSubscribers`),
 * tells each vendor whose receipted bid no longer fits (`sharesProblem`, the rule the completion uses) to re-issue its
 * key shares before the upload stage ends — the bid page does it in the browser, without a new upload. In the
 * caller's transaction, so the notice (inbox and mail) exists exactly when the change commits. Only tenders whose
 * upload stage is open: afterwards a re-issue is refused, and a bid still opens with k of the shares it holds.
 */
export async function noticeReshare(tx: Db, ctx: NotifyEnv, tenderIds: readonly string[]): Promise<number> {
  let told = 0;
  for (const tenderId of tenderIds) {
    const tc = await tenderContext(tx, tenderId, ctx.clock.now());
    if (tc) told += await noticeReshareOf(tx, ctx, tc);
  }
  return told;
}

/** `noticeReshare` for one tender whose context the caller has already read (in the same transaction). */
export async function noticeReshareOf(tx: Db, ctx: NotifyEnv, tc: TenderContext): Promise<number> {
  if (tc.upload.state !== 'open') return 0;
  // A member without a key yet (a successor who has not enrolled): no re-issue can be made until they enrol, and
  // their enrolment is itself a change that sends the notice.
  if (tc.members.some((m) => !m.fingerprint)) return 0;
  const tenderId = tc.tender.id;
  const misfits = (await currentSubmissions(tx, tenderId)).filter(({ s }) => sharesProblem(tc, s.header));
  if (misfits.length === 0) return 0;
  const owners = new Map(
    (
      await tx
        .select({ id: vendors.id, userId: vendors.userId })
        .from(vendors)
        .where(
          inArray(
            vendors.id,
            misfits.map(({ s }) => s.vendorId),
          ),
        )
    ).map((v) => [v.id, v.userId]),
  );
  // The officials' keys and k as they are now: a later change is a new notice, a repeated call is not.
  const state = createHash('sha256')
    .update(`${tc.threshold}|${tc.members.map((m) => `${m.userId}:${m.fingerprint ?? ''}`).join(',')}`)
    .digest('hex')
    .slice(0, 16);
  let told = 0;
  for (const { s } of misfits) {
    const owner = owners.get(s.vendorId);
    if (!owner) continue;
    told += (
      await notify(tx, ctx, {
        userIds: [owner],
        key: 'bids.notice.reshare',
        params: { kode: tc.kode, nama: tc.tender.nama, end: { at: tc.deadline!.toISOString() } },
        link: `/penawaran/${tenderId}`,
        dedupeKey: `bids:${s.id}:reshare:${state}`,
        email: true,
      })
    ).length;
  }
  return told;
}
