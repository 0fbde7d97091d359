import type { MessageKey } from '../../locales/id.ts';
import { formatDateTime } from '../i18n/i18n.ts';
import { Button, Csrf } from '../ui/form.tsx';
import { Layout } from '../ui/layout.tsx';
import type { PageCtx } from '../ui/page.ts';
import { JOB_STATUSES, type Job, type JobStatus } from './jobs.schema.ts';
import { JOBS_PAGE_SIZE } from './jobs.ts';

const TAG: Record<JobStatus, string> = {
  pending: '',
  running: 'yellow',
  done: 'green',
  failed: 'red',
  cancelled: '',
};

const statusLabel = (p: PageCtx, s: JobStatus) => p.t(`jobs.status.${s}` as MessageKey);

/** The jobs the system runs later or repeatedly, for the Admin Sistem: what is due, what failed and why. */
export function JobsView(props: {
  p: PageCtx;
  rows: Job[];
  status?: JobStatus;
  counts: Partial<Record<JobStatus, number>>;
}) {
  const { p, rows, status, counts } = props;
  return (
    <Layout p={p} title={p.t('jobs.title')}>
      <h1>{p.t('jobs.title')}</h1>
      <p>{p.t('jobs.intro')}</p>
      <form method="get" action="/admin/tugas" class="filters">
        <div class="field">
          <label for="status">{p.t('jobs.status')}</label>
          <select class="input" id="status" name="status">
            <option value="">{p.t('jobs.filter.all')}</option>
            {JOB_STATUSES.map((s) => (
              <option key={s} value={s} selected={s === status}>
                {statusLabel(p, s)} ({counts[s] ?? 0})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <button class="button secondary" type="submit">
            {p.t('form.filter')}
          </button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p class="empty">{p.t('jobs.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{p.t('jobs.kind')}</th>
                <th scope="col">{p.t('jobs.key')}</th>
                <th scope="col">{p.t('jobs.status')}</th>
                <th scope="col">{p.t('jobs.runAt')}</th>
                <th scope="col">{p.t('jobs.attempts')}</th>
                <th scope="col">{p.t('jobs.lastError')}</th>
                <th scope="col">
                  <span class="visually-hidden">{p.t('jobs.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((j) => (
                <tr key={j.id}>
                  <td>
                    <code>{j.kind}</code>
                  </td>
                  <td>
                    <small>{j.key}</small>
                  </td>
                  <td>
                    <span class={`tag ${TAG[j.status]}`.trim()}>{statusLabel(p, j.status)}</span>
                  </td>
                  <td>{formatDateTime(j.runAt, p.locale)}</td>
                  <td>
                    {j.attempts}/{j.maxAttempts}
                  </td>
                  <td>{j.lastError ?? ''}</td>
                  <td>
                    {j.status === 'failed' ? (
                      <form method="post" action={`/admin/tugas/${j.id}/ulang`}>
                        <Csrf p={p} />
                        <Button variant="secondary">
                          {p.t('jobs.retry')}
                          <span class="visually-hidden"> {j.key}</span>
                        </Button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length === JOBS_PAGE_SIZE ? <p>{p.t('jobs.more', { count: JOBS_PAGE_SIZE })}</p> : null}
    </Layout>
  );
}
