import { and, eq, inArray } from 'drizzle-orm';
import { hasRole } from '../../../platform/auth/permissions.ts';
import { isRole, separationOfDutiesConflict } from '../../../platform/auth/roles.ts';
import { AppError, forbidden, unauthenticated } from '../../../platform/errors.ts';
import { insertDocument, type UploadedBlob } from '../../../platform/files/documents.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { findUserById } from '../../accounts/index.ts';
import { findAgencyById } from '../../organisation/index.ts';
import { queueNotice } from '../mails.ts';
import { regErrors } from '../registration.errors.ts';
import type { DocumentMeta } from '../registration.forms.ts';
import { nextRegistrationNumber } from '../registration.repository.ts';
import { registrationDocuments, registrations } from '../registration.schema.ts';
import type { OFFICIAL_ROLES } from '../requirements.ts';
import { recordStep } from './steps.ts';

/**
 * An official who already has a User ID asks for a (further) role with the assignment letter (R32). The request goes
 * straight to the verification queue. A combination forbidden by Pasal 13(3) (R22) is refused here already, so an
 * LPSE-team member cannot even ask to become a Pokja member; the approval checks it again.
 */
export async function requestRole(
  ctx: Ctx,
  input: {
    agencyId: string;
    role: (typeof OFFICIAL_ROLES)[number];
    nip: string | null;
    position: string;
    letter: UploadedBlob;
    letterMeta: DocumentMeta;
  },
) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  // A vendor's User ID belongs to a company's responsible person; it cannot also be an official's.
  if (hasRole(actor, 'PENYEDIA')) throw forbidden();
  const clash = separationOfDutiesConflict(actor.roles.map((r) => r.role).filter(isRole), input.role);
  if (clash) {
    const held = ctx.t(`role.${clash}`);
    throw new AppError('SEPARATION_OF_DUTIES', 409, 'users.sodConflict', { held }, { field: 'requestedRole' });
  }
  return ctx.db.transaction(async (tx) => {
    const [open] = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(
        and(eq(registrations.userId, actor.userId), inArray(registrations.status, ['draft', 'submitted', 'revision'])),
      );
    if (open) throw regErrors.pendingRequest();
    if (!(await findAgencyById(tx, input.agencyId))) throw regErrors.agencyUnknown();
    const now = ctx.clock.now();
    const [reg] = await tx
      .insert(registrations)
      .values({
        number: await nextRegistrationNumber(tx, now),
        kind: 'official',
        userId: actor.userId,
        status: 'submitted',
        agencyId: input.agencyId,
        requestedRole: input.role,
        nip: input.nip,
        position: input.position,
        submittedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const doc = await insertDocument(tx, ctx.clock, input.letter, actor.userId);
    await tx.insert(registrationDocuments).values({
      registrationId: reg!.id,
      requirement: 'surat_tugas',
      version: 1,
      documentId: doc.id,
      docNumber: input.letterMeta.number,
      issuedOn: input.letterMeta.issuedOn,
      createdAt: now,
    });
    const user = await findUserById(tx, actor.userId);
    if (user) {
      await queueNotice(
        tx,
        ctx.clock,
        ctx.config,
        user,
        { subject: 'reg.mail.roleRequested.subject', body: 'reg.mail.roleRequested.body' },
        { number: reg!.number, role: ctx.t(`role.${input.role}`) },
      );
    }
    await recordStep(tx, auditContext(ctx), {
      registrationId: reg!.id,
      action: 'role_requested',
      details: { number: reg!.number, role: input.role, agencyId: input.agencyId, sha256: doc.sha256 },
    });
    return reg!;
  });
}
