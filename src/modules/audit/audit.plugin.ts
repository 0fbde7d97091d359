import type { FastifyInstance } from 'fastify';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { assertCan } from '../../platform/auth/permissions.ts';
import { allow } from '../../platform/http/access.ts';
import { pageCtx, sendHtml } from '../../platform/ui/page.ts';
import { searchAudit } from './audit.repository.ts';
import { AuditView } from './views/audit.view.tsx';

type Q = { Querystring: { action?: string; actor?: string; objectId?: string; before?: string; verifikasi?: string } };

const clean = (v: string | undefined) => v?.trim().slice(0, 100) || undefined;

/** Browsing the audit trail: Kepala LPSE, Auditor and the system administrator. */
export async function auditPlugin(app: FastifyInstance) {
  app.get<Q>('/audit', { config: allow('audit:read') }, async (req, reply) => {
    assertCan(req.ctx.actor, 'audit:read');
    const before = Number.parseInt(req.query.before ?? '', 10);
    const filter = {
      action: clean(req.query.action),
      actor: clean(req.query.actor),
      objectId: clean(req.query.objectId),
      before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
    };
    const rows = await searchAudit(req.ctx.db, filter);
    const verify = req.query.verifikasi ? await verifyAuditChain(req.ctx.db) : undefined;
    return sendHtml(reply, AuditView({ p: pageCtx(req, reply), rows, filter, verify }));
  });
}
