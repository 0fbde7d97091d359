import { and, asc, desc, eq, gt, inArray, isNull, lt, max } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { documents } from '../../platform/files/files.schema.ts';
import { users } from '../accounts/accounts.schema.ts';
import { agencies } from '../organisation/organisation.schema.ts';
import {
  outageIncidents,
  tenderAddenda,
  tenderDocuments,
  tenderMembers,
  tenderOutageExtensions,
  tenders,
} from './tenders.schema.ts';

/** The files of a tender with their version and addendum (oldest first). */
export async function tenderFiles(db: Db, tenderId: string) {
  return db
    .select({
      id: tenderDocuments.id,
      kind: tenderDocuments.kind,
      version: tenderDocuments.version,
      addendumId: tenderDocuments.addendumId,
      documentId: tenderDocuments.documentId,
      originalName: documents.originalName,
      size: documents.size,
      uploadedAt: tenderDocuments.uploadedAt,
    })
    .from(tenderDocuments)
    .innerJoin(documents, eq(documents.id, tenderDocuments.documentId))
    .where(eq(tenderDocuments.tenderId, tenderId))
    .orderBy(asc(tenderDocuments.uploadedAt), asc(tenderDocuments.version));
}
export type TenderFile = Awaited<ReturnType<typeof tenderFiles>>[number];

/** The highest version of the Dokumen Pemilihan uploaded before the announcement (0: none yet). */
export async function latestDocumentVersion(db: Db, tenderId: string): Promise<number> {
  const [row] = await db
    .select({ v: max(tenderDocuments.version) })
    .from(tenderDocuments)
    .where(and(eq(tenderDocuments.tenderId, tenderId), isNull(tenderDocuments.addendumId)));
  return Number(row?.v ?? 0);
}

export async function listAddenda(db: Db, tenderId: string) {
  return db.select().from(tenderAddenda).where(eq(tenderAddenda.tenderId, tenderId)).orderBy(asc(tenderAddenda.number));
}
export type AddendumRow = Awaited<ReturnType<typeof listAddenda>>[number];

export async function listIncidents(db: Db, limit = 100) {
  return db.select().from(outageIncidents).orderBy(desc(outageIncidents.startsAt)).limit(limit);
}
export type IncidentRow = Awaited<ReturnType<typeof listIncidents>>[number];

export async function findIncident(db: Db, id: string): Promise<IncidentRow | undefined> {
  const [row] = await db.select().from(outageIncidents).where(eq(outageIncidents.id, id));
  return row;
}

/** Incidents overlapping [start, end) and whether this tender already took its extension for each. */
export async function incidentsOverlapping(db: Db, tenderId: string, start: Date, end: Date) {
  return db
    .select({
      incident: outageIncidents,
      extendedAt: tenderOutageExtensions.extendedAt,
      minutes: tenderOutageExtensions.minutes,
    })
    .from(outageIncidents)
    .leftJoin(
      tenderOutageExtensions,
      and(eq(tenderOutageExtensions.incidentId, outageIncidents.id), eq(tenderOutageExtensions.tenderId, tenderId)),
    )
    .where(and(lt(outageIncidents.startsAt, end), gt(outageIncidents.endsAt, start)))
    .orderBy(asc(outageIncidents.startsAt));
}

/** A tender ulang's predecessor and successor (announced ones only are linked publicly). */
export async function repeatLinks(db: Db, t: { id: string; repeatOfId: string | null }) {
  const prev = t.repeatOfId
    ? (
        await db
          .select({ id: tenders.id, kode: tenders.kode, status: tenders.status })
          .from(tenders)
          .where(eq(tenders.id, t.repeatOfId))
      )[0]
    : undefined;
  const [next] = await db
    .select({ id: tenders.id, kode: tenders.kode, status: tenders.status, announcedAt: tenders.announcedAt })
    .from(tenders)
    .where(eq(tenders.repeatOfId, t.id));
  return { prev, next };
}

export async function memberIdsOf(db: Db, tenderId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: tenderMembers.userId })
    .from(tenderMembers)
    .where(eq(tenderMembers.tenderId, tenderId));
  return rows.map((r) => r.userId);
}

/** For the Berita Acara: the agency's name and the Pokja members' names. */
export async function beritaAcaraParties(db: Db, t: { id: string; agencyId: string }) {
  const [agency] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, t.agencyId));
  const ids = await memberIdsOf(db, t.id);
  const members = ids.length
    ? await db.select({ name: users.name }).from(users).where(inArray(users.id, ids)).orderBy(asc(users.name))
    : [];
  return { agencyName: agency?.name ?? '', members: members.map((m) => m.name) };
}
