import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/database.ts';
import { isUuid, notFound } from '../../../platform/errors.ts';
import type { FormState } from '../../../platform/http/forms.ts';
import type { PageCtx } from '../../../platform/ui/page.ts';
import { users } from '../../accounts/accounts.schema.ts';
import { runningWorkOf } from '../../sikap/index.ts';
import { invitableVendors, invitationOf } from '../commands/invitations.ts';
import { clarificationStage } from '../commands/participation.ts';
import { reasonsFor } from '../failure-reasons.ts';
import { incidentsOverlapping, listAddenda, repeatLinks, tenderFiles } from '../lifecycle.repository.ts';
import { uploadRow } from '../lifecycle.rules.ts';
import { needsInvitation, officialOf } from '../methods/bundle.ts';
import { bundleOf } from '../methods/index.ts';
import { blockingQuestions, listParticipants, listQuestions } from '../participation.repository.ts';
import type { ScheduleRow } from '../schedule.ts';
import { isTenderPokja } from '../tenders.policy.ts';
import { findTender, loadSchedule, type TenderRow } from '../tenders.repository.ts';
import { tenderMembers } from '../tenders.schema.ts';
import { type FormSlot, PokjaLifecycle } from '../views/lifecycle.views.tsx';
import { PokjaTenderView } from '../views/manage.views.tsx';

export function namesOf(bundleId: string, version: string) {
  return new Map((bundleOf(bundleId, version)?.stages ?? []).map((s) => [s.code, s.name]));
}

/** The tender with its Pokja members; not found for anyone who is not one of them (the draft's HPS is confidential). */
export async function pokjaTender(req: FastifyRequest, id: string) {
  if (!isUuid(id)) throw notFound('tenders.error.notFound');
  const db = req.ctx.db;
  const t = await findTender(db, id);
  if (!t) throw notFound('tenders.error.notFound');
  const members = await db
    .select({ userId: tenderMembers.userId, name: users.name, approvedAt: tenderMembers.approvedAt })
    .from(tenderMembers)
    .innerJoin(users, eq(users.id, tenderMembers.userId))
    .where(eq(tenderMembers.tenderId, id));
  if (!isTenderPokja(req.ctx.actor, { ...t, memberIds: members.map((m) => m.userId) }))
    throw notFound('tenders.error.notFound');
  return { t, members };
}

/** Whether the Pemberian Penjelasan stage has ended (the Berita Acara can be generated). */
export function clarificationEnded(t: TenderRow, schedule: readonly ScheduleRow[], now: Date) {
  const s = clarificationStage(t.bundleId, t.bundleVersion);
  const row = schedule.find((r) => r.stage === s?.code);
  return row && s ? { ended: row.end.getTime() <= now.getTime(), row, name: s.name } : null;
}

async function lifecycleProps(db: Db, t: TenderRow, schedule: readonly ScheduleRow[], now: Date) {
  const bundle = bundleOf(t.bundleId, t.bundleVersion)!;
  const upload = uploadRow(bundle, schedule);
  const links = await repeatLinks(db, t);
  return {
    files: await tenderFiles(db, t.id),
    addenda: await listAddenda(db, t.id),
    pokjaReasons: reasonsFor(bundle, officialOf(bundle)),
    incidents: upload ? await incidentsOverlapping(db, t.id, upload.start, upload.end) : [],
    uploadEnd: upload?.end ?? null,
    baReady: !!t.announcedAt && !!clarificationEnded(t, schedule, now)?.ended,
    closing: { ...t, ...links },
    invitation: needsInvitation(bundle)
      ? { current: (await invitationOf(db, t.id)) ?? null, vendors: await invitableVendors(db) }
      : null,
  };
}

/** The Pokja's page of one tender, optionally re-rendered with one form's errors. */
export async function renderPokjaPage(
  req: FastifyRequest,
  p: PageCtx,
  id: string,
  opts: { slot?: FormSlot; answerState?: FormState } = {},
) {
  const { t, members } = await pokjaTender(req, id);
  const db = req.ctx.db;
  const now = req.ctx.clock.now();
  const actor = req.ctx.actor!;
  const mine = members.find((m) => m.userId === actor.userId);
  const schedule = await loadSchedule(db, t.id);
  const lp = await lifecycleProps(db, t, schedule, now);
  return PokjaTenderView({
    p,
    tender: t,
    members,
    schedule,
    names: namesOf(t.bundleId, t.bundleVersion),
    official: officialOf(bundleOf(t.bundleId, t.bundleVersion)!),
    canApprove: t.status === 'draft' && !!t.approvalRequestedAt && !!mine && !mine.approvedAt,
    participants: await withRunningWork(db, t.id, await listParticipants(db, t.id)),
    questions: await listQuestions(db, t.id),
    blocking: (await blockingQuestions(db, t.id)).length,
    answerState: opts.answerState,
    hasErrors: !!opts.slot,
    lifecycle: PokjaLifecycle({ p, tender: t, ...lp, slot: opts.slot }),
  });
}

/** SIKaP's "cek paket berjalan": each participant's other running work on the platform. */
async function withRunningWork<V extends { vendorId: string }>(db: Db, tenderId: string, rows: V[]) {
  const work = await runningWorkOf(
    db,
    rows.map((v) => v.vendorId),
    tenderId,
  );
  return rows.map((v) => ({ ...v, work: work.get(v.vendorId) ?? [] }));
}
