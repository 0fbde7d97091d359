import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MemoryLocker, Server as TusServer } from '@tus/server';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../platform/auth/permissions.ts';
import { AppError, badRequest, isUuid, notFound } from '../../platform/errors.ts';
import { allow, PUBLIC } from '../../platform/http/access.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { mapError } from '../../platform/http/errors.tsx';
import { handleForm, withFlash } from '../../platform/http/handle-form.ts';
import { pageCtx, sendHtml } from '../../platform/ui/page.ts';
import { recordedBidPrices } from '../evaluation/index.ts';
import { parseRupiah } from '../rup/index.ts';
import { Admission, eventLoopPressure } from './admission.ts';
import { actsAsOfficial } from './bids.policy.ts';
import {
  currentSubmissions,
  failedSubmissions,
  findSubmission,
  keyOf,
  openingOf,
  singleOfficial,
  submissionsOfVendor,
  tenderContext,
  vendorOfUser,
  witnessReportsOf,
} from './bids.repository.ts';
import { FAILURE_DECISIONS } from './bids.schema.ts';
import { bundle, ENTRIES, type Entry } from './browser-bundle.ts';
import { decideFailedBid, failureDecisionsOf } from './commands/failure-decision.ts';
import { enrolBidKey, setThreshold } from './commands/keys.ts';
import { heldShares, openingMaterial, submitShares } from './commands/opening.ts';
import { type PriceLineInput, transcribePrice } from './commands/price.ts';
import { resealBid } from './commands/reseal.ts';
import { assertOwnUpload, finishUpload, MAX_BID_BYTES, startUpload } from './commands/upload.ts';
import { recordWitness, witnessReport } from './commands/witness.ts';
import type { FileKind } from './crypto/sealed.ts';
import { openingReportPdf, receiptPdf, witnessReportPdf } from './pdf.ts';
import { parseReceiptToken, publicKeyPem, receiptToken, verifyReceipt } from './receipts.ts';
import { BidFileStore, forgetStreamedDigest, openSealed, tusDir, writeTemp } from './storage.ts';
import { tusPatchHandler } from './tus-patch.ts';
import { BidView, FailureDecisionView, KeyView, OpeningView, VerifyView, WitnessView } from './views/bids.views.tsx';

const TUS_PATH = '/penawaran/unggah';

/** "uraian; volume; satuan; harga satuan" per line → price lines; null when a line does not read. */
function parsePriceLines(text: string): PriceLineInput[] | null {
  const out: PriceLineInput[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    if (!line) continue;
    const parts = line.split(';').map((x) => x.trim());
    if (parts.length !== 4 || !parts[0] || !parts[2] || parts[0].length > 300 || parts[2].length > 30) return null;
    const volume = parts[1]!.replace(/\./g, '').replace(',', '.');
    if (!/^\d{1,12}(\.\d{1,4})?$/.test(volume)) return null;
    const harga = parts[3] === '0' ? 0n : parseRupiah(parts[3]);
    if (harga === null) return null;
    out.push({ uraian: parts[0], volume, satuan: parts[2], hargaSatuan: harga });
  }
  return out.length > 500 ? null : out;
}
const PriceSchema = z.object({
  harga: z
    .string({ error: 'bids.price.invalid' })
    .trim()
    .refine((v) => parseRupiah(v) !== null, { message: 'bids.price.invalid' })
    .transform((v) => parseRupiah(v)!),
  rincian: z
    .string()
    .max(50_000, { message: 'bids.price.linesInvalid' })
    .optional()
    .refine((v) => !v || parsePriceLines(v) !== null, { message: 'bids.price.linesInvalid' })
    .transform((v) => {
      const lines = v ? parsePriceLines(v) : null;
      return lines && lines.length > 0 ? lines : null;
    }),
});
/** The official's decision on a bid that failed to open; the days only for a postponement. */
const DecisionSchema = z.object({
  decision: z.enum(FAILURE_DECISIONS, { error: 'bids.decision.chooseRequired' }),
  reason: z
    .string({ error: 'bids.decision.reasonShort' })
    .trim()
    .min(10, { message: 'bids.decision.reasonShort' })
    .max(2000),
  days: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d{1,2}$/.test(v), { message: 'bids.decision.days' })
    .transform((v) => (v ? Number(v) : undefined)),
});
const ErrorOut = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const TenderParams = z.object({ tenderId: z.uuid() });
const KindQuery = z.object({ kind: z.enum(['penawaran', 'file_i', 'file_ii']).default('penawaran') });

