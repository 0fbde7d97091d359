import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { insertDocument, type UploadedBlob } from '../../../platform/files/documents.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { renameAccount } from '../../accounts/index.ts';
import { findAgencyById } from '../../organisation/index.ts';
import { type Registrant, registrantAudit } from '../registrant.ts';
import { regErrors } from '../registration.errors.ts';
import { type DocumentMeta, documentMeta, type OfficialDraft, type VendorDraft } from '../registration.forms.ts';
import { currentDocuments, findVendorByNpwp, lockRegistration } from '../registration.repository.ts';
import { registrationDocuments, registrations, vendors } from '../registration.schema.ts';
import { requirementsFor } from '../requirements.ts';
import { recordStep } from './steps.ts';

export type DraftInput =
  | { kind: 'vendor'; data: VendorDraft; files: Record<string, UploadedBlob> }
  | { kind: 'official'; data: OfficialDraft; files: Record<string, UploadedBlob> };

const EDITABLE = new Set(['draft', 'revision']);

/** A Postgres unique violation on the NPWP index: the race the pre-check cannot see. */
const isNpwpUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string }; message?: string };
  const code = e.code ?? e.cause?.code;
  return code === '23505' && /npwp/.test(String(e.message) + String((e.cause as Error | undefined)?.message));
};

/**
 * Saves whatever the applicant has filled in so far, and every uploaded document as a new version (R36: the old
 * version is kept, retired). Allowed while the registration is a draft or sent back for revision.
 */
export async function saveDraft(ctx: Ctx, registrant: Registrant, input: DraftInput) {
  const regId = registrant.registration.id;
  try {
    await ctx.db.transaction(async (tx) => {
      const reg = await lockRegistration(tx, regId);
      if (!reg || !EDITABLE.has(reg.status) || reg.kind !== input.kind) throw regErrors.notEditable();
      const now = ctx.clock.now();
      const changed: string[] = [];
      if (input.kind === 'vendor') {
        const d = input.data;
        if (d.npwp) {
          // R31: one NPWP registers once. The message tells the applicant how to recover the existing account.
          const other = await findVendorByNpwp(tx, d.npwp);
          if (other && other.registrationId !== regId) throw regErrors.npwpTaken();
        }
        await tx
          .update(vendors)
          .set({
            name: d.name,
            businessForm: d.businessForm ?? null,
            npwp: d.npwp ?? null,
            nib: d.nib ?? null,
            address: d.address,
            city: d.city,
            postalCode: d.postalCode ?? null,
            phone: d.phone ?? null,
            email: d.email ?? null,
            isBranch: d.isBranch,
            headOfficeName: d.isBranch ? d.headOfficeName : null,
            headOfficeAddress: d.isBranch ? d.headOfficeAddress : null,
            picName: d.picName,
            picNik: d.picNik ?? null,
            picPosition: d.picPosition,
            updatedAt: now,
          })
          .where(eq(vendors.registrationId, regId));
        // The responsible person's name is the account's name (R33: the User ID belongs to that person).
        if (d.picName) await renameAccount(tx, now, reg.userId, d.picName);
      } else {
        const d = input.data;
        if (d.agencyId && !(await findAgencyById(tx, d.agencyId))) throw regErrors.agencyUnknown();
        await tx
          .update(registrations)
          .set({
            agencyId: d.agencyId ?? null,
            requestedRole: d.requestedRole ?? null,
            nip: d.nip,
            position: d.position,
          })
          .where(eq(registrations.id, regId));
      }
      const data = input.data as Record<string, unknown>;
      changed.push(
        ...(await saveDocuments(tx, ctx, { userId: reg.userId, regId, kind: input.kind, files: input.files }, (code) =>
          documentMeta(data, code),
        )),
      );
      await tx.update(registrations).set({ updatedAt: now }).where(eq(registrations.id, regId));
      await recordStep(tx, registrantAudit(ctx, registrant), {
        registrationId: regId,
        action: 'draft_saved',
        details: { documents: changed },
      });
    });
  } catch (err) {
    if (isNpwpUniqueViolation(err)) throw regErrors.npwpTaken();
    throw err;
  }
}

/**
 * Adds a version for every uploaded file whose bytes differ from the current version, and updates the metadata of
 * documents not yet ticked by the Verifikator. `metaFor` returns null to leave a document's metadata as it is.
 */
export async function saveDocuments(
  tx: Db,
  ctx: Ctx,
  input: { userId: string; regId: string; kind: 'vendor' | 'official'; files: Record<string, UploadedBlob> },
  metaFor: (code: string) => DocumentMeta | null,
) {
  const current = new Map((await currentDocuments(tx, input.regId)).map((c) => [c.row.requirement, c]));
  const changed: string[] = [];
  for (const req of requirementsFor(input.kind)) {
    const existing = current.get(req.code);
    const meta = metaFor(req.code) ?? {
      number: existing?.row.docNumber ?? null,
      issuedOn: existing?.row.issuedOn ?? null,
      issuer: existing?.row.issuer ?? null,
      validUntil: existing?.row.validUntil ?? null,
    };
    const blob = input.files[req.code];
    // The same bytes uploaded again (a double-clicked submit, a re-sent form) are not a new version.
    if (blob && blob.sha256 !== existing?.doc.sha256) {
      const doc = await insertDocument(tx, ctx.clock, blob, input.userId);
      if (existing) {
        await tx
          .update(registrationDocuments)
          .set({ current: false })
          .where(eq(registrationDocuments.id, existing.row.id));
      }
      const version = (existing?.row.version ?? 0) + 1;
      await tx.insert(registrationDocuments).values({
        registrationId: input.regId,
        requirement: req.code,
        version,
        current: true,
        documentId: doc.id,
        docNumber: meta.number,
        issuedOn: meta.issuedOn,
        issuer: meta.issuer,
        validUntil: meta.validUntil,
        createdAt: ctx.clock.now(),
      });
      changed.push(`${req.code}:v${version}:${doc.sha256.slice(0, 12)}`);
    } else if (existing && !existing.row.originalChecked) {
      await tx
        .update(registrationDocuments)
        .set({ docNumber: meta.number, issuedOn: meta.issuedOn, issuer: meta.issuer, validUntil: meta.validUntil })
        .where(eq(registrationDocuments.id, existing.row.id));
    }
  }
  return changed;
}
