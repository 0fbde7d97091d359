import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { type Locale, translator } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { users } from '../../accounts/accounts.schema.ts';
import { memberIdsOf } from '../lifecycle.repository.ts';
import { tenderMembers, tenders } from '../tenders.schema.ts';
import { witaAt, witaDate } from '../working-days.ts';
import { createTenderWithSchedule } from './schedule.ts';
import { bundleOfTender, tenderOfPokja } from './support.ts';

/**
 * Issue 9 item 8: a tender gagal is repeated as a "tender ulang" — a new tender of the same package (version + 1,
 * linked both ways), with the same bundle version, fields and Pokja, a fresh schedule from the template and its own
 * kode at its announcement. Like any tender it is announced only when every member has approved it again.
 */
export async function repeatTender(
  ctx: Ctx,
  tenderId: string,
  input: { startDate: string; reason: string },
): Promise<string> {
  assertCan(ctx.actor, 'tenders:publish');
  const actor = ctx.actor;
  const reason = input.reason.trim();
  if (!reason) throw badRequest('REASON_REQUIRED', 'tenders.error.reasonRequired', {}, { field: 'repeatReason' });
  return ctx.db.transaction(async (tx) => {
    const old = await tenderOfPokja(tx, actor, tenderId);
    if (old.status !== 'gagal') throw conflict('TENDER_NOT_FAILED', 'tenders.refused.repeatNotFailed');
    const [taken] = await tx.select({ id: tenders.id }).from(tenders).where(eq(tenders.repeatOfId, old.id));
    if (taken) throw conflict('TENDER_ALREADY_REPEATED', 'tenders.refused.alreadyRepeated');
    if (input.startDate < witaDate(ctx.clock.now()))
      throw badRequest('TENDER_START_IN_PAST', 'tenders.error.startInPast', {}, { field: 'repeatStart' });
    const bundle = bundleOfTender(old);
    const start = witaAt(input.startDate, bundle.workingHours.start);
    const id = await createTenderWithSchedule(
      { ...ctx, db: tx },
      {
        kode: null,
        nama: old.nama,
        bundleId: old.bundleId,
        bundleVersion: old.bundleVersion,
        agencyId: old.agencyId,
        ukpbjAgencyId: old.ukpbjAgencyId,
        start: new Date(Math.max(start.getTime(), ctx.clock.now().getTime())),
      },
    );
    const now = ctx.clock.now();
    await tx
      .update(tenders)
      .set({
        jenis: old.jenis,
        metode: old.metode,
        tahunAnggaran: old.tahunAnggaran,
        pagu: old.pagu,
        hps: old.hps,
        jenisKontrak: old.jenisKontrak,
        kualifikasiUsaha: old.kualifikasiUsaha,
        lokasi: old.lokasi,
        syaratKualifikasi: old.syaratKualifikasi,
        rupKodes: old.rupKodes,
        versi: old.versi + 1,
        repeatOfId: old.id,
        repeatReason: reason,
        approvalRequestedAt: now,
      })
      .where(eq(tenders.id, id));
    const memberIds = await memberIdsOf(tx, old.id);
    await tx.insert(tenderMembers).values(memberIds.map((userId) => ({ tenderId: id, userId })));
    actor.actingRole = 'POKJA';
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.repeated',
      objectType: 'tender',
      objectId: id,
      summary: { nama: old.nama, from: old.kode!, versi: old.versi + 1, reason },
    });
    const members = await tx
      .select({ name: users.name, email: users.email, locale: users.locale })
      .from(tenderMembers)
      .innerJoin(users, eq(users.id, tenderMembers.userId))
      .where(eq(tenderMembers.tenderId, id));
    for (const m of members) {
      const t = translator(m.locale as Locale);
      const params = { name: m.name, nama: old.nama, link: `${ctx.config.baseUrl}/kelola/tender/${id}` };
      await enqueueMail(tx, ctx.clock, {
        to: m.email,
        subject: t('tenders.mail.approval.subject', params),
        text: t('tenders.mail.approval.body', params),
      });
    }
    return id;
  });
}
