import type { AuditContext } from '../../../platform/audit/audit.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict } from '../../../platform/errors.ts';
import type { RecordedAuditEvent } from '../../../platform/module.ts';
import { currentSubmissions, tenderContext } from '../bids.repository.ts';
import { noticeReshareOf } from './reshare-notice.ts';

/**
 * Tenders' `tender.member_replaced`, in the replacement's own transaction (a throw here undoes it).
 *
 * While the upload stage is open, vendors whose bids no longer fit are told to re-issue their key shares
 * (`noticeReshareOf`). Once it has ended no share can be re-issued, and a bid opens only with k shares of members who
 * are still on the tender — so a replacement that would leave any unopened bid with fewer than its k share holders is
 * refused: every receipted bid must still open.
 */
export async function onMemberReplaced(tx: Db, event: RecordedAuditEvent, ctx: AuditContext): Promise<void> {
  if (!event.objectId) return;
  const tc = await tenderContext(tx, event.objectId, ctx.clock.now());
  if (!tc) return;
  if (tc.upload.state === 'open') {
    if (ctx.config) await noticeReshareOf(tx, { clock: ctx.clock, config: ctx.config }, tc);
    return;
  }
  const onTender = new Set(tc.members.map((m) => m.userId));
  for (const { s } of await currentSubmissions(tx, event.objectId)) {
    if (s.openResult) continue;
    const holders = s.header.shares.filter((x) => onTender.has(x.to)).length;
    if (holders < s.header.k)
      throw conflict('BIDS_REPLACEMENT_LEAVES_TOO_FEW', 'bids.refused.replacementTooFew', {
        k: s.header.k,
        holders,
      });
  }
}
