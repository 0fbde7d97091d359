import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/errors.ts';
import { documents } from '../../platform/files/files.schema.ts';
import { users } from '../accounts/accounts.schema.ts';
import { agencies } from '../organisation/organisation.schema.ts';
import {
  accountStatusChanges,
  blacklistEntries,
  type RegistrationStatus,
  registrationDocuments,
  registrationEvents,
  registrations,
  vendors,
} from './registration.schema.ts';

export type RegistrationRow = typeof registrations.$inferSelect;
export type VendorRow = typeof vendors.$inferSelect;
export type RegistrationDocumentRow = typeof registrationDocuments.$inferSelect;
export type BlacklistRow = typeof blacklistEntries.$inferSelect;

export async function findRegistration(db: Db, id: string): Promise<RegistrationRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(registrations).where(eq(registrations.id, id));
  return row;
}

/** Locks the registration row for the rest of the transaction: two clicks on "submit" are serialised here. */
export async function lockRegistration(tx: Db, id: string): Promise<RegistrationRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await tx.select().from(registrations).where(eq(registrations.id, id)).for('update');
  return row;
}

export async function findRegistrationOfUser(db: Db, userId: string): Promise<RegistrationRow | undefined> {
  const [row] = await db
    .select()
    .from(registrations)
    .where(eq(registrations.userId, userId))
    .orderBy(desc(registrations.createdAt))
    .limit(1);
  return row;
}

export async function findVendorByRegistration(db: Db, registrationId: string): Promise<VendorRow | undefined> {
  const [row] = await db.select().from(vendors).where(eq(vendors.registrationId, registrationId));
  return row;
}

export async function findVendor(db: Db, id: string): Promise<VendorRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(vendors).where(eq(vendors.id, id));
  return row;
}

export async function findVendorByNpwp(db: Db, npwp: string): Promise<VendorRow | undefined> {
  const [row] = await db.select().from(vendors).where(eq(vendors.npwp, npwp));
  return row;
}

/** The current version of each required document of a registration. */
export function currentDocuments(db: Db, registrationId: string) {
  return db
    .select({ row: registrationDocuments, doc: documents })
    .from(registrationDocuments)
    .innerJoin(documents, eq(documents.id, registrationDocuments.documentId))
    .where(and(eq(registrationDocuments.registrationId, registrationId), eq(registrationDocuments.current, true)))
    .orderBy(asc(registrationDocuments.requirement));
}

/** Every version of every document, newest first (R36 archive). */
export function allDocumentVersions(db: Db, registrationId: string) {
  return db
    .select({ row: registrationDocuments, doc: documents })
    .from(registrationDocuments)
    .innerJoin(documents, eq(documents.id, registrationDocuments.documentId))
    .where(eq(registrationDocuments.registrationId, registrationId))
    .orderBy(asc(registrationDocuments.requirement), desc(registrationDocuments.version));
}

export function eventsOf(db: Db, registrationId: string) {
  return db
    .select()
    .from(registrationEvents)
    .where(eq(registrationEvents.registrationId, registrationId))
    .orderBy(asc(registrationEvents.at));
}

