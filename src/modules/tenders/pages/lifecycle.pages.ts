import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assertCan, canForAgency } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { AppError, isUuid, notFound } from '../../../platform/errors.ts';
import { allow } from '../../../platform/http/access.ts';
import { dateField, requiredText } from '../../../platform/http/fields.ts';
import type { FormState } from '../../../platform/http/forms.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { type PageCtx, pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { beritaAcaraPenjelasanPdf } from '../berita-acara.pdf.ts';
import { publishAddendum } from '../commands/addenda.ts';
import { cancelTender } from '../commands/cancel.ts';
import { uploadDokumenPemilihan } from '../commands/documents.ts';
import { extendUploadStage } from '../commands/extend-upload.ts';
import { declareFailed } from '../commands/failure.ts';
import { inviteVendor } from '../commands/invitations.ts';
import { extendForOutage } from '../commands/outage-extension.ts';
import { recordOutage } from '../commands/outages.ts';
import { repeatTender } from '../commands/repeat.ts';
import { reasonsFor } from '../failure-reasons.ts';
import { beritaAcaraParties, listIncidents, repeatLinks } from '../lifecycle.repository.ts';
import { FAILURE_REASONS } from '../methods/bundle.ts';
import { bundleOf } from '../methods/index.ts';
import { isParticipant, listQuestions, vendorOfUser } from '../participation.repository.ts';
import { loadSchedule, type TenderRow } from '../tenders.repository.ts';
import { tenders } from '../tenders.schema.ts';
import { OutagesView, PaTenderView } from '../views/lifecycle.views.tsx';
import { witaAt } from '../working-days.ts';
import { clarificationEnded, pokjaTender, renderPokjaPage } from './pokja-page.ts';

/** A `datetime-local` value read as WITA (the LPSE's time zone), as every time the pages show. */
const witaDateTime = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'tenders.validation.dateTime')
    .transform((v) => witaAt(v.slice(0, 10), v.slice(11, 16)))
    .refine((d) => !Number.isNaN(d.getTime()), 'tenders.validation.dateTime');

// Field names are unique across the Pokja page's forms (each becomes an element id).
const FailSchema = z.object({
  failReason: z.enum(FAILURE_REASONS, { error: 'validation.required' }),
  failNote: requiredText(2000),
});
const CancelSchema = z.object({ cancelNote: requiredText(2000) });
const InviteSchema = z.object({ vendorId: z.uuid({ error: 'validation.required' }) });
const RepeatSchema = z.object({ repeatReason: requiredText(2000), repeatStart: dateField() });
const ExtendSchema = z.object({ end: witaDateTime(), extendReason: requiredText(1000) });
const AddendumSchema = z.object({ addendumReason: requiredText(2000) });
const OutageSchema = z.object({ start: witaDateTime(), end: witaDateTime(), what: requiredText(1000) });

const pdfReply = (reply: FastifyReply, pdf: Buffer, name: string) =>
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${name}"`)
    .header('cache-control', 'private, no-store')
    .send(pdf);

