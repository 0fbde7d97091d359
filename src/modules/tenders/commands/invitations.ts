import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce, refuse } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { badRequest, conflict, isUuid } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { type Locale, translator } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { users } from '../../accounts/accounts.schema.ts';
import { vendors } from '../../registration/registration.schema.ts';
import { needsInvitation, officialOf } from '../methods/bundle.ts';
import { standingRefusal } from '../tenders.policy.ts';
import { tenderInvitations } from '../tenders.schema.ts';
import { standingOf } from './participation.ts';
import { assertAnnouncedRunning, bundleOfTender, tenderOfPokja } from './support.ts';

/** Perpres 16/2018 jo. 12/2021 Pasal 41 (Pengadaan Langsung) dan Pasal 38 ayat 4 (Penunjukan Langsung). */
export const INVITATION_BASIS =
  'Perpres 16/2018 jo. 12/2021 Pasal 38 dan 41: Pengadaan/Penunjukan Langsung mengundang satu Penyedia';

/** The tender's invitation (a PL/Penunjukan Langsung has at most one), with the vendor's name. */
export async function invitationOf(db: Db, tenderId: string) {
  const [row] = await db
    .select({
      vendorId: tenderInvitations.vendorId,
      vendorName: vendors.name,
      invitedAt: tenderInvitations.invitedAt,
      acceptedAt: tenderInvitations.acceptedAt,
    })
    .from(tenderInvitations)
    .innerJoin(vendors, eq(vendors.id, tenderInvitations.vendorId))
    .where(eq(tenderInvitations.tenderId, tenderId))
    .limit(1);
  return row;
}

/** Whether this vendor is invited to this tender (and has not yet accepted). */
export async function pendingInvitation(db: Db, tenderId: string, vendorId: string) {
  const [row] = await db
    .select({ invitedAt: tenderInvitations.invitedAt })
    .from(tenderInvitations)
    .where(
      and(
        eq(tenderInvitations.tenderId, tenderId),
        eq(tenderInvitations.vendorId, vendorId),
        isNull(tenderInvitations.acceptedAt),
      ),
    );
  return row;
}

/**
 * Issue 9 item 3: the official of an announced Pengadaan Langsung / Penunjukan Langsung (its Pejabat Pengadaan, or
 * Pokja) invites ONE chosen vendor, which must be verified and eligible to bid. Only that vendor may then join. The
 * vendor is mailed; audited in the same transaction.
 */
export async function inviteVendor(ctx: Ctx, tenderId: string, vendorId: string): Promise<string> {
  assertCan(ctx.actor, 'tenders:publish');
  const actor = ctx.actor;
  if (!isUuid(vendorId))
    throw badRequest('TENDER_INVITE_VENDOR_REQUIRED', 'validation.required', {}, { field: 'vendorId' });
  return ctx.db.transaction(async (tx) => {
    const t = await tenderOfPokja(tx, actor, tenderId);
    assertAnnouncedRunning(t);
    const bundle = bundleOfTender(t);
    if (!needsInvitation(bundle)) throw conflict('TENDER_NOT_BY_INVITATION', 'tenders.invite.notByInvitation');
    if (await invitationOf(tx, tenderId))
      enforce(refuse('TENDER_ALREADY_INVITED', 'tenders.invite.already', { basis: INVITATION_BASIS }));
    const now = ctx.clock.now();
    const [v] = await tx
      .select({ id: vendors.id, name: vendors.name, email: users.email, locale: users.locale, userName: users.name })
      .from(vendors)
      .innerJoin(users, eq(users.id, vendors.userId))
      .where(eq(vendors.id, vendorId));
    if (!v) throw badRequest('TENDER_INVITE_VENDOR_UNKNOWN', 'tenders.invite.unknownVendor', {}, { field: 'vendorId' });
    const standing = await standingOf(tx, v.id, now);
    const refusal = standingRefusal(standing);
    if (!refusal.allowed)
      throw badRequest(
        'TENDER_INVITE_VENDOR_NOT_ELIGIBLE',
        'tenders.invite.notEligible',
        // The same reason the vendor would be given when joining (daftar hitam with its SK, unverified, SIKaP).
        { name: v.name ?? '', why: ctx.t(refusal.reason, refusal.params ?? {}) },
        { field: 'vendorId' },
      );
    await tx.insert(tenderInvitations).values({ tenderId, vendorId: v.id, invitedBy: actor.userId, invitedAt: now });
    actor.actingRole = officialOf(bundle);
    await recordAudit(tx, auditContext(ctx), {
      action: 'tender.vendor_invited',
      objectType: 'tender',
      objectId: tenderId,
      summary: { kode: t.kode!, vendor: v.name ?? v.id },
    });
    const tr = translator(v.locale as Locale);
    const params = {
      name: v.userName,
      nama: t.nama,
      kode: t.kode!,
      link: `${ctx.config.baseUrl}/tender/${t.kode}/ikut`,
    };
    await enqueueMail(tx, ctx.clock, {
      to: v.email,
      subject: tr('tenders.mail.invited.subject', params),
      text: tr('tenders.mail.invited.body', params),
    });
    return v.name ?? v.id;
  });
}

/** Vendors the official may choose from: verified ones (eligibility is checked when inviting). */
export async function invitableVendors(db: Db) {
  return db
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(isNotNull(vendors.verifiedAt))
    .orderBy(vendors.name)
    .limit(500);
}