export const QUEUE_FILTERS = ['baru', 'menunggu_asli', 'revisi', 'disetujui', 'ditolak', 'draf'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/**
 * The Verifikator's queue (R33). "Baru" is submitted with no original seen yet; "menunggu asli" is submitted with
 * some originals already ticked. Oldest first, because the queue is worked in order of arrival.
 */
export async function verificationQueue(db: Db, filter: QueueFilter) {
  const statusOf: Record<QueueFilter, RegistrationStatus> = {
    baru: 'submitted',
    menunggu_asli: 'submitted',
    revisi: 'revision',
    disetujui: 'approved',
    ditolak: 'rejected',
    draf: 'draft',
  };
  const checked = sql<number>`(select count(*) from ${registrationDocuments} d where d.registration_id = ${registrations.id} and d.current and d.original_checked)`;
  return db
    .select({
      id: registrations.id,
      number: registrations.number,
      kind: registrations.kind,
      status: registrations.status,
      submittedAt: registrations.submittedAt,
      createdAt: registrations.createdAt,
      updatedAt: registrations.updatedAt,
      applicant: users.name,
      vendorName: vendors.name,
      npwp: vendors.npwp,
      agencyName: agencies.name,
      requestedRole: registrations.requestedRole,
      checked,
    })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .leftJoin(vendors, eq(vendors.registrationId, registrations.id))
    .leftJoin(agencies, eq(agencies.id, registrations.agencyId))
    .where(
      and(
        eq(registrations.status, statusOf[filter]),
        filter === 'baru' ? sql`${checked} = 0` : filter === 'menunggu_asli' ? sql`${checked} > 0` : undefined,
      ),
    )
    .orderBy(asc(sql`coalesce(${registrations.submittedAt}, ${registrations.createdAt})`))
    .limit(500);
}

/**
 * Whether any current original of each registration is ticked, one row per registration (joined and grouped, so the
 * column references are qualified; a correlated subquery on a single-table select would be rendered unqualified).
 */
function startedRegistrations(db: Db) {
  return db
    .select({
      id: registrations.id,
      status: registrations.status,
      started: sql<boolean>`coalesce(bool_or(${registrationDocuments.current} and ${registrationDocuments.originalChecked}), false)`,
    })
    .from(registrations)
    .leftJoin(registrationDocuments, eq(registrationDocuments.registrationId, registrations.id))
    .groupBy(registrations.id, registrations.status);
}

/** How many registrations each queue filter holds, for the filter tabs (same split as `verificationQueue`). */
export async function queueCounts(db: Db): Promise<Record<QueueFilter, number>> {
  const out: Record<QueueFilter, number> = { baru: 0, menunggu_asli: 0, revisi: 0, disetujui: 0, ditolak: 0, draf: 0 };
  for (const r of await startedRegistrations(db)) out[queueFilterOf(r.status, r.started)] += 1;
  return out;
}

/** The queue filter one registration is listed under now, or undefined for an unknown id. */
export async function queueFilterOfRegistration(db: Db, id: string): Promise<QueueFilter | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await startedRegistrations(db).where(eq(registrations.id, id));
  return row ? queueFilterOf(row.status, row.started) : undefined;
}

/** The queue filter a registration is listed under. */
export function queueFilterOf(status: RegistrationStatus, anyOriginalChecked: boolean): QueueFilter {
  if (status === 'submitted') return anyOriginalChecked ? 'menunggu_asli' : 'baru';
  return ({ revision: 'revisi', approved: 'disetujui', rejected: 'ditolak', draft: 'draf' } as const)[status];
}

export function statusChangesOf(db: Db, userId: string) {
  return db
    .select({ change: accountStatusChanges, byName: users.name })
    .from(accountStatusChanges)
    .innerJoin(users, eq(users.id, accountStatusChanges.byUserId))
    .where(eq(accountStatusChanges.userId, userId))
    .orderBy(asc(accountStatusChanges.at));
}

/** Blacklist entries in force on `day` (YYYY-MM-DD, in WITA). */
export function activeBlacklist(db: Db, day: string, vendorId?: string) {
  return db
    .select()
    .from(blacklistEntries)
    .where(
      and(
        lte(blacklistEntries.startsOn, day),
        gte(blacklistEntries.endsOn, day),
        vendorId ? eq(blacklistEntries.vendorId, vendorId) : undefined,
      ),
    )
    .orderBy(desc(blacklistEntries.startsOn));
}

export function allBlacklist(db: Db) {
  return db.select().from(blacklistEntries).orderBy(desc(blacklistEntries.createdAt)).limit(500);
}

/** Approved vendors, for the blacklist form's vendor list. */
export function approvedVendors(db: Db) {
  return db
    .select({ id: vendors.id, name: vendors.name, npwp: vendors.npwp })
    .from(vendors)
    .innerJoin(registrations, eq(registrations.id, vendors.registrationId))
    .where(inArray(registrations.status, ['approved']))
    .orderBy(asc(vendors.name));
}

/** Does this document belong to a registration of `userId`? (the owner's read right on identity documents). */
export async function documentOwnedBy(db: Db, documentId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: registrationDocuments.id })
    .from(registrationDocuments)
    .innerJoin(registrations, eq(registrations.id, registrationDocuments.registrationId))
    .where(and(eq(registrationDocuments.documentId, documentId), eq(registrations.userId, userId)))
    .limit(1);
  return !!row;
}

/** `REG-2026-000012`: the year (WITA) and a number from a sequence, so two registrations never share a number. */
export async function nextRegistrationNumber(tx: Db, now: Date): Promise<string> {
  const result = await tx.execute(sql`select nextval('registration_number_seq') as n`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: string | number }[];
  const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Makassar', year: 'numeric' }).format(now);
  return `REG-${year}-${String(rows[0]!.n).padStart(6, '0')}`;
}

export function registrationsOfUser(db: Db, userId: string) {
  return db.select().from(registrations).where(eq(registrations.userId, userId)).orderBy(asc(registrations.createdAt));
}
