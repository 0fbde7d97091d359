import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { isUuid, notFound } from '../../../platform/errors.ts';
import { allow } from '../../../platform/http/access.ts';
import { dateField, optionalText, requiredText, uuidField } from '../../../platform/http/fields.ts';
import type { FormState } from '../../../platform/http/forms.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { type PageCtx, pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { findUserById } from '../../accounts/index.ts';
import { contractTerminations } from '../../contracts/index.ts';
import { agencies } from '../../organisation/organisation.schema.ts';
import { addBlacklistEntry } from '../commands/add-blacklist-entry.ts';
import { approveRegistration } from '../commands/approve-registration.ts';
import { checkOriginals } from '../commands/check-originals.ts';
import { deactivateAccount } from '../commands/deactivate-account.ts';
import { reactivateAccount } from '../commands/reactivate-account.ts';
import { rejectRegistration } from '../commands/reject-registration.ts';
import { requestRevision } from '../commands/request-revision.ts';
import { isEligibleToBid } from '../eligibility.ts';
import {
  allBlacklist,
  allDocumentVersions,
  approvedVendors,
  currentDocuments,
  eventsOf,
  findRegistration,
  findVendorByRegistration,
  QUEUE_FILTERS,
  type QueueFilter,
  queueCounts,
  queueFilterOfRegistration,
  registrationsOfUser,
  statusChangesOf,
  verificationQueue,
} from '../registration.repository.ts';
import { OFFENCES, REQUESTER_KINDS } from '../registration.schema.ts';
import { BlacklistAdminView } from '../views/blacklist.views.tsx';
import { ArchiveView, DetailView, QueueView } from '../views/verification.views.tsx';

const RejectSchema = z.object({ reason: requiredText(2000) });
const StatusChangeSchema = z.object({
  reason: requiredText(2000),
  requesterKind: z.enum(REQUESTER_KINDS, { error: 'reg.validation.requester' }),
  requesterName: optionalText(200),
  referenceNumber: optionalText(100),
});
const BlacklistSchema = z.object({
  vendorId: uuidField('reg.blacklist.vendorUnknown'),
  offence: z.enum(OFFENCES, { error: 'reg.validation.offence' }),
  skNumber: requiredText(100),
  skDate: dateField(),
  issuingAgency: requiredText(200),
  startsOn: dateField(),
  endsOn: dateField(),
});

/** The ticked documents: one `asli` field per checkbox, none when nothing is ticked. */
const OriginalsSchema = z.object({
  asli: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v : v ? [v] : [])),
});
/** A general note and one `note_<document id>` per document. */
const RevisionSchema = z.record(z.string(), z.string().optional());

type P = { Params: { id: string } };

async function detailView(req: FastifyRequest, p: PageCtx, id: string, state?: FormState) {
  const reg = await findRegistration(req.ctx.db, id);
  if (!reg) throw notFound();
  const user = await findUserById(req.ctx.db, reg.userId);
  if (!user) throw notFound();
  const [agency] = reg.agencyId
    ? await req.ctx.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, reg.agencyId))
    : [];
  return DetailView({
    p,
    reg,
    user,
    vendor: await findVendorByRegistration(req.ctx.db, reg.id),
    agencyName: agency?.name ?? null,
    docs: await currentDocuments(req.ctx.db, reg.id),
    events: await eventsOf(req.ctx.db, reg.id),
    state,
  });
}

async function archiveView(req: FastifyRequest, p: PageCtx, userId: string, state?: FormState) {
  const user = await findUserById(req.ctx.db, userId);
  if (!user) throw notFound();
  const regs = await registrationsOfUser(req.ctx.db, user.id);
  const registrations = [];
  for (const reg of regs) {
    const vendor = reg.kind === 'vendor' ? await findVendorByRegistration(req.ctx.db, reg.id) : undefined;
    registrations.push({
      reg,
      // The same answer the tender module gets (R35), so the Verifikator sees why a vendor may not bid.
      eligibility: vendor ? await isEligibleToBid(req.ctx.db, vendor.id, req.ctx.clock.now()) : undefined,
      versions: await allDocumentVersions(req.ctx.db, reg.id),
      events: await eventsOf(req.ctx.db, reg.id),
    });
  }
  return ArchiveView({ p, user, registrations, changes: await statusChangesOf(req.ctx.db, user.id), state });
}

