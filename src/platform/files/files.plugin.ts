import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/audit.ts';
import { type Actor, can } from '../auth/permissions.ts';
import type { Db } from '../db/database.ts';
import { forbidden, notFound } from '../errors.ts';
import { auditContext } from '../http/context.ts';
import type { DocumentClass } from './document-classes.ts';
import { type DocumentRow, getDocument, openDocumentForRead } from './documents.ts';

/** Decides whether `actor` may read `doc`. Modules register one per document class they own. */
export type DocumentReadPolicy = (db: Db, actor: Actor | null, doc: DocumentRow) => Promise<boolean> | boolean;

const policies = new Map<string, DocumentReadPolicy>();
/** Classes anyone may read (public decrees); their downloads are not audited. */
const PUBLIC_CLASSES = new Set<string>(['sk_tim_lpse']);

export function registerDocumentPolicy(classes: DocumentClass[], policy: DocumentReadPolicy) {
  for (const c of classes) policies.set(c, policy);
}

// By default: the uploader, and the LPSE officers who handle registrations.
const defaultPolicy: DocumentReadPolicy = (_db, actor, doc) =>
  !!actor && (actor.userId === doc.uploadedBy || can(actor, 'registration:read'));

/**
 * Every download passes a policy check; every non-public read is written to the audit trail, and a refused read too
 * (a vendor opening another vendor's KTP is a security event, not just a 403).
 */
export async function filesPlugin(app: FastifyInstance) {
  app.get<{ Params: { id: string }; Querystring: { unduh?: string } }>('/berkas/:id', async (req, reply) => {
    const doc = await getDocument(req.ctx.db, req.params.id);
    if (!doc) throw notFound();
    const isPublic = PUBLIC_CLASSES.has(doc.docClass);
    const policy = policies.get(doc.docClass) ?? defaultPolicy;
    const allowed = isPublic || (await policy(req.ctx.db, req.ctx.actor, doc));
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
    const body = await openDocumentForRead(req.ctx.db, req.ctx.files, doc, auditContext(req.ctx));
    return reply
      .header('content-type', doc.mime)
      .header('content-length', String(doc.size))
      .header('content-disposition', `${disposition}; filename="${doc.originalName.replace(/[^\w.-]+/g, '_')}"`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  });
}
