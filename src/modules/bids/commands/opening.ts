import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { AppError, badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { insertDocument, type UploadedBlob, uploadBlob } from '../../../platform/files/documents.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { fileOnePassed } from '../../auction/index.ts';
import { actsAsOfficial, canOpen } from '../bids.policy.ts';
import {
  currentSubmissions,
  keyOf,
  minOpeners,
  openingOf,
  type TenderContext,
  tenderContext,
} from '../bids.repository.ts';
import { bidOpenings, bidSubmissions } from '../bids.schema.ts';
import {
  decryptBody,
  type FileKind,
  fromB64,
  MAGIC,
  MAX_HEADER_BYTES,
  parseHeader,
  reconstructKey,
  SealError,
  shareMatches,
} from '../crypto/sealed.ts';
import { openSealed, readHead, sealedPath } from '../storage.ts';

/**
 * The opening (pembukaan, R12). For a Pengadaan Langsung the single Pejabat Pengadaan's one entry is the content key
 * itself (k = 1): the PP alone opens, after the deadline, on the same path. Where the key is reconstructed, and why: on the server, in memory, after the upload
 * stage has ended. Each member's browser unlocks the member's private key with the passphrase and opens only the
 * member's own shares; the plain shares are then posted here. Before the deadline the server refuses them
 * (`BIDS_OPENING_NOT_YET`), so it never holds k shares while a bid must stay secret. After the deadline secrecy
 * towards the platform is no longer the promise, and reconstructing here lets the server check every bid against its
 * receipt, store the opened files for the whole Pokja (encrypted at rest as a confidential class) and write the
 * Berita Acara Pembukaan from one trusted place. Shares live only in this process's memory (never in the database or
 * on disk), are checked against their commitments on arrival, and are zeroed and dropped when the opening is done;
 * a restart loses them and the members submit again.
 */
type Session = Map<string, Map<string, Uint8Array>>; // member → submission → share
const sessions = new Map<string, Session>();
const sessionKey = (tenderId: string, kind: FileKind) => `${tenderId}:${kind}`;

async function openingGate(ctx: Ctx, tenderId: string, kind: FileKind) {
  assertCan(ctx.actor, 'bids:open');
  const now = ctx.clock.now();
  const tc = await tenderContext(ctx.db, tenderId, now);
  if (!tc) throw notFound('bids.error.tenderNotFound');
  if (!tc.kinds.includes(kind)) throw badRequest('BIDS_KIND_INVALID', 'bids.error.kindInvalid');
  const member = actsAsOfficial(ctx.actor, tc);
  enforce(canOpen(ctx.actor, { member, deadline: tc.deadline, fmt: (d) => formatDateTime(d, ctx.locale) }, now));
  return { tc, now, only: kind === 'file_ii' ? await fileTwoBidders(ctx, tc, now) : null };
}

/**
 * File II (price) of a 2-file seleksi opens only after File I was opened and its evaluation approved by the whole
 * Pokja, from the start of its own stage (Pembukaan dan Evaluasi File II), and only for the bidders who passed the
 * ambang (auction's `fileOnePassed`): the others' File II stays sealed. Refused otherwise, saying why.
 */
async function fileTwoBidders(ctx: Ctx, tc: TenderContext, now: Date): Promise<Set<string>> {
  const notYet = () => conflict('BIDS_FILE_II_NOT_YET', 'bids.refused.fileIiNotYet');
  if (!(await openingOf(ctx.db, tc.tender.id, 'file_i'))) throw notYet();
  const passed = await fileOnePassed(ctx.db, tc.tender.id);
  if (!passed) throw notYet();
  const start = tc.priceOpening;
  if (!start) throw notYet();
  if (now.getTime() < start.getTime())
    throw conflict('BIDS_OPENING_NOT_YET', 'bids.refused.openingNotYet', { at: formatDateTime(start, ctx.locale) });
  return new Set(passed);
}

/** The bids that count for this opening: every current one, or for File II those of the bidders who passed File I. */
async function openable(ctx: Ctx, tenderId: string, kind: FileKind, only: Set<string> | null) {
  const subs = await currentSubmissions(ctx.db, tenderId, kind);
  return only ? subs.filter(({ s }) => only.has(s.vendorId)) : subs;
}

/** What a member's browser needs to open its shares: the wrapped key and the headers of the bids that count. */
export async function openingMaterial(ctx: Ctx, tenderId: string, kind: FileKind) {
  const { tc, only } = await openingGate(ctx, tenderId, kind);
  const key = await keyOf(ctx.db, ctx.actor!.userId);
  const subs = await openable(ctx, tenderId, kind, only);
  const opened = await openingOf(ctx.db, tenderId, kind);
  const session = sessions.get(sessionKey(tenderId, kind));
  return {
    kode: tc.kode,
    k: tc.threshold,
    opened: !!opened,
    submittedBy: session ? [...session.keys()] : [],
    key: key ? { fingerprint: key.fingerprint, wrapped: key.wrapped } : null,
    bids: subs.map(({ s, vendorName }) => ({ id: s.id, vendor: vendorName, header: s.header })),
  };
}

export interface OpeningOutcome {
  members: number;
  needed: number;
  opened: boolean;
}

/** A member submits the plain shares their browser opened: `{ submissionId: base64 share }`. */
export async function submitShares(
  ctx: Ctx,
  tenderId: string,
  kind: FileKind,
  shares: Record<string, string>,
): Promise<OpeningOutcome> {
  const { tc, only } = await openingGate(ctx, tenderId, kind);
  if (await openingOf(ctx.db, tenderId, kind)) throw conflict('BIDS_ALREADY_OPENED', 'bids.error.alreadyOpened');
  const userId = ctx.actor!.userId;
  const subs = await openable(ctx, tenderId, kind, only);
  const mine = new Map<string, Uint8Array>();
  for (const { s } of subs) {
    const b64 = shares[s.id];
    if (b64 === undefined) continue;
    let share: Uint8Array;
    try {
      share = fromB64(b64);
    } catch {
      throw badRequest('BIDS_SHARE_INVALID', 'bids.error.shareInvalid');
    }
    if (!(await shareMatches(s.header, userId, share)))
      throw badRequest('BIDS_SHARE_INVALID', 'bids.error.shareInvalid');
    mine.set(s.id, share);
  }
  if (mine.size === 0 && subs.length > 0) throw badRequest('BIDS_SHARE_INVALID', 'bids.error.shareInvalid');
  const key = sessionKey(tenderId, kind);
  const session: Session = sessions.get(key) ?? new Map();
  sessions.set(key, session);
  session.set(userId, mine);
  await ctx.db.transaction(async (tx) =>
    recordAudit(tx, auditContext(ctx), {
      action: 'bids.share_submitted',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: tc.kode, kind, shares: mine.size, members: session.size },
    }),
  );
  const ready = subs.every(({ s }) => [...session.values()].filter((m) => m.has(s.id)).length >= s.header.k);
  // A Pokja's bids never open on one member's shares, whatever a header says; a single Pejabat Pengadaan opens alone.
  if (!ready || session.size < minOpeners(tc.official, tc.members.length))
    return { members: session.size, needed: tc.threshold, opened: false };
  try {
    await runOpening(ctx, tenderId, kind, tc.kode, session, subs);
  } finally {
    for (const m of session.values()) for (const s of m.values()) s.fill(0);
    sessions.delete(key);
  }
  return { members: session.size, needed: tc.threshold, opened: true };
}

