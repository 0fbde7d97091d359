import type { FastifyInstance } from 'fastify';
import { notFound } from '../../../platform/errors.ts';
import { PUBLIC } from '../../../platform/http/access.ts';
import { pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { findVerifiedVendor, maskNpwp } from '../../registration/index.ts';
import { publicProfile } from '../public-profile.ts';
import { PublicVendorView } from '../views/sikap.views.tsx';

/** The public vendor page: what anyone may know of a verified vendor (the vendor sees exactly this too). */
export async function sikapPublicPages(app: FastifyInstance) {
  app.get<{ Params: { id: string } }>('/penyedia/:id', { config: PUBLIC }, async (req, reply) => {
    const vendor = await findVerifiedVendor(req.ctx.db, req.params.id);
    if (!vendor) throw notFound();
    const v = await publicProfile(req.ctx.db, vendor, maskNpwp, req.ctx.clock.now());
    return sendHtml(reply, PublicVendorView({ p: pageCtx(req, reply), v }));
  });
}
