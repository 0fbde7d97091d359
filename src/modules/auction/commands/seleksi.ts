import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan, canForAgency } from '../../../platform/auth/permissions.ts';
import type { Db } from '../../../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { recordOpenedBid } from '../../evaluation/index.ts';
import { loadSeleksi, type Seleksi, tenderBase } from '../auction.repository.ts';
import { seleksiApprovals, seleksiScores, seleksiSetup } from '../auction.schema.ts';
import { type Criterion, type SeleksiMethod, setupProblem, validScore } from '../seleksi/scoring.ts';
import { seleksiSpan, windowState } from '../windows.ts';

/** The seleksi of a 2-file tender, or 404. */
export async function seleksiOrNotFound(db: Db, tenderId: string): Promise<Seleksi> {
  const base = await tenderBase(db, { id: tenderId });
  if (base?.bundle.documentMethod !== 'dua_file' || base.bundle.metode !== 'seleksi')
    throw notFound('auction.error.notFound');
  return loadSeleksi(db, base);
}

export const isSeleksiMember = (ctx: Ctx, s: Seleksi) =>
  !!ctx.actor &&
  s.memberIds.includes(ctx.actor.userId) &&
  canForAgency(ctx.actor, 'auction:score', s.tender.ukpbjAgencyId ?? s.tender.agencyId);

/** A member of the tender's Pokja, within the 2-file stages. */
function gate(ctx: Ctx, s: Seleksi) {
  if (!isSeleksiMember(ctx, s)) throw conflict('SELEKSI_NOT_POKJA_MEMBER', 'auction.refused.notMember');
  const span = seleksiSpan(s.bundle, s.schedule);
  const state = windowState(span, ctx.clock.now());
  const at = (d: Date) => formatDateTime(d, ctx.locale);
  if (state === 'not_yet') throw conflict('SELEKSI_NOT_YET', 'auction.refused.seleksiNotYet', { at: at(span!.start) });
  if (state === 'closed') throw conflict('SELEKSI_CLOSED', 'auction.refused.seleksiClosed', { at: at(span!.end) });
  if (state === 'absent') throw conflict('SELEKSI_NO_STAGE', 'auction.refused.noStage');
}

async function bump(tx: Db, tenderId: string) {
  const [r] = await tx
    .update(seleksiSetup)
    .set({ version: sql`${seleksiSetup.version} + 1` })
    .where(eq(seleksiSetup.tenderId, tenderId))
    .returning({ version: seleksiSetup.version });
  return r!.version;
}

export interface SetupInput {
  method: SeleksiMethod;
  criteria: Criterion[];
  ambang: number;
  bobotTeknis: number;
}

/**
 * The criteria and weights of the Dokumen Pemilihan, the ambang batas and the technical weight, as data on the tender.
 * Changeable only before anyone scored (scores are against these criteria). Audited.
 */
export async function saveSetup(ctx: Ctx, tenderId: string, input: SetupInput) {
  assertCan(ctx.actor, 'auction:score');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const s = await seleksiOrNotFound(tx, tenderId);
    gate(ctx, s);
    const problem = setupProblem(input);
    if (problem)
      throw badRequest('SELEKSI_SETUP_INVALID', `auction.validation.${problem}` as 'auction.validation.bobotSum');
    if (s.bidders.some((b) => b.scores.size > 0))
      throw conflict('SELEKSI_ALREADY_SCORED', 'auction.refused.alreadyScored');
    if (s.tender.metode !== 'seleksi') throw notFound('auction.error.notFound');
    const now = ctx.clock.now();
    const values = { ...input, setBy: actor.userId, setAt: now };
    await tx
      .insert(seleksiSetup)
      .values({ tenderId, ...values })
      .onConflictDoUpdate({ target: seleksiSetup.tenderId, set: values });
    await recordAudit(tx, auditContext(ctx), {
      action: 'auction.seleksi_setup',
      objectType: 'tender',
      objectId: tenderId,
      summary: {
        kode: s.tender.kode!,
        method: input.method,
        criteria: input.criteria.map((c) => `${c.code}:${c.bobot}`).join(', '),
        ambang: input.ambang,
        bobotTeknis: input.bobotTeknis,
      },
    });
  });
}

/** A member scores File I of one bidder (every criterion 0–100). Closed once File I is approved. Audited. */
export async function recordScores(ctx: Ctx, tenderId: string, vendorId: string, scores: Record<string, number>) {
  assertCan(ctx.actor, 'auction:score');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const s = await seleksiOrNotFound(tx, tenderId);
    gate(ctx, s);
    if (!s.setup) throw conflict('SELEKSI_NO_SETUP', 'auction.refused.noSetup');
    if (s.setup.file1ApprovedAt) throw conflict('SELEKSI_FILE1_CLOSED', 'auction.refused.file1Closed');
    const bidder = s.bidders.find((b) => b.vendorId === vendorId);
    if (!bidder) throw notFound('auction.error.bidderNotFound');
    const clean: Record<string, number> = {};
    for (const c of s.setup.criteria) {
      const v = scores[c.code];
      if (v === undefined || !validScore(v))
        throw badRequest('SELEKSI_SCORE_INVALID', 'auction.validation.score', {}, { field: `skor_${c.code}` });
      clean[c.code] = v;
    }
    const now = ctx.clock.now();
    await tx
      .insert(seleksiScores)
      .values({ tenderId, vendorId, memberId: actor.userId, scores: clean, recordedAt: now })
      .onConflictDoUpdate({
        target: [seleksiScores.tenderId, seleksiScores.vendorId, seleksiScores.memberId],
        set: { scores: clean, recordedAt: now },
      });
    const version = await bump(tx, tenderId);
    await recordAudit(tx, auditContext(ctx), {
      action: 'auction.seleksi_scored',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: s.tender.kode!, vendor: bidder.name ?? vendorId, scores: JSON.stringify(clean), version },
    });
  });
}

