import fs from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { AppError, badRequest, isUuid, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { canUpload } from '../bids.policy.ts';
import { keyOf, sharesProblem, type TenderContext, tenderContext, vendorInTender } from '../bids.repository.ts';
import { bidUploads, FILE_KINDS } from '../bids.schema.ts';
import {
  type EnvelopeHeader,
  type FileKind,
  MAGIC,
  MAX_HEADER_BYTES,
  parseHeader,
  SealError,
} from '../crypto/sealed.ts';
import { signReceipt } from '../receipts.ts';
import { commitSealed, forgetStreamedDigest, hashFile, readHead, takeStreamedDigest } from '../storage.ts';
import { commitReceipt } from './receipt-commit.ts';

/** The largest sealed bid accepted (the envelope adds 16 bytes per 64 KiB and a small header). */
export const MAX_BID_BYTES = 200 * 1024 * 1024;

export interface StartInput {
  uploadId: string;
  tenderId: string;
  kind: string;
  sha256: string;
  size: number;
}

async function gate(ctx: Ctx, tenderId: string) {
  assertCan(ctx.actor, 'bids:submit');
  const now = ctx.clock.now();
  if (!isUuid(tenderId)) throw notFound('bids.error.tenderNotFound');
  const [tc, vendor] = await Promise.all([
    tenderContext(ctx.db, tenderId, now),
    vendorInTender(ctx.db, tenderId, ctx.actor!.userId),
  ]);
  if (!tc) throw notFound('bids.error.tenderNotFound');
  const participant = !!vendor?.participant;
  enforce(canUpload(ctx.actor, { participant, window: tc.upload, fmt: (d) => formatDateTime(d, ctx.locale) }));
  return { tc, vendor: vendor!, now };
}

/** tus creation: a participant inside the upload stage declares the kind, the SHA-256 and the size of the envelope. */
export async function startUpload(ctx: Ctx, input: StartInput) {
  const { tc, vendor, now } = await gate(ctx, input.tenderId);
  const kind = input.kind as FileKind;
  if (!FILE_KINDS.includes(kind) || !tc.kinds.includes(kind))
    throw badRequest('BIDS_KIND_INVALID', 'bids.error.kindInvalid');
  if (!/^[0-9a-f]{64}$/.test(input.sha256)) throw badRequest('BIDS_HASH_MALFORMED', 'bids.error.hashMalformed');
  if (!Number.isSafeInteger(input.size) || input.size < 1 || input.size > MAX_BID_BYTES)
    throw new AppError('FILE_TOO_LARGE', 413, 'error.fileTooLarge', { max: MAX_BID_BYTES / 1024 / 1024 });
  await ctx.db.transaction(async (tx) => {
    await tx.insert(bidUploads).values({
      id: input.uploadId,
      tenderId: input.tenderId,
      vendorId: vendor.id,
      userId: ctx.actor!.userId,
      kind,
      declaredSha256: input.sha256,
      declaredSize: input.size,
      createdAt: now,
    });
    await recordAudit(tx, auditContext(ctx), {
      action: 'bids.upload_started',
      objectType: 'tender',
      objectId: input.tenderId,
      summary: { kode: tc.kode, vendor: vendor.name ?? vendor.id, kind, sha256: input.sha256, size: input.size },
    });
  });
}

export type OwnUpload = typeof bidUploads.$inferSelect;

/** A PATCH may only continue the person's own upload, still partial, of a tender whose upload stage is open. */
export async function assertOwnUpload(ctx: Ctx, uploadId: string): Promise<OwnUpload> {
  const [u] = await ctx.db.select().from(bidUploads).where(eq(bidUploads.id, uploadId));
  if (!u || u.userId !== ctx.actor?.userId) throw notFound('bids.error.uploadNotFound');
  if (u.status !== 'partial') throw new AppError('BIDS_UPLOAD_FINISHED', 409, 'bids.error.uploadFinished');
  return u;
}

/** The envelope's start up to its whole header: the bytes kept while it streamed, when they hold the header. */
async function headOf(file: string, kept: Buffer | undefined): Promise<Uint8Array> {
  if (kept && kept.length >= MAGIC.length + 4) {
    const need = MAGIC.length + 4 + kept.readUInt32BE(MAGIC.length);
    if (need <= kept.length) return kept;
  }
  return readHead(file, MAGIC.length + 4 + MAX_HEADER_BYTES);
}

/** What the server checks in a header before it receipts the bid: it must open at the opening. */
export async function headerProblem(
  tc: TenderContext,
  h: EnvelopeHeader,
  expect: { vendorId: string; kind: FileKind; vendorUserId: string; vendorFp: string | undefined },
): Promise<string | null> {
  if (h.tender !== tc.kode) return 'tender';
  if (h.vendor !== expect.vendorId) return 'vendor';
  if (h.kind !== expect.kind) return 'kind';
  const shares = sharesProblem(tc, h);
  if (shares) return shares;
  if (h.vendorKey.to !== expect.vendorUserId || h.vendorKey.fp !== expect.vendorFp) return 'vendorKey';
  return null;
}

/**
 * tus completion: the last byte is in. The bid counts only when the size and SHA-256 match what the browser
 * declared, the header fits this tender (its Pokja's current keys, k, the vendor and the file kind), and the upload
 * stage is still open now — whenever the upload started. Then the envelope is fsynced and renamed to its final
 * address, the previous bid of the same kind is superseded, and the receipt is signed, in one transaction with the
 * audit event. Any refusal is recorded on the upload (audited) and its bytes are deleted.
 */
export async function finishUpload(ctx: Ctx, uploadId: string, file: string, checked?: OwnUpload) {
  // The PATCH that brought the last byte has just checked the upload (`assertOwnUpload`); nothing changes it between.
  const u = checked?.id === uploadId ? checked : await assertOwnUpload(ctx, uploadId);
  const dataDir = ctx.config.dataDir;
  const refuse = async (err: AppError) => {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(bidUploads)
        .set({ status: 'refused', refusal: err.code, finishedAt: ctx.clock.now() })
        .where(eq(bidUploads.id, uploadId));
      await recordAudit(tx, auditContext(ctx), {
        action: 'bids.upload_refused',
        objectType: 'tender',
        objectId: u.tenderId,
        summary: { upload: uploadId, code: err.code, sha256: u.declaredSha256 },
      });
    });
    forgetStreamedDigest(file);
    await fs.rm(file, { force: true });
    await fs.rm(`${file}.json`, { force: true });
    return err;
  };
  let gated: Awaited<ReturnType<typeof gate>>;
  const ownKey = keyOf(ctx.db, ctx.actor!.userId);
  try {
    gated = await gate(ctx, u.tenderId);
  } catch (e) {
    await ownKey.catch(() => undefined);
    throw e instanceof AppError ? await refuse(e) : e;
  }
  const { tc, vendor } = gated;
  // The digest and head kept while the bytes were written, when they cover the whole file; otherwise the file is read
  // back. The PATCH that brought the last byte knows the size (the declared one) without asking the disk.
  const streamed = takeStreamedDigest(file, checked ? u.declaredSize : (await fs.stat(file)).size);
  const { sha256, size } = streamed ?? (await hashFile(file));
  if (size !== u.declaredSize || sha256 !== u.declaredSha256)
    throw await refuse(new AppError('BIDS_HASH_MISMATCH', 422, 'bids.error.hashMismatch'));
  let header: EnvelopeHeader;
  try {
    header = parseHeader(await headOf(file, streamed?.head)).header;
  } catch (e) {
    if (e instanceof SealError) throw await refuse(new AppError('BIDS_ENVELOPE_INVALID', 422, 'bids.error.envelope'));
    throw e;
  }
  const vendorKey = await ownKey;
  const problem = await headerProblem(tc, header, {
    vendorId: vendor.id,
    kind: u.kind,
    vendorUserId: ctx.actor!.userId,
    vendorFp: vendorKey?.fingerprint,
  });
  if (problem)
    throw await refuse(new AppError('BIDS_ENVELOPE_INVALID', 422, 'bids.error.envelopeField', { field: problem }));
  // The deadline is checked again at the very end: a slow hash must not let a late bid in.
  const now = ctx.clock.now();
  if (tc.deadline && now.getTime() >= tc.deadline.getTime()) {
    const late = new AppError('BIDS_DEADLINE_PASSED', 403, 'bids.refused.deadlinePassed', {
      at: formatDateTime(tc.deadline, ctx.locale),
    });
    throw await refuse(late);
  }
  const storageKey = await commitSealed(dataDir, file, !!streamed);
  const receipt = signReceipt(dataDir, {
    v: 1,
    tender: tc.kode,
    vendor: vendor.id,
    vendorName: vendor.name ?? '',
    kind: u.kind,
    sha256,
    size,
    receivedAt: now.toISOString(),
  });
  // Receipts that arrive together at a deadline commit together (one hold of the audit chain's lock).
  return commitReceipt(ctx.db, {
    audit: auditContext(ctx),
    tenderId: u.tenderId,
    kode: tc.kode,
    vendorId: vendor.id,
    vendorName: vendor.name ?? vendor.id,
    kind: u.kind,
    uploadId,
    sha256,
    size,
    storageKey,
    header,
    receivedAt: now,
    receipt,
  });
}
