import type { UploadedBlob } from '../../../platform/files/documents.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { type Registrant, registrantAudit } from '../registrant.ts';
import { regErrors } from '../registration.errors.ts';
import { lockRegistration } from '../registration.repository.ts';
import { saveDocuments } from './save-draft.ts';
import { recordStep } from './steps.ts';

/**
 * When the form comes back with a mistake in a typed field, the files that were accepted are still kept as new
 * versions, so someone on a slow connection never uploads them twice (issue 3: bad input loses nothing). The typed
 * fields are not saved until they are valid.
 */
export async function keepUploads(ctx: Ctx, registrant: Registrant, files: Record<string, UploadedBlob>) {
  if (Object.keys(files).length === 0) return [];
  return ctx.db.transaction(async (tx) => {
    const reg = await lockRegistration(tx, registrant.registration.id);
    if (!reg || (reg.status !== 'draft' && reg.status !== 'revision')) throw regErrors.notEditable();
    const changed = await saveDocuments(
      tx,
      ctx,
      { userId: reg.userId, regId: reg.id, kind: reg.kind, files },
      () => null,
    );
    if (changed.length > 0) {
      await recordStep(tx, registrantAudit(ctx, registrant), {
        registrationId: reg.id,
        action: 'draft_saved',
        details: { documents: changed, partial: true },
      });
    }
    return changed;
  });
}
