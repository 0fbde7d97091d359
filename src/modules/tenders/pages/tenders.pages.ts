import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import { isUuid, notFound } from '../../../platform/errors.ts';
import { allow } from '../../../platform/http/access.ts';
import { dateField, optionalText, requiredText } from '../../../platform/http/fields.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { PUBLIC_CACHED } from '../../../platform/http/page-cache.ts';
import { pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { listAgencies } from '../../organisation/index.ts';
import { agencies } from '../../organisation/organisation.schema.ts';
import { qualificationFor } from '../../sikap/index.ts';
import { draftTenderOf } from '../../sulap/index.ts';
import { sulapDraftTenders, sulapMembers, sulapPackages } from '../../sulap/sulap.schema.ts';
import {
  answerQuestion,
  askQuestion,
  clarificationStage,
  joinTender,
  PAKTA_INTEGRITAS,
} from '../commands/participation.ts';
import { approvePublication, bundlesFor, createPublication } from '../commands/publication.ts';
import { readTenderFilters, stageOptions } from '../filters.ts';
import { bundleOf, currentBundles } from '../methods/index.ts';
import { asSeenByVendor, isParticipant, listQuestions, vendorOfUser } from '../participation.repository.ts';
import {
  listPublicTenders,
  publicTenderByKode,
  publicTenderYears,
  stageNames,
  upcomingStage,
} from '../public.repository.ts';
import { cachedTenders } from '../public-cache.ts';
import { structuredSyarat, structuredSyaratShape } from '../syarat-structured.ts';
import { canPublish } from '../tenders.policy.ts';
import { loadSchedule } from '../tenders.repository.ts';
import { JENIS_KONTRAK, KUALIFIKASI_USAHA, tenderMembers, tenders } from '../tenders.schema.ts';
import { PokjaTendersView, PublicationFormView } from '../views/manage.views.tsx';
import { JoinView, QuestionsView } from '../views/participation.views.tsx';
import { TenderDetailView, TenderListView } from '../views/public.views.tsx';
import { namesOf, pokjaTender, renderPokjaPage } from './pokja-page.ts';

const lines = (v: string | null | undefined) =>
  (v ?? '')
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

const PublicationSchema = z.object({
  bundleId: requiredText(80),
  kualifikasiUsaha: z.enum(KUALIFIKASI_USAHA, { error: 'validation.required' }),
  jenisKontrak: z.enum(JENIS_KONTRAK, { error: 'validation.required' }),
  lokasi: requiredText(2000),
  izinUsaha: requiredText(300),
  kbli: z
    .string()
    .trim()
    .max(200, 'validation.tooLong')
    .regex(/^(\d{5}(\s*,\s*\d{5})*)?$/, 'tenders.validation.kbli')
    .optional(),
  pengalaman: optionalText(1000),
  tenagaAhli: optionalText(2000),
  peralatan: optionalText(2000),
  startDate: dateField(),
  ...structuredSyaratShape,
});

export async function tendersPages(app: FastifyInstance) {
  // R02: announced tenders on the public portal, no sign-in.
  app.get('/tender', { config: PUBLIC_CACHED }, async (req, reply) => {
    const { filters, values, page, badHps } = readTenderFilters(req.query);
    const db = req.ctx.db;
    const now = req.ctx.clock.now();
    const [{ rows, total }, years, agencyList] = await Promise.all([
      listPublicTenders(db, filters, page, now),
      cachedTenders('years', now, () => publicTenderYears(db)),
      listAgencies(db),
    ]);
    return sendHtml(
      reply,
      TenderListView({
        p: pageCtx(req, reply),
        values,
        page,
        badHps,
        rows,
        total,
        years,
        agencies: agencyList,
        stages: stageOptions(),
      }),
    );
  });

  app.get<{ Params: { kode: string } }>('/tender/:kode', { config: PUBLIC_CACHED }, async (req, reply) => {
    if (!/^\d{1,20}$/.test(req.params.kode)) throw notFound('tenders.error.notFound');
    const t = await publicTenderByKode(req.ctx.db, req.params.kode);
    if (!t) throw notFound('tenders.error.notFound');
    const now = req.ctx.clock.now();
    return sendHtml(
      reply,
      TenderDetailView({
        p: pageCtx(req, reply),
        t,
        stages: stageNames(t.bundleId, t.bundleVersion, t.schedule, now),
        upcoming: upcomingStage(t.bundleId, t.bundleVersion, t.schedule, now),
        names: namesOf(t.bundleId, t.bundleVersion),
        methodName: bundleOf(t.bundleId, t.bundleVersion)?.name ?? t.bundleId,
      }),
    );
  });

  const PARTICIPATE = { config: allow('tenders:participate') };
  /** An announced tender by its public kode (a draft is not found). */
  const byKode = async (req: FastifyRequest, kode: string) => {
    if (!/^\d{1,20}$/.test(kode)) throw notFound('tenders.error.notFound');
    const [t] = await req.ctx.db.select().from(tenders).where(eq(tenders.kode, kode));
    if (!t?.announcedAt) throw notFound('tenders.error.notFound');
    return t;
  };
  /** SIKaP's check of the tender's requirements on the signed-in vendor's profile, today ("syarat yang belum terpenuhi"). */
  const qualificationOfActor = async (req: FastifyRequest, t: typeof tenders.$inferSelect) => {
    const vendor = await vendorOfUser(req.ctx.db, req.ctx.actor!.userId);
    return vendor ? qualificationFor(req.ctx.db, vendor.id, t, req.ctx.clock.now()) : null;
  };
  const JoinSchema = z.object({ pakta: z.literal('ya', { error: 'tenders.validation.pakta' }) });

  app.get<{ Params: { kode: string } }>('/tender/:kode/ikut', PARTICIPATE, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:participate');
    const t = await byKode(req, req.params.kode);
    const qualification = await qualificationOfActor(req, t);
    return sendHtml(
      reply,
      JoinView({ p: pageCtx(req, reply), kode: t.kode!, nama: t.nama, pakta: PAKTA_INTEGRITAS, qualification }),
    );
  });

  app.post<{ Params: { kode: string } }>('/tender/:kode/ikut', PARTICIPATE, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:participate');
    const t = await byKode(req, req.params.kode);
    const qualification = await qualificationOfActor(req, t);
    return handleForm(req, reply, {
      schema: JoinSchema,
      render: (p, state) => JoinView({ p, kode: t.kode!, nama: t.nama, pakta: PAKTA_INTEGRITAS, qualification, state }),
      run: async () => {
        await joinTender(req.ctx, t.id, true);
        return withFlash(`/tender/${t.kode}/penjelasan`, req.ctx.t('tenders.join.done', { kode: t.kode! }));
      },
    });
  });

  /** The questions as a participant sees them (anonymous ones without the other vendor's name). */
  const participantQuestions = async (req: FastifyRequest, tenderId: string) => {
    const vendor = await vendorOfUser(req.ctx.db, req.ctx.actor!.userId);
    if (!vendor || !(await isParticipant(req.ctx.db, tenderId, vendor.id)))
      enforce({ allowed: false, code: 'TENDER_NOT_PARTICIPANT', reason: 'tenders.refused.notParticipant' });
    return asSeenByVendor(await listQuestions(req.ctx.db, tenderId), vendor!.id);
  };

  /** The Pemberian Penjelasan row of the tender's schedule, with its SPSE name. */
  const clarificationOf = async (req: FastifyRequest, t: { id: string; bundleId: string; bundleVersion: string }) => {
    const s = clarificationStage(t.bundleId, t.bundleVersion);
    const row = (await loadSchedule(req.ctx.db, t.id)).find((r) => r.stage === s?.code);
    return s && row ? { name: s.name, start: row.start, end: row.end } : null;
  };

  app.get<{ Params: { kode: string } }>('/tender/:kode/penjelasan', PARTICIPATE, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:participate');
    const t = await byKode(req, req.params.kode);
    const rows = await participantQuestions(req, t.id);
    const stage = await clarificationOf(req, t);
    return sendHtml(reply, QuestionsView({ p: pageCtx(req, reply), kode: t.kode!, nama: t.nama, rows, stage }));
  });

  const AskSchema = z.object({
    question: requiredText(4000),
    anonymous: z.literal('ya').optional(),
  });

  app.post<{ Params: { kode: string } }>('/tender/:kode/penjelasan', PARTICIPATE, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:participate');
    const t = await byKode(req, req.params.kode);
    const rows = await participantQuestions(req, t.id);
    const stage = await clarificationOf(req, t);
    return handleForm(req, reply, {
      schema: AskSchema,
      render: (p, state) => QuestionsView({ p, kode: t.kode!, nama: t.nama, rows, stage, state }),
      run: async (data) => {
        await askQuestion(req.ctx, t.id, { question: data.question, anonymous: data.anonymous === 'ya' });
        return withFlash(`/tender/${t.kode}/penjelasan`, req.ctx.t('tenders.qa.asked'));
      },
    });
  });

  const AnswerSchema = z.object({ answer: requiredText(4000) });

  app.post<{ Params: { id: string; qid: string } }>(
    '/kelola/tender/:id/pertanyaan/:qid/jawab',
    { config: allow('tenders:clarify') },
    async (req, reply) => {
      assertCan(req.ctx.actor, 'tenders:clarify');
      const { id, qid } = req.params;
      if (!isUuid(id) || !isUuid(qid)) throw notFound('tenders.error.notFound');
      await pokjaTender(req, id);
      return handleForm(req, reply, {
        schema: AnswerSchema,
        render: (p, state) => renderPokjaPage(req, p, id, { answerState: state }),
        run: async (data) => {
          await answerQuestion(req.ctx, id, qid, data.answer);
          return withFlash(`/kelola/tender/${id}`, req.ctx.t('tenders.qa.answered'));
        },
      });
    },
  );

  const PUBLISH = { config: allow('tenders:publish') };

  app.get('/kelola/tender', PUBLISH, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:publish');
    const me = req.ctx.actor!.userId;
    const db = req.ctx.db;
    const ready = await db
      .select({
        packageId: sulapPackages.id,
        namaPaket: sulapPackages.namaPaket,
        agencyName: agencies.name,
        hps: sulapDraftTenders.hps,
      })
      .from(sulapDraftTenders)
      .innerJoin(sulapPackages, eq(sulapPackages.id, sulapDraftTenders.packageId))
      .innerJoin(agencies, eq(agencies.id, sulapPackages.agencyId))
      .innerJoin(sulapMembers, and(eq(sulapMembers.packageId, sulapPackages.id), eq(sulapMembers.userId, me)))
      .leftJoin(tenders, eq(tenders.sulapDraftTenderId, sulapDraftTenders.id))
      .where(isNull(tenders.id))
      .orderBy(desc(sulapDraftTenders.createdAt));
    const mine = await db
      .select({
        id: tenders.id,
        kode: tenders.kode,
        nama: tenders.nama,
        status: tenders.status,
        approvedAt: tenderMembers.approvedAt,
      })
      .from(tenderMembers)
      .innerJoin(tenders, eq(tenders.id, tenderMembers.tenderId))
      .where(eq(tenderMembers.userId, me))
      .orderBy(desc(tenders.createdAt));
    return sendHtml(reply, PokjaTendersView({ p: pageCtx(req, reply), ready, mine }));
  });

  /** The draft (with its HPS) is shown only to the package's own Pokja members; anyone else is told why not. */
  const loadDraft = async (req: FastifyRequest, id: string) => {
    if (!isUuid(id)) throw notFound('tenders.error.draftNotFound');
    const d = await draftTenderOf(req.ctx.db, id);
    if (!d) throw notFound('tenders.error.draftNotFound');
    // The package's assignees: its Pokja, or its Pejabat Pengadaan for a Pengadaan Langsung.
    const memberIds = d.pokja.map((m) => m.userId);
    enforce(canPublish(req.ctx.actor, { ...d, memberIds }, req.ctx.clock.now()));
    return d;
  };

  app.get<{ Params: { packageId: string } }>('/kelola/tender/baru/:packageId', PUBLISH, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:publish');
    const d = await loadDraft(req, req.params.packageId);
    const bundles = bundlesFor(d.metode, d.jenis, currentBundles());
    return sendHtml(
      reply,
      PublicationFormView({ p: pageCtx(req, reply), packageId: req.params.packageId, draft: d, bundles }),
    );
  });

  app.post<{ Params: { packageId: string } }>('/kelola/tender/baru/:packageId', PUBLISH, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:publish');
    const d = await loadDraft(req, req.params.packageId);
    const bundles = bundlesFor(d.metode, d.jenis, currentBundles());
    return handleForm(req, reply, {
      schema: PublicationSchema,
      render: (p, state) => PublicationFormView({ p, packageId: req.params.packageId, draft: d, bundles, state }),
      run: async (data) => {
        const id = await createPublication(req.ctx, req.params.packageId, {
          bundleId: data.bundleId,
          kualifikasiUsaha: data.kualifikasiUsaha,
          jenisKontrak: data.jenisKontrak,
          lokasi: lines(data.lokasi),
          syarat: {
            izinUsaha: data.izinUsaha,
            kbli: (data.kbli ?? '')
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
            pengalaman: data.pengalaman,
            tenagaAhli: lines(data.tenagaAhli),
            peralatan: lines(data.peralatan),
            ...structuredSyarat(data),
          },
          startDate: data.startDate,
        });
        return withFlash(`/kelola/tender/${id}`, req.ctx.t('tenders.publish.requested'));
      },
    });
  });

  app.get<{ Params: { id: string } }>('/kelola/tender/:id', PUBLISH, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:publish');
    return sendHtml(reply, await renderPokjaPage(req, pageCtx(req, reply), req.params.id));
  });

  app.post<{ Params: { id: string } }>('/kelola/tender/:id/setujui', PUBLISH, async (req, reply) => {
    assertCan(req.ctx.actor, 'tenders:publish');
    if (!isUuid(req.params.id)) throw notFound('tenders.error.notFound');
    const out = await approvePublication(req.ctx, req.params.id);
    const msg = out.announced
      ? req.ctx.t('tenders.manage.announced', { kode: out.kode ?? '' })
      : req.ctx.t('tenders.manage.approved');
    return reply.redirect(withFlash(`/kelola/tender/${req.params.id}`, msg), 303);
  });
}
