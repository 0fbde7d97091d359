import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assertCan } from '../../platform/auth/permissions.ts';
import { isUuid, notFound } from '../../platform/errors.ts';
import { allow, PUBLIC } from '../../platform/http/access.ts';
import { handleForm, withFlash } from '../../platform/http/handle-form.ts';
import { formatRupiah } from '../../platform/i18n/i18n.ts';
import { pageCtx, sendHtml } from '../../platform/ui/page.ts';
import { parseRupiah } from '../rup/index.ts';
import { mySeleksi, tenderBase, vendorOfUser } from './auction.repository.ts';
import { auctionOrNotFound, placeAuctionBid } from './commands/bid.ts';
import {
  approveSeleksi,
  isSeleksiMember,
  recordFile2Price,
  recordScores,
  saveSetup,
  seleksiOrNotFound,
} from './commands/seleksi.ts';
import { bidderView, minDecrement } from './reverse/rules.ts';
import { type Criterion, SELEKSI_METHODS } from './seleksi/scoring.ts';
import {
  AuctionResultView,
  AuctionView,
  PriceView,
  ScoreView,
  SeleksiListView,
  SeleksiManageView,
  SeleksiResultView,
} from './views/auction.views.tsx';
import { auctionSpan, windowState } from './windows.ts';

const SCORE = { config: allow('auction:score') };
const BID = { config: allow('auction:bid') };

const intField = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, { message })
    .transform(Number);

/** "kode;uraian;bobot" per line → criteria (null when a line does not parse). */
export function parseCriteria(text: string): Criterion[] | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const out: Criterion[] = [];
  for (const l of lines) {
    const m = /^([a-z0-9_]{1,40});([^;]{1,200});(\d{1,3})$/i.exec(l);
    if (!m) return null;
    out.push({ code: m[1]!.toLowerCase(), label: m[2]!.trim(), bobot: Number(m[3]) });
  }
  return out.length > 0 ? out : null;
}

const SetupSchema = z.object({
  method: z.enum(SELEKSI_METHODS, { error: 'auction.validation.method' }),
  criteria: z
    .string()
    .max(4000)
    .refine((v) => parseCriteria(v) !== null, { message: 'auction.validation.criteria' })
    .transform((v) => parseCriteria(v)!),
  ambang: intField('auction.validation.ambang'),
  bobotTeknis: intField('auction.validation.bobotTeknis'),
});
const rupiah = z
  .string()
  .trim()
  .refine((v) => parseRupiah(v) !== null, { message: 'auction.validation.rupiah' })
  .transform((v) => parseRupiah(v)!);
const PriceSchema = z.object({ harga: rupiah });
const Empty = z.object({});
const ScoresSchema = z.record(z.string(), z.string().max(200));

