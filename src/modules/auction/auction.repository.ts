import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { evalBids } from '../evaluation/evaluation.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { type Bundle, bundleOf, loadSchedule, type ScheduleRow } from '../tenders/index.ts';
import { tenderMembers, tenderParticipants, tenders } from '../tenders/tenders.schema.ts';
import { auctionBids, seleksiApprovals, seleksiScores, seleksiSetup } from './auction.schema.ts';
import { type AuctionBid, type Standing, standings } from './reverse/rules.ts';
import { type Ranked, rank, type SeleksiSetup, technicalScore } from './seleksi/scoring.ts';

export type TenderRow = typeof tenders.$inferSelect;
export type SetupRow = typeof seleksiSetup.$inferSelect;

export interface TenderBase {
  tender: TenderRow;
  bundle: Bundle;
  schedule: ScheduleRow[];
  memberIds: string[];
}

export async function tenderBase(db: Db, by: { id: string } | { kode: string }): Promise<TenderBase | null> {
  const [tender] = await db
    .select()
    .from(tenders)
    .where('id' in by ? eq(tenders.id, by.id) : eq(tenders.kode, by.kode));
  if (!tender?.announcedAt || !tender.kode) return null;
  const bundle = bundleOf(tender.bundleId, tender.bundleVersion);
  if (!bundle) return null;
  const [schedule, members] = await Promise.all([
    loadSchedule(db, tender.id),
    db.select({ u: tenderMembers.userId }).from(tenderMembers).where(eq(tenderMembers.tenderId, tender.id)),
  ]);
  return { tender, bundle, schedule, memberIds: members.map((m) => m.u) };
}

export interface SeleksiBidder {
  vendorId: string;
  name: string | null;
  businessForm: string | null;
  npwp: string | null;
  /** Member id → that member's scores. */
  scores: Map<string, Record<string, number>>;
  /** File II price (eval_bids, recorded at the File II opening), or null. */
  price: bigint | null;
}

export interface Seleksi extends TenderBase {
  setup: SetupRow | null;
  bidders: SeleksiBidder[];
  /** Members who approved the current version, per phase. */
  approvedBy: { file1: string[]; hasil: string[] };
  ranking: Ranked[];
}

export const setupOf = (s: SetupRow): SeleksiSetup => ({
  method: s.method,
  criteria: s.criteria,
  ambang: s.ambang,
  bobotTeknis: s.bobotTeknis,
});

/** A seleksi: setup, the registered participants (File I bidders) with their scores and File II prices, ranking. */
export async function loadSeleksi(db: Db, base: TenderBase): Promise<Seleksi> {
  const tenderId = base.tender.id;
  const [[setup], participants, scores, prices, approvals] = await Promise.all([
    db.select().from(seleksiSetup).where(eq(seleksiSetup.tenderId, tenderId)),
    db
      .select({ vendorId: vendors.id, name: vendors.name, businessForm: vendors.businessForm, npwp: vendors.npwp })
      .from(tenderParticipants)
      .innerJoin(vendors, eq(vendors.id, tenderParticipants.vendorId))
      .where(eq(tenderParticipants.tenderId, tenderId))
      .orderBy(asc(vendors.name)),
    db.select().from(seleksiScores).where(eq(seleksiScores.tenderId, tenderId)),
    db
      .select({ vendorId: evalBids.vendorId, harga: evalBids.hargaTerkoreksi })
      .from(evalBids)
      .where(eq(evalBids.tenderId, tenderId)),
    db.select().from(seleksiApprovals).where(eq(seleksiApprovals.tenderId, tenderId)),
  ]);
  const bidders: SeleksiBidder[] = participants.map((p) => ({
    ...p,
    scores: new Map(
      scores
        .filter((s) => s.vendorId === p.vendorId && base.memberIds.includes(s.memberId))
        .map((s) => [s.memberId, s.scores]),
    ),
    price: prices.find((x) => x.vendorId === p.vendorId)?.harga ?? null,
  }));
  const version = setup?.version ?? 0;
  const approvedBy = (phase: 'file1' | 'hasil') =>
    approvals
      .filter((a) => a.phase === phase && a.version === version && base.memberIds.includes(a.userId))
      .map((a) => a.userId);
  const ranking = setup
    ? rank(
        setupOf(setup),
        bidders.map((b) => ({
          vendorId: b.vendorId,
          // Only a complete score (every member scored) counts.
          technical:
            b.scores.size === base.memberIds.length && b.scores.size > 0
              ? technicalScore(setup.criteria, [...b.scores.values()])
              : null,
          price: b.price,
        })),
        base.tender.pagu,
      )
    : [];
  return {
    ...base,
    setup: setup ?? null,
    bidders,
    approvedBy: { file1: approvedBy('file1'), hasil: approvedBy('hasil') },
    ranking,
  };
}

export interface Auction extends TenderBase {
  /** Eligible bidders' opening prices (≤ HPS), the starting point. */
  opened: AuctionBid[];
  bids: AuctionBid[];
  standings: Standing[];
  names: Map<string, { name: string | null; businessForm: string | null; npwp: string | null }>;
}

export async function loadAuction(db: Db, base: TenderBase): Promise<Auction> {
  const tenderId = base.tender.id;
  const [opened, bids] = await Promise.all([
    db
      .select({
        vendorId: evalBids.vendorId,
        harga: evalBids.hargaTerkoreksi,
        at: evalBids.openedAt,
        name: vendors.name,
        businessForm: vendors.businessForm,
        npwp: vendors.npwp,
      })
      .from(evalBids)
      .innerJoin(vendors, eq(vendors.id, evalBids.vendorId))
      .where(eq(evalBids.tenderId, tenderId)),
    db
      .select({ vendorId: auctionBids.vendorId, harga: auctionBids.harga, at: auctionBids.placedAt })
      .from(auctionBids)
      .where(eq(auctionBids.tenderId, tenderId)),
  ]);
  const hps = base.tender.hps;
  const eligible = opened.filter((o) => hps === null || o.harga <= hps);
  return {
    ...base,
    opened: eligible.map((o) => ({ vendorId: o.vendorId, harga: o.harga, at: o.at })),
    bids,
    standings: standings(eligible, bids),
    names: new Map(eligible.map((o) => [o.vendorId, { name: o.name, businessForm: o.businessForm, npwp: o.npwp }])),
  };
}

export async function vendorOfUser(db: Db, userId: string) {
  const [v] = await db
    .select({ id: vendors.id })
    .from(vendors)
    .where(and(eq(vendors.userId, userId)))
    .limit(1);
  return v;
}

/** The seleksi tenders of this Pokja member (announced), newest first. */
export async function mySeleksi(db: Db, userId: string) {
  const rows = await db
    .select({ id: tenders.id, kode: tenders.kode, nama: tenders.nama, announcedAt: tenders.announcedAt })
    .from(tenders)
    .innerJoin(tenderMembers, eq(tenderMembers.tenderId, tenders.id))
    .where(and(eq(tenderMembers.userId, userId), eq(tenders.metode, 'seleksi')));
  return rows.filter((r) => r.announcedAt && r.kode).sort((a, b) => (a.kode! < b.kode! ? 1 : -1));
}
