import type { FastifyInstance } from 'fastify';
import { allow } from '../../../platform/http/access.ts';
import { withFlash } from '../../../platform/http/handle-form.ts';
import { pageCtx, redirectSeeOther, sendHtml } from '../../../platform/ui/page.ts';
import { approveRoleGrant, canDecide, pendingRoleGrants, rejectRoleGrant } from '../commands/role-grants.ts';
import { RoleGrantsView } from '../views/role-grants.views.tsx';

type P = { Params: { id: string } };

/** The second person's page of the two-person rule for LPSE-unit roles. */
export async function roleGrantsPages(app: FastifyInstance) {
  app.get('/admin/persetujuan-peran', { config: allow('role-grants:approve') }, async (req, reply) => {
    const requests = await pendingRoleGrants(req.ctx.db);
    return sendHtml(
      reply,
      RoleGrantsView({ p: pageCtx(req, reply), requests, canDecide: (r) => canDecide(req.ctx.actor, r) }),
    );
  });

  app.post<P>('/admin/persetujuan-peran/:id/setujui', { config: allow('role-grants:approve') }, async (req, reply) => {
    const { role } = await approveRoleGrant(req.ctx, req.params.id);
    const flash = req.ctx.t('roleGrants.approved', { role: req.ctx.t(`role.${role}`) });
    return redirectSeeOther(reply, withFlash('/admin/persetujuan-peran', flash));
  });

  app.post<P>('/admin/persetujuan-peran/:id/tolak', { config: allow('role-grants:approve') }, async (req, reply) => {
    const { role } = await rejectRoleGrant(req.ctx, req.params.id);
    const flash = req.ctx.t('roleGrants.rejected', { role: req.ctx.t(`role.${role}`) });
    return redirectSeeOther(reply, withFlash('/admin/persetujuan-peran', flash));
  });
}
