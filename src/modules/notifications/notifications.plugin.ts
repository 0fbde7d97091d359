import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/auth/permissions.ts';
import { assertUuid, badRequest, isUuid, notFound } from '../../platform/errors.ts';
import { allow, SIGNED_IN } from '../../platform/http/access.ts';
import { optionalText, requiredText } from '../../platform/http/fields.ts';
import type { FormState } from '../../platform/http/forms.ts';
import { handleForm, withFlash } from '../../platform/http/handle-form.ts';
import { type PageCtx, pageCtx, redirectSeeOther, safeLocalPath, sendHtml } from '../../platform/ui/page.ts';
import type { MessageKey } from '../../registry.ts';
import { findAgencyById, listAgencies } from '../organisation/index.ts';
import { JENIS, parseRupiah } from '../rup/index.ts';
import { markAllRead, markRead } from './commands/read.ts';
import { deleteSearch, saveSearch } from './commands/saved-search.ts';
import { inboxOf, MAX_PAGE, PAGE_SIZE, savedSearchesOf, unreadCount } from './notifications.repository.ts';
import { InboxView, SavedSearchesView, type SearchOptions } from './views.tsx';

const SEARCH = allow('notifications:search');

/** Back to the inbox page the person came from; anything else is the inbox itself. */
const backTo = (body: unknown) => {
  const to = safeLocalPath((body as Record<string, unknown> | undefined)?.kembali, '/notifikasi');
  return /^\/notifikasi(\?page=\d{1,4})?$/.test(to) ? to : '/notifikasi';
};

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const rupiahField = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(40, 'validation.tooLong')
      .transform((v, ctx) => {
        const n = parseRupiah(v);
        if (n === null) {
          ctx.addIssue({ code: 'custom', message: 'notifications.search.hpsInvalid' });
          return z.NEVER;
        }
        return n;
      })
      .optional(),
  );

const SearchSchema = z
  .object({
    nama: requiredText(100),
    jenis: z.preprocess(blankToUndefined, z.enum(JENIS, { error: 'validation.invalid' }).optional()),
    agencyId: z.preprocess(blankToUndefined, z.string().pipe(z.uuid('validation.invalid')).optional()),
    hpsMin: rupiahField(),
    hpsMax: rupiahField(),
    keyword: optionalText(100),
  })
  .superRefine((v, ctx) => {
    if (v.hpsMin !== undefined && v.hpsMax !== undefined && v.hpsMin > v.hpsMax) {
      ctx.addIssue({ code: 'custom', path: ['hpsMax'], message: 'notifications.search.hpsRange' });
    }
  });

function pageOf(query: unknown): number {
  const raw = (query as Record<string, unknown> | undefined)?.page;
  const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), MAX_PAGE);
}

async function searchOptions(req: FastifyRequest): Promise<SearchOptions> {
  const { t } = req.ctx;
  const agencies = await listAgencies(req.ctx.db);
  return {
    jenis: JENIS.map((j) => ({ value: j, label: t(`rup.jenis.${j}` as MessageKey) })),
    agencies: agencies.map((a) => ({ value: a.id, label: a.name })),
  };
}

/** The inbox (/notifikasi) for anyone signed in; the saved searches (/notifikasi/pencarian) for vendors. */
export async function notificationsPlugin(app: FastifyInstance) {
  app.get('/notifikasi', { config: SIGNED_IN }, async (req, reply) => {
    const actor = req.ctx.actor!;
    const page = pageOf(req.query);
    const { total, rows } = await inboxOf(req.ctx.db, actor.userId, page);
    const last = Math.min(Math.max(1, Math.ceil(total / PAGE_SIZE)), MAX_PAGE);
    return sendHtml(
      reply,
      InboxView({
        p: pageCtx(req, reply),
        rows,
        unread: await unreadCount(req.ctx.db, actor.userId),
        page,
        last,
        canSearch: can(actor, 'notifications:search'),
      }),
    );
  });

  app.post('/notifikasi/baca-semua', { config: SIGNED_IN }, async (req, reply) => {
    const n = await markAllRead(req.ctx);
    return redirectSeeOther(reply, withFlash(backTo(req.body), req.ctx.t('notifications.markedAll', { count: n })));
  });

  app.post<{ Params: { id: string } }>('/notifikasi/:id/baca', { config: SIGNED_IN }, async (req, reply) => {
    if (!isUuid(req.params.id)) throw notFound();
    await markRead(req.ctx, req.params.id);
    return redirectSeeOther(reply, withFlash(backTo(req.body), req.ctx.t('notifications.marked')));
  });

  const renderSearches = async (req: FastifyRequest, p: PageCtx, state?: FormState) =>
    SavedSearchesView({
      p,
      state,
      searches: await savedSearchesOf(req.ctx.db, req.ctx.actor!.userId),
      options: await searchOptions(req),
    });

  app.get('/notifikasi/pencarian', { config: SEARCH }, async (req, reply) =>
    sendHtml(reply, await renderSearches(req, pageCtx(req, reply))),
  );

  app.post('/notifikasi/pencarian', { config: SEARCH }, async (req, reply) =>
    handleForm(req, reply, {
      schema: SearchSchema,
      render: (p, state) => renderSearches(req, p, state),
      run: async (data) => {
        if (data.agencyId && !(await findAgencyById(req.ctx.db, data.agencyId))) {
          throw badRequest('UNKNOWN_AGENCY', 'notifications.search.unknownAgency', undefined, { field: 'agencyId' });
        }
        await saveSearch(req.ctx, {
          nama: data.nama,
          jenis: data.jenis ?? null,
          agencyId: data.agencyId ?? null,
          hpsMin: data.hpsMin ?? null,
          hpsMax: data.hpsMax ?? null,
          keyword: data.keyword,
        });
        return withFlash('/notifikasi/pencarian', req.ctx.t('notifications.search.saved'));
      },
    }),
  );

  app.post<{ Params: { id: string } }>('/notifikasi/pencarian/:id/hapus', { config: SEARCH }, async (req, reply) => {
    assertUuid(req.params.id);
    await deleteSearch(req.ctx, req.params.id);
    return redirectSeeOther(reply, withFlash('/notifikasi/pencarian', req.ctx.t('notifications.search.deleted')));
  });
}
