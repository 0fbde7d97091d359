import { and, asc, desc, eq, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import { type Actor, agenciesWhere } from '../../platform/auth/permissions.ts';
import type { Db } from '../../platform/db/database.ts';
import { documents } from '../../platform/files/files.schema.ts';
import { userRoles, users } from '../accounts/accounts.schema.ts';
import { agencies } from '../organisation/organisation.schema.ts';
import { rupPlans } from '../rup/rup.schema.ts';
import type { PackageRef } from './sulap.policy.ts';
import {
  sulapDocuments,
  sulapDocumentVersions,
  sulapDraftTenders,
  sulapHpsItems,
  sulapKajiUlang,
  sulapMembers,
  sulapPackagePlans,
  sulapPackages,
  sulapReviews,
} from './sulap.schema.ts';

export type PackageRow = typeof sulapPackages.$inferSelect;

export async function memberIdsOf(db: Db, packageId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: sulapMembers.userId })
    .from(sulapMembers)
    .where(eq(sulapMembers.packageId, packageId));
  return rows.map((r) => r.userId);
}

/** The package row with its members: what the policies need. */
export async function findPackageRef(db: Db, id: string): Promise<(PackageRow & PackageRef) | undefined> {
  const [row] = await db.select().from(sulapPackages).where(eq(sulapPackages.id, id));
  if (!row) return undefined;
  return { ...row, memberIds: await memberIdsOf(db, id) };
}

/** The package a stored document (any version) belongs to, for the document class's read policy. */
export async function packageRefOfDocument(db: Db, documentId: string) {
  const [row] = await db
    .select({ packageId: sulapDocuments.packageId })
    .from(sulapDocumentVersions)
    .innerJoin(sulapDocuments, eq(sulapDocuments.id, sulapDocumentVersions.sulapDocumentId))
    .where(eq(sulapDocumentVersions.documentId, documentId));
  return row ? findPackageRef(db, row.packageId) : undefined;
}

