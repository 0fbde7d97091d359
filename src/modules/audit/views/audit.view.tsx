import type { MessageKey } from '../../../locales/id.ts';
import type { auditEvents } from '../../../platform/audit/audit.schema.ts';
import type { VerifyResult } from '../../../platform/audit/audit.ts';
import { formatDateTime, isMessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import type { AuditFilter } from '../audit.repository.ts';
import { AUDIT_PAGE_SIZE } from '../audit.repository.ts';
import { describeAuditEvent } from '../describe.ts';

type Row = { event: typeof auditEvents.$inferSelect; username: string | null; objectName: string | null };

function FilterField({ id, label, value }: { id: string; label: string; value?: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input class="input" id={id} name={id} value={value ?? ''} />
    </div>
  );
}

export function AuditView(props: { p: PageCtx; rows: Row[]; filter: AuditFilter; verify?: VerifyResult }) {
  const { p, rows, filter } = props;
  const last = rows[rows.length - 1];
  const qs = (extra: Record<string, string>) =>
    new URLSearchParams(
      Object.fromEntries(
        Object.entries({ action: filter.action, actor: filter.actor, objectId: filter.objectId, ...extra }).filter(
          (e): e is [string, string] => !!e[1],
        ),
      ),
    ).toString();
  return (
    <Layout p={p} title={p.t('audit.title')}>
      <h1>{p.t('audit.title')}</h1>
      <p>{p.t('audit.intro')}</p>
      {props.verify ? (
        <div class={`notice ${props.verify.ok ? 'success' : 'warning'}`} role="status">
          {props.verify.ok
            ? p.t('audit.chainOk', { count: props.verify.count })
            : p.t('audit.chainBroken', { seq: props.verify.brokenSeq })}
        </div>
      ) : null}
      <form method="get" action="/audit" class="filters">
        <FilterField id="action" label={p.t('audit.filter.action')} value={filter.action} />
        <FilterField id="actor" label={p.t('audit.filter.actor')} value={filter.actor} />
        <FilterField id="objectId" label={p.t('audit.filter.object')} value={filter.objectId} />
        <div class="field">
          <button class="button secondary" type="submit">
            {p.t('form.filter')}
          </button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p class="empty">{p.t('audit.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{p.t('audit.when')}</th>
                <th scope="col">{p.t('audit.actor')}</th>
                <th scope="col">{p.t('audit.action')}</th>
                <th scope="col">{p.t('audit.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ event: e, username, objectName }) => {
                const described = describeAuditEvent(p.t, e, objectName);
                return (
                  <tr key={e.seq}>
                    <td>{e.seq}</td>
                    <td>{formatDateTime(e.at, p.locale)}</td>
                    <td>
                      {e.actorName ?? p.t('audit.system')}
                      {username ? <small> ({username})</small> : null}
                      {e.actorRole ? (
                        <>
                          <br />
                          <small>
                            {isMessageKey(`role.${e.actorRole}`)
                              ? p.t(`role.${e.actorRole}` as MessageKey)
                              : e.actorRole}
                          </small>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {described.href ? <a href={described.href}>{described.text}</a> : described.text}
                      <br />
                      <small>
                        <code>{e.action}</code>
                      </small>
                    </td>
                    <td>
                      {/* The raw record stays one click away for auditors; the sentence is what people read. */}
                      <details>
                        <summary>{p.t('audit.details')}</summary>
                        <p>
                          {e.objectType}
                          {e.objectId ? ` ${e.objectId}` : ''}
                        </p>
                        <pre class="summary-json">{JSON.stringify(e.summary, null, 1)}</pre>
                      </details>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {last && rows.length === AUDIT_PAGE_SIZE ? (
        <p>
          <a href={`/audit?${qs({ before: String(last.event.seq) })}`}>{p.t('audit.older')} →</a>
        </p>
      ) : null}
      <p>
        <a href={`/audit?${qs({ verifikasi: '1' })}`}>{p.t('audit.verify')}</a>
      </p>
    </Layout>
  );
}
