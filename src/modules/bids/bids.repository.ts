import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/errors.ts';
import { users } from '../accounts/accounts.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { bundleOf, loadSchedule, type Official, officialOf, stageOfRole, stageWindow } from '../tenders/index.ts';
import { tenderMembers, tenderParticipants, tenders } from '../tenders/tenders.schema.ts';
import { bidKeys, bidOpenings, bidSettings, bidSubmissions, bidWitnessReports } from './bids.schema.ts';
import type { EnvelopeHeader, FileKind } from './crypto/sealed.ts';

export type BidKeyRow = typeof bidKeys.$inferSelect;
export type SubmissionRow = typeof bidSubmissions.$inferSelect;

export async function keyOf(db: Db, userId: string): Promise<BidKeyRow | undefined> {
  const [row] = await db.select().from(bidKeys).where(eq(bidKeys.userId, userId));
  return row;
}

export async function vendorOfUser(db: Db, userId: string) {
  const [v] = await db
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(eq(vendors.userId, userId))
    .limit(1);
  return v;
}

/** A Pengadaan Langsung run by one Pejabat Pengadaan: the only tender whose bids are sealed to a single key (k = 1). */
export const singleOfficial = (official: Official, n: number) => official === 'PEJABAT_PENGADAAN' && n === 1;

/**
 * Whether k opens a tender of this official with n members: a Pokja needs 2 ≤ k ≤ n (never one member alone, whatever
 * n is); a Pengadaan Langsung's single Pejabat Pengadaan (n = 1) has k = 1.
 */
export const thresholdFits = (official: Official, k: number, n: number) =>
  Number.isInteger(k) && (singleOfficial(official, n) ? k === 1 : k >= 2 && k <= n);

/**
 * Default k: a majority of the Pokja (2 of 3, 3 of 5), never below 2; 1 for a tender run by a single Pejabat
 * Pengadaan (Pengadaan Langsung: the PP alone opens, after the deadline).
 */
export const defaultThreshold = (n: number, official: Official = 'POKJA') =>
  singleOfficial(official, n) ? 1 : Math.max(2, Math.floor(n / 2) + 1);

/** The fewest members whose shares may open: one only for a single Pejabat Pengadaan, else two. */
export const minOpeners = (official: Official, n: number) => (singleOfficial(official, n) ? 1 : 2);

/** The file kinds a tender takes: one sealed file, or File I and File II for a 2-file method. */
export function kindsOf(bundleId: string): FileKind[] {
  return /2-file|2-tahap/.test(bundleId) ? ['file_i', 'file_ii'] : ['penawaran'];
}

/** The rows a tender context is made of: the tender, its schedule, its members with their keys, its bid setting. */
async function tenderRows(db: Db, tenderId: string) {
  const [t] = await db.select().from(tenders).where(eq(tenders.id, tenderId));
  if (!t?.kode || !t.announcedAt) return undefined;
  // Independent reads in parallel: at the deadline surge every completion runs this while the pool is busy, and
  // the waits add up when the reads go one after another.
  const [schedule, members, [setting]] = await Promise.all([
    loadSchedule(db, tenderId),
    db
      .select({
        userId: tenderMembers.userId,
        name: users.name,
        publicKey: bidKeys.publicKey,
        fingerprint: bidKeys.fingerprint,
      })
      .from(tenderMembers)
      .innerJoin(users, eq(users.id, tenderMembers.userId))
      .leftJoin(bidKeys, eq(bidKeys.userId, tenderMembers.userId))
      .where(eq(tenderMembers.tenderId, tenderId))
      .orderBy(asc(tenderMembers.userId)),
    db.select().from(bidSettings).where(eq(bidSettings.tenderId, tenderId)),
  ]);
  return { t: { ...t, kode: t.kode }, schedule, members, setting };
}

// Reads of one tender's rows already on their way, per database handle.
const inFlight = new WeakMap<Db, Map<string, ReturnType<typeof tenderRows>>>();

/**
 * The rows of a tender, shared with a read of the same tender already on its way (single flight): at a deadline
 * hundreds of completions of the same tender ask at once. A joining request gets rows read at most one round trip
 * before its own read would have been (what it would have seen had it come a moment earlier); nothing is kept once
 * the read ends, so no later request sees them.
 */
function sharedTenderRows(db: Db, tenderId: string) {
  let reads = inFlight.get(db);
  if (!reads) {
    reads = new Map();
    inFlight.set(db, reads);
  }
  const pending = reads.get(tenderId);
  if (pending) return pending;
  const read = tenderRows(db, tenderId).finally(() => reads.delete(tenderId));
  reads.set(tenderId, read);
  return read;
}

/**
 * Everything the sealing and the gates need about one announced tender: its code, its Pokja with their enrolled
 * keys, k, the upload and opening windows at `now`.
 */
