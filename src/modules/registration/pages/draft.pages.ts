import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import type { UploadedBlob } from '../../../platform/files/documents.ts';
import { PUBLIC } from '../../../platform/http/access.ts';
import type { FormState, FormValues } from '../../../platform/http/forms.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { type PageCtx, pageCtx, redirectSeeOther, sendHtml } from '../../../platform/ui/page.ts';
import { listAgencies } from '../../organisation/index.ts';
import { keepUploads } from '../commands/keep-uploads.ts';
import { saveDraft } from '../commands/save-draft.ts';
import { submitRegistration } from '../commands/submit-registration.ts';
import { type Registrant, registrantOrResume, requireRegistrant } from '../registrant.ts';
import { OfficialDraftSchema, VendorDraftSchema } from '../registration.forms.ts';
import { currentDocuments, findRegistration, findVendorByRegistration } from '../registration.repository.ts';
import { requirementsFor } from '../requirements.ts';
import { type DocView, DraftView } from '../views/registrant.views.tsx';

/** What the draft holds, as form values. */
async function draftValues(req: FastifyRequest, r: Registrant): Promise<{ values: FormValues; docs: DocView[] }> {
  const docs = await currentDocuments(req.ctx.db, r.registration.id);
  const values: FormValues = {};
  const vendor = await findVendorByRegistration(req.ctx.db, r.registration.id);
  if (vendor) {
    for (const [k, v] of Object.entries(vendor)) if (typeof v === 'string') values[k] = v;
    values.isBranch = vendor.isBranch ? 'ya' : '';
  } else {
    const reg = r.registration;
    Object.assign(values, {
      agencyId: reg.agencyId ?? '',
      requestedRole: reg.requestedRole ?? '',
      nip: reg.nip ?? '',
      position: reg.position ?? '',
    });
  }
  for (const { row } of docs) {
    values[`${row.requirement}_number`] = row.docNumber ?? '';
    values[`${row.requirement}_date`] = row.issuedOn ?? '';
    values[`${row.requirement}_issuer`] = row.issuer ?? '';
    values[`${row.requirement}_until`] = row.validUntil ?? '';
  }
  return { values, docs };
}

/** The draft form: what was just typed when shown again, otherwise what the draft holds. */
async function draftView(req: FastifyRequest, p: PageCtx, r: Registrant, state?: FormState) {
  // Read again: a refused submit may have saved the draft (and its documents) a moment ago.
  const reg = (await findRegistration(req.ctx.db, r.registration.id)) ?? r.registration;
  const { values, docs } = await draftValues(req, { ...r, registration: reg });
  const agencies = reg.kind === 'official' ? await listAgencies(req.ctx.db) : [];
  return DraftView({ p, state: state ?? { values, errors: {} }, reg, docs, agencies });
}

// The button pressed: save the draft, or save and submit it.
const action = { aksi: z.enum(['simpan', 'kirim']).catch('simpan') };
const VendorForm = VendorDraftSchema.extend(action);
const OfficialForm = OfficialDraftSchema.extend(action);

/** Form field `doc_<code>` → requirement `<code>`. */
const byRequirement = (files: Partial<Record<string, UploadedBlob>>) => {
  const out: Record<string, UploadedBlob> = {};
  for (const [field, blob] of Object.entries(files)) if (blob) out[field.replace(/^doc_/, '')] = blob;
  return out;
};

const submitted = (req: FastifyRequest, already: boolean) =>
  withFlash('/daftar/status', req.ctx.t(already ? 'reg.submit.already' : 'reg.submit.done'));

/** The applicant's draft: typed data and documents, saved as often as needed, then submitted (R31, R32). */
export async function draftPages(app: FastifyInstance) {
  app.get('/daftar/formulir', { config: PUBLIC }, async (req, reply) => {
    const r = await registrantOrResume(req, reply);
    if (!r) return reply;
    if (r.registration.status !== 'draft' && r.registration.status !== 'revision') {
      return redirectSeeOther(reply, '/daftar/status');
    }
    return sendHtml(reply, await draftView(req, pageCtx(req, reply), r));
  });

  app.post('/daftar/formulir', { config: PUBLIC }, async (req, reply) => {
    const r = await requireRegistrant(req);
    if (r.registration.status === 'submitted') return redirectSeeOther(reply, '/daftar/status');
    const { kind } = r.registration;
    const schema = kind === 'vendor' ? VendorForm : OfficialForm;
    const fileFields = Object.fromEntries(requirementsFor(kind).map((q) => [`doc_${q.code}`, q.docClass]));
    return handleForm(req, reply, {
      schema,
      files: fileFields,
      render: (p, state) => draftView(req, p, r, state),
      // Nothing is lost: what was typed is shown again, and the files that were accepted are kept.
      keepAccepted: async (files) => void (await keepUploads(req.ctx, r, byRequirement(files))),
      run: async (data, files) => {
        try {
          await saveDraft(
            req.ctx,
            r,
            kind === 'vendor'
              ? { kind, data: data as z.infer<typeof VendorForm>, files: byRequirement(files) }
              : { kind: 'official', data: data as z.infer<typeof OfficialForm>, files: byRequirement(files) },
          );
          if (data.aksi !== 'kirim') {
            return withFlash('/daftar/formulir', req.ctx.t('reg.draft.saved'));
          }
          const { alreadySubmitted } = await submitRegistration(req.ctx, r);
          return submitted(req, alreadySubmitted);
        } catch (err) {
          // A second click that lost the race: the first one already submitted, so this one shows the same receipt.
          if (err instanceof AppError && err.code === 'REG_NOT_EDITABLE') {
            const now = await findRegistration(req.ctx.db, r.registration.id);
            if (now?.status === 'submitted') return submitted(req, true);
          }
          // The draft itself was saved: each missing item is shown beside its field (AppError.fields).
          if (err instanceof AppError && err.code === 'REG_INCOMPLETE') {
            throw new AppError(err.code, err.status, 'reg.incompleteIntro', {}, { fields: err.fields });
          }
          throw err;
        }
      },
    });
  });
}