type Sub = Awaited<ReturnType<typeof currentSubmissions>>[number];

interface Result {
  id: string;
  result: 'opened' | 'failed';
  reason: string | null;
  documentId: string | null;
}

async function openOne(
  ctx: Ctx,
  s: Sub['s'],
  session: Session,
  vendorName: string | null,
): Promise<{ blob: UploadedBlob | null; reason: string | null }> {
  const shares = new Map<string, Uint8Array>();
  for (const [member, m] of session) {
    const sh = m.get(s.id);
    if (sh) shares.set(member, sh);
  }
  let key: Uint8Array | undefined;
  try {
    // The header as stored in the file (the one the chunks are bound to), not the database copy.
    const { header, bodyOffset } = parseHeader(
      await readHead(sealedPath(ctx.config.dataDir, s.storageKey), MAGIC.length + 4 + MAX_HEADER_BYTES),
    );
    key = await reconstructKey(header, shares);
    const hash = createHash('sha256');
    let skipped = 0;
    const source = openSealed(ctx.config.dataDir, s.storageKey);
    // The ciphertext is hashed as it is read (against the receipt) and the header bytes skipped.
    async function* body() {
      for await (const c of source) {
        const b = c as Buffer;
        hash.update(b);
        const start = Math.max(0, bodyOffset - skipped);
        skipped += b.length;
        if (start < b.length) yield new Uint8Array(b.buffer, b.byteOffset + start, b.length - start);
      }
    }
    const plain = Readable.from(decryptBody(header, key, body()));
    const blob = await uploadBlob(ctx.files, 'penawaran_terbuka', plain, `${s.kind}-${vendorName ?? s.vendorId}`);
    if (hash.digest('hex') !== s.sha256) return { blob: null, reason: 'RECEIPT_HASH_MISMATCH' };
    return { blob, reason: null };
  } catch (e) {
    if (e instanceof SealError) return { blob: null, reason: `${e.code}: ${e.message}` };
    if (e instanceof AppError) return { blob: null, reason: e.code };
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { blob: null, reason: 'FILE_MISSING' };
    throw e;
  } finally {
    key?.fill(0);
  }
}

async function runOpening(ctx: Ctx, tenderId: string, kind: FileKind, kode: string, session: Session, subs: Sub[]) {
  const now = ctx.clock.now();
  const outcomes: (Sub & Awaited<ReturnType<typeof openOne>>)[] = [];
  for (const { s, vendorName } of subs)
    outcomes.push({ s, vendorName, ...(await openOne(ctx, s, session, vendorName)) });
  await ctx.db.transaction(async (tx) => {
    const results: Result[] = [];
    for (const o of outcomes) {
      const doc = o.blob ? await insertDocument(tx, ctx.clock, o.blob, ctx.actor!.userId) : null;
      const r: Result = {
        id: o.s.id,
        result: doc ? 'opened' : 'failed',
        reason: o.reason,
        documentId: doc?.id ?? null,
      };
      results.push(r);
      await tx
        .update(bidSubmissions)
        .set({ openResult: r.result, openReason: r.reason, openedDocumentId: r.documentId })
        .where(eq(bidSubmissions.id, o.s.id));
    }
    const opened = results.filter((r) => r.result === 'opened').length;
    await tx.insert(bidOpenings).values({
      tenderId,
      kind,
      openedAt: now,
      members: [...session.keys()],
      opened,
      failed: results.length - opened,
    });
    await recordAudit(tx, auditContext(ctx), {
      action: 'bids.opened',
      objectType: 'tender',
      objectId: tenderId,
      summary: {
        kode,
        kind,
        opened,
        failed: results.length - opened,
        bids: outcomes.map((o) => ({
          vendor: o.vendorName ?? o.s.vendorId,
          sha256: o.s.sha256,
          result: o.reason ?? 'ok',
        })),
      },
    });
  });
}

/** Tests only: how many members' shares are held in memory for an opening (0 after it ran). */
export const heldShares = (tenderId: string, kind: FileKind) => sessions.get(sessionKey(tenderId, kind))?.size ?? 0;