/**
 * Kolektif kolegial. Phase `file1` (before File II): every bidder scored by every member; when all members approved
 * the same version, File I closes (`file1ApprovedAt`) and File II may be opened for those who passed the ambang.
 * Phase `hasil`: after the File II prices of every passed bidder (methods with a price), the final ranking.
 */
export async function approveSeleksi(
  ctx: Ctx,
  tenderId: string,
): Promise<{ phase: 'file1' | 'hasil'; complete: boolean }> {
  assertCan(ctx.actor, 'auction:score');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const s = await seleksiOrNotFound(tx, tenderId);
    gate(ctx, s);
    if (!s.setup) throw conflict('SELEKSI_NO_SETUP', 'auction.refused.noSetup');
    if (s.setup.resultApprovedAt) throw conflict('SELEKSI_ALREADY_APPROVED', 'auction.refused.alreadyApproved');
    const phase = s.setup.file1ApprovedAt ? 'hasil' : 'file1';
    if (s.bidders.length === 0) throw conflict('SELEKSI_NO_BIDDERS', 'auction.refused.noBidders');
    if (phase === 'file1' && s.ranking.some((r) => r.technical === null))
      throw conflict('SELEKSI_INCOMPLETE', 'auction.refused.incomplete');
    if (phase === 'hasil' && s.setup.method !== 'kualitas' && s.ranking.some((r) => r.passed && r.price === null))
      throw conflict('SELEKSI_PRICES_MISSING', 'auction.refused.pricesMissing');
    if (s.approvedBy[phase].includes(actor.userId))
      throw conflict('SELEKSI_ALREADY_APPROVED', 'auction.refused.alreadyApproved');
    const now = ctx.clock.now();
    await tx
      .insert(seleksiApprovals)
      .values({ tenderId, userId: actor.userId, phase, version: s.setup.version, approvedAt: now });
    const count = s.approvedBy[phase].length + 1;
    const complete = count >= s.memberIds.length;
    if (complete)
      await tx
        .update(seleksiSetup)
        .set(phase === 'file1' ? { file1ApprovedAt: now } : { resultApprovedAt: now })
        .where(eq(seleksiSetup.tenderId, tenderId));
    await recordAudit(tx, auditContext(ctx), {
      action: 'auction.seleksi_approved',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: s.tender.kode!, phase, version: s.setup.version, approved: count, of: s.memberIds.length },
    });
    return { phase, complete };
  });
}

/**
 * File II (biaya) of a bidder who passed the ambang, after File I is approved. The sealed-bid module opens File II
 * for exactly these bidders (`fileOnePassed`) and links here: the Pokja records the price read from the opened File II,
 * through the same seam the evaluation uses for opened bids (`recordOpenedBid`, audited there as
 * `evaluation.bid_recorded`).
 * A bidder below the ambang is refused (`SELEKSI_NOT_PASSED`): its File II stays closed.
 */
export async function recordFile2Price(ctx: Ctx, tenderId: string, vendorId: string, harga: bigint) {
  assertCan(ctx.actor, 'auction:score');
  return ctx.db.transaction(async (tx) => {
    const s = await seleksiOrNotFound(tx, tenderId);
    gate(ctx, s);
    if (!s.setup?.file1ApprovedAt) throw conflict('SELEKSI_FILE1_NOT_APPROVED', 'auction.refused.file1NotApproved');
    if (s.setup.resultApprovedAt) throw conflict('SELEKSI_ALREADY_APPROVED', 'auction.refused.alreadyApproved');
    const r = s.ranking.find((x) => x.vendorId === vendorId);
    if (!r) throw notFound('auction.error.bidderNotFound');
    if (!r.passed) throw conflict('SELEKSI_NOT_PASSED', 'auction.refused.notPassed');
    if (s.bidders.find((b) => b.vendorId === vendorId)?.price != null)
      throw conflict('SELEKSI_PRICE_RECORDED', 'auction.refused.priceRecorded');
    if (harga <= 0n) throw badRequest('SELEKSI_PRICE_INVALID', 'auction.validation.rupiah', {}, { field: 'harga' });
    const now = ctx.clock.now();
    await recordOpenedBid(tx, { tenderId, vendorId, hargaPenawaran: harga, openedAt: now });
    await bump(tx, tenderId);
    await recordAudit(tx, auditContext(ctx), {
      action: 'auction.seleksi_price_recorded',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: s.tender.kode!, vendor: vendorId, harga: harga.toString() },
    });
  });
}
