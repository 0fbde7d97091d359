import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { badRequest, conflict, notFound, unauthenticated } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { type Locale, translator } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { users } from '../../accounts/accounts.schema.ts';
import { draftTenderOf } from '../../sulap/index.ts';
import { latestDocumentVersion } from '../lifecycle.repository.ts';
import { type Bundle, officialOf } from '../methods/bundle.ts';
import { bundleOf, latestBundle } from '../methods/index.ts';
import { invalidatePublicTenders } from '../public-cache.ts';
import { canApprove, canPublish } from '../tenders.policy.ts';
import { findTender } from '../tenders.repository.ts';
import {
  type JenisKontrak,
  type KualifikasiUsaha,
  type SyaratKualifikasi,
  tenderMembers,
  tenders,
} from '../tenders.schema.ts';
import { witaAt, witaDate } from '../working-days.ts';
import { createTenderWithSchedule } from './schedule.ts';

export interface PublicationInput {
  bundleId: string;
  kualifikasiUsaha: KualifikasiUsaha;
  jenisKontrak: JenisKontrak;
  lokasi: string[];
  syarat: SyaratKualifikasi;
  /** The schedule's first day (WITA, YYYY-MM-DD): the template fills every stage from it. */
  startDate: string;
}

/** The method bundles a package may use: those serving its metode and its jenis. */
export function bundlesFor(metode: string, jenis: string, all: readonly Bundle[]): Bundle[] {
  return all.filter((b) => b.metode === metode && (b.jenis as readonly string[]).includes(jenis));
}

async function membersWithMail(db: Db, tenderId: string) {
  return db
    .select({
      userId: tenderMembers.userId,
      approvedAt: tenderMembers.approvedAt,
      name: users.name,
      email: users.email,
      locale: users.locale,
    })
    .from(tenderMembers)
    .innerJoin(users, eq(users.id, tenderMembers.userId))
    .where(eq(tenderMembers.tenderId, tenderId));
}

/**
 * Issue 9 item 3: a Pokja member of a completed SULAP package builds the tender from its draft — the method bundle
 * (matching the package's metode and jenis), kualifikasi usaha, jenis kontrak, lokasi, syarat kualifikasi and the
 * schedule from the template — and asks the whole Pokja to approve the announcement (each member is mailed).
 */
export async function createPublication(ctx: Ctx, packageId: string, input: PublicationInput): Promise<string> {
  if (!ctx.actor) throw unauthenticated();
  assertCan(ctx.actor, 'tenders:publish');
  const actor = ctx.actor;
  const tenderId = await ctx.db.transaction(async (tx) => {
    const draft = await draftTenderOf(tx, packageId);
    if (!draft) throw notFound('tenders.error.draftNotFound');
    const bundle = latestBundle(input.bundleId);
    // The bundle names who runs it: the package's Pejabat Pengadaan for a PL (the single member), else its Pokja.
    const official = bundle ? officialOf(bundle) : 'POKJA';
    const memberIds = draft.pokja.filter((m) => m.role === official).map((m) => m.userId);
    enforce(canPublish(actor, { ...draft, memberIds }, ctx.clock.now()));
    const [taken] = await tx.select({ id: tenders.id }).from(tenders).where(eq(tenders.sulapDraftTenderId, draft.id));
    if (taken) throw conflict('TENDER_ALREADY_BUILT', 'tenders.error.alreadyBuilt');
    if (!bundle || bundle.metode !== draft.metode || !(bundle.jenis as readonly string[]).includes(draft.jenis)) {
      throw badRequest('TENDER_BUNDLE_MISMATCH', 'tenders.error.bundleMismatch', {}, { field: 'bundleId' });
    }
    const today = witaDate(ctx.clock.now());
    if (input.startDate < today) {
      throw badRequest('TENDER_START_IN_PAST', 'tenders.error.startInPast', {}, { field: 'startDate' });
    }
    if (input.lokasi.length === 0) {
      throw badRequest('TENDER_LOKASI_REQUIRED', 'tenders.error.lokasiRequired', {}, { field: 'lokasi' });
    }
    const tctx: Ctx = { ...ctx, db: tx };
    const start = witaAt(input.startDate, bundle.workingHours.start);
    const id = await createTenderWithSchedule(tctx, {
      kode: null,
      nama: draft.namaPaket,
      bundleId: bundle.id,
      bundleVersion: bundle.version,
      agencyId: draft.agencyId,
      ukpbjAgencyId: draft.ukpbjAgencyId,
      sulapDraftTenderId: draft.id,
      start: new Date(Math.max(start.getTime(), ctx.clock.now().getTime())),
    });
    const now = ctx.clock.now();
    await tx
      .update(tenders)
      .set({
        jenis: draft.jenis,
        metode: draft.metode,
        tahunAnggaran: draft.tahunAnggaran,
        pagu: draft.pagu,
        hps: draft.hps,
        jenisKontrak: input.jenisKontrak,
        kualifikasiUsaha: input.kualifikasiUsaha,
        lokasi: input.lokasi,
        syaratKualifikasi: input.syarat,
        rupKodes: draft.planKodes,
        approvalRequestedAt: now,
      })
      .where(eq(tenders.id, id));
    await tx.insert(tenderMembers).values(memberIds.map((userId) => ({ tenderId: id, userId })));
    actor.actingRole = official;
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.publication_requested',
      objectType: 'tender',
      objectId: id,
      summary: {
        nama: draft.namaPaket,
        bundle: `${bundle.id}@${bundle.version}`,
        members: memberIds,
        startDate: input.startDate,
      },
    });
    for (const m of await membersWithMail(tx, id)) {
      const t = translator(m.locale as Locale);
      const params = { name: m.name, nama: draft.namaPaket, link: `${ctx.config.baseUrl}/kelola/tender/${id}` };
      await enqueueMail(tx, ctx.clock, {
        to: m.email,
        subject: t('tenders.mail.approval.subject', params),
        text: t('tenders.mail.approval.body', params),
      });
    }
    return id;
  });
  return tenderId;
}

