import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/http/context.ts';
import { missingForSubmit } from '../completeness.ts';
import { queueNotice } from '../mails.ts';
import { type Registrant, registrantAudit } from '../registrant.ts';
import { regErrors } from '../registration.errors.ts';
import { currentDocuments, findVendorByRegistration, lockRegistration } from '../registration.repository.ts';
import { registrationDocuments, registrations } from '../registration.schema.ts';
import { recordStep } from './steps.ts';

/**
 * Sends the registration to the Unit Registrasi dan Verifikasi (R31). The row lock makes a double-clicked submit
 * harmless: the second click finds it already submitted and gets the same receipt, nothing is created twice.
 */
export async function submitRegistration(ctx: Ctx, registrant: Registrant): Promise<{ alreadySubmitted: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const reg = await lockRegistration(tx, registrant.registration.id);
    if (!reg) throw regErrors.notEditable();
    if (reg.status === 'submitted') return { alreadySubmitted: true };
    if (reg.status !== 'draft' && reg.status !== 'revision') throw regErrors.notEditable();
    const vendor = await findVendorByRegistration(tx, reg.id);
    const docs = (await currentDocuments(tx, reg.id)).map((d) => d.row);
    const missing = missingForSubmit(reg, vendor, docs);
    if (Object.keys(missing).length > 0) throw regErrors.incomplete(missing);
    const now = ctx.clock.now();
    await tx
      .update(registrations)
      .set({ status: 'submitted', submittedAt: now, updatedAt: now, decisionReason: null })
      .where(eq(registrations.id, reg.id));
    // A resubmission answers the Verifikator's notes; the notes stay in the history (request_revision event).
    await tx
      .update(registrationDocuments)
      .set({ revisionNote: null })
      .where(and(eq(registrationDocuments.registrationId, reg.id), eq(registrationDocuments.current, true)));
    await recordStep(tx, registrantAudit(ctx, registrant), {
      registrationId: reg.id,
      action: reg.status === 'revision' ? 'resubmitted' : 'submitted',
      details: { number: reg.number, documents: docs.map((d) => `${d.requirement}:v${d.version}`) },
    });
    await queueNotice(
      tx,
      ctx.clock,
      ctx.config,
      registrant,
      { subject: 'reg.mail.submitted.subject', body: 'reg.mail.submitted.body' },
      { number: reg.number },
    );
    return { alreadySubmitted: false };
  });
}
