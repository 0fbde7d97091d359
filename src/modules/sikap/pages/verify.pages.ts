import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { notFound } from '../../../platform/errors.ts';
import { allow } from '../../../platform/http/access.ts';
import { optionalText } from '../../../platform/http/fields.ts';
import type { FormState } from '../../../platform/http/forms.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { type PageCtx, pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { vendors } from '../../registration/registration.schema.ts';
import { decideChange } from '../commands/change-requests.ts';
import { witaDate } from '../expiry.ts';
import { isSection } from '../sections.ts';
import { changeQueue, currentSection, findChangeRequest, itemsOf } from '../sikap.repository.ts';
import { QueueView, RequestDetailView } from '../views/sikap.views.tsx';
import { vendorHead } from './sikap.pages.ts';

type IdParams = { Params: { id: string } };

const DecisionSchema = z.object({
  decision: z.enum(['approve', 'reject'], 'validation.invalid'),
  reason: optionalText(2000),
});

/** The Verifikator's queue of changes to verified vendor data, each checked against the originals. */
export async function sikapVerifyPages(app: FastifyInstance) {
  app.get('/verifikasi/sikap', { config: allow('sikap:verify') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'sikap:verify');
    return sendHtml(reply, QueueView({ p: pageCtx(req, reply), rows: await changeQueue(req.ctx.db) }));
  });

  const render = async (req: FastifyRequest<IdParams>, p: PageCtx, state?: FormState) => {
    assertCan(req.ctx.actor, 'sikap:verify');
    const r = await findChangeRequest(req.ctx.db, req.params.id);
    if (!r) throw notFound();
    const [vendor] = await req.ctx.db.select().from(vendors).where(eq(vendors.id, r.vendorId));
    if (!vendor) throw notFound();
    const current = isSection(r.section) ? itemsOf(await currentSection(req.ctx.db, r.vendorId, r.section)) : [];
    return RequestDetailView({
      p,
      req: r,
      vendor: { ...vendorHead(vendor), picNik: vendor.picNik },
      current,
      today: witaDate(req.ctx.clock.now()),
      state,
    });
  };

  app.get<IdParams>('/verifikasi/sikap/:id', { config: allow('sikap:verify') }, async (req, reply) =>
    sendHtml(reply, await render(req, pageCtx(req, reply))),
  );

  app.post<IdParams>('/verifikasi/sikap/:id', { config: allow('sikap:verify') }, async (req, reply) => {
    await render(req, pageCtx(req, reply)); // 404 before reading the decision
    return handleForm(req, reply, {
      schema: DecisionSchema,
      render: (p, state) => render(req, p, state),
      run: async (data) => {
        await decideChange(req.ctx, req.params.id, data.decision, data.reason);
        const key = data.decision === 'approve' ? 'sikap.verify.approved' : 'sikap.verify.rejected';
        return withFlash('/verifikasi/sikap', req.ctx.t(key));
      },
    });
  });
}
