import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { AwardRanking } from '../auction/index.ts';
import { vendors } from '../registration/registration.schema.ts';
import { type Bundle, bundleOf, loadSchedule, type ScheduleRow } from '../tenders/index.ts';
import { tenderMembers, tenders } from '../tenders/tenders.schema.ts';
import {
  ASPECTS,
  type Aspect,
  evalApprovals,
  evalAwards,
  evalBids,
  evalProofs,
  evalResults,
  evalSanggah,
  evalSanggahBanding,
  evalState,
} from './evaluation.schema.ts';

export type TenderRow = typeof tenders.$inferSelect;
export type BidRow = typeof evalBids.$inferSelect;
export type ResultRow = typeof evalResults.$inferSelect;
export type ProofRow = typeof evalProofs.$inferSelect;
export type AwardRow = typeof evalAwards.$inferSelect;
export type SanggahRow = typeof evalSanggah.$inferSelect & { vendorName: string | null };
export type BandingRow = typeof evalSanggahBanding.$inferSelect;

/** One bidder as the evaluation sees it: bid, results per aspect, proof, and where it stands. */
export interface Bidder {
  bid: BidRow;
  name: string | null;
  businessForm: string | null;
  npwp: string | null;
  results: Partial<Record<Aspect, ResultRow>>;
  proof: ProofRow | undefined;
  /** Above HPS: fails the price evaluation whatever the Pokja records (DOMAIN §2.5). */
  aboveHps: boolean;
  /** Failed some aspect (or the proof); the first fail's reason. */
  failed: { aspect: Aspect | 'pembuktian'; reason: string } | null;
  /** Passed all four aspects. */
  passedAll: boolean;
  /** 1-based rank by harga terkoreksi (then opening time), among every bid. */
  rank: number;
}

export interface Evaluation {
  tender: TenderRow;
  bundle: Bundle;
  schedule: ScheduleRow[];
  memberIds: string[];
  version: number;
  approvedBy: string[];
  /** Every member approved the current version (and there is at least one result). */
  approved: boolean;
  bidders: Bidder[];
  award: AwardRow | undefined;
  /**
   * Re-evaluation after an upheld sanggah or banding: when the award was withdrawn (and none stands), since when. The
   * Pokja may then re-evaluate, approve and decide again outside the schedule's evaluation and decision stages.
   */
  reevaluationSince: Date | null;
  sanggah: SanggahRow[];
  banding: BandingRow[];
}

export async function findTender(db: Db, id: string): Promise<TenderRow | undefined> {
  const [row] = await db.select().from(tenders).where(eq(tenders.id, id));
  return row;
}

export async function findTenderByKode(db: Db, kode: string): Promise<TenderRow | undefined> {
  const [row] = await db.select().from(tenders).where(eq(tenders.kode, kode));
  return row;
}

export async function memberIdsOf(db: Db, tenderId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: tenderMembers.userId })
    .from(tenderMembers)
    .where(eq(tenderMembers.tenderId, tenderId));
  return rows.map((r) => r.userId);
}

export async function versionOf(db: Db, tenderId: string): Promise<number> {
  const [s] = await db.select().from(evalState).where(eq(evalState.tenderId, tenderId));
  return s?.version ?? 0;
}

export async function currentAward(db: Db, tenderId: string): Promise<AwardRow | undefined> {
  const [a] = await db
    .select()
    .from(evalAwards)
    .where(and(eq(evalAwards.tenderId, tenderId), isNull(evalAwards.withdrawnAt)))
    .orderBy(desc(evalAwards.decidedAt))
    .limit(1);
  return a;
}

/** When the latest award of the tender was withdrawn (upheld sanggah or banding), or null. */
export async function lastWithdrawal(db: Db, tenderId: string): Promise<Date | null> {
  const [a] = await db
    .select({ at: evalAwards.withdrawnAt })
    .from(evalAwards)
    .where(and(eq(evalAwards.tenderId, tenderId), isNotNull(evalAwards.withdrawnAt)))
    .orderBy(desc(evalAwards.withdrawnAt))
    .limit(1);
  return a?.at ?? null;
}

export async function listSanggah(db: Db, tenderId: string): Promise<SanggahRow[]> {
  const rows = await db
    .select({ s: evalSanggah, vendorName: vendors.name })
    .from(evalSanggah)
    .innerJoin(vendors, eq(vendors.id, evalSanggah.vendorId))
    .where(eq(evalSanggah.tenderId, tenderId))
    .orderBy(asc(evalSanggah.filedAt));
  return rows.map((r) => ({ ...r.s, vendorName: r.vendorName }));
}