/** Everything the package page shows: plans, HPS lines, documents with versions and reviews, members, kaji ulang. */
export async function packageDetail(db: Db, id: string) {
  const pkg = await findPackageRef(db, id);
  if (!pkg) return undefined;
  const [agency] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, pkg.agencyId));
  const ukpbj = pkg.ukpbjAgencyId
    ? (await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, pkg.ukpbjAgencyId)))[0]
    : undefined;
  const plans = await db
    .select({ kode: sulapPackagePlans.kode, pagu: sulapPackagePlans.pagu, namaPaket: rupPlans.namaPaket })
    .from(sulapPackagePlans)
    .innerJoin(rupPlans, eq(rupPlans.id, sulapPackagePlans.planId))
    .where(eq(sulapPackagePlans.packageId, id))
    .orderBy(asc(sulapPackagePlans.kode));
  const items = await db
    .select()
    .from(sulapHpsItems)
    .where(eq(sulapHpsItems.packageId, id))
    .orderBy(asc(sulapHpsItems.position));
  const docs = await db.select().from(sulapDocuments).where(eq(sulapDocuments.packageId, id));
  const docIds = docs.map((d) => d.id);
  const versions = docIds.length
    ? await db
        .select({
          id: sulapDocumentVersions.id,
          sulapDocumentId: sulapDocumentVersions.sulapDocumentId,
          version: sulapDocumentVersions.version,
          documentId: sulapDocumentVersions.documentId,
          note: sulapDocumentVersions.note,
          uploadedAt: sulapDocumentVersions.uploadedAt,
          uploadedByName: users.name,
          originalName: documents.originalName,
          size: documents.size,
        })
        .from(sulapDocumentVersions)
        .innerJoin(users, eq(users.id, sulapDocumentVersions.uploadedBy))
        .innerJoin(documents, eq(documents.id, sulapDocumentVersions.documentId))
        .where(inArray(sulapDocumentVersions.sulapDocumentId, docIds))
        .orderBy(desc(sulapDocumentVersions.version))
    : [];
  const reviews = docIds.length
    ? await db
        .select({
          id: sulapReviews.id,
          sulapDocumentId: sulapReviews.sulapDocumentId,
          version: sulapReviews.version,
          reviewerUserId: sulapReviews.reviewerUserId,
          reviewerName: users.name,
          reviewerRole: sulapReviews.reviewerRole,
          decision: sulapReviews.decision,
          note: sulapReviews.note,
          at: sulapReviews.at,
        })
        .from(sulapReviews)
        .innerJoin(users, eq(users.id, sulapReviews.reviewerUserId))
        .where(inArray(sulapReviews.sulapDocumentId, docIds))
        .orderBy(asc(sulapReviews.at))
    : [];
  const members = await db
    .select({ userId: sulapMembers.userId, name: users.name, role: sulapMembers.role, username: users.username })
    .from(sulapMembers)
    .innerJoin(users, eq(users.id, sulapMembers.userId))
    .where(eq(sulapMembers.packageId, id))
    .orderBy(asc(users.name));
  const kajiUlang = await db
    .select({
      id: sulapKajiUlang.id,
      hasil: sulapKajiUlang.hasil,
      uraian: sulapKajiUlang.uraian,
      at: sulapKajiUlang.at,
      byName: users.name,
      role: sulapKajiUlang.role,
    })
    .from(sulapKajiUlang)
    .innerJoin(users, eq(users.id, sulapKajiUlang.byUserId))
    .where(eq(sulapKajiUlang.packageId, id))
    .orderBy(asc(sulapKajiUlang.at));
  const [ppk] = await db.select({ name: users.name }).from(users).where(eq(users.id, pkg.ppkUserId));
  const [draft] = await db.select().from(sulapDraftTenders).where(eq(sulapDraftTenders.packageId, id));
  return {
    ...pkg,
    agencyName: agency?.name ?? '',
    ukpbjName: ukpbj?.name ?? null,
    ppkName: ppk?.name ?? '',
    plans,
    items,
    documents: docs.map((d) => ({
      ...d,
      versions: versions.filter((v) => v.sulapDocumentId === d.id),
      reviews: reviews.filter((r) => r.sulapDocumentId === d.id),
    })),
    members,
    kajiUlang,
    draftTender: draft ?? null,
  };
}
export type PackageDetail = NonNullable<Awaited<ReturnType<typeof packageDetail>>>;

/**
 * The packages a person is part of: a PPK's own, those submitted to a Kepala UKPBJ's unit, those a Pokja member or
 * Pejabat Pengadaan is assigned to. Nobody else sees any (the list is confidential too).
 */
export async function listPackagesForActor(db: Db, actor: Actor | null) {
  if (!actor) return [];
  const conds: SQL[] = [];
  const prep = agenciesWhere(actor, 'sulap:prepare');
  if (prep === 'all' || prep.length > 0) {
    const own = eq(sulapPackages.ppkUserId, actor.userId);
    conds.push(prep === 'all' ? own : and(own, inArray(sulapPackages.agencyId, prep))!);
  }
  const assign = agenciesWhere(actor, 'sulap:assign');
  if (assign === 'all' || assign.length > 0) {
    const submitted = ne(sulapPackages.status, 'persiapan');
    conds.push(assign === 'all' ? submitted : and(submitted, inArray(sulapPackages.ukpbjAgencyId, assign))!);
  }
  const review = agenciesWhere(actor, 'sulap:review');
  if (review === 'all' || review.length > 0) {
    const mine = db
      .select({ id: sulapMembers.packageId })
      .from(sulapMembers)
      .where(eq(sulapMembers.userId, actor.userId));
    conds.push(inArray(sulapPackages.id, mine));
  }
  if (conds.length === 0) return [];
  return db
    .select({
      id: sulapPackages.id,
      namaPaket: sulapPackages.namaPaket,
      status: sulapPackages.status,
      metode: sulapPackages.metode,
      jenis: sulapPackages.jenis,
      agencyName: agencies.name,
      updatedAt: sulapPackages.updatedAt,
    })
    .from(sulapPackages)
    .innerJoin(agencies, eq(agencies.id, sulapPackages.agencyId))
    .where(or(...conds))
    .orderBy(desc(sulapPackages.updatedAt));
}

