import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { badRequest, conflict, isUuid, notFound } from '../../../platform/errors.ts';
import { auditContext, type Ctx } from '../../../platform/http/context.ts';
import { findSubmission } from '../bids.repository.ts';
import { bidWitnessReports } from '../bids.schema.ts';
import { MAGIC, MAX_HEADER_BYTES, parseHeader, SealError } from '../crypto/sealed.ts';
import { hashFile, readHead, sealedPath } from '../storage.ts';

/** What the LPSE can establish without any key: is the stored file the receipted one, and is its envelope whole? */
export async function inspectStored(dataDir: string, storageKey: string, receiptSha256: string) {
  const file = sealedPath(dataDir, storageKey);
  try {
    const { sha256 } = await hashFile(file);
    if (sha256 !== receiptSha256) return { storedSha256: sha256, findings: 'STORED_FILE_DIFFERS_FROM_RECEIPT' };
    try {
      parseHeader(await readHead(file, MAGIC.length + 4 + MAX_HEADER_BYTES));
    } catch (e) {
      if (e instanceof SealError) return { storedSha256: sha256, findings: `HEADER_INVALID: ${e.message}` };
      throw e;
    }
    return { storedSha256: sha256, findings: 'STORED_FILE_MATCHES_RECEIPT' };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { storedSha256: null, findings: 'STORED_FILE_MISSING' };
    throw e;
  }
}

/**
 * The witness procedure (R48) for a bid that failed at the opening: the LPSE re-checks the stored file under audit and
 * records the attendees, hashes and failure reason in a berita acara kesaksian. The Pokja decides afterwards.
 */
export async function recordWitness(ctx: Ctx, submissionId: string, input: { attendees: string[]; notes: string }) {
  assertCan(ctx.actor, 'bids:witness');
  const s = await findSubmission(ctx.db, submissionId);
  if (!s) throw notFound();
  if (s.openResult !== 'failed') throw conflict('BIDS_NOT_FAILED', 'bids.error.notFailed');
  const attendees = input.attendees.map((a) => a.trim()).filter(Boolean);
  if (attendees.length < 2)
    throw badRequest('BIDS_WITNESS_ATTENDEES', 'bids.error.attendees', {}, { field: 'attendees' });
  const inspected = await inspectStored(ctx.config.dataDir, s.storageKey, s.sha256);
  const now = ctx.clock.now();
  const report = {
    submission: s.id,
    attendees,
    receiptSha256: s.sha256,
    storedSha256: inspected.storedSha256,
    failureReason: s.openReason ?? '',
    findings: inspected.findings,
    notes: input.notes,
    at: now.toISOString(),
  };
  const reportSha256 = createHash('sha256').update(JSON.stringify(report)).digest('hex');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(bidWitnessReports)
      .values({
        submissionId: s.id,
        attendees,
        receiptSha256: s.sha256,
        storedSha256: inspected.storedSha256,
        failureReason: report.failureReason,
        findings: inspected.findings,
        notes: input.notes || null,
        reportSha256,
        createdAt: now,
        createdBy: ctx.actor!.userId,
      })
      .returning();
    await recordAudit(tx, auditContext(ctx), {
      action: 'bids.witness_recorded',
      objectType: 'tender',
      objectId: s.tenderId,
      summary: { submission: s.id, findings: inspected.findings, reportSha256 },
    });
    return row!;
  });
}

export async function witnessReport(ctx: Ctx, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await ctx.db.select().from(bidWitnessReports).where(eq(bidWitnessReports.id, id));
  return row;
}