/** The request's Ctx for the tus callbacks, which receive a web Request rather than Fastify's. */
const tusCtx = new AsyncLocalStorage<Ctx>();
const currentCtx = () => {
  const c = tusCtx.getStore();
  if (!c) throw new Error('tus callback outside a request');
  return c;
};

/**
 * An error the platform maps (errors.tsx `mapError`: an AppError keeps its code, a saturated database is 503
 * SERVICE_BUSY, which tus-js-client retries), as tus answers it: the status and the API's error body. Anything else
 * is a fault and stays one.
 */
function tusError(ctx: Ctx, e: unknown) {
  const mapped = e instanceof Error ? mapError(e) : undefined;
  if (!mapped) throw e;
  return {
    status_code: mapped.status,
    body: JSON.stringify({ error: { code: mapped.code, message: ctx.t(mapped.messageKey, mapped.params) } }),
  };
}

export async function bidsPlugin(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();

  // ---- browser code (bundled once, same origin)
  app.get<{ Params: { name: string } }>('/penawaran/js/:name', { config: PUBLIC }, async (req, reply) => {
    const name = req.params.name.replace(/\.js$/, '') as Entry;
    if (!ENTRIES.includes(name)) throw notFound();
    const b = await bundle(name);
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('etag', b.etag)
      .send(b.code);
  });

  // ---- keys
  app.get('/kunci-penawaran', { config: allow('bids:key') }, async (req, reply) => {
    const key = await keyOf(req.ctx.db, req.ctx.actor!.userId);
    return sendHtml(reply, KeyView({ p: pageCtx(req, reply), key }));
  });
  const Wrapped = z.object({
    alg: z.literal('PBKDF2-SHA256/AES-256-GCM'),
    iterations: z.number().int(),
    salt: z.string().max(200),
    iv: z.string().max(200),
    ct: z.string().max(200),
  });
  app.post(
    '/api/v1/kunci-penawaran',
    {
      config: allow('bids:key'),
      schema: {
        tags: ['bids'],
        summary: "Enrol one's bid key (public key + private key wrapped in the browser)",
        body: z.object({ publicKey: z.string().max(100), fingerprint: z.string().max(64), wrapped: Wrapped }),
        response: { 200: z.object({ fingerprint: z.string(), version: z.number() }), 400: ErrorOut },
      },
    },
    async (req) => enrolBidKey(req.ctx, req.body),
  );
  app.get(
    '/api/v1/kunci-penawaran',
    { config: allow('bids:key'), schema: { tags: ['bids'], summary: "One's own wrapped bid key" } },
    async (req) => {
      const key = await keyOf(req.ctx.db, req.ctx.actor!.userId);
      if (!key) throw notFound();
      return { userId: key.userId, publicKey: key.publicKey, fingerprint: key.fingerprint, wrapped: key.wrapped };
    },
  );

  // ---- vendor: sealing parameters, page, upload, envelope, receipt
  app.get(
    '/api/v1/penawaran/:tenderId/parameter',
    {
      config: allow('bids:submit'),
      schema: { tags: ['bids'], summary: "A tender's public sealing parameters", params: TenderParams },
    },
    async (req) => {
      const tc = await tenderContext(req.ctx.db, req.params.tenderId, req.ctx.clock.now());
      if (!tc) throw notFound('bids.error.tenderNotFound');
      const vendor = await vendorOfUser(req.ctx.db, req.ctx.actor!.userId);
      const own = await keyOf(req.ctx.db, req.ctx.actor!.userId);
      return {
        v: 1,
        tenderId: tc.tender.id,
        tender: tc.kode,
        vendor: vendor?.id ?? null,
        kinds: tc.kinds,
        k: tc.threshold,
        deadline: tc.deadline?.toISOString() ?? null,
        members: tc.members.map((m) => ({ userId: m.userId, publicKey: m.publicKey, fingerprint: m.fingerprint })),
        vendorKey: own ? { userId: own.userId, publicKey: own.publicKey, fingerprint: own.fingerprint } : null,
        upload: TUS_PATH,
      };
    },
  );

  app.get<{ Params: { tenderId: string } }>(
    '/penawaran/:tenderId',
    { config: allow('bids:submit') },
    async (req, reply) => {
      const tc = await tenderContext(req.ctx.db, req.params.tenderId, req.ctx.clock.now());
      if (!tc) throw notFound('bids.error.tenderNotFound');
      const vendor = await vendorOfUser(req.ctx.db, req.ctx.actor!.userId);
      const rows = vendor ? await submissionsOfVendor(req.ctx.db, tc.tender.id, vendor.id) : [];
      const hasKey = !!(await keyOf(req.ctx.db, req.ctx.actor!.userId));
      return sendHtml(reply, BidView({ p: pageCtx(req, reply), tc, hasKey, rows }));
    },
  );

  const store = new BidFileStore(tusDir(base.services.config.dataDir));
  const locker = new MemoryLocker();
  // Bid bodies are let in while the event loop keeps up (admission.ts): a mean timer delay over 10 ms is falling behind.
  const pressure = eventLoopPressure(10);
  base.addHook('onClose', async () => pressure.stop());
  const admission = new Admission({ floor: base.services.config.bidStreams, intervalMs: 25, busy: pressure.busy });
  const tus = new TusServer({
    path: TUS_PATH,
    datastore: store,
    locker,
    maxSize: MAX_BID_BYTES,
    respectForwardedHeaders: base.services.config.trustProxy,
    onUploadCreate: async (_req, upload) => {
      const ctx = currentCtx();
      const m = upload.metadata ?? {};
      try {
        await startUpload(ctx, {
          uploadId: upload.id,
          tenderId: String(m.tenderId ?? ''),
          kind: String(m.kind ?? ''),
          sha256: String(m.sha256 ?? ''),
          size: upload.size ?? 0,
        });
      } catch (e) {
        throw tusError(ctx, e);
      }
      return {};
    },
    onIncomingRequest: async (req, uploadId) => {
      const ctx = currentCtx();
      if (req.method === 'POST') return;
      try {
        await assertOwnUpload(ctx, uploadId);
      } catch (e) {
        throw tusError(ctx, e);
      }
    },
  });
  // tus bodies stay unread here: our PATCH (or @tus/server, for creation-with-upload) streams them to the disk.
  base.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
  const tusHandler = async (req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
    reply.hijack();
    await tusCtx.run(req.ctx, () => tus.handle(req.raw, reply.raw));
  };
  const TUS_METHODS = ['POST', 'HEAD', 'DELETE', 'OPTIONS'] as const;
  base.route({ method: [...TUS_METHODS, 'PATCH'], url: TUS_PATH, config: allow('bids:submit'), handler: tusHandler });
  base.route({ method: [...TUS_METHODS], url: `${TUS_PATH}/:id`, config: allow('bids:submit'), handler: tusHandler });
  // PATCH: the bytes of a bid, straight to the disk (tus-patch.ts says why it is ours), then the completion.
  base.patch<{ Params: { id: string } }>(
    `${TUS_PATH}/:id`,
    { config: allow('bids:submit') },
    tusPatchHandler({
      store,
      locker,
      admission,
      authorize: (req, uploadId) => assertOwnUpload(req.ctx, uploadId),
      finish: async (req, upload, file) => {
        const row = await finishUpload(req.ctx, upload.id, file, upload);
        return { 'bid-submission': row.id };
      },
    }),
  );

  /**
   * The plain upload form (no JavaScript, or an envelope made by the offline tool `lpse-seal`): the same checks as a tus
   * completion — the envelope streams to the tus directory, then `startUpload` + `finishUpload` run on it.
   */
  app.post<{ Params: { tenderId: string } }>(
    '/penawaran/:tenderId/unggah-berkas',
    { config: allow('bids:submit') },
    async (req, reply) => {
      const tenderId = req.params.tenderId;
      if (!isUuid(tenderId)) throw notFound('bids.error.tenderNotFound');
      if (!req.isMultipart()) throw new AppError('NOT_MULTIPART', 415, 'error.unsupportedMediaType');
      const fields: Record<string, string> = {};
      let file: string | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (typeof part.value === 'string') fields[part.fieldname] = part.value.trim().slice(0, 200);
          } else if (part.fieldname === 'envelope' && part.filename && !file) {
            file = await writeTemp(tusDir(req.ctx.config.dataDir), part.file);
            if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', 413, 'error.fileTooLarge', { max: 200 });
          } else part.file.resume();
        }
      } catch (err) {
        if (file) forgetStreamedDigest(file);
        if (file) await fs.rm(file, { force: true });
        if (err instanceof AppError || (err as { statusCode?: number }).statusCode === 413) throw err;
        throw new AppError('MALFORMED_MULTIPART', 400, 'error.badRequest');
      }
      if (!file) throw badRequest('BIDS_ENVELOPE_INVALID', 'bids.error.envelope');
      const uploadId = path.basename(file);
      try {
        await startUpload(req.ctx, {
          uploadId,
          tenderId,
          kind: fields.kind ?? 'penawaran',
          sha256: (fields.sha256 ?? '').toLowerCase(),
          size: (await fs.stat(file)).size,
        });
      } catch (err) {
        forgetStreamedDigest(file);
        await fs.rm(file, { force: true });
        throw err;
      }
      await finishUpload(req.ctx, uploadId, file);
      return reply.redirect(withFlash(`/penawaran/${tenderId}`, req.ctx.t('bids.submit.received')), 303);
    },
  );

  /** A vendor's own stored envelope (self-check) — never another vendor's. */
  async function ownSubmission(ctx: Ctx, id: string) {
    assertCan(ctx.actor, 'bids:submit');
    const s = await findSubmission(ctx.db, id);
    const vendor = await vendorOfUser(ctx.db, ctx.actor!.userId);
    if (!s || !vendor || s.vendorId !== vendor.id) throw notFound();
    return { s, vendor };
  }
  app.get<{ Params: { id: string } }>('/penawaran/berkas/:id', { config: allow('bids:submit') }, async (req, reply) => {
    const { s } = await ownSubmission(req.ctx, req.params.id);
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-length', String(s.size))
      .header('cache-control', 'no-store')
      .send(openSealed(req.ctx.config.dataDir, s.storageKey));
  });
  app.get<{ Params: { id: string } }>(
    '/penawaran/tanda-terima/:id/pdf',
    { config: allow('bids:submit') },
    async (req, reply) => {
      const { s, vendor } = await ownSubmission(req.ctx, req.params.id);
      const tc = await tenderContext(req.ctx.db, s.tenderId, req.ctx.clock.now());
      const token = receiptToken(s.receipt, s.signature);
      const pdf = await receiptPdf(
        { t: req.ctx.t, locale: req.ctx.locale, lpseName: req.ctx.config.lpseName },
        {
          kode: tc?.kode ?? '',
          nama: tc?.tender.nama ?? '',
          vendorName: vendor.name ?? vendor.id,
          s,
          token,
          verifyUrl: `${req.ctx.config.baseUrl}/penawaran/verifikasi`,
        },
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="tanda-terima-${s.sha256.slice(0, 12)}.pdf"`)
        .send(pdf);
    },
  );

  // ---- public: receipt verification and the server's public key
  app.get('/penawaran/kunci-publik.pem', { config: PUBLIC }, async (req, reply) =>
    reply.header('content-type', 'application/x-pem-file').send(publicKeyPem(req.ctx.config.dataDir)),
  );
  app.get('/penawaran/verifikasi', { config: PUBLIC }, async (req, reply) => {
    const raw = (req.query as Record<string, unknown>).token;
    const token = typeof raw === 'string' ? raw.trim().slice(0, 5000) : '';
    let result: { valid: boolean; payload: Record<string, unknown> | null } | undefined;
    if (token) {
      const parsed = parseReceiptToken(token);
      const valid = !!parsed && verifyReceipt(req.ctx.config.dataDir, parsed.text, parsed.signature);
      let payload: Record<string, unknown> | null = null;
      if (valid) payload = JSON.parse(parsed!.text);
      result = { valid, payload };
    }
    const accept = req.headers.accept ?? '';
    if (result && accept.includes('application/json') && !accept.includes('text/html')) return result;
    return sendHtml(
      reply,
      VerifyView({ p: pageCtx(req, reply), token, result, publicKey: publicKeyPem(req.ctx.config.dataDir) }),
    );
  });

  // ---- Pokja: k, opening
  /** `berkas`: which file kind the page opens — File II of a 2-file tender when asked, else the tender's first kind. */
  async function openingPage(ctx: Ctx, tenderId: string, berkas?: unknown) {
    assertCan(ctx.actor, 'bids:open');
    const now = ctx.clock.now();
    const tc = await tenderContext(ctx.db, tenderId, now);
    if (!tc) throw notFound('bids.error.tenderNotFound');
    if (!actsAsOfficial(ctx.actor, tc)) throw notFound('bids.error.tenderNotFound');
    const kind = tc.kinds.find((k) => k === berkas) ?? tc.kinds[0]!;
    const opening = await openingOf(ctx.db, tenderId, kind);
    // Before the deadline the Pokja sees that bids exist, not who sent them: names and hashes come with the opening.
    const rows =
      now.getTime() >= (tc.deadline?.getTime() ?? Number.POSITIVE_INFINITY)
        ? await currentSubmissions(ctx.db, tenderId, kind)
        : [];
    const prices = opening ? await recordedBidPrices(ctx.db, tenderId) : undefined;
    // A bid that failed: the LPSE's witness report on it and the official's decisions after it (R48).
    const failed = rows.filter((r) => r.s.openResult === 'failed').map((r) => r.s.id);
    const failures = {
      reports: await witnessReportsOf(ctx.db, failed),
      decisions: await failureDecisionsOf(ctx.db, failed),
    };
    return { tc, kind, now, rows, opening, held: heldShares(tenderId, kind), prices, failures };
  }
  app.get<{ Params: { tenderId: string } }>(
    '/kelola/tender/:tenderId/pembukaan',
    { config: allow('bids:open') },
    async (req, reply) =>
      sendHtml(
        reply,
        OpeningView({
          p: pageCtx(req, reply),
          ...(await openingPage(req.ctx, req.params.tenderId, (req.query as { berkas?: unknown }).berkas)),
        }),
      ),
  );
  app.post<{ Params: { tenderId: string; submissionId: string } }>(
    '/kelola/tender/:tenderId/pembukaan/:submissionId/harga',
    { config: allow('bids:open') },
    async (req, reply) => {
      const { tenderId, submissionId } = req.params;
      const data = await openingPage(req.ctx, tenderId);
      return handleForm(req, reply, {
        schema: PriceSchema,
        render: (p, state) => OpeningView({ p, ...data, state, priceFor: submissionId }),
        run: async ({ harga, rincian }) => {
          await transcribePrice(req.ctx, tenderId, submissionId, { harga, lines: rincian });
          return withFlash(`/kelola/tender/${tenderId}/pembukaan`, req.ctx.t('bids.price.saved'));
        },
      });
    },
  );
  // R48, after the LPSE's witness report: the official's decision on a bid that failed, one page per bid.
  async function decisionPage(ctx: Ctx, tenderId: string, submissionId: string) {
    // The opening the bid belongs to: a 2-file tender's failed File II is on the File II opening, not the first.
    const kind = (await findSubmission(ctx.db, submissionId))?.kind;
    const data = await openingPage(ctx, tenderId, kind);
    const row = data.rows.find((r) => r.s.id === submissionId && r.s.openResult === 'failed');
    if (!row) throw notFound('bids.error.submissionNotFound');
    const reports = data.failures.reports.filter((r) => r.submissionId === submissionId);
    return { tc: data.tc, kind: data.kind, row, reports, decisions: data.failures.decisions.get(submissionId) ?? [] };
  }
  const DECISION_URL = '/kelola/tender/:tenderId/pembukaan/:submissionId/keputusan';
  app.get<{ Params: { tenderId: string; submissionId: string } }>(
    DECISION_URL,
    { config: allow('bids:open') },
    async (req, reply) => {
      const data = await decisionPage(req.ctx, req.params.tenderId, req.params.submissionId);
      return sendHtml(reply, FailureDecisionView({ p: pageCtx(req, reply), ...data }));
    },
  );
  app.post<{ Params: { tenderId: string; submissionId: string } }>(
    DECISION_URL,
    { config: allow('bids:open') },
    async (req, reply) => {
      const { tenderId, submissionId } = req.params;
      const data = await decisionPage(req.ctx, tenderId, submissionId);
      return handleForm(req, reply, {
        schema: DecisionSchema,
        render: (p, state) => FailureDecisionView({ p, ...data, state }),
        run: async ({ decision, reason, days }) => {
          await decideFailedBid(req.ctx, tenderId, submissionId, { decision, reason, postponeDays: days });
          const saved = decision === 'tunda' ? 'bids.decision.savedTunda' : 'bids.decision.saved';
          return withFlash(`/kelola/tender/${tenderId}/pembukaan?berkas=${data.kind}`, req.ctx.t(saved));
        },
      });
    },
  );
  app.post<{ Params: { tenderId: string } }>(
    '/kelola/tender/:tenderId/ambang',
    { config: allow('bids:open') },
    async (req, reply) => {
      const data = await openingPage(req.ctx, req.params.tenderId);
      return handleForm(req, reply, {
        schema: z.object({ k: z.coerce.number({ error: 'validation.invalid' }).int('validation.invalid') }),
        render: (p, state) => OpeningView({ p, ...data, state }),
        run: async ({ k }) => {
          await setThreshold(req.ctx, req.params.tenderId, k);
          return withFlash(`/kelola/tender/${req.params.tenderId}/pembukaan`, req.ctx.t('bids.open.thresholdSaved'));
        },
      });
    },
  );
  app.get(
    '/api/v1/penawaran/:tenderId/pembukaan',
    {
      config: allow('bids:open'),
      schema: {
        tags: ['bids'],
        summary: "A member's wrapped key and the sealed headers, after the deadline",
        params: TenderParams,
        querystring: KindQuery,
      },
    },
    async (req) => openingMaterial(req.ctx, req.params.tenderId, req.query.kind as FileKind),
  );
  app.post(
    '/api/v1/penawaran/:tenderId/pembukaan',
    {
      config: allow('bids:open'),
      schema: {
        tags: ['bids'],
        summary: "Submit one's opened key shares (after the deadline)",
        params: TenderParams,
        body: z.object({
          kind: z.enum(['penawaran', 'file_i', 'file_ii']).default('penawaran'),
          shares: z.record(z.uuid(), z.string().max(200)),
        }),
        response: {
          200: z.object({ members: z.number(), needed: z.number(), opened: z.boolean() }),
          400: ErrorOut,
          403: ErrorOut,
          409: ErrorOut,
        },
      },
    },
    async (req) => submitShares(req.ctx, req.params.tenderId, req.body.kind, req.body.shares),
  );
  app.post(
    '/api/v1/penawaran/segel-ulang/:submissionId',
    {
      config: allow('bids:submit'),
      schema: {
        tags: ['bids'],
        summary:
          "Re-issue one's current bid's shares to the tender's current Pokja (a member replaced before the deadline): a new header, the same chunks",
        params: z.object({ submissionId: z.uuid() }),
        body: z.object({ header: z.record(z.string(), z.unknown()) }),
        response: {
          200: z.object({ id: z.string(), sha256: z.string(), size: z.number() }),
          403: ErrorOut,
          404: ErrorOut,
          409: ErrorOut,
          422: ErrorOut,
        },
      },
    },
    async (req) => {
      const row = await resealBid(req.ctx, req.params.submissionId, req.body.header);
      return { id: row.id, sha256: row.sha256, size: row.size };
    },
  );
  app.get<{ Params: { tenderId: string } }>(
    '/kelola/tender/:tenderId/berita-acara-pembukaan',
    { config: allow('bids:open') },
    async (req, reply) => {
      const { tc, rows, opening } = await openingPage(
        req.ctx,
        req.params.tenderId,
        (req.query as { berkas?: unknown }).berkas,
      );
      if (!opening) throw notFound();
      const names = tc.members.filter((m) => opening.members.includes(m.userId)).map((m) => m.name ?? m.userId);
      const pdf = await openingReportPdf(
        { t: req.ctx.t, locale: req.ctx.locale, lpseName: req.ctx.config.lpseName },
        {
          kode: tc.kode,
          nama: tc.tender.nama,
          openedAt: opening.openedAt,
          members: names,
          single: singleOfficial(tc.official, tc.members.length),
          rows,
        },
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="ba-pembukaan-${tc.kode}.pdf"`)
        .send(pdf);
    },
  );

  // ---- R48: witness procedure for bids that failed to open
  const WITNESS = { config: allow('bids:witness') };
  const witnessData = async (ctx: Ctx) => {
    const rows = await failedSubmissions(ctx.db);
    return {
      rows,
      reports: await witnessReportsOf(
        ctx.db,
        rows.map((r) => r.s.id),
      ),
    };
  };
  app.get('/admin/kesaksian-penawaran', WITNESS, async (req, reply) => {
    assertCan(req.ctx.actor, 'bids:witness');
    return sendHtml(reply, WitnessView({ p: pageCtx(req, reply), ...(await witnessData(req.ctx)) }));
  });
  app.post<{ Params: { id: string } }>('/admin/kesaksian-penawaran/:id', WITNESS, async (req, reply) => {
    assertCan(req.ctx.actor, 'bids:witness');
    const data = await witnessData(req.ctx);
    if (!data.rows.some((r) => r.s.id === req.params.id)) throw notFound();
    return handleForm(req, reply, {
      schema: z.object({
        attendees: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(4000),
        notes: z.string().trim().max(4000).optional().default(''),
      }),
      render: (p, state) => WitnessView({ p, ...data, state, stateFor: req.params.id }),
      run: async ({ attendees, notes }) => {
        await recordWitness(req.ctx, req.params.id, { attendees: attendees.split(/\r?\n/), notes });
        return withFlash('/admin/kesaksian-penawaran', req.ctx.t('bids.witness.saved'));
      },
    });
  });
  app.get<{ Params: { id: string } }>('/admin/kesaksian-penawaran/laporan/:id/pdf', WITNESS, async (req, reply) => {
    assertCan(req.ctx.actor, 'bids:witness');
    const w = await witnessReport(req.ctx, req.params.id);
    if (!w) throw notFound();
    const row = (await failedSubmissions(req.ctx.db)).find((r) => r.s.id === w.submissionId);
    const pdf = await witnessReportPdf(
      { t: req.ctx.t, locale: req.ctx.locale, lpseName: req.ctx.config.lpseName },
      { kode: row?.kode ?? '', nama: row?.nama ?? '', vendorName: row?.vendorName ?? '', w },
    );
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="ba-kesaksian-${w.reportSha256.slice(0, 12)}.pdf"`)
      .send(pdf);
  });
}
