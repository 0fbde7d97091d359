import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { notFound } from '../../../platform/errors.ts';
import { allow } from '../../../platform/http/access.ts';
import { handleForm, withFlash } from '../../../platform/http/handle-form.ts';
import { pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { verifiedVendorOfUser } from '../../registration/index.ts';
import { respondSppbj } from '../commands/respond-sppbj.ts';
import { listCasesOfVendor, loadCase } from '../contracts.repository.ts';
import { CONTRACT_DOCS } from '../pdf.ts';
import { sendContractPdf } from '../pdf-route.ts';
import { CaseListView, CaseView } from '../views/contracts.views.tsx';
import { RespondSchema } from './fields.ts';

type Params = { Params: { id: string } };

/** The vendor's own case (another vendor's is simply not found). */
async function vendorCase(req: FastifyRequest, id: string) {
  assertCan(req.ctx.actor, 'contracts:respond');
  const vendor = await verifiedVendorOfUser(req.ctx.db, req.ctx.actor.userId);
  const c = vendor ? await loadCase(req.ctx.db, id) : undefined;
  if (!c || c.award.vendorId !== vendor!.id) throw notFound('contracts.error.notFound');
  return c;
}

/** The winning vendor's pages: its awards and contracts, the answer to an SPPBJ, the progress of its contracts. */
export async function vendorContractPages(app: FastifyInstance) {
  const RESPOND = { config: allow('contracts:respond') };

  for (const doc of CONTRACT_DOCS)
    app.get<Params>(`/kontrak-saya/:id/${doc}.pdf`, RESPOND, async (req, reply) =>
      sendContractPdf(req, reply, await vendorCase(req, req.params.id), doc),
    );

  app.get('/kontrak-saya', RESPOND, async (req, reply) => {
    assertCan(req.ctx.actor, 'contracts:respond');
    const vendor = await verifiedVendorOfUser(req.ctx.db, req.ctx.actor.userId);
    const t = req.ctx.t;
    return sendHtml(
      reply,
      CaseListView({
        p: pageCtx(req, reply),
        title: t('contracts.mine.title'),
        empty: t(vendor ? 'contracts.mine.none' : 'contracts.mine.notVendor'),
        rows: vendor ? await listCasesOfVendor(req.ctx.db, vendor.id) : [],
        base: '/kontrak-saya',
      }),
    );
  });

  app.get<Params>('/kontrak-saya/:id', RESPOND, async (req, reply) => {
    const c = await vendorCase(req, req.params.id);
    return sendHtml(reply, CaseView({ p: pageCtx(req, reply), c, mode: 'vendor' }));
  });

  app.post<Params>('/kontrak-saya/:id/sppbj', RESPOND, async (req, reply) => {
    const id = req.params.id;
    await vendorCase(req, id);
    return handleForm(req, reply, {
      schema: RespondSchema,
      render: async (p, state) =>
        CaseView({ p, c: (await vendorCase(req, id))!, mode: 'vendor', active: { form: 'jawab', state } }),
      run: async (d) => {
        const accept = d.keputusan === 'terima';
        await respondSppbj(req.ctx, id, { accept, reason: d.reason });
        return withFlash(
          `/kontrak-saya/${id}`,
          req.ctx.t(accept ? 'contracts.sppbj.accepted' : 'contracts.sppbj.refused'),
        );
      },
    });
  });
}
