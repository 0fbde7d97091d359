import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { findSubmission, vendorOfUser } from '../bids.repository.ts';
import { type EnvelopeHeader, envelopeLead, MAGIC, parseHeader, SealError } from '../crypto/sealed.ts';
import { hashFile, readHead, sealedPath, tusDir } from '../storage.ts';
import { finishUpload, startUpload } from './upload.ts';

/** What binds the chunks: a re-sealed header must keep all of it, so the stored chunks stay valid. */
const BOUND = [
  'v',
  'tender',
  'vendor',
  'kind',
  'chunkSize',
  'noncePrefix',
  'plainSize',
  'plainSha256',
  'keyCommit',
] as const;

/**
 * A Pokja member was replaced before the deadline (R12): the vendor's browser re-issues the shares of its current bid
 * to the tender's current Pokja (`reshare`: the same content key, opened from the vendor's own copy, split afresh) and
 * sends only the new header. The server keeps the stored chunks, writes header + chunks as a new envelope and runs it
 * through the ordinary completion (`startUpload` + `finishUpload`: upload stage open at the end, the header fits the
 * current Pokja and keys, fsync + rename, supersedes the old bid, new signed receipt, audited). The server never sees
 * a share or the key; a header whose bound fields differ from the old one is refused (its chunks would not open).
 */
export async function resealBid(ctx: Ctx, submissionId: string, header: unknown) {
  const vendor = ctx.actor ? await vendorOfUser(ctx.db, ctx.actor.userId) : undefined;
  const sub = await findSubmission(ctx.db, submissionId);
  if (!vendor || !sub || sub.vendorId !== vendor.id || sub.supersededAt)
    throw notFound('bids.error.submissionNotFound');
  let lead: Uint8Array;
  let h: EnvelopeHeader;
  try {
    lead = envelopeLead(header as EnvelopeHeader);
    h = parseHeader(lead).header;
  } catch (e) {
    if (e instanceof SealError || e instanceof TypeError)
      throw new AppError('BIDS_ENVELOPE_INVALID', 422, 'bids.error.envelope');
    throw e;
  }
  const old = sub.header as EnvelopeHeader;
  const changed = BOUND.find((f) => h[f] !== old[f]);
  if (changed) throw new AppError('BIDS_ENVELOPE_INVALID', 422, 'bids.error.envelopeField', { field: changed });
  const oldFile = sealedPath(ctx.config.dataDir, sub.storageKey);
  const oldLead = envelopeLead(old).length;
  // The stored header is the one in the file: check it starts the file before reusing its chunks.
  const head = await readHead(oldFile, MAGIC.length + 4);
  if (new DataView(head.buffer, head.byteOffset, head.length).getUint32(MAGIC.length) + MAGIC.length + 4 !== oldLead)
    throw new AppError('BIDS_ENVELOPE_INVALID', 422, 'bids.error.envelope');
  const uploadId = randomBytes(16).toString('hex');
  const dir = tusDir(ctx.config.dataDir);
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, uploadId);
  const out = createWriteStream(file, { mode: 0o600 });
  out.write(lead);
  await pipeline(createReadStream(oldFile, { start: oldLead }), out);
  const { sha256, size } = await hashFile(file);
  try {
    await startUpload(ctx, { uploadId, tenderId: sub.tenderId, kind: sub.kind, sha256, size });
  } catch (e) {
    await fs.rm(file, { force: true });
    throw e;
  }
  return finishUpload(ctx, uploadId, file);
}