/** The next kode tender of a year: the year, then a 5-digit sequence (e.g. 202600001). */
export async function nextKode(db: Db, year: string): Promise<string> {
  const [row] = await db
    .select({ kode: tenders.kode })
    .from(tenders)
    .where(sql`${tenders.kode} ~ ${`^${year}[0-9]{5}$`}`)
    .orderBy(desc(tenders.kode))
    .limit(1);
  const n = row?.kode ? Number(row.kode.slice(4)) + 1 : 1;
  return `${year}${String(n).padStart(5, '0')}`;
}

/**
 * A Pokja member approves the announcement. When every member has approved (kolektif kolegial), the tender is
 * announced: status berlangsung, its kode tender and the announcement time; from then on the HPS is public.
 */
export async function approvePublication(
  ctx: Ctx,
  tenderId: string,
): Promise<{ announced: boolean; kode: string | null }> {
  if (!ctx.actor) throw unauthenticated();
  assertCan(ctx.actor, 'tenders:publish');
  const actor = ctx.actor;
  const out = await ctx.db.transaction(async (tx) => {
    const tender = await findTender(tx, tenderId);
    if (!tender) throw notFound('tenders.error.notFound');
    const members = await membersWithMail(tx, tenderId);
    const memberIds = members.map((m) => m.userId);
    enforce(canApprove(actor, { ...tender, memberIds }, ctx.clock.now()));
    // Kolektif kolegial approves what will be announced: the Dokumen Pemilihan must be there (Pasal 50 ayat 2).
    if ((await latestDocumentVersion(tx, tenderId)) === 0)
      throw conflict('TENDER_DOCUMENT_REQUIRED', 'tenders.refused.documentRequired', {}, { field: 'berkas' });
    const now = ctx.clock.now();
    const updated = await tx
      .update(tenderMembers)
      .set({ approvedAt: now })
      .where(
        and(
          eq(tenderMembers.tenderId, tenderId),
          eq(tenderMembers.userId, actor.userId),
          isNull(tenderMembers.approvedAt),
        ),
      )
      .returning({ userId: tenderMembers.userId });
    if (updated.length === 0) throw conflict('TENDER_ALREADY_APPROVED', 'tenders.error.alreadyApproved');
    const tb = bundleOf(tender.bundleId, tender.bundleVersion);
    actor.actingRole = tb ? officialOf(tb) : 'POKJA';
    const approved = members.filter((m) => m.approvedAt !== null).length + 1;
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.publication_approved',
      objectType: 'tender',
      objectId: tenderId,
      summary: { nama: tender.nama, approved, of: members.length },
    });
    if (approved < members.length) return { announced: false, kode: null };
    const kode = await nextKode(tx, witaDate(now).slice(0, 4));
    await tx.update(tenders).set({ status: 'berlangsung', kode, announcedAt: now }).where(eq(tenders.id, tenderId));
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.announced',
      objectType: 'tender',
      objectId: tenderId,
      summary: { nama: tender.nama, kode, members: memberIds },
    });
    return { announced: true, kode };
  });
  if (out.announced) invalidatePublicTenders();
  return out;
}
