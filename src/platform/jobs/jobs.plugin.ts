import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/audit.ts';
import { assertUuid, conflict } from '../errors.ts';
import { allow } from '../http/access.ts';
import { auditContext } from '../http/context.ts';
import { withFlash } from '../http/handle-form.ts';
import { pageCtx, redirectSeeOther, sendHtml } from '../ui/page.ts';
import { JOB_STATUSES, type JobStatus } from './jobs.schema.ts';
import { countJobsByStatus, listJobs, retryJob } from './jobs.ts';
import { JobsView } from './jobs.view.tsx';

const isStatus = (v: unknown): v is JobStatus =>
  typeof v === 'string' && (JOB_STATUSES as readonly string[]).includes(v);

/** Scheduled jobs for the Admin Sistem: the list with the last error, and retrying a failed job. */
export async function jobsPlugin(app: FastifyInstance) {
  app.get<{ Querystring: { status?: string } }>('/admin/tugas', { config: allow('jobs:read') }, async (req, reply) => {
    const status = isStatus(req.query.status) ? req.query.status : undefined;
    const [rows, counts] = await Promise.all([listJobs(req.ctx.db, { status }), countJobsByStatus(req.ctx.db)]);
    return sendHtml(reply, JobsView({ p: pageCtx(req, reply), rows, status, counts }));
  });

  app.post<{ Params: { id: string } }>(
    '/admin/tugas/:id/ulang',
    { config: allow('jobs:manage') },
    async (req, reply) => {
      assertUuid(req.params.id);
      const job = await req.ctx.db.transaction(async (tx) => {
        const retried = await retryJob(tx, req.ctx.clock, req.params.id);
        if (!retried) throw conflict('JOB_NOT_FAILED', 'jobs.notFailed');
        await recordAudit(tx, auditContext(req.ctx), {
          action: 'job.retry',
          objectType: 'job',
          objectId: retried.id,
          summary: { kind: retried.kind, key: retried.key, lastError: retried.lastError },
        });
        return retried;
      });
      return redirectSeeOther(reply, withFlash('/admin/tugas', req.ctx.t('jobs.retried', { key: job.key })));
    },
  );
}
