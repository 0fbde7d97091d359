import type { FastifyInstance } from 'fastify';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { notFound } from '../../../platform/errors.ts';
import { allow, PUBLIC } from '../../../platform/http/access.ts';
import { pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { isEligibleToBid, witaDay } from '../eligibility.ts';
import { blankFormPdf } from '../pdf.ts';
import {
  activeBlacklist,
  allDocumentVersions,
  eventsOf,
  findRegistrationOfUser,
  findVendorByRegistration,
} from '../registration.repository.ts';
import { PublicBlacklistView } from '../views/blacklist.views.tsx';
import { VendorProfileView } from '../views/vendor-profile.view.tsx';

/** What registration publishes: the blank forms (R34), the Daftar Hitam, and each vendor's own profile (R35, R36). */
export async function publicPages(app: FastifyInstance) {
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

  // The public Daftar Hitam (R35).
  app.get('/daftar-hitam', { config: PUBLIC }, async (req, reply) => {
    const entries = await activeBlacklist(req.ctx.db, witaDay(req.ctx.clock.now()));
    return sendHtml(reply, PublicBlacklistView({ p: pageCtx(req, reply), entries }));
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
}
