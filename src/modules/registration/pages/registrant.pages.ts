import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { AppError, notFound, unauthenticated } from '../../../platform/errors.ts';
import { getDocument, openDocumentForRead } from '../../../platform/files/documents.ts';
import { readMultipartForm } from '../../../platform/files/multipart-form.ts';
import { allow, PUBLIC, SIGNED_IN } from '../../../platform/http/access.ts';
import {
  dateField,
  emailField,
  nipField,
  requiredText,
  usernameField,
  uuidField,
  withPasswordConfirmation,
} from '../../../platform/http/fields.ts';
import { type FormState, type FormValues, parseForm } from '../../../platform/http/forms.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { pageCtx, redirectSeeOther, sendHtml } from '../../../platform/ui/page.ts';
import { listAgencies } from '../../organisation/index.ts';
import { assertConfirmTokenUsable, createRegistrantAccount } from '../commands/create-registrant-account.ts';
import { keepUploads } from '../commands/keep-uploads.ts';
import { requestEmailConfirmation } from '../commands/request-email-confirmation.ts';
import { requestRole } from '../commands/request-role.ts';
import { resumeRegistration } from '../commands/resume-registration.ts';
import { saveDraft } from '../commands/save-draft.ts';
import { submitRegistration } from '../commands/submit-registration.ts';
import { missingForSubmit } from '../completeness.ts';
import { isEligibleToBid, witaDay } from '../eligibility.ts';
import { blankFormPdf, receiptPdf } from '../pdf.ts';
import {
  endRegistrantSession,
  type Registrant,
  registrantAudit,
  registrantOrResume,
  requireRegistrant,
  setRegistrantCookie,
} from '../registrant.ts';
import { documentMeta, OfficialDraftSchema, VendorDraftSchema } from '../registration.forms.ts';
import {
  activeBlacklist,
  allDocumentVersions,
  currentDocuments,
  eventsOf,
  findRegistration,
  findRegistrationOfUser,
  findVendorByRegistration,
} from '../registration.repository.ts';
import { OFFICIAL_ROLES, requirementsFor } from '../requirements.ts';
import { PublicBlacklistView } from '../views/blacklist.views.tsx';
import {
  AccountView,
  type DocView,
  DraftView,
  MessageView,
  RegistrantStatusView,
  ResumeView,
  RoleRequestView,
  StartView,
} from '../views/registrant.views.tsx';
import { VendorProfileView } from '../views/vendor-profile.view.tsx';

const StartSchema = z.object({
  kind: z.enum(['penyedia', 'non-penyedia'], { error: 'reg.validation.kind' }),
  email: emailField(),
});
const AccountSchema = withPasswordConfirmation({
  token: z.string().min(1),
  jenis: z.enum(['penyedia', 'non-penyedia']).default('penyedia'),
  name: requiredText(),
  username: usernameField(),
});
const ResumeSchema = z.object({ username: requiredText(100), password: z.string().min(1, 'validation.required') });
const RoleRequestSchema = z.object({
  agencyId: uuidField('validation.agency'),
  requestedRole: z.enum(OFFICIAL_ROLES, { error: 'validation.role' }),
  nip: nipField(),
  position: requiredText(100),
  surat_tugas_number: requiredText(100),
  surat_tugas_date: dateField(),
});

type Q = { Querystring: Record<string, string | undefined> };

/** The form's values: what was just typed when redisplaying, otherwise what the draft holds. */
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

async function renderDraft(req: FastifyRequest, reply: FastifyReply, r: Registrant, state?: FormState, status = 200) {
  const { values, docs } = await draftValues(req, r);
  const agencies = r.registration.kind === 'official' ? await listAgencies(req.ctx.db) : [];
  return sendHtml(
    reply,
    DraftView({
      p: pageCtx(req, reply),
      state: state ?? { values, errors: {} },
      reg: r.registration,
      docs,
      agencies,
    }),
    status,
  );
}

