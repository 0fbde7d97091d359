import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/audit.ts';
import { forbidden, notFound } from '../errors.ts';
import { PUBLIC } from '../http/access.ts';
import { auditContext } from '../http/context.ts';
import { documentClass } from './document-classes.ts';
import { getDocument, openDocumentForRead } from './documents.ts';

/**
 * Every download passes the policy its document class declares; every non-public read is written to the audit trail,
 * and a refused read too (a vendor opening another vendor's KTP is a security event, not just a 403). A class without
 * a declaration is readable by nobody.
 */
export async function filesPlugin(app: FastifyInstance) {
  app.get<{ Params: { id: string }; Querystring: { unduh?: string } }>(
    '/berkas/:id',
    { config: PUBLIC },
    async (req, reply) => {
      const doc = await getDocument(req.ctx.db, req.params.id);
      if (!doc) throw notFound();
      const cls = documentClass(doc.docClass);
      const isPublic = cls?.read === 'public';
      const allowed = isPublic || (!!cls && cls.read !== 'public' && (await cls.read(req.ctx.db, req.ctx.actor, doc)));
      if (!isPublic) {
        await req.ctx.db.transaction((tx) =>
          recordAudit(tx, auditContext(req.ctx), {
            action: allowed ? 'document.read' : 'document.read_denied',
            objectType: 'document',
            objectId: doc.id,
            summary: { docClass: doc.docClass, sha256: doc.sha256 },
          }),
        );
      }
      if (!allowed) throw req.ctx.actor ? forbidden() : forbidden('error.unauthenticated');
      const disposition = req.query.unduh ? 'attachment' : 'inline';
      // Verified whole before the first byte is sent: a tampered file is refused, never half-served.
      const body = await openDocumentForRead(req.ctx.db, req.ctx.files, doc, auditContext(req.ctx));
      return reply
        .header('content-type', doc.mime)
        .header('content-length', String(doc.size))
        .header('content-disposition', `${disposition}; filename="${doc.originalName.replace(/[^\w.-]+/g, '_')}"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(body);
    },
  );
}
