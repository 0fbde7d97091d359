import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assertCan, canForAgency } from '../../platform/auth/permissions.ts';
import { isUuid, notFound } from '../../platform/errors.ts';
import { allow, PUBLIC } from '../../platform/http/access.ts';
import { optionalText, requiredText } from '../../platform/http/fields.ts';
import type { FormState } from '../../platform/http/forms.ts';
import { handleForm, withFlash } from '../../platform/http/handle-form.ts';
import { type PageCtx, pageCtx, sendHtml } from '../../platform/ui/page.ts';
import { awardRanking } from '../auction/index.ts';
import { CONTRACT_DOCS, type ContractDoc, contractDocHash, contractDocOfTender } from '../contracts/index.ts';
import { vendors } from '../registration/registration.schema.ts';
import { parseRupiah } from '../rup/index.ts';
import { isTenderOfficial, officialOf } from '../tenders/index.ts';
import { awardAuthority } from './award-authority.ts';
import { checklistOf } from './checklists.ts';
import { decideAward, inviteToProof, recordNegotiation, recordProofResult } from './commands/award.ts';
import { answerBanding, bandingDeadline, bandingRule, fileBanding } from './commands/banding.ts';
import { approvalWindow, evaluationOrNotFound, vendorOfUser, witaLocal } from './commands/common.ts';
import { approveEvaluation, recordResult } from './commands/evaluate.ts';
import { answerSanggah, fileSanggah, isAnnounced } from './commands/sanggah.ts';
import { candidateOf, type Evaluation, findTenderByKode } from './evaluation.repository.ts';
import { ASPECTS, type Aspect, SANGGAH_OUTCOMES } from './evaluation.schema.ts';
import { contentHash, OFFICIAL_DOCS, type OfficialDoc, officialContent, officialPdf } from './pdf.ts';
import { awardBlockers, evaluationOutcome } from './readers.ts';
import { jaminanOf } from './sanggah-banding.ts';
import { myEvaluations } from './tasks.ts';
import {
  BandingView,
  ChecklistView,
  ListView,
  ManageView,
  ResultView,
  SanggahView,
  VerifyView,
} from './views/evaluation.views.tsx';
import { answerDeadline, negotiationSpan, resultsSpan, sanggahSpan } from './windows.ts';

const EVALUATE = { config: allow('evaluation:evaluate') };
const DECIDE_HIGH = { config: allow('evaluation:decide_above_threshold') };
const SANGGAH = { config: allow('evaluation:sanggah') };

const ya = z
  .string()
  .optional()
  .transform((v) => v === 'ya');

/** A text field parsed by `parse` (null: invalid, with `message`). */
const parsedField = <T>(parse: (v: string) => T | null, message: string) =>
  z
    .string()
    .trim()
    .refine((v) => parse(v) !== null, { message })
    .transform((v) => parse(v) as T);

const ProofSchema = z.object({
  waktu: parsedField(witaLocal, 'evaluation.validation.datetime'),
  sampai: parsedField(witaLocal, 'evaluation.validation.datetime'),
  isOnline: ya,
  tempat: optionalText(300),
  link: optionalText(500),
  dibawa: requiredText(2000),
});
const ProofResultSchema = z.object({ hadir: ya, lulus: ya, reason: optionalText(2000) });
const NegotiationSchema = z.object({ harga: parsedField(parseRupiah, 'evaluation.validation.rupiah') });
const AnswerSchema = z.object({
  answer: requiredText(8000),
  outcome: z.enum(SANGGAH_OUTCOMES, { error: 'validation.required' }),
});
const SanggahSchema = z.object({ text: requiredText(8000) });
const BandingSchema = z.object({
  sanggahId: z.string().refine(isUuid, { message: 'validation.invalid' }),
  bandingText: requiredText(8000),
  jaminanNomor: requiredText(200),
});
const Empty = z.object({});