/** Public registration (R30–R32), the registrant's draft, the receipt and the downloadable forms (R34). */
export async function registrantPages(app: FastifyInstance) {
  app.get('/daftar', { config: PUBLIC }, async (req, reply) => sendHtml(reply, StartView({ p: pageCtx(req, reply) })));

  app.post('/daftar', { config: { ...PUBLIC, rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (req, reply) =>
    handleForm(req, reply, {
      schema: StartSchema,
      render: (p, state) => StartView({ p, state }),
      run: async (data) => {
        await requestEmailConfirmation(req.ctx, data);
        return '/daftar/terkirim';
      },
    }),
  );

  app.get('/daftar/terkirim', { config: PUBLIC }, async (req, reply) =>
    sendHtml(
      reply,
      MessageView({ p: pageCtx(req, reply), title: req.ctx.t('reg.sent.title'), body: req.ctx.t('reg.sent.body') }),
    ),
  );

  app.get<Q>('/daftar/konfirmasi', { config: PUBLIC }, async (req, reply) => {
    const token = req.query.token ?? '';
    await assertConfirmTokenUsable(req.ctx, token);
    return sendHtml(reply, AccountView({ p: pageCtx(req, reply), token, kind: req.query.jenis ?? 'penyedia' }));
  });

  app.post(
    '/daftar/konfirmasi',
    { config: { ...PUBLIC, rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, string>;
      return handleForm(req, reply, {
        schema: AccountSchema,
        render: (p, state) => AccountView({ p, state, token: body.token ?? '', kind: body.jenis ?? 'penyedia' }),
        errorField: (err) => (err.code === 'USERNAME_TAKEN' ? 'username' : '_form'),
        run: async (data) => {
          const { sessionToken } = await createRegistrantAccount(req.ctx, {
            token: data.token,
            kind: data.jenis === 'non-penyedia' ? 'official' : 'vendor',
            username: data.username,
            name: data.name,
            password: data.password,
          });
          setRegistrantCookie(req, reply, sessionToken);
          return withFlash('/daftar/formulir', req.ctx.t('reg.account.created'));
        },
      });
    },
  );

  app.get('/daftar/lanjut', { config: PUBLIC }, async (req, reply) =>
    sendHtml(reply, ResumeView({ p: pageCtx(req, reply) })),
  );
  app.post(
    '/daftar/lanjut',
    { config: { ...PUBLIC, rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) =>
      handleForm(req, reply, {
        schema: ResumeSchema,
        render: (p, state) => ResumeView({ p, state }),
        errorField: (err) => {
          reply.header('x-error-code', err.code);
          return 'username';
        },
        run: async (data) => {
          setRegistrantCookie(req, reply, await resumeRegistration(req.ctx, { ...data, ip: req.ip }));
          return '/daftar/formulir';
        },
      }),
  );

  app.get('/daftar/formulir', { config: PUBLIC }, async (req, reply) => {
    const r = await registrantOrResume(req, reply);
    if (!r) return reply;
    if (r.registration.status !== 'draft' && r.registration.status !== 'revision') {
      return redirectSeeOther(reply, '/daftar/status');
    }
    return renderDraft(req, reply, r);
  });

  app.post('/daftar/formulir', { config: PUBLIC }, async (req, reply) => {
    const r = await requireRegistrant(req);
    if (r.registration.status === 'submitted') return redirectSeeOther(reply, '/daftar/status');
    const classes = Object.fromEntries(requirementsFor(r.registration.kind).map((q) => [`doc_${q.code}`, q.docClass]));
    const form = await readMultipartForm(req, classes);
    const schema = r.registration.kind === 'vendor' ? VendorDraftSchema : OfficialDraftSchema;
    const parsed = parseForm(schema, form.fields, req.ctx.t);
    const state: FormState = parsed.ok ? { values: { ...form.fields }, errors: {} } : parsed.state;
    let status = parsed.ok ? 200 : 400;
    for (const [field, err] of Object.entries(form.fileErrors)) {
      state.errors[field] = req.ctx.t(err.messageKey, err.params);
      status = err.status;
    }
    const files = Object.fromEntries(Object.entries(form.files).map(([k, v]) => [k.replace(/^doc_/, ''), v]));
    if (!parsed.ok || Object.keys(state.errors).length > 0) {
      // Nothing is lost: what was typed is shown again, and the files that were accepted are already kept.
      await keepUploads(req.ctx, r, files);
      return renderDraft(req, reply, r, state, status);
    }
    try {
      await saveDraft(
        req.ctx,
        r,
        r.registration.kind === 'vendor'
          ? { kind: 'vendor', data: parsed.data as z.infer<typeof VendorDraftSchema>, files }
          : { kind: 'official', data: parsed.data as z.infer<typeof OfficialDraftSchema>, files },
      );
      if (form.fields.aksi !== 'kirim') {
        return redirectSeeOther(reply, withFlash('/daftar/formulir', req.ctx.t('reg.draft.saved')));
      }
      const { alreadySubmitted } = await submitRegistration(req.ctx, r);
      return redirectSeeOther(
        reply,
        withFlash('/daftar/status', req.ctx.t(alreadySubmitted ? 'reg.submit.already' : 'reg.submit.done')),
      );
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.status === 401 || err.status === 403) throw err;
      if (err.code === 'REG_NOT_EDITABLE') {
        // A second click that lost the race: the first one already submitted, so this one shows the same receipt.
        const now = await findRegistration(req.ctx.db, r.registration.id);
        if (now?.status === 'submitted') {
          return redirectSeeOther(reply, withFlash('/daftar/status', req.ctx.t('reg.submit.already')));
        }
      }
      if (err.code === 'REG_INCOMPLETE') {
        // Show each missing item beside its field; the draft itself was saved, so read it back.
        const reg = (await findRegistration(req.ctx.db, r.registration.id)) ?? r.registration;
        r.registration = reg;
        const docs = (await currentDocuments(req.ctx.db, reg.id)).map((d) => d.row);
        const missing = missingForSubmit(reg, await findVendorByRegistration(req.ctx.db, reg.id), docs);
        const errors = Object.fromEntries(Object.entries(missing).map(([f, k]) => [f, req.ctx.t(k)]));
        const { values } = await draftValues(req, r);
        return renderDraft(
          req,
          reply,
          r,
          { values, errors: { _form: req.ctx.t('reg.incompleteIntro'), ...errors } },
          400,
        );
      }
      const field = err.code === 'NPWP_TAKEN' ? 'npwp' : '_form';
      state.errors[field] = req.ctx.t(err.messageKey, err.params);
      return renderDraft(req, reply, r, state, err.status);
    }
  });

  app.post('/daftar/keluar', { config: PUBLIC }, async (req, reply) => {
    await endRegistrantSession(req, reply);
    return redirectSeeOther(reply, withFlash('/daftar/lanjut', req.ctx.t('reg.signedOut')));
  });

  app.get('/daftar/status', { config: PUBLIC }, async (req, reply) => {
    const r = await registrantOrResume(req, reply);
    if (!r) return reply;
    return sendHtml(reply, RegistrantStatusView({ p: pageCtx(req, reply), reg: r.registration }));
  });

  app.get('/daftar/tanda-terima.pdf', { config: PUBLIC }, async (req, reply) => {
    const r = await registrantOrResume(req, reply);
    if (!r) return reply;
    if (r.registration.status === 'draft') throw notFound();
    const vendor = (await findVendorByRegistration(req.ctx.db, r.registration.id)) ?? null;
    const pdf = await receiptPdf(
      { t: req.ctx.t, locale: req.ctx.locale, lpseName: req.ctx.config.lpseName },
      { reg: r.registration, vendor, submittedAt: r.registration.submittedAt },
    );
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="tanda-terima-${r.registration.number}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  // The registrant's own documents while the User ID is still pending; every read is audited like /berkas.
  app.get<{ Params: { id: string } }>('/daftar/berkas/:id', { config: PUBLIC }, async (req, reply) => {
    const r = await registrantOrResume(req, reply);
    if (!r) return reply;
    const doc = await getDocument(req.ctx.db, req.params.id);
    if (!doc) throw notFound();
    const mine = (await allDocumentVersions(req.ctx.db, r.registration.id)).some((d) => d.doc.id === doc.id);
    await req.ctx.db.transaction((tx) =>
      recordAudit(tx, registrantAudit(req.ctx, r), {
        action: mine ? 'document.read' : 'document.read_denied',
        objectType: 'document',
        objectId: doc.id,
        summary: { docClass: doc.docClass, sha256: doc.sha256, via: 'registration' },
      }),
    );
    if (!mine) throw new AppError('FORBIDDEN', 403, 'error.forbidden');
    const body = await openDocumentForRead(req.ctx.db, req.ctx.files, doc, registrantAudit(req.ctx, r), 'registration');
    return reply
      .header('content-type', doc.mime)
      .header('content-length', String(doc.size))
      .header('content-disposition', `inline; filename="${doc.originalName.replace(/[^\w.-]+/g, '_')}"`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  });

  // R34: the forms can be downloaded from the portal by anyone.
  app.get<{ Params: { form: string } }>('/formulir/:form', { config: PUBLIC }, async (req, reply) => {
    const form = req.params.form.replace(/\.pdf$/, '');
    if (form !== 'pendaftaran' && form !== 'keikutsertaan') throw notFound();
    const pdf = await blankFormPdf({ t: req.ctx.t, locale: req.ctx.locale, lpseName: req.ctx.config.lpseName }, form);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="formulir-${form}.pdf"`)
      .header('cache-control', 'public, max-age=3600')
      .send(pdf);
  });

  // The verified vendor's own data, documents and eligibility (R35, R36).
  app.get('/penyedia/profil', { config: allow('vendor-profile:read') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'vendor-profile:read');
    const reg = await findRegistrationOfUser(req.ctx.db, req.ctx.actor.userId);
    const vendor = reg ? await findVendorByRegistration(req.ctx.db, reg.id) : undefined;
    if (!reg || !vendor) throw notFound();
    return sendHtml(
      reply,
      VendorProfileView({
        p: pageCtx(req, reply),
        reg,
        vendor,
        eligibility: await isEligibleToBid(req.ctx.db, vendor.id, req.ctx.clock.now()),
        versions: await allDocumentVersions(req.ctx.db, reg.id),
        events: await eventsOf(req.ctx.db, reg.id),
      }),
    );
  });

  // The public Daftar Hitam (R35).
  app.get('/daftar-hitam', { config: PUBLIC }, async (req, reply) => {
    const entries = await activeBlacklist(req.ctx.db, witaDay(req.ctx.clock.now()));
    return sendHtml(reply, PublicBlacklistView({ p: pageCtx(req, reply), entries }));
  });

  // An official with a User ID asks for a role (R32).
  app.get('/akun/permohonan-peran', { config: SIGNED_IN }, async (req, reply) => {
    if (!req.ctx.actor) throw unauthenticated();
    return sendHtml(reply, RoleRequestView({ p: pageCtx(req, reply), agencies: await listAgencies(req.ctx.db) }));
  });
  app.post('/akun/permohonan-peran', { config: SIGNED_IN }, async (req, reply) => {
    if (!req.ctx.actor) throw unauthenticated();
    const form = await readMultipartForm(req, { doc_surat_tugas: 'surat_tugas' });
    const parsed = parseForm(RoleRequestSchema, form.fields, req.ctx.t);
    const state: FormState = parsed.ok ? { values: form.fields, errors: {} } : parsed.state;
    const fileError = form.fileErrors.doc_surat_tugas;
    if (fileError) state.errors.doc_surat_tugas = req.ctx.t(fileError.messageKey, fileError.params);
    else if (!form.files.doc_surat_tugas) state.errors.doc_surat_tugas = req.ctx.t('validation.file');
    const agencies = await listAgencies(req.ctx.db);
    const letter = form.files.doc_surat_tugas;
    if (!parsed.ok || !letter || Object.keys(state.errors).length > 0) {
      return sendHtml(reply, RoleRequestView({ p: pageCtx(req, reply), agencies, state }), fileError?.status ?? 400);
    }
    try {
      const reg = await requestRole(req.ctx, {
        agencyId: parsed.data.agencyId,
        role: parsed.data.requestedRole,
        nip: parsed.data.nip,
        position: parsed.data.position,
        letter,
        letterMeta: documentMeta(parsed.data, 'surat_tugas'),
      });
      return redirectSeeOther(reply, withFlash('/dasbor', req.ctx.t('reg.roleRequest.sent', { number: reg.number })));
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500 || err.status === 401 || err.status === 403) throw err;
      state.errors[err.code === 'SEPARATION_OF_DUTIES' ? 'requestedRole' : '_form'] = req.ctx.t(
        err.messageKey,
        err.params,
      );
      return sendHtml(reply, RoleRequestView({ p: pageCtx(req, reply), agencies, state }), err.status);
    }
  });
}
