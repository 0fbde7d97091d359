import { and, eq } from 'drizzle-orm';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { findUserById } from '../../accounts/index.ts';
import { queueNotice } from '../mails.ts';
import { regErrors } from '../registration.errors.ts';
import { currentDocuments, lockRegistration } from '../registration.repository.ts';
import { registrationDocuments, registrations } from '../registration.schema.ts';
import { recordStep } from './steps.ts';

/**
 * Sends the registration back with notes per document (issue 3). The applicant fixes and resubmits; the notes and
 * every replaced version stay in the history (R36).
 */
export async function requestRevision(
  ctx: Ctx,
  input: { registrationId: string; note: string | null; documentNotes: Record<string, string> },
) {
  assertCan(ctx.actor, 'registration:verify');
  await ctx.db.transaction(async (tx) => {
    const reg = await lockRegistration(tx, input.registrationId);
    if (!reg) throw notFound();
    if (reg.status !== 'submitted') throw regErrors.notSubmitted();
    const user = await findUserById(tx, reg.userId);
    if (!user) throw notFound();
    const notes: Record<string, string> = {};
    for (const { row } of await currentDocuments(tx, reg.id)) {
      const note = input.documentNotes[row.id]?.trim();
      if (!note) continue;
      notes[row.requirement] = note;
      await tx
        .update(registrationDocuments)
        .set({ revisionNote: note, originalChecked: false, checkedBy: null, checkedAt: null })
        .where(and(eq(registrationDocuments.id, row.id), eq(registrationDocuments.registrationId, reg.id)));
    }
    if (!input.note && Object.keys(notes).length === 0) throw regErrors.revisionNoteRequired();
    const now = ctx.clock.now();
    await tx
      .update(registrations)
      .set({ status: 'revision', decisionReason: input.note, updatedAt: now })
      .where(eq(registrations.id, reg.id));
    await recordStep(tx, auditContext(ctx), {
      registrationId: reg.id,
      action: 'revision_requested',
      note: input.note,
      details: { documentNotes: notes },
    });
    const lines = Object.entries(notes)
      .map(([code, note]) => `- ${code}: ${note}`)
      .join('\n');
    await queueNotice(
      tx,
      ctx.clock,
      ctx.config,
      user,
      { subject: 'reg.mail.revision.subject', body: 'reg.mail.revision.body' },
      { number: reg.number, note: input.note ?? '-', documents: lines || '-' },
    );
  });
}