export async function evaluationPlugin(app: FastifyInstance) {
  /** The evaluation of a tender this Pokja member works on, or 404 (never reveals other tenders). */
  async function forMember(req: FastifyRequest, id: string): Promise<Evaluation> {
    if (!isUuid(id)) throw notFound('evaluation.error.notFound');
    const e = await evaluationOrNotFound(req.ctx.db, id);
    if (!isTenderOfficial(req.ctx.actor, { ...e.tender, memberIds: e.memberIds, official: officialOf(e.bundle) }))
      throw notFound('evaluation.error.notFound');
    return e;
  }

  async function manageView(req: FastifyRequest, e: Evaluation, mode: 'pokja' | 'pa', p: PageCtx, state?: FormState) {
    const now = req.ctx.clock.now();
    const sSpan = sanggahSpan(e.bundle, e.schedule);
    const outcome = await evaluationOutcome(req.ctx.db, e.tender.id);
    const { auction } = approvalWindow(e, now);
    return ManageView({
      p,
      e,
      mode,
      state,
      evalSpan: resultsSpan(e.bundle, e.schedule),
      sanggahSpan: sSpan,
      answerDeadline: sSpan ? answerDeadline(e.bundle, sSpan) : null,
      authority: awardAuthority(e.tender.jenis, e.tender.pagu),
      candidate: candidateOf(e, await awardRanking(req.ctx.db, e.tender.id, now)),
      blockers: awardBlockers(e, now),
      gagalReason: outcome?.bids && outcome.reason ? outcome.reason : null,
      hasNegotiation: !!negotiationSpan(e.bundle, e.schedule),
      approvalOpensAt: auction && auction.state !== 'closed' && auction.state !== 'absent' ? auction.span.end : null,
    });
  }
  app.get('/kelola/evaluasi', EVALUATE, async (req, reply) => {
    assertCan(req.ctx.actor, 'evaluation:evaluate');
    const rows = await myEvaluations(req.ctx.db, req.ctx.actor.userId);
    return sendHtml(reply, ListView({ p: pageCtx(req, reply), rows }));
  });

  app.get<{ Params: { id: string } }>('/kelola/tender/:id/evaluasi', EVALUATE, async (req, reply) => {
    assertCan(req.ctx.actor, 'evaluation:evaluate');
    const e = await forMember(req, req.params.id);
    return sendHtml(reply, await manageView(req, e, 'pokja', pageCtx(req, reply)));
  });

  /** A POST on the overview page: re-rendered with the error on failure. */
  function overviewForm<S extends z.ZodType>(
    path: string,
    schema: S,
    run: (req: FastifyRequest<{ Params: Record<string, string> }>, e: Evaluation, data: z.infer<S>) => Promise<string>,
  ) {
    app.post<{ Params: Record<string, string> }>(path, EVALUATE, async (req, reply) => {
      assertCan(req.ctx.actor, 'evaluation:evaluate');
      const e = await forMember(req, req.params.id!);
      if (req.params.vendorId !== undefined && !isUuid(req.params.vendorId))
        throw notFound('evaluation.error.bidderNotFound');
      if (req.params.sid !== undefined && !isUuid(req.params.sid)) throw notFound('evaluation.error.sanggahNotFound');
      return handleForm(req, reply, {
        schema,
        render: async (p, state) =>
          manageView(req, await evaluationOrNotFound(req.ctx.db, e.tender.id), 'pokja', p, state),
        run: (data) => run(req, e, data),
      });
    });
  }
  const back = (e: Evaluation) => `/kelola/tender/${e.tender.id}/evaluasi`;

  overviewForm('/kelola/tender/:id/evaluasi/setujui', Empty, async (req, e) => {
    await approveEvaluation(req.ctx, e.tender.id);
    return withFlash(back(e), req.ctx.t('evaluation.approved'));
  });
  overviewForm('/kelola/tender/:id/evaluasi/:vendorId/pembuktian', ProofSchema, async (req, e, d) => {
    await inviteToProof(req.ctx, e.tender.id, {
      vendorId: req.params.vendorId!,
      waktu: d.waktu,
      sampai: d.sampai,
      isOnline: d.isOnline,
      tempat: d.tempat ?? null,
      link: d.link ?? null,
      dibawa: d.dibawa,
    });
    return withFlash(back(e), req.ctx.t('evaluation.proof.invited'));
  });
  overviewForm('/kelola/tender/:id/evaluasi/:vendorId/pembuktian/hasil', ProofResultSchema, async (req, e, d) => {
    await recordProofResult(req.ctx, e.tender.id, {
      vendorId: req.params.vendorId!,
      hadir: d.hadir,
      lulus: d.lulus,
      reason: d.reason ?? null,
    });
    return withFlash(back(e), req.ctx.t('evaluation.proof.recorded'));
  });
  overviewForm('/kelola/tender/:id/evaluasi/:vendorId/negosiasi', NegotiationSchema, async (req, e, d) => {
    await recordNegotiation(req.ctx, e.tender.id, req.params.vendorId!, d.harga);
    return withFlash(back(e), req.ctx.t('evaluation.negotiation.saved'));
  });
  overviewForm('/kelola/tender/:id/evaluasi/penetapan', Empty, async (req, e) => {
    const { vendorId } = await decideAward(req.ctx, e.tender.id);
    const name = e.bidders.find((b) => b.bid.vendorId === vendorId)?.name ?? '';
    return withFlash(back(e), req.ctx.t('evaluation.award.decided', { name }));
  });
  overviewForm('/kelola/tender/:id/sanggah/:sid/jawab', AnswerSchema, async (req, e, d) => {
    await answerSanggah(req.ctx, e.tender.id, req.params.sid!, d);
    return withFlash(back(e), req.ctx.t('evaluation.sanggah.answered'));
  });

  // One aspect of one bidder: the checklist.
  const aspectOf = (a: string): Aspect => {
    if (!(ASPECTS as readonly string[]).includes(a)) throw notFound('evaluation.error.notFound');
    return a as Aspect;
  };
  const bidderOf = (e: Evaluation, vendorId: string) => {
    const b = isUuid(vendorId) ? e.bidders.find((x) => x.bid.vendorId === vendorId) : undefined;
    if (!b) throw notFound('evaluation.error.bidderNotFound');
    return b;
  };
  type AspectParams = { Params: { id: string; vendorId: string; aspect: string } };

  app.get<AspectParams>('/kelola/tender/:id/evaluasi/:vendorId/:aspect', EVALUATE, async (req, reply) => {
    assertCan(req.ctx.actor, 'evaluation:evaluate');
    const e = await forMember(req, req.params.id);
    const aspect = aspectOf(req.params.aspect);
    const bidder = bidderOf(e, req.params.vendorId);
    const items = checklistOf(aspect, e.tender.syaratKualifikasi, e.tender.jenis);
    return sendHtml(reply, ChecklistView({ p: pageCtx(req, reply), e, bidder, aspect, items }));
  });

  app.post<AspectParams>('/kelola/tender/:id/evaluasi/:vendorId/:aspect', EVALUATE, async (req, reply) => {
    assertCan(req.ctx.actor, 'evaluation:evaluate');
    const e = await forMember(req, req.params.id);
    const aspect = aspectOf(req.params.aspect);
    const bidder = bidderOf(e, req.params.vendorId);
    const items = checklistOf(aspect, e.tender.syaratKualifikasi, e.tender.jenis);
    const shape: Record<string, z.ZodType> = { reason: optionalText(2000) };
    for (const c of items) {
      shape[`ok_${c.item}`] = ya;
      shape[`note_${c.item}`] = optionalText(500);
    }
    return handleForm(req, reply, {
      schema: z.object(shape),
      render: (p, state) => ChecklistView({ p, e, bidder, aspect, items, state }),
      run: async (data) => {
        const d = data as Record<string, unknown>;
        await recordResult(req.ctx, e.tender.id, {
          vendorId: bidder.bid.vendorId,
          aspect,
          passed: Object.fromEntries(items.map((c) => [c.item, d[`ok_${c.item}`] === true])),
          notes: Object.fromEntries(items.map((c) => [c.item, String(d[`note_${c.item}`] ?? '')])),
          reason: (d.reason as string | undefined) ?? null,
        });
        return withFlash(back(e), req.ctx.t('evaluation.saved', { aspect: req.ctx.t(`evaluation.aspect.${aspect}`) }));
      },
    });
  });

  // The PA/KPA's decision above the threshold.
  async function forPaKpa(req: FastifyRequest, id: string) {
    if (!isUuid(id)) throw notFound('evaluation.error.notFound');
    const e = await evaluationOrNotFound(req.ctx.db, id);
    if (!canForAgency(req.ctx.actor, 'evaluation:decide_above_threshold', e.tender.agencyId))
      throw notFound('evaluation.error.notFound');
    return e;
  }
  app.get<{ Params: { id: string } }>('/kelola/penetapan/:id', DECIDE_HIGH, async (req, reply) => {
    assertCan(req.ctx.actor, 'evaluation:decide_above_threshold');
    const e = await forPaKpa(req, req.params.id);
    return sendHtml(reply, await manageView(req, e, 'pa', pageCtx(req, reply)));
  });
  app.post<{ Params: { id: string } }>('/kelola/penetapan/:id', DECIDE_HIGH, async (req, reply) => {
    assertCan(req.ctx.actor, 'evaluation:decide_above_threshold');
    const e = await forPaKpa(req, req.params.id);
    return handleForm(req, reply, {
      schema: Empty,
      render: async (p, state) => manageView(req, e, 'pa', p, state),
      run: async () => {
        const { vendorId } = await decideAward(req.ctx, e.tender.id);
        const name = e.bidders.find((b) => b.bid.vendorId === vendorId)?.name ?? '';
        return withFlash(`/kelola/penetapan/${e.tender.id}`, req.ctx.t('evaluation.award.decided', { name }));
      },
    });
  });

  // Public: the result page, once the winner is announced.
  app.get<{ Params: { kode: string } }>('/tender/:kode/hasil', { config: PUBLIC }, async (req, reply) => {
    const t = await findTenderByKode(req.ctx.db, req.params.kode.slice(0, 64));
    if (!t?.announcedAt) throw notFound('evaluation.error.notFound');
    const e = await evaluationOrNotFound(req.ctx.db, t.id);
    const announced = isAnnounced(e, req.ctx.clock.now());
    let winnerAddress: string | null = null;
    if (announced && e.award) {
      const [v] = await req.ctx.db
        .select({ address: vendors.address, city: vendors.city })
        .from(vendors)
        .where(eq(vendors.id, e.award.vendorId));
      winnerAddress = [v?.address, v?.city].filter(Boolean).join(', ') || null;
    }
    return sendHtml(reply, ResultView({ p: pageCtx(req, reply), e, announced, winnerAddress }));
  });

  // Official documents (R12 item 8): PDF with a verification hash, and the public page that checks a hash.
  const sendPdf = async (
    req: FastifyRequest,
    reply: import('fastify').FastifyReply,
    e: Evaluation,
    doc: OfficialDoc,
  ) => {
    const pdf = await officialPdf(e, doc, {
      t: req.ctx.t,
      lpseName: req.ctx.config.lpseName,
      baseUrl: req.ctx.config.baseUrl,
    });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${doc}-${e.tender.kode}.pdf"`)
      .send(pdf);
  };
  app.get<{ Params: { kode: string } }>(
    '/tender/:kode/hasil/pengumuman.pdf',
    { config: PUBLIC },
    async (req, reply) => {
      const t = await findTenderByKode(req.ctx.db, req.params.kode.slice(0, 64));
      if (!t?.announcedAt) throw notFound('evaluation.error.notFound');
      const e = await evaluationOrNotFound(req.ctx.db, t.id);
      if (!isAnnounced(e, req.ctx.clock.now())) throw notFound('evaluation.error.notFound');
      return sendPdf(req, reply, e, 'pengumuman');
    },
  );
  app.get<{ Params: { id: string } }>('/kelola/tender/:id/evaluasi/bahp.pdf', EVALUATE, async (req, reply) => {
    assertCan(req.ctx.actor, 'evaluation:evaluate');
    const e = await forMember(req, req.params.id);
    if (!e.approved && !e.award) throw notFound('evaluation.error.notFound');
    return sendPdf(req, reply, e, 'bahp');
  });
  app.get('/verifikasi-dokumen', { config: PUBLIC }, async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 128) : '');
    const kode = str(q.kode);
    const jenis = str(q.jenis);
    const h = str(q.h).toLowerCase();
    let result: 'valid' | 'invalid' | 'unknown' = 'unknown';
    const t = kode ? await findTenderByKode(req.ctx.db, kode) : undefined;
    if (t?.announcedAt && (OFFICIAL_DOCS as readonly string[]).includes(jenis) && /^[0-9a-f]{64}$/.test(h)) {
      const e = await evaluationOrNotFound(req.ctx.db, t.id);
      result = contentHash(officialContent(e, jenis as OfficialDoc)) === h ? 'valid' : 'invalid';
    }
    if (t?.announcedAt && (CONTRACT_DOCS as readonly string[]).includes(jenis) && /^[0-9a-f]{64}$/.test(h)) {
      const content = await contractDocOfTender(req.ctx.db, t.id, jenis as ContractDoc);
      result = content && contractDocHash(content) === h ? 'valid' : 'invalid';
    }
    return sendHtml(reply, VerifyView({ p: pageCtx(req, reply), kode, jenis, h, result, nama: t?.nama ?? null }));
  });

  // A bidder: pembuktian invitation, sanggah and answers.
  async function forBidder(req: FastifyRequest, kode: string) {
    const t = await findTenderByKode(req.ctx.db, kode.slice(0, 64));
    if (!t?.announcedAt) throw notFound('evaluation.error.notFound');
    const e = await evaluationOrNotFound(req.ctx.db, t.id);
    const vendor = await vendorOfUser(req.ctx.db, req.ctx.actor!.userId);
    const mine = vendor ? e.bidders.find((b) => b.bid.vendorId === vendor.id) : undefined;
    if (!mine) throw notFound('evaluation.error.notFound');
    const span = sanggahSpan(e.bundle, e.schedule);
    const now = req.ctx.clock.now();
    const bandingFor = e.sanggah
      .filter(
        (s) =>
          s.vendorId === mine.bid.vendorId &&
          s.outcome === 'ditolak' &&
          s.answeredAt &&
          !e.banding.some((b) => b.sanggahId === s.id) &&
          now < (bandingDeadline(e, s.answeredAt) ?? now),
      )
      .map((s) => s.id);
    return {
      e,
      mine,
      span,
      deadline: span ? answerDeadline(e.bundle, span) : null,
      bandingFor,
      jaminan: bandingRule(e) && e.tender.hps !== null ? jaminanOf(e.tender.hps) : null,
    };
  }
  app.get<{ Params: { kode: string } }>('/tender/:kode/sanggah', SANGGAH, async (req, reply) => {
    assertCan(req.ctx.actor, 'evaluation:sanggah');
    const v = await forBidder(req, req.params.kode);
    return sendHtml(reply, SanggahView({ p: pageCtx(req, reply), ...v }));
  });
  app.post<{ Params: { kode: string } }>('/tender/:kode/sanggah', SANGGAH, async (req, reply) => {
    assertCan(req.ctx.actor, 'evaluation:sanggah');
    const v = await forBidder(req, req.params.kode);
    return handleForm(req, reply, {
      schema: SanggahSchema,
      files: { berkas: 'lampiran_sanggah' },
      render: (p, state) => SanggahView({ p, ...v, state }),
      run: async (data, files) => {
        await fileSanggah(req.ctx, v.e.tender.id, { text: data.text, file: files.berkas ?? null });
        return withFlash(`/tender/${v.e.tender.kode}/sanggah`, req.ctx.t('evaluation.sanggah.filed'));
      },
    });
  });

  app.post<{ Params: { kode: string } }>('/tender/:kode/sanggah-banding', SANGGAH, async (req, reply) => {
    assertCan(req.ctx.actor, 'evaluation:sanggah');
    const v = await forBidder(req, req.params.kode);
    return handleForm(req, reply, {
      schema: BandingSchema,
      render: (p, state) => SanggahView({ p, ...v, state }),
      run: async (data) => {
        await fileBanding(req.ctx, v.e.tender.id, {
          sanggahId: data.sanggahId,
          text: data.bandingText,
          jaminanNomor: data.jaminanNomor,
        });
        return withFlash(`/tender/${v.e.tender.kode}/sanggah`, req.ctx.t('evaluation.banding.filed'));
      },
    });
  });

  // The PA/KPA answers the appeals of its agency's tenders.
  const BANDING = { config: allow('evaluation:answer_banding') };
  async function forBandingAnswer(req: FastifyRequest, id: string) {
    if (!isUuid(id)) throw notFound('evaluation.error.notFound');
    const e = await evaluationOrNotFound(req.ctx.db, id);
    if (!canForAgency(req.ctx.actor, 'evaluation:answer_banding', e.tender.agencyId))
      throw notFound('evaluation.error.notFound');
    return e;
  }
  app.get<{ Params: { id: string } }>('/kelola/sanggah-banding/:id', BANDING, async (req, reply) => {
    assertCan(req.ctx.actor, 'evaluation:answer_banding');
    const e = await forBandingAnswer(req, req.params.id);
    return sendHtml(reply, BandingView({ p: pageCtx(req, reply), e }));
  });
  app.post<{ Params: { id: string; bid: string } }>(
    '/kelola/sanggah-banding/:id/:bid/jawab',
    BANDING,
    async (req, reply) => {
      assertCan(req.ctx.actor, 'evaluation:answer_banding');
      const e = await forBandingAnswer(req, req.params.id);
      if (!isUuid(req.params.bid)) throw notFound('evaluation.error.sanggahNotFound');
      return handleForm(req, reply, {
        schema: AnswerSchema,
        render: (p, state) => BandingView({ p, e, state }),
        run: async (data) => {
          await answerBanding(req.ctx, e.tender.id, req.params.bid, data);
          return withFlash(`/kelola/sanggah-banding/${e.tender.id}`, req.ctx.t('evaluation.banding.answered'));
        },
      });
    },
  );
}
