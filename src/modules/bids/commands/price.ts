import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { recordedBidPrices, recordOpenedBid } from '../../evaluation/index.ts';
import { actsAsOfficial } from '../bids.policy.ts';
import { findSubmission, openingOf, tenderContext } from '../bids.repository.ts';

export interface PriceLineInput {
  uraian: string;
  volume: string;
  satuan: string;
  hargaSatuan: bigint;
}

/**
 * After the opening, a Pokja member of the tender transcribes an opened bid's harga penawaran (and, when the
 * evaluation needs them, its item prices) from the opened document into the evaluation, through the evaluation's
 * input seam `recordOpenedBid` (R12). Only an opened bid (File I holds no price), once per vendor; audited.
 */
export async function transcribePrice(
  ctx: Ctx,
  tenderId: string,
  submissionId: string,
  input: { harga: bigint; lines: PriceLineInput[] | null },
) {
  assertCan(ctx.actor, 'bids:open');
  const now = ctx.clock.now();
  const tc = await tenderContext(ctx.db, tenderId, now);
  if (!tc || !actsAsOfficial(ctx.actor, tc)) throw notFound('bids.error.tenderNotFound');
  const sub = await findSubmission(ctx.db, submissionId);
  if (!sub || sub.tenderId !== tenderId || sub.supersededAt) throw notFound('bids.error.submissionNotFound');
  if (sub.openResult !== 'opened' || sub.kind === 'file_i')
    throw new AppError('BIDS_NOT_OPENED', 409, 'bids.price.notOpened');
  const opening = await openingOf(ctx.db, tenderId, sub.kind);
  if ((await recordedBidPrices(ctx.db, tenderId)).has(sub.vendorId))
    throw new AppError('BIDS_PRICE_RECORDED', 409, 'bids.price.already');
  return ctx.db.transaction(async (tx) => {
    const r = await recordOpenedBid(tx, {
      tenderId,
      vendorId: sub.vendorId,
      hargaPenawaran: input.harga,
      priceLines: input.lines ?? undefined,
      openedAt: opening?.openedAt ?? now,
    });
    await recordAudit(tx, auditContext(ctx), {
      action: 'bids.price_transcribed',
      objectType: 'tender',
      objectId: tenderId,
      summary: {
        kode: tc.kode,
        vendor: sub.vendorId,
        harga: input.harga.toString(),
        hargaTerkoreksi: r.hargaTerkoreksi.toString(),
        lines: input.lines?.length ?? 0,
      },
    });
    return r;
  });
}