export async function tenderContext(db: Db, tenderId: string, now: Date) {
  if (!isUuid(tenderId)) return undefined;
  const rows = await sharedTenderRows(db, tenderId);
  if (!rows) return undefined;
  const { t, schedule, members, setting } = rows;
  const bundle = bundleOf(t.bundleId, t.bundleVersion);
  const uploadStage = bundle ? stageOfRole(bundle, 'bid_upload') : undefined;
  const upload = uploadStage ? stageWindow(schedule, uploadStage.code, now) : ({ state: 'absent' } as const);
  const uploadRow = schedule.find((r) => r.stage === uploadStage?.code);
  const priceStage = bundle ? stageOfRole(bundle, 'price_opening') : undefined;
  const official: Official = bundle ? officialOf(bundle) : 'POKJA';
  return {
    tender: t,
    kode: t.kode,
    /** Who runs it: its Pokja, or a Pengadaan Langsung's Pejabat Pengadaan (then the single member). */
    official,
    members,
    threshold: setting?.threshold ?? defaultThreshold(members.length, official),
    thresholdSet: !!setting,
    upload,
    /** The end of the upload stage: the earliest opening time. */
    deadline: uploadRow?.end ?? null,
    /** The start of File II's own opening stage (a 2-file tender), else null. */
    priceOpening: schedule.find((r) => priceStage && r.stage === priceStage.code)?.start ?? null,
    kinds: kindsOf(t.bundleId),
  };
}
export type TenderContext = NonNullable<Awaited<ReturnType<typeof tenderContext>>>;

/**
 * Whether a header's shares still fit the tender: its k, and one entry per current member sealed to the member's
 * current key. A bid sealed before a member was replaced or re-enrolled no longer fits: the completion refuses such a
 * header, and the vendor's page offers to re-issue the shares of a receipted one (`resealBid`).
 */
export function sharesProblem(
  tc: Pick<TenderContext, 'threshold' | 'members'>,
  h: Pick<EnvelopeHeader, 'k' | 'shares'>,
): 'k' | 'members' | null {
  if (h.k !== tc.threshold) return 'k';
  if (h.shares.length !== tc.members.length) return 'members';
  for (const m of tc.members) {
    const s = h.shares.find((x) => x.to === m.userId);
    if (!s || !m.fingerprint || s.fp !== m.fingerprint) return 'members';
  }
  return null;
}

/**
 * The person's vendor and whether it takes part in the tender, in one round trip: every bid's completion asks, and
 * at a deadline each round trip waits behind hundreds of others. `tenderId` must be a uuid.
 */
export async function vendorInTender(db: Db, tenderId: string, userId: string) {
  const [v] = await db
    .select({
      id: vendors.id,
      name: vendors.name,
      participant: sql<boolean>`exists (select 1 from ${tenderParticipants} where ${tenderParticipants.tenderId} = ${tenderId} and ${tenderParticipants.vendorId} = ${vendors.id})`,
    })
    .from(vendors)
    .where(eq(vendors.userId, userId))
    .limit(1);
  return v;
}

/** The bids that count: the last complete one per vendor and kind. */
export async function currentSubmissions(db: Db, tenderId: string, kind?: FileKind) {
  return db
    .select({ s: bidSubmissions, vendorName: vendors.name })
    .from(bidSubmissions)
    .innerJoin(vendors, eq(vendors.id, bidSubmissions.vendorId))
    .where(
      and(
        eq(bidSubmissions.tenderId, tenderId),
        isNull(bidSubmissions.supersededAt),
        kind ? eq(bidSubmissions.kind, kind) : undefined,
      ),
    )
    .orderBy(asc(bidSubmissions.receivedAt));
}

export async function submissionsOfVendor(db: Db, tenderId: string, vendorId: string) {
  return db
    .select()
    .from(bidSubmissions)
    .where(and(eq(bidSubmissions.tenderId, tenderId), eq(bidSubmissions.vendorId, vendorId)))
    .orderBy(asc(bidSubmissions.receivedAt));
}

export async function findSubmission(db: Db, id: string): Promise<SubmissionRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(bidSubmissions).where(eq(bidSubmissions.id, id));
  return row;
}

export async function openingOf(db: Db, tenderId: string, kind: FileKind) {
  const [row] = await db
    .select()
    .from(bidOpenings)
    .where(and(eq(bidOpenings.tenderId, tenderId), eq(bidOpenings.kind, kind)));
  return row;
}

/** Bids that failed at their opening, with the tender code and vendor, and their witness reports. */
export async function failedSubmissions(db: Db) {
  return db
    .select({ s: bidSubmissions, vendorName: vendors.name, kode: tenders.kode, nama: tenders.nama })
    .from(bidSubmissions)
    .innerJoin(vendors, eq(vendors.id, bidSubmissions.vendorId))
    .innerJoin(tenders, eq(tenders.id, bidSubmissions.tenderId))
    .where(eq(bidSubmissions.openResult, 'failed'))
    .orderBy(asc(bidSubmissions.receivedAt));
}

export async function witnessReportsOf(db: Db, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  return db.select().from(bidWitnessReports).where(inArray(bidWitnessReports.submissionId, submissionIds));
}
export type WitnessRow = typeof bidWitnessReports.$inferSelect;
