import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { getDocument, openDocumentForRead } from '../../../platform/files/documents.ts';
import { PUBLIC } from '../../../platform/http/access.ts';
import { pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { receiptPdf } from '../pdf.ts';
import { registrantAudit, registrantOrResume } from '../registrant.ts';
import { allDocumentVersions, findVendorByRegistration } from '../registration.repository.ts';
import { RegistrantStatusView } from '../views/registrant.views.tsx';

/** After submitting: the status, the receipt (R31) and the applicant's own documents while the User ID is pending. */
export async function statusPages(app: FastifyInstance) {
  app.get('/daftar/status', { config: PUBLIC }, async (req, reply) => {
    const r = await registrantOrResume(req, reply);
    if (!r) return reply;
    return sendHtml(reply, RegistrantStatusView({ p: pageCtx(req, reply), reg: r.registration }));
  });

  app.get('/daftar/tanda-terima.pdf', { config: PUBLIC }, async (req, reply) => {
    const r = await registrantOrResume(req, reply);
    if (!r) return reply;
    if (r.registration.status === 'draft') throw notFound();
    const vendor = (await findVendorByRegistration(req.ctx.db, r.registration.id)) ?? null;
    const pdf = await receiptPdf(
      { t: req.ctx.t, locale: req.ctx.locale, lpseName: req.ctx.config.lpseName },
      { reg: r.registration, vendor, submittedAt: r.registration.submittedAt },
    );
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="tanda-terima-${r.registration.number}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  // The registrant's own documents while the User ID is still pending; every read is audited like /berkas.
  app.get<{ Params: { id: string } }>('/daftar/berkas/:id', { config: PUBLIC }, async (req, reply) => {
    const r = await registrantOrResume(req, reply);
    if (!r) return reply;
    const doc = await getDocument(req.ctx.db, req.params.id);
    if (!doc) throw notFound();
    const mine = (await allDocumentVersions(req.ctx.db, r.registration.id)).some((d) => d.doc.id === doc.id);
    await req.ctx.db.transaction((tx) =>
      recordAudit(tx, registrantAudit(req.ctx, r), {
        action: mine ? 'document.read' : 'document.read_denied',
        objectType: 'document',
        objectId: doc.id,
        summary: { docClass: doc.docClass, sha256: doc.sha256, via: 'registration' },
      }),
    );
    if (!mine) throw forbidden();
    const body = await openDocumentForRead(req.ctx.db, req.ctx.files, doc, registrantAudit(req.ctx, r), 'registration');
    return reply
      .header('content-type', doc.mime)
      .header('content-length', String(doc.size))
      .header('content-disposition', `inline; filename="${doc.originalName.replace(/[^\w.-]+/g, '_')}"`)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  });
}
