import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { allow } from '../../../platform/http/access.ts';
import { optionalText } from '../../../platform/http/fields.ts';
import type { FormState } from '../../../platform/http/forms.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { type PageCtx, pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import {
  companyName,
  formatNpwp,
  nikField,
  npwpField,
  type VendorRow,
  verifiedVendorOfUser,
} from '../../registration/index.ts';
import { requestChange } from '../commands/change-requests.ts';
import { saveSection } from '../commands/save-section.ts';
import { profileBlockers, witaDate } from '../expiry.ts';
import { isSection, isVerifiedSection, itemFormValues, itemSchema, type Section } from '../sections.ts';
import { changeRequestsOfVendor, currentSection, currentSections, itemsOf, versionsOf } from '../sikap.repository.ts';
import { IdentityRequestView, OverviewView, SectionView, type VendorHead } from '../views/sikap.views.tsx';

export const vendorHead = (v: VendorRow): VendorHead => ({
  id: v.id,
  displayName: companyName(v.businessForm, v.name),
  npwp: v.npwp ? formatNpwp(v.npwp) : '—',
  picName: v.picName,
  picPosition: v.picPosition,
  city: v.city,
});

/** The signed-in vendor's own verified vendor record; nobody else's profile is reachable from these pages. */
async function ownVendor(req: FastifyRequest) {
  assertCan(req.ctx.actor, 'sikap:edit');
  const vendor = await verifiedVendorOfUser(req.ctx.db, req.ctx.actor.userId);
  if (!vendor) throw notFound();
  return vendor;
}

function sectionParam(value: string): Section {
  if (!isSection(value)) throw notFound();
  return value;
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const IdentitySchema = z
  .object({
    name: optionalText(200),
    npwp: z.preprocess(blank, npwpField().optional()),
    picName: optionalText(200),
    picNik: z.preprocess(blank, nikField().optional()),
    picPosition: optionalText(200),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (!v.name && !v.npwp && !v.picName && !v.picNik && !v.picPosition)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'sikap.problem.nothing' });
  });

type SectionParams = { Params: { section: string } };
type ItemParams = { Params: { section: string; itemId: string } };