const ORDER: readonly Aspect[] = ASPECTS;

/** The whole evaluation of a tender, ranked. Undefined when the tender or its bundle is unknown. */
export async function loadEvaluation(db: Db, tenderId: string): Promise<Evaluation | undefined> {
  const tender = await findTender(db, tenderId);
  if (!tender) return undefined;
  const bundle = bundleOf(tender.bundleId, tender.bundleVersion);
  if (!bundle) return undefined;
  const [schedule, memberIds, version, bidRows, results, proofs, award, sanggah, withdrawnAt] = await Promise.all([
    loadSchedule(db, tenderId),
    memberIdsOf(db, tenderId),
    versionOf(db, tenderId),
    db
      .select({ bid: evalBids, name: vendors.name, businessForm: vendors.businessForm, npwp: vendors.npwp })
      .from(evalBids)
      .innerJoin(vendors, eq(vendors.id, evalBids.vendorId))
      .where(eq(evalBids.tenderId, tenderId)),
    db.select().from(evalResults).where(eq(evalResults.tenderId, tenderId)),
    db.select().from(evalProofs).where(eq(evalProofs.tenderId, tenderId)),
    currentAward(db, tenderId),
    listSanggah(db, tenderId),
    lastWithdrawal(db, tenderId),
  ]);
  const banding = await db
    .select()
    .from(evalSanggahBanding)
    .where(eq(evalSanggahBanding.tenderId, tenderId))
    .orderBy(asc(evalSanggahBanding.filedAt));
  const approvals = await db
    .select({ userId: evalApprovals.userId })
    .from(evalApprovals)
    .where(and(eq(evalApprovals.tenderId, tenderId), eq(evalApprovals.version, version)));
  const approvedBy = approvals.map((a) => a.userId).filter((u) => memberIds.includes(u));
  const hps = tender.hps;
  const sorted = [...bidRows].sort((a, b) =>
    a.bid.hargaTerkoreksi === b.bid.hargaTerkoreksi
      ? a.bid.openedAt.getTime() - b.bid.openedAt.getTime()
      : a.bid.hargaTerkoreksi < b.bid.hargaTerkoreksi
        ? -1
        : 1,
  );
  const bidders: Bidder[] = sorted.map((r, i) => {
    const mine = Object.fromEntries(
      results.filter((x) => x.vendorId === r.bid.vendorId).map((x) => [x.aspect, x]),
    ) as Partial<Record<Aspect, ResultRow>>;
    const proof = proofs.find((p) => p.vendorId === r.bid.vendorId);
    const aboveHps = hps !== null && r.bid.hargaTerkoreksi > hps;
    let failed: Bidder['failed'] = null;
    for (const a of ORDER) {
      const res = mine[a];
      if (res && !res.lulus) {
        failed = { aspect: a, reason: res.reason ?? '' };
        break;
      }
    }
    if (!failed && proof?.lulus === false) failed = { aspect: 'pembuktian', reason: proof.reason ?? '' };
    return {
      bid: r.bid,
      name: r.name,
      businessForm: r.businessForm,
      npwp: r.npwp,
      results: mine,
      proof,
      aboveHps,
      failed,
      passedAll: ORDER.every((a) => mine[a]?.lulus === true),
      rank: i + 1,
    };
  });
  return {
    tender,
    bundle,
    schedule,
    memberIds,
    version,
    approvedBy,
    approved: version > 0 && memberIds.length > 0 && memberIds.every((m) => approvedBy.includes(m)),
    bidders,
    award,
    reevaluationSince: award ? null : withdrawnAt,
    sanggah,
    banding,
  };
}

/**
 * The candidate winner: the lowest harga terkoreksi among the bidders who passed all four aspects and whose
 * pembuktian (when the bundle has that stage) passed. A seleksi 2-file or a Tender Cepat ranks by its own rule
 * (`awardRanking` of the auction module): then the first in that order who passed, and none before it is final.
 */
export function candidateOf(e: Evaluation, ranking?: AwardRanking | null): Bidder | undefined {
  const needsProof = e.bundle.stages.some((s) => s.role === 'qualification_proof');
  const passed = (b: Bidder) => b.passedAll && !b.failed && (!needsProof || b.proof?.lulus === true);
  if (!ranking) return e.bidders.find(passed);
  if (!ranking.final) return undefined;
  for (const o of ranking.order) {
    const b = e.bidders.find((x) => x.bid.vendorId === o.vendorId);
    if (b && passed(b)) return b;
  }
  return undefined;
}
