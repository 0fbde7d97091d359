import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { documents } from '../../../platform/files/files.schema.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { type Locale, translator } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { users } from '../../accounts/accounts.schema.ts';
import { memberIdsOf } from '../lifecycle.repository.ts';
import { tenderAddenda, tenderDocuments, tenderMembers, tenders } from '../tenders.schema.ts';
import { witaAt, witaDate } from '../working-days.ts';
import { createTenderWithSchedule } from './schedule.ts';
import { bundleOfTender, tenderOfPokja } from './support.ts';

/**
 * Issue 9 item 8: a tender gagal is repeated as a "tender ulang" — a new tender of the same package (version + 1,
 * linked both ways), with the same bundle version, fields, requirements (syarat kualifikasi) and Pokja, the Dokumen
 * Pemilihan as it stood (see `copyDokumenPemilihan`), a fresh schedule from the template and its own kode at its
 * announcement. Like any tender it is announced only when every member has approved it again.
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
    const copied = await copyDokumenPemilihan({ ...ctx, db: tx }, old.id, id);
    const memberIds = await memberIdsOf(tx, old.id);
    await tx.insert(tenderMembers).values(memberIds.map((userId) => ({ tenderId: id, userId })));
    actor.actingRole = 'POKJA';
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.repeated',
      objectType: 'tender',
      objectId: id,
      summary: { nama: old.nama, from: old.kode!, versi: old.versi + 1, reason, documents: copied },
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

/**
 * The failed tender's Dokumen Pemilihan as it stood, carried into its tender ulang: the last version of the
 * announcement, then every addendum's files in order, as versions 1, 2… of the new tender (still a draft, so the Pokja
 * may upload a newer version before approving). Each gets its own `documents` row over the same stored blob (the
 * storage is content-addressed or keyed by the row's storage key, which the copy keeps). Returns how many were copied.
 */
async function copyDokumenPemilihan(ctx: Ctx, fromId: string, toId: string): Promise<number> {
  const rows = await ctx.db
    .select({ doc: documents, version: tenderDocuments.version, addendum: tenderAddenda.number })
    .from(tenderDocuments)
    .innerJoin(documents, eq(documents.id, tenderDocuments.documentId))
    .leftJoin(tenderAddenda, eq(tenderAddenda.id, tenderDocuments.addendumId))
    .where(eq(tenderDocuments.tenderId, fromId))
    .orderBy(asc(tenderDocuments.version), asc(tenderDocuments.uploadedAt));
  const initial = rows.filter((r) => r.addendum === null);
  const last = initial[initial.length - 1];
  const addendumFiles = rows
    .filter((r) => r.addendum !== null)
    .sort((a, b) => a.addendum! - b.addendum! || a.doc.createdAt.getTime() - b.doc.createdAt.getTime());
  const carried = [...(last ? [last] : []), ...addendumFiles];
  const now = ctx.clock.now();
  let version = 0;
  for (const r of carried) {
    const { id: _id, createdAt: _at, ...rest } = r.doc;
    const [copy] = await ctx.db
      .insert(documents)
      .values({ ...rest, createdAt: now })
      .returning({ id: documents.id });
    version += 1;
    await ctx.db.insert(tenderDocuments).values({
      tenderId: toId,
      kind: 'dokumen_pemilihan',
      version,
      documentId: copy!.id,
      uploadedBy: ctx.actor?.userId ?? null,
      uploadedAt: now,
    });
  }
  return version;
}