export async function sikapPages(app: FastifyInstance) {
  app.get('/sikap', { config: allow('sikap:edit') }, async (req, reply) => {
    const vendor = await ownVendor(req);
    return sendHtml(
      reply,
      OverviewView({
        p: pageCtx(req, reply),
        vendor: vendorHead(vendor),
        sections: await currentSections(req.ctx.db, vendor.id),
        blockers: await profileBlockers(req.ctx.db, vendor.id, req.ctx.clock.now()),
        requests: await changeRequestsOfVendor(req.ctx.db, vendor.id),
      }),
    );
  });

  // Identity (registration data): only through a verified change request.
  const renderIdentity = async (req: FastifyRequest, p: PageCtx, state?: FormState) => {
    const vendor = await ownVendor(req);
    const requests = (await changeRequestsOfVendor(req.ctx.db, vendor.id)).filter((r) => r.section === 'identitas');
    return IdentityRequestView({ p, state, requests });
  };
  app.get('/sikap/identitas', { config: allow('sikap:edit') }, async (req, reply) =>
    sendHtml(reply, await renderIdentity(req, pageCtx(req, reply))),
  );
  app.post('/sikap/identitas', { config: allow('sikap:edit') }, async (req, reply) => {
    const vendor = await ownVendor(req);
    return handleForm(req, reply, {
      schema: IdentitySchema,
      files: { bukti: 'sikap_bukti' },
      requiredFiles: ['bukti'],
      render: (p, state) => renderIdentity(req, p, state),
      run: async (data, files) => {
        const { note, ...values } = data;
        const proposed = Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Record<string, string>;
        await requestChange(
          req.ctx,
          vendor.id,
          'identitas',
          { kind: 'identitas', values: proposed },
          note,
          files.bukti!,
        );
        return withFlash('/sikap/identitas', req.ctx.t('sikap.requested'));
      },
    });
  });

  const renderSection = async (
    req: FastifyRequest,
    p: PageCtx,
    section: Section,
    opts: { editing?: string; state?: FormState } = {},
  ) => {
    const vendor = await ownVendor(req);
    const items = itemsOf(await currentSection(req.ctx.db, vendor.id, section));
    const editing = opts.editing && items.some((i) => i.id === opts.editing) ? opts.editing : undefined;
    const edited = editing ? items.find((i) => i.id === editing) : undefined;
    const state = opts.state ?? (edited ? { values: itemFormValues(section, edited), errors: {} } : undefined);
    return SectionView({
      p,
      section,
      items,
      versions: await versionsOf(req.ctx.db, vendor.id, section),
      requests: (await changeRequestsOfVendor(req.ctx.db, vendor.id)).filter((r) => r.section === section),
      verified: isVerifiedSection(section),
      today: witaDate(req.ctx.clock.now()),
      editing,
      state,
    });
  };

  app.get<SectionParams & { Querystring: { ubah?: unknown } }>(
    '/sikap/:section',
    { config: allow('sikap:edit') },
    async (req, reply) => {
      const section = sectionParam(req.params.section);
      const editing = typeof req.query.ubah === 'string' ? req.query.ubah : undefined;
      return sendHtml(reply, await renderSection(req, pageCtx(req, reply), section, { editing }));
    },
  );

  // Add an item: saved at once, or (deeds, directors) requested from the Verifikator with the evidence.
  app.post<SectionParams>('/sikap/:section', { config: allow('sikap:edit') }, async (req, reply) => {
    const section = sectionParam(req.params.section);
    const vendor = await ownVendor(req);
    return handleForm(req, reply, {
      schema: itemSchema(section, { note: optionalText(2000) }),
      files: { bukti: 'sikap_bukti' },
      requiredFiles: ['bukti'],
      render: (p, state) => renderSection(req, p, section, { state }),
      run: async (data, files) => {
        const { note, ...item } = data as Record<string, unknown>;
        if (isVerifiedSection(section)) {
          await requestChange(
            req.ctx,
            vendor.id,
            section as 'akta',
            { kind: 'add', item },
            (note as string) ?? null,
            files.bukti!,
          );
          return withFlash(`/sikap/${section}`, req.ctx.t('sikap.requested'));
        }
        const version = await saveSection(req.ctx, vendor.id, section, { kind: 'add', item }, files.bukti);
        return withFlash(`/sikap/${section}`, req.ctx.t('sikap.saved', { version }));
      },
    });
  });

  // Edit an item of a section that is not verified data; the evidence stays unless a new file comes.
  app.post<ItemParams>('/sikap/:section/:itemId', { config: allow('sikap:edit') }, async (req, reply) => {
    const section = sectionParam(req.params.section);
    const vendor = await ownVendor(req);
    const itemId = req.params.itemId;
    if (isVerifiedSection(section)) throw badRequest('SIKAP_NEEDS_VERIFICATION', 'sikap.problem.needsVerification');
    return handleForm(req, reply, {
      schema: itemSchema(section),
      files: { bukti: 'sikap_bukti' },
      render: (p, state) => renderSection(req, p, section, { editing: itemId, state }),
      run: async (data, files) => {
        const version = await saveSection(
          req.ctx,
          vendor.id,
          section,
          { kind: 'update', itemId, item: data as Record<string, unknown> },
          files.bukti,
        );
        return withFlash(`/sikap/${section}`, req.ctx.t('sikap.saved', { version }));
      },
    });
  });

  app.post<ItemParams>('/sikap/:section/:itemId/hapus', { config: allow('sikap:edit') }, async (req, reply) => {
    const section = sectionParam(req.params.section);
    const vendor = await ownVendor(req);
    const itemId = req.params.itemId;
    const verified = isVerifiedSection(section);
    return handleForm(req, reply, {
      schema: z.object({ note: optionalText(2000) }),
      files: { bukti: 'sikap_bukti' },
      requiredFiles: verified ? ['bukti'] : [],
      render: (p, state) => renderSection(req, p, section, { state }),
      run: async (data, files) => {
        if (verified) {
          await requestChange(
            req.ctx,
            vendor.id,
            section as 'akta',
            { kind: 'remove', itemId },
            data.note,
            files.bukti!,
          );
          return withFlash(`/sikap/${section}`, req.ctx.t('sikap.requested'));
        }
        const version = await saveSection(req.ctx, vendor.id, section, { kind: 'remove', itemId }, undefined);
        return withFlash(`/sikap/${section}`, req.ctx.t('sikap.saved', { version }));
      },
    });
  });
}