/** Routes of the tender's life after the publication (issue 9 items 3, 6, 7, 8, 9); thin: one command each. */
export async function lifecyclePages(app: FastifyInstance) {
  const PUBLISH = { config: allow('tenders:publish') };
  const SCHEDULE = { config: allow('tenders:schedule') };
  type IdParams = { Params: { id: string } };

  /** A Pokja form on the tender's page: re-rendered there with this form's errors. */
  const pokjaForm = <S extends z.ZodType>(
    req: FastifyRequest<IdParams>,
    reply: FastifyReply,
    form: string,
    schema: S,
    run: (data: z.infer<S>) => Promise<string>,
  ) =>
    handleForm(req, reply, {
      schema,
      render: (p, state) => renderPokjaPage(req, p, req.params.id, { slot: { form, state } }),
      run,
    });

  const pokjaId = async (req: FastifyRequest<IdParams>) => {
    await pokjaTender(req, req.params.id);
    return req.params.id;
  };

  app.post<IdParams>('/kelola/tender/:id/dokumen', PUBLISH, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:publish');
    const id = await pokjaId(req);
    return handleForm(req, reply, {
      schema: z.object({}),
      files: { berkas: 'dokumen_pemilihan' } as Record<'berkas', 'dokumen_pemilihan'>,
      requiredFiles: ['berkas'],
      render: (p, state) => renderPokjaPage(req, p, id, { slot: { form: 'dokumen', state } }),
      run: async (_data, files) => {
        const n = await uploadDokumenPemilihan(req.ctx, id, files.berkas!);
        return `${withFlash(`/kelola/tender/${id}`, req.ctx.t('tenders.docs.uploaded', { n }))}#dokumen`;
      },
    });
  });

  app.post<IdParams>('/kelola/tender/:id/adendum', PUBLISH, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:publish');
    const id = await pokjaId(req);
    return handleForm(req, reply, {
      schema: AddendumSchema,
      files: { addendumFile: 'dokumen_pemilihan' } as Record<'addendumFile', 'dokumen_pemilihan'>,
      requiredFiles: ['addendumFile'],
      render: (p, state) => renderPokjaPage(req, p, id, { slot: { form: 'adendum', state } }),
      run: async (data, files) => {
        const n = await publishAddendum(req.ctx, id, { reason: data.addendumReason, files: [files.addendumFile!] });
        return `${withFlash(`/kelola/tender/${id}`, req.ctx.t('tenders.addendum.published', { n }))}#adendum`;
      },
    });
  });

  app.post<IdParams>('/kelola/tender/:id/perpanjang', SCHEDULE, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:schedule');
    const id = await pokjaId(req);
    return pokjaForm(req, reply, 'perpanjang', ExtendSchema, async (data) => {
      await extendUploadStage(req.ctx, id, data.end, data.extendReason);
      return `${withFlash(`/kelola/tender/${id}`, req.ctx.t('tenders.extend.done'))}#perpanjang`;
    });
  });

  app.post<{ Params: { id: string; incident: string } }>(
    '/kelola/tender/:id/gangguan/:incident',
    SCHEDULE,
    async (req, reply) => {
      assertCan(req.ctx.actor, 'tenders:schedule');
      if (!isUuid(req.params.id) || !isUuid(req.params.incident)) throw notFound('tenders.error.notFound');
      const minutes = await extendForOutage(req.ctx, req.params.id, req.params.incident);
      const msg = req.ctx.t('tenders.outage.extended', { minutes });
      return reply.redirect(`${withFlash(`/kelola/tender/${req.params.id}`, msg)}#gangguan`, 303);
    },
  );

  app.post<IdParams>('/kelola/tender/:id/gagal', PUBLISH, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:publish');
    const id = await pokjaId(req);
    return pokjaForm(req, reply, 'gagal', FailSchema, async (data) => {
      await declareFailed(req.ctx, id, 'POKJA', { reason: data.failReason, note: data.failNote });
      return withFlash(`/kelola/tender/${id}`, req.ctx.t('tenders.closing.failedDone'));
    });
  });

  // Pengadaan Langsung / Penunjukan Langsung: the official invites the one chosen vendor (only it may then join).
  app.post<IdParams>('/kelola/tender/:id/undang', PUBLISH, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:publish');
    const id = await pokjaId(req);
    return pokjaForm(req, reply, 'undang', InviteSchema, async (data) => {
      const name = await inviteVendor(req.ctx, id, data.vendorId);
      return `${withFlash(`/kelola/tender/${id}`, req.ctx.t('tenders.invite.done', { name }))}#undangan`;
    });
  });

  app.post<IdParams>('/kelola/tender/:id/batal', PUBLISH, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:publish');
    const id = await pokjaId(req);
    return pokjaForm(req, reply, 'batal', CancelSchema, async (data) => {
      await cancelTender(req.ctx, id, 'POKJA', data.cancelNote);
      return withFlash(`/kelola/tender/${id}`, req.ctx.t('tenders.closing.cancelledDone'));
    });
  });

  app.post<IdParams>('/kelola/tender/:id/ulang', PUBLISH, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:publish');
    const id = await pokjaId(req);
    return pokjaForm(req, reply, 'ulang', RepeatSchema, async (data) => {
      const next = await repeatTender(req.ctx, id, { reason: data.repeatReason, startDate: data.repeatStart });
      return withFlash(`/kelola/tender/${next}`, req.ctx.t('tenders.repeat.done'));
    });
  });

  // Item 6: the Berita Acara Pemberian Penjelasan, for the tender's Pokja and its participants, once the stage ended.
  const beritaAcara = async (req: FastifyRequest, t: TenderRow) => {
    const now = req.ctx.clock.now();
    const c = clarificationEnded(t, await loadSchedule(req.ctx.db, t.id), now);
    if (!c) throw notFound('tenders.error.notFound');
    if (!c.ended) {
      throw new AppError('TENDER_BA_NOT_YET', 409, 'tenders.ba.notYet', {
        stage: c.name,
        at: formatDateTime(c.row.end, req.ctx.locale),
      });
    }
    const parties = await beritaAcaraParties(req.ctx.db, t);
    return beritaAcaraPenjelasanPdf({
      t: req.ctx.t,
      locale: req.ctx.locale,
      lpseName: req.ctx.config.lpseName,
      kode: t.kode!,
      nama: t.nama,
      agencyName: parties.agencyName,
      stageName: c.name,
      start: c.row.start,
      end: c.row.end,
      questions: await listQuestions(req.ctx.db, t.id),
      members: parties.members,
      generatedAt: now,
    });
  };

  app.get<IdParams>(
    '/kelola/tender/:id/berita-acara-penjelasan.pdf',
    { config: allow('tenders:clarify') },
    async (req, reply) => {
      assertCan(req.ctx.actor, 'tenders:clarify');
      const { t } = await pokjaTender(req, req.params.id);
      if (!t.announcedAt) throw notFound('tenders.error.notFound');
      return pdfReply(reply, await beritaAcara(req, t), `ba-penjelasan-${t.kode}.pdf`);
    },
  );

  /** An announced tender by its kode (a draft is not found). */
  const byKode = async (req: FastifyRequest, kode: string) => {
    if (!/^\d{1,20}$/.test(kode)) throw notFound('tenders.error.notFound');
    const [t] = await req.ctx.db.select().from(tenders).where(eq(tenders.kode, kode));
    if (!t?.announcedAt) throw notFound('tenders.error.notFound');
    return t;
  };

  app.get<{ Params: { kode: string } }>(
    '/tender/:kode/penjelasan/berita-acara.pdf',
    { config: allow('tenders:participate') },
    async (req, reply) => {
      assertCan(req.ctx.actor, 'tenders:participate');
      const t = await byKode(req, req.params.kode);
      const vendor = await vendorOfUser(req.ctx.db, req.ctx.actor!.userId);
      if (!vendor || !(await isParticipant(req.ctx.db, t.id, vendor.id)))
        enforce({ allowed: false, code: 'TENDER_NOT_PARTICIPANT', reason: 'tenders.refused.notParticipant' });
      return pdfReply(reply, await beritaAcara(req, t), `ba-penjelasan-${t.kode}.pdf`);
    },
  );

  // Item 8: the PA/KPA of the package's agency — gagal for KKN of the Pokja/PPK (huruf i), or batal.
  const PA = { config: allow('tenders:declare_failure') };
  type KodeParams = { Params: { kode: string } };
  const paTender = async (req: FastifyRequest<KodeParams>) => {
    const t = await byKode(req, req.params.kode);
    if (!canForAgency(req.ctx.actor, 'tenders:declare_failure', t.agencyId)) throw notFound('tenders.error.notFound');
    return t;
  };
  const paView = async (
    req: FastifyRequest<KodeParams>,
    p: PageCtx,
    t: TenderRow,
    slot?: { form: string; state: FormState },
  ) =>
    PaTenderView({
      p,
      t: { kode: t.kode!, nama: t.nama, status: t.status },
      reasons: reasonsFor(bundleOf(t.bundleId, t.bundleVersion)!, 'PA_KPA'),
      closing: { ...t, ...(await repeatLinks(req.ctx.db, t)) },
      slot,
    });

  app.get<KodeParams>('/tender/:kode/pa', PA, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:declare_failure');
    const t = await paTender(req);
    return sendHtml(reply, await paView(req, pageCtx(req, reply), t));
  });

  app.post<KodeParams>('/tender/:kode/pa/gagal', PA, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:declare_failure');
    const t = await paTender(req);
    return handleForm(req, reply, {
      schema: FailSchema,
      render: (p, state) => paView(req, p, t, { form: 'gagal', state }),
      run: async (data) => {
        await declareFailed(req.ctx, t.id, 'PA_KPA', { reason: data.failReason, note: data.failNote });
        return withFlash(`/tender/${t.kode}`, req.ctx.t('tenders.closing.failedDone'));
      },
    });
  });

  app.post<KodeParams>('/tender/:kode/pa/batal', PA, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:declare_failure');
    const t = await paTender(req);
    return handleForm(req, reply, {
      schema: CancelSchema,
      render: (p, state) => paView(req, p, t, { form: 'batal', state }),
      run: async (data) => {
        await cancelTender(req.ctx, t.id, 'PA_KPA', data.cancelNote);
        return withFlash(`/tender/${t.kode}`, req.ctx.t('tenders.closing.cancelledDone'));
      },
    });
  });

  // Item 9: LPSE staff record a disruption.
  const OUTAGES = { config: allow('outages:record') };
  app.get('/admin/gangguan', OUTAGES, async (req, reply) => {
    assertCan(req.ctx.actor, 'outages:record');
    return sendHtml(reply, OutagesView({ p: pageCtx(req, reply), rows: await listIncidents(req.ctx.db) }));
  });

  app.post('/admin/gangguan', OUTAGES, async (req, reply) => {
    assertCan(req.ctx.actor, 'outages:record');
    return handleForm(req, reply, {
      schema: OutageSchema,
      render: async (p, state) => OutagesView({ p, rows: await listIncidents(req.ctx.db), state }),
      run: async (data) => {
        await recordOutage(req.ctx, data);
        return withFlash('/admin/gangguan', req.ctx.t('tenders.outage.recorded'));
      },
    });
  });
}