/** Announced penyedia plans of these agencies that no package holds yet: what a PPK can consolidate. */
export function availablePlans(db: Db, agencyIds: string[]) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: rupPlans.id,
      kode: rupPlans.kode,
      namaPaket: rupPlans.namaPaket,
      agencyId: rupPlans.agencyId,
      pagu: rupPlans.pagu,
      metode: rupPlans.metode,
      jenis: rupPlans.jenis,
      tahunAnggaran: rupPlans.tahunAnggaran,
    })
    .from(rupPlans)
    .leftJoin(sulapPackagePlans, eq(sulapPackagePlans.planId, rupPlans.id))
    .where(
      and(
        inArray(rupPlans.agencyId, agencyIds),
        eq(rupPlans.status, 'announced'),
        eq(rupPlans.tipe, 'penyedia'),
        isNull(sulapPackagePlans.planId),
      ),
    )
    .orderBy(desc(rupPlans.kode));
}

/** Announced plans by kode (any agency: the command checks the agency). */
export function plansByKode(db: Db, kodes: number[]) {
  if (kodes.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: rupPlans.id,
      kode: rupPlans.kode,
      namaPaket: rupPlans.namaPaket,
      agencyId: rupPlans.agencyId,
      status: rupPlans.status,
      tipe: rupPlans.tipe,
      pagu: rupPlans.pagu,
      metode: rupPlans.metode,
      jenis: rupPlans.jenis,
      tahunAnggaran: rupPlans.tahunAnggaran,
      taken: sulapPackagePlans.packageId,
    })
    .from(rupPlans)
    .leftJoin(sulapPackagePlans, eq(sulapPackagePlans.planId, rupPlans.id))
    .where(inArray(rupPlans.kode, kodes));
}

/** Active people holding `role` in these agencies. */
export function holdersOf(db: Db, role: string, agencyIds: string[]) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .selectDistinct({
      id: users.id,
      name: users.name,
      username: users.username,
      email: users.email,
      locale: users.locale,
      agencyId: userRoles.agencyId,
    })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, role), inArray(userRoles.agencyId, agencyIds), eq(users.status, 'active')))
    .orderBy(asc(users.name));
}

/** The UKPBJ units: agencies where an active person holds KEPALA_ULP. */
export async function ukpbjAgencies(db: Db) {
  return db
    .selectDistinct({ id: agencies.id, name: agencies.name })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .innerJoin(agencies, eq(agencies.id, userRoles.agencyId))
    .where(and(eq(userRoles.role, 'KEPALA_ULP'), eq(users.status, 'active')))
    .orderBy(asc(agencies.name));
}

export async function usersByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(inArray(users.id, [...ids]));
}

/** The draft tender of a package (P7 reached), with what the tender engine needs; undefined before. */
export async function draftTenderOf(db: Db, packageId: string) {
  const [draft] = await db.select().from(sulapDraftTenders).where(eq(sulapDraftTenders.packageId, packageId));
  if (!draft) return undefined;
  const d = await packageDetail(db, packageId);
  if (!d) return undefined;
  return {
    id: draft.id,
    packageId,
    agencyId: d.agencyId,
    ukpbjAgencyId: d.ukpbjAgencyId,
    ppkUserId: d.ppkUserId,
    namaPaket: d.namaPaket,
    jenis: d.jenis,
    metode: d.metode,
    tahunAnggaran: d.tahunAnggaran,
    pagu: draft.pagu,
    hps: draft.hps,
    planKodes: d.plans.map((p) => p.kode),
    pokja: d.members.map((m) => ({ userId: m.userId, role: m.role })),
    skNumber: d.skNumber,
    skDate: d.skDate,
    documents: d.documents
      .filter((x) => x.currentVersion > 0)
      .map((x) => ({
        itemKey: x.itemKey,
        version: x.currentVersion,
        documentId: x.versions.find((v) => v.version === x.currentVersion)!.documentId,
      })),
    createdAt: draft.createdAt,
  };
}