export async function auctionPlugin(app: FastifyInstance) {
  async function forMember(req: FastifyRequest, id: string) {
    if (!isUuid(id)) throw notFound('auction.error.notFound');
    const s = await seleksiOrNotFound(req.ctx.db, id);
    if (!isSeleksiMember(req.ctx, s)) throw notFound('auction.error.notFound');
    return s;
  }
  const back = (id: string) => `/kelola/tender/${id}/seleksi`;

  app.get('/kelola/seleksi', SCORE, async (req, reply) => {
    assertCan(req.ctx.actor, 'auction:score');
    const rows = await mySeleksi(req.ctx.db, req.ctx.actor.userId);
    return sendHtml(reply, SeleksiListView({ p: pageCtx(req, reply), rows }));
  });

  app.get<{ Params: { id: string } }>('/kelola/tender/:id/seleksi', SCORE, async (req, reply) => {
    assertCan(req.ctx.actor, 'auction:score');
    const s = await forMember(req, req.params.id);
    return sendHtml(reply, SeleksiManageView({ p: pageCtx(req, reply), s, userId: req.ctx.actor.userId }));
  });

  /** A POST on the seleksi page: shown again with the error on refusal. */
  function pageForm<S extends z.ZodType>(
    path: string,
    schema: S,
    run: (req: FastifyRequest<{ Params: Record<string, string> }>, id: string, data: z.infer<S>) => Promise<string>,
  ) {
    app.post<{ Params: Record<string, string> }>(path, SCORE, async (req, reply) => {
      assertCan(req.ctx.actor, 'auction:score');
      const s = await forMember(req, req.params.id!);
      if (req.params.vendorId !== undefined && !isUuid(req.params.vendorId))
        throw notFound('auction.error.bidderNotFound');
      return handleForm(req, reply, {
        schema,
        render: async (p, state) =>
          SeleksiManageView({
            p,
            s: await seleksiOrNotFound(req.ctx.db, s.tender.id),
            state,
            userId: req.ctx.actor!.userId,
          }),
        run: (data) => run(req, s.tender.id, data),
      });
    });
  }
  pageForm('/kelola/tender/:id/seleksi/kriteria', SetupSchema, async (req, id, d) => {
    await saveSetup(req.ctx, id, d);
    return withFlash(back(id), req.ctx.t('auction.seleksi.setupSaved'));
  });
  pageForm('/kelola/tender/:id/seleksi/setujui', Empty, async (req, id) => {
    await approveSeleksi(req.ctx, id);
    return withFlash(back(id), req.ctx.t('auction.seleksi.approved'));
  });

  type ScoreParams = { Params: { id: string; vendorId: string } };
  const bidderOf = (s: Awaited<ReturnType<typeof forMember>>, vendorId: string) => {
    const b = isUuid(vendorId) ? s.bidders.find((x) => x.vendorId === vendorId) : undefined;
    if (!b) throw notFound('auction.error.bidderNotFound');
    return b;
  };

  // File II price of one bidder: a page of its own (one `harga` field per page), shown again with the refusal.
  app.get<ScoreParams>('/kelola/tender/:id/seleksi/:vendorId/harga', SCORE, async (req, reply) => {
    assertCan(req.ctx.actor, 'auction:score');
    const s = await forMember(req, req.params.id);
    return sendHtml(reply, PriceView({ p: pageCtx(req, reply), s, bidder: bidderOf(s, req.params.vendorId) }));
  });
  app.post<ScoreParams>('/kelola/tender/:id/seleksi/:vendorId/harga', SCORE, async (req, reply) => {
    assertCan(req.ctx.actor, 'auction:score');
    const s = await forMember(req, req.params.id);
    const bidder = bidderOf(s, req.params.vendorId);
    return handleForm(req, reply, {
      schema: PriceSchema,
      render: (p, state) => PriceView({ p, s, bidder, state }),
      run: async (d) => {
        await recordFile2Price(req.ctx, s.tender.id, bidder.vendorId, d.harga);
        return withFlash(back(s.tender.id), req.ctx.t('auction.seleksi.priceRecorded'));
      },
    });
  });
  app.get<ScoreParams>('/kelola/tender/:id/seleksi/:vendorId', SCORE, async (req, reply) => {
    assertCan(req.ctx.actor, 'auction:score');
    const s = await forMember(req, req.params.id);
    const bidder = bidderOf(s, req.params.vendorId);
    const mine = bidder.scores.get(req.ctx.actor.userId);
    return sendHtml(reply, ScoreView({ p: pageCtx(req, reply), s, bidder, mine }));
  });
  app.post<ScoreParams>('/kelola/tender/:id/seleksi/:vendorId', SCORE, async (req, reply) => {
    assertCan(req.ctx.actor, 'auction:score');
    const s = await forMember(req, req.params.id);
    const bidder = bidderOf(s, req.params.vendorId);
    return handleForm(req, reply, {
      schema: ScoresSchema,
      render: (p, state) => ScoreView({ p, s, bidder, state }),
      run: async (data) => {
        const scores: Record<string, number> = {};
        for (const c of s.setup?.criteria ?? []) {
          const v = data[`skor_${c.code}`]?.trim() ?? '';
          scores[c.code] = /^\d{1,3}$/.test(v) ? Number(v) : Number.NaN;
        }
        await recordScores(req.ctx, s.tender.id, bidder.vendorId, scores);
        return withFlash(back(s.tender.id), req.ctx.t('auction.seleksi.scored'));
      },
    });
  });

  app.get<{ Params: { kode: string } }>('/tender/:kode/seleksi', { config: PUBLIC }, async (req, reply) => {
    const base = await tenderBase(req.ctx.db, { kode: req.params.kode });
    if (!base) throw notFound('auction.error.notFound');
    const s = await seleksiOrNotFound(req.ctx.db, base.tender.id);
    return sendHtml(reply, SeleksiResultView({ p: pageCtx(req, reply), s }));
  });

  // Tender Cepat e-reverse auction.
  async function auctionPage(req: FastifyRequest<{ Params: { kode: string } }>) {
    const a = await auctionOrNotFound(req.ctx.db, { kode: req.params.kode });
    const span = auctionSpan(a.bundle, a.schedule);
    const vendor = req.ctx.actor ? await vendorOfUser(req.ctx.db, req.ctx.actor.userId) : undefined;
    const mine = vendor ? bidderView(a.standings, vendor.id) : null;
    return {
      a,
      span,
      state: windowState(span, req.ctx.clock.now()),
      mine,
      decrement: minDecrement(a.tender.hps ?? 0n),
    };
  }
  app.get<{ Params: { kode: string } }>('/tender/:kode/lelang', BID, async (req, reply) => {
    assertCan(req.ctx.actor, 'auction:bid');
    return sendHtml(reply, AuctionView({ p: pageCtx(req, reply), ...(await auctionPage(req)) }));
  });
  app.post<{ Params: { kode: string } }>('/tender/:kode/lelang', BID, async (req, reply) => {
    assertCan(req.ctx.actor, 'auction:bid');
    const view = await auctionPage(req);
    return handleForm(req, reply, {
      schema: PriceSchema,
      render: async (p, form) => AuctionView({ p, ...(await auctionPage(req)), form }),
      run: async (d) => {
        await placeAuctionBid(req.ctx, view.a.tender.kode!, d.harga);
        return withFlash(
          `/tender/${view.a.tender.kode}/lelang`,
          req.ctx.t('auction.lelang.placed', { harga: formatRupiah(d.harga) }),
        );
      },
    });
  });
  app.get<{ Params: { kode: string } }>('/tender/:kode/lelang/hasil', { config: PUBLIC }, async (req, reply) => {
    const a = await auctionOrNotFound(req.ctx.db, { kode: req.params.kode });
    const span = auctionSpan(a.bundle, a.schedule);
    const closed = windowState(span, req.ctx.clock.now()) === 'closed';
    return sendHtml(reply, AuctionResultView({ p: pageCtx(req, reply), a, span, closed }));
  });
}
