import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/errors.ts';
import { documents } from '../../platform/files/files.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import type { Section } from './sections.ts';
import {
  type ChangeStatus,
  type SectionItem,
  sikapChangeRequests,
  sikapEvidence,
  sikapSections,
  sikapSectionVersions,
} from './sikap.schema.ts';

export type ChangeRequestRow = typeof sikapChangeRequests.$inferSelect;
export type SectionVersionRow = typeof sikapSectionVersions.$inferSelect;

/** The current items of every section of a vendor (a section never saved has none). */
export async function currentSections(db: Db, vendorId: string): Promise<Record<string, SectionRow>> {
  const rows = await db.select().from(sikapSections).where(eq(sikapSections.vendorId, vendorId));
  return Object.fromEntries(rows.map((r) => [r.section, r]));
}
export type SectionRow = typeof sikapSections.$inferSelect;

export async function currentSection(db: Db, vendorId: string, section: Section, lock = false) {
  const q = db
    .select()
    .from(sikapSections)
    .where(and(eq(sikapSections.vendorId, vendorId), eq(sikapSections.section, section)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export const itemsOf = (row: SectionRow | undefined): SectionItem[] => row?.items ?? [];

export function versionsOf(db: Db, vendorId: string, section: Section): Promise<SectionVersionRow[]> {
  return db
    .select()
    .from(sikapSectionVersions)
    .where(and(eq(sikapSectionVersions.vendorId, vendorId), eq(sikapSectionVersions.section, section)))
    .orderBy(desc(sikapSectionVersions.version));
}

/** The vendor an evidence document belongs to (the document read policy). */
export async function vendorOfEvidence(db: Db, documentId: string) {
  if (!isUuid(documentId)) return undefined;
  const [row] = await db
    .select({ vendorId: sikapEvidence.vendorId, userId: vendors.userId })
    .from(sikapEvidence)
    .innerJoin(vendors, eq(vendors.id, sikapEvidence.vendorId))
    .where(eq(sikapEvidence.documentId, documentId));
  return row;
}

/** File names of evidence documents, for the lists. */
export async function documentNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    if (!isUuid(id)) continue;
    const [d] = await db.select({ name: documents.originalName }).from(documents).where(eq(documents.id, id));
    if (d) out.set(id, d.name);
  }
  return out;
}

export async function findChangeRequest(db: Db, id: string, lock = false) {
  if (!isUuid(id)) return undefined;
  const q = db.select().from(sikapChangeRequests).where(eq(sikapChangeRequests.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export function changeRequestsOfVendor(db: Db, vendorId: string) {
  return db
    .select()
    .from(sikapChangeRequests)
    .where(eq(sikapChangeRequests.vendorId, vendorId))
    .orderBy(desc(sikapChangeRequests.requestedAt));
}

/** The Verifikator's queue: requests of a status, oldest first, with the vendor's name. */
export function changeQueue(db: Db, status: ChangeStatus = 'pending') {
  return db
    .select({ req: sikapChangeRequests, vendorName: vendors.name, businessForm: vendors.businessForm })
    .from(sikapChangeRequests)
    .innerJoin(vendors, eq(vendors.id, sikapChangeRequests.vendorId))
    .where(eq(sikapChangeRequests.status, status))
    .orderBy(asc(sikapChangeRequests.requestedAt))
    .limit(200);
}
