import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan, canForAgency } from '../../../platform/auth/permissions.ts';
import { enforce, refuse } from '../../../platform/auth/policy.ts';
import type { Role } from '../../../platform/auth/roles.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { FAILURE_REASON_TEXT, type FailureDeclarer, isFailureReason, reasonsFor } from '../failure-reasons.ts';
import { officialOf } from '../methods/bundle.ts';
import { mailParticipants } from '../notify.ts';
import { invalidatePublicTenders } from '../public-cache.ts';
import { findTender, type TenderRow } from '../tenders.repository.ts';
import { tenders } from '../tenders.schema.ts';
import { assertAnnouncedRunning, bundleOfTender, tenderOfPokja } from './support.ts';

/**
 * The tender, for someone declaring it gagal in the capacity `as`: a Pokja member of the tender, or the PA/KPA of the
 * agency whose package it is (`tenders:declare_failure`, agency-scoped).
 */
export async function tenderForDeclarer(ctx: Ctx, db: Ctx['db'], tenderId: string, as: FailureDeclarer) {
  const actor = ctx.actor!;
  if (as !== 'PA_KPA') {
    // A member of the tender: its Pokja, or the Pejabat Pengadaan of a Pengadaan Langsung (the bundle says which).
    assertCan(actor, 'tenders:publish');
    const t = await tenderOfPokja(db, actor, tenderId);
    return { t, role: officialOf(bundleOfTender(t)) as Role };
  }
  assertCan(actor, 'tenders:declare_failure');
  const t = await findTender(db, tenderId);
  if (!t?.announcedAt || !canForAgency(actor, 'tenders:declare_failure', t.agencyId))
    throw notFound('tenders.error.notFound');
  const role: Role = actor.roles.some((r) => r.role === 'PA' && r.agencyId === t.agencyId) ? 'PA' : 'KPA';
  return { t, role };
}

/**
 * Issue 9 item 8 (R11, Perpres 16/2018 jo. 12/2021 Pasal 51): declares a running tender gagal with one enumerated
 * reason and a note. The bundle the tender started with says who may give which reason (Pokja a–h, PA/KPA i); any
 * other is refused with the article. The status, reason, declarer's role and time are public; participants are
 * mailed; audited.
 */
export async function declareFailed(
  ctx: Ctx,
  tenderId: string,
  as: FailureDeclarer,
  input: { reason: string; note: string },
): Promise<void> {
  if (!isFailureReason(input.reason))
    throw badRequest('TENDER_FAILURE_REASON_UNKNOWN', 'validation.required', {}, { field: 'failReason' });
  const reason = input.reason;
  const note = input.note.trim();
  if (!note) throw badRequest('REASON_REQUIRED', 'tenders.error.reasonRequired', {}, { field: 'failNote' });
  await ctx.db.transaction(async (tx) => {
    const { t, role } = await tenderForDeclarer(ctx, tx, tenderId, as);
    assertAnnouncedRunning(t);
    const allowed = reasonsFor(bundleOfTender(t), as === 'PA_KPA' ? 'PA_KPA' : officialOf(bundleOfTender(t)));
    if (!allowed.includes(reason)) {
      enforce(
        refuse('TENDER_FAILURE_REASON_NOT_YOURS', 'tenders.refused.failureReasonNotYours', {
          params: { huruf: FAILURE_REASON_TEXT[reason].huruf },
          basis: FAILURE_REASON_TEXT[reason].basis,
        }),
      );
    }
    await close(ctx, tx, t, { status: 'gagal', reason, note, role });
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.failed',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: t.kode!, reason, basis: FAILURE_REASON_TEXT[reason].basis, note, by: role },
    });
    await mailParticipants(
      tx,
      ctx,
      tenderId,
      { subject: 'tenders.mail.failed.subject', body: 'tenders.mail.failed.body' },
      {
        kode: t.kode!,
        nama: t.nama,
        reason: `${FAILURE_REASON_TEXT[reason].text} (${FAILURE_REASON_TEXT[reason].basis})`,
        note,
        link: `${ctx.config.baseUrl}/tender/${t.kode}`,
      },
    );
  });
  invalidatePublicTenders();
}

/** Sets the closing status and who/why/when; the acting role goes to the audit trail. */
export async function close(
  ctx: Ctx,
  tx: Ctx['db'],
  t: TenderRow,
  c: { status: 'gagal' | 'batal'; reason: string | null; note: string; role: Role },
) {
  const actor = ctx.actor!;
  actor.actingRole = c.role;
  await tx
    .update(tenders)
    .set({
      status: c.status,
      closedReason: c.reason,
      closedNote: c.note,
      closedBy: actor.userId,
      closedRole: c.role,
      closedAt: ctx.clock.now(),
    })
    .where(eq(tenders.id, t.id));
}