/** The Unit Registrasi dan Verifikasi's pages (R33–R36). */
export async function verificationPages(app: FastifyInstance) {
  app.get<{ Querystring: { status?: string } }>(
    '/verifikasi',
    { config: allow('registration:read') },
    async (req, reply) => {
      assertCan(req.ctx.actor, 'registration:read');
      const filter = (QUEUE_FILTERS as readonly string[]).includes(req.query.status ?? '')
        ? (req.query.status as QueueFilter)
        : 'baru';
      const rows = await verificationQueue(req.ctx.db, filter);
      const counts = await queueCounts(req.ctx.db);
      return sendHtml(reply, QueueView({ p: pageCtx(req, reply), filter, rows, counts, now: req.ctx.clock.now() }));
    },
  );

  app.get<{ Querystring: { vendor?: string; pelanggaran?: string } }>(
    '/verifikasi/daftar-hitam',
    { config: allow('blacklist:manage') },
    async (req, reply) => {
      assertCan(req.ctx.actor, 'blacklist:manage');
      // A ground's link fills the vendor and the offence; anything else in the query is ignored.
      const { vendor, pelanggaran } = req.query;
      const prefill = {
        ...(vendor && isUuid(vendor) ? { vendorId: vendor } : {}),
        ...(pelanggaran && (OFFENCES as readonly string[]).includes(pelanggaran) ? { offence: pelanggaran } : {}),
      };
      return sendHtml(
        reply,
        BlacklistAdminView({
          p: pageCtx(req, reply),
          entries: await allBlacklist(req.ctx.db),
          vendors: await approvedVendors(req.ctx.db),
          grounds: await contractTerminations(req.ctx.db, { vendorFaultOnly: true }),
          state: { values: prefill, errors: {} },
        }),
      );
    },
  );
  app.post('/verifikasi/daftar-hitam', { config: allow('blacklist:manage') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'blacklist:manage');
    const entries = await allBlacklist(req.ctx.db);
    const vendors = await approvedVendors(req.ctx.db);
    const grounds = await contractTerminations(req.ctx.db, { vendorFaultOnly: true });
    return handleForm(req, reply, {
      schema: BlacklistSchema,
      render: (p, state) => BlacklistAdminView({ p, entries, vendors, grounds, state }),
      run: async (data) => {
        const entry = await addBlacklistEntry(req.ctx, data);
        return withFlash('/verifikasi/daftar-hitam', req.ctx.t('reg.blacklist.added', { name: entry.vendorName }));
      },
    });
  });

  app.get<P>('/verifikasi/:id', { config: allow('registration:read') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'registration:read');
    return sendHtml(reply, await detailView(req, pageCtx(req, reply), req.params.id));
  });

  /** The decisions on one registration: each form is shown again on the detail page when refused. */
  const decide = <S extends z.ZodType>(
    req: FastifyRequest<P>,
    reply: FastifyReply,
    schema: S,
    run: (data: z.infer<S>) => Promise<string>,
  ) => {
    assertCan(req.ctx.actor, 'registration:verify');
    return handleForm(req, reply, {
      schema,
      render: (p, state) => detailView(req, p, req.params.id, state),
      run,
    });
  };

  app.post<P>('/verifikasi/:id/asli', { config: allow('registration:verify') }, async (req, reply) =>
    decide(req, reply, OriginalsSchema, async ({ asli }) => {
      const before = await queueFilterOfRegistration(req.ctx.db, req.params.id);
      await checkOriginals(req.ctx, { registrationId: req.params.id, checkedIds: asli });
      const after = await queueFilterOfRegistration(req.ctx.db, req.params.id);
      // Saving ticks can move the registration to another filter of the queue: say so, or it seems to vanish.
      const moved =
        after && after !== before
          ? ` ${req.ctx.t('reg.detail.movedTo', { filter: req.ctx.t(`reg.queue.filter.${after}`) })}`
          : '';
      return withFlash(`/verifikasi/${req.params.id}`, `${req.ctx.t('reg.detail.checklistSaved')}${moved}`);
    }),
  );

  // Ticked and approved in one submit: the approve button belongs to the checklist form, so the ticks are saved first.
  const ApproveSchema = OriginalsSchema.extend({ checklist: z.string().optional() });
  app.post<P>('/verifikasi/:id/setujui', { config: allow('registration:verify') }, async (req, reply) =>
    decide(req, reply, ApproveSchema, async ({ asli, checklist }) => {
      if (checklist === '1') await checkOriginals(req.ctx, { registrationId: req.params.id, checkedIds: asli });
      await approveRegistration(req.ctx, { registrationId: req.params.id });
      return withFlash('/verifikasi', req.ctx.t('reg.detail.approved'));
    }),
  );

  app.post<P>('/verifikasi/:id/tolak', { config: allow('registration:verify') }, async (req, reply) =>
    decide(req, reply, RejectSchema, async ({ reason }) => {
      await rejectRegistration(req.ctx, { registrationId: req.params.id, reason });
      return withFlash('/verifikasi', req.ctx.t('reg.detail.rejected'));
    }),
  );

  app.post<P>('/verifikasi/:id/revisi', { config: allow('registration:verify') }, async (req, reply) =>
    decide(req, reply, RevisionSchema, async (data) => {
      const documentNotes: Record<string, string> = {};
      for (const [k, v] of Object.entries(data)) {
        if (k.startsWith('note_') && v?.trim()) documentNotes[k.slice(5)] = v.slice(0, 2000);
      }
      await requestRevision(req.ctx, {
        registrationId: req.params.id,
        note: data.note?.trim().slice(0, 2000) || null,
        documentNotes,
      });
      return withFlash('/verifikasi', req.ctx.t('reg.detail.revisionSent'));
    }),
  );

  // R36: each user's archive of document versions and events, for the Verifikator and the Kepala LPSE.
  app.get<P>('/verifikasi/pengguna/:id', { config: allow('registration:read') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'registration:read');
    return sendHtml(reply, await archiveView(req, pageCtx(req, reply), req.params.id));
  });

  app.get<P>('/verifikasi/pengguna/:id/riwayat.csv', { config: allow('registration:read') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'registration:read');
    const user = await findUserById(req.ctx.db, req.params.id);
    if (!user) throw notFound();
    // Quoted, and a leading = + - @ is defused: the file is opened in spreadsheets, and notes are typed by people.
    const cell = (v: unknown) =>
      `"${String(v ?? '')
        .replace(/^[=+\-@]/, "'$&")
        .replace(/"/g, '""')}"`;
    const lines = [['registrasi', 'waktu_utc', 'peristiwa', 'oleh', 'catatan', 'rincian'].join(',')];
    for (const reg of await registrationsOfUser(req.ctx.db, user.id)) {
      for (const e of await eventsOf(req.ctx.db, reg.id)) {
        lines.push(
          [reg.number, e.at.toISOString(), e.kind, e.actorName, e.note, JSON.stringify(e.details ?? {})]
            .map(cell)
            .join(','),
        );
      }
    }
    for (const { change, byName } of await statusChangesOf(req.ctx.db, user.id)) {
      lines.push(
        ['-', change.at.toISOString(), `account.${change.action}`, byName, change.reason, change.requesterKind]
          .map(cell)
          .join(','),
      );
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="riwayat-${user.username}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(`${lines.join('\n')}\n`);
  });

  for (const [path, command, flash] of [
    ['nonaktifkan', deactivateAccount, 'reg.account.deactivated'],
    ['aktifkan', reactivateAccount, 'reg.account.reactivated'],
  ] as const) {
    app.post<P>(`/verifikasi/pengguna/:id/${path}`, { config: allow('accounts:deactivate') }, async (req, reply) => {
      assertCan(req.ctx.actor, 'accounts:deactivate');
      return handleForm(req, reply, {
        schema: StatusChangeSchema,
        files: { reference: 'referensi' },
        render: (p, state) => archiveView(req, p, req.params.id, state),
        run: async (data, files) => {
          await command(req.ctx, { userId: req.params.id, ...data, reference: files.reference ?? null });
          return withFlash(`/verifikasi/pengguna/${req.params.id}`, req.ctx.t(flash));
        },
      });
    });
  }
}
