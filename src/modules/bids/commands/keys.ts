import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { AppError, badRequest, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { actsAsOfficial, canUpload } from '../bids.policy.ts';
import { keyOf, singleOfficial, tenderContext, thresholdFits } from '../bids.repository.ts';
import { bidKeys, bidSettings } from '../bids.schema.ts';
import { fingerprint, fromB64, PBKDF2_ITERATIONS, type WrappedPrivateKey } from '../crypto/sealed.ts';
import { noticeReshare, tendersOfOfficial } from './reshare-notice.ts';

export interface EnrolInput {
  publicKey: string;
  fingerprint: string;
  wrapped: WrappedPrivateKey;
}

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Enrols (or re-enrols) the signed-in person's sealing key (R12). The browser sends only the public key and the
 * private key wrapped under the person's passphrase; the server checks the shape and that the wrapping is at least
 * PBKDF2-SHA256 600,000. A re-enrolment replaces the key: bids already sealed to the old key keep naming the old
 * fingerprint (the opening page says so); for a tender still in its upload stage its vendors are told to re-issue their
 * shares (`noticeReshare`).
 */
export async function enrolBidKey(ctx: Ctx, input: EnrolInput) {
  assertCan(ctx.actor, 'bids:key');
  const actor = ctx.actor!;
  const w = input.wrapped;
  if (
    !B64.test(input.publicKey) ||
    fromB64(input.publicKey).length !== 32 ||
    !w ||
    w.alg !== 'PBKDF2-SHA256/AES-256-GCM' ||
    !Number.isInteger(w.iterations) ||
    w.iterations < PBKDF2_ITERATIONS ||
    w.iterations > 10_000_000 ||
    ![w.salt, w.iv, w.ct].every((s) => typeof s === 'string' && B64.test(s) && s.length < 200) ||
    fromB64(w.ct).length !== 32 + 16
  )
    throw badRequest('BIDS_KEY_MALFORMED', 'bids.error.keyMalformed');
  const fp = await fingerprint(fromB64(input.publicKey));
  if (fp !== input.fingerprint) throw badRequest('BIDS_KEY_MALFORMED', 'bids.error.keyMalformed');
  const now = ctx.clock.now();
  const wrapped: WrappedPrivateKey = { alg: w.alg, iterations: w.iterations, salt: w.salt, iv: w.iv, ct: w.ct };
  return ctx.db.transaction(async (tx) => {
    const old = await keyOf(tx, actor.userId);
    if (old) {
      await tx
        .update(bidKeys)
        .set({ publicKey: input.publicKey, fingerprint: fp, wrapped, version: old.version + 1, enrolledAt: now })
        .where(eq(bidKeys.userId, actor.userId));
    } else {
      await tx
        .insert(bidKeys)
        .values({ userId: actor.userId, publicKey: input.publicKey, fingerprint: fp, wrapped, enrolledAt: now });
    }
    await recordAudit(tx, auditContext(ctx), {
      action: old ? 'bids.key_reenrolled' : 'bids.key_enrolled',
      objectType: 'user',
      objectId: actor.userId,
      summary: { fingerprint: fp, previous: old?.fingerprint ?? null },
    });
    // Bids sealed to this official's previous key (or before the official joined) no longer fit: their vendors hear.
    await noticeReshare(tx, ctx, await tendersOfOfficial(tx, actor.userId));
    return { fingerprint: fp, version: (old?.version ?? 0) + 1 };
  });
}

/**
 * k of the k-of-n split for one tender, set by one of its Pokja members while the upload stage has not ended
 * (bids sealed before a change keep their own k in their header). A Pokja's k is 2..n; a Pengadaan Langsung's single
 * Pejabat Pengadaan has k = 1 (the database refuses k = 1 with more than one member as well).
 */
export async function setThreshold(ctx: Ctx, tenderId: string, k: number) {
  assertCan(ctx.actor, 'bids:open');
  const now = ctx.clock.now();
  const tc = await tenderContext(ctx.db, tenderId, now);
  if (!tc) throw notFound('bids.error.tenderNotFound');
  if (!actsAsOfficial(ctx.actor, tc)) throw new AppError('BIDS_NOT_MEMBER', 403, 'bids.refused.notMember');
  if (tc.upload.state === 'closed')
    enforce(canUpload(ctx.actor, { participant: true, window: tc.upload, fmt: (d) => formatDateTime(d, ctx.locale) }));
  const n = tc.members.length;
  if (!thresholdFits(tc.official, k, n))
    throw new AppError(
      'BIDS_THRESHOLD_RANGE',
      400,
      singleOfficial(tc.official, n) ? 'bids.error.thresholdSingle' : 'bids.error.thresholdRange',
      { n },
      { field: 'k' },
    );
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(bidSettings)
      .values({ tenderId, threshold: k, members: n, setBy: ctx.actor!.userId, setAt: now })
      .onConflictDoUpdate({
        target: bidSettings.tenderId,
        set: { threshold: k, members: n, setBy: ctx.actor!.userId, setAt: now },
      });
    await recordAudit(tx, auditContext(ctx), {
      action: 'bids.threshold_set',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: tc.kode, k, n },
    });
    await noticeReshare(tx, ctx, [tenderId]);
  });
}
