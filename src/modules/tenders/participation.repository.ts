import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { vendors } from '../registration/registration.schema.ts';
import { tenderParticipants, tenderQuestions } from './tenders.schema.ts';

/** The vendor row of a user (whatever its verification state: eligibility says why it may not bid). */
export async function vendorOfUser(db: Db, userId: string) {
  const [v] = await db
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(eq(vendors.userId, userId))
    .limit(1);
  return v;
}

export async function isParticipant(db: Db, tenderId: string, vendorId: string): Promise<boolean> {
  const [row] = await db
    .select({ v: tenderParticipants.vendorId })
    .from(tenderParticipants)
    .where(and(eq(tenderParticipants.tenderId, tenderId), eq(tenderParticipants.vendorId, vendorId)));
  return !!row;
}

export async function participantCount(db: Db, tenderId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(tenderParticipants)
    .where(eq(tenderParticipants.tenderId, tenderId));
  return Number(row?.n ?? 0);
}

/** The participants with their names: for the tender's Pokja only. */
export async function listParticipants(db: Db, tenderId: string) {
  return db
    .select({ vendorId: tenderParticipants.vendorId, name: vendors.name, joinedAt: tenderParticipants.joinedAt })
    .from(tenderParticipants)
    .innerJoin(vendors, eq(vendors.id, tenderParticipants.vendorId))
    .where(eq(tenderParticipants.tenderId, tenderId))
    .orderBy(asc(tenderParticipants.joinedAt));
}

export interface QuestionRow {
  id: string;
  vendorId: string;
  vendorName: string | null;
  question: string;
  anonymous: boolean;
  askedAt: Date;
  answer: string | null;
  answeredAt: Date | null;
}

export async function listQuestions(db: Db, tenderId: string): Promise<QuestionRow[]> {
  return db
    .select({
      id: tenderQuestions.id,
      vendorId: tenderQuestions.vendorId,
      vendorName: vendors.name,
      question: tenderQuestions.question,
      anonymous: tenderQuestions.anonymous,
      askedAt: tenderQuestions.askedAt,
      answer: tenderQuestions.answer,
      answeredAt: tenderQuestions.answeredAt,
    })
    .from(tenderQuestions)
    .innerJoin(vendors, eq(vendors.id, tenderQuestions.vendorId))
    .where(eq(tenderQuestions.tenderId, tenderId))
    .orderBy(asc(tenderQuestions.askedAt), asc(tenderQuestions.id));
}

/** What another vendor sees: the name of an anonymous question's vendor is removed (the Pokja sees every name). */
export function asSeenByVendor(rows: readonly QuestionRow[], vendorId: string): QuestionRow[] {
  return rows.map((q) => (q.anonymous && q.vendorId !== vendorId ? { ...q, vendorName: null } : q));
}

/** The unanswered questions of a tender: while any is left, the upload stage cannot end earlier. */
export async function blockingQuestions(db: Db, tenderId: string) {
  return db
    .select({ id: tenderQuestions.id, question: tenderQuestions.question, askedAt: tenderQuestions.askedAt })
    .from(tenderQuestions)
    .where(and(eq(tenderQuestions.tenderId, tenderId), isNull(tenderQuestions.answeredAt)))
    .orderBy(asc(tenderQuestions.askedAt));
}
