import type { FormState } from '../../../platform/http/forms.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import type { listApiKeys } from '../national/api-keys.ts';
import type { listDeliveries } from '../national/push.ts';

export interface NationalFeedPage {
  keys: Awaited<ReturnType<typeof listApiKeys>>;
  deliveries: Awaited<ReturnType<typeof listDeliveries>>;
  pushUrl: string | undefined;
  /** The key just issued: shown on this response only. */
  issued?: { key: string; name: string };
}

/** /admin/data-terbuka (R49): harvesting keys (issue, revoke) and the push job's delivery log. */
export function NationalFeedView({ p, d, state }: { p: PageCtx; d: NationalFeedPage; state?: FormState }) {
  const s: FormState = state ?? { values: {}, errors: {} };
  const labels = { name: p.t('national.keyName') };
  return (
    <Layout p={p} title={p.t('national.title')} hasErrors={!!state && Object.keys(state.errors).length > 0}>
      <ErrorSummary p={p} state={state} labels={labels} />
      <h1>{p.t('national.title')}</h1>
      <p>{p.t('national.intro')}</p>
      {d.issued ? (
        <section class="notice" aria-labelledby="kunci-baru">
          <h2 id="kunci-baru">{p.t('national.issued', { name: d.issued.name })}</h2>
          <p>{p.t('national.issuedOnce')}</p>
          <p>
            <code data-testid="api-key">{d.issued.key}</code>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="kunci">
        <h2 id="kunci">{p.t('national.keys')}</h2>
        <p>{p.t('national.keysHow')}</p>
        {d.keys.length === 0 ? (
          <p class="empty">{p.t('national.keysEmpty')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{p.t('national.keyName')}</th>
                  <th scope="col">{p.t('national.keyPrefix')}</th>
                  <th scope="col">{p.t('national.keyCreated')}</th>
                  <th scope="col">{p.t('national.keyLastUsed')}</th>
                  <th scope="col">{p.t('national.keyStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {d.keys.map((k) => (
                  <tr key={k.id}>
                    <td>{k.name}</td>
                    <td>
                      <code>{k.keyPrefix}…</code>
                    </td>
                    <td>{formatDateTime(k.createdAt, p.locale)}</td>
                    <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, p.locale) : '—'}</td>
                    <td>
                      {k.revokedAt ? (
                        p.t('national.revokedAt', { at: formatDateTime(k.revokedAt, p.locale) })
                      ) : (
                        <form method="post" action={`/admin/data-terbuka/kunci/${k.id}/cabut`} class="inline">
                          <Csrf p={p} />
                          <button type="submit" class="button warning">
                            {p.t('national.revoke')}
                            <span class="visually-hidden"> {k.name}</span>
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>{p.t('national.issue')}</h3>
        <form method="post" action="/admin/data-terbuka/kunci" novalidate>
          <Csrf p={p} />
          <TextField p={p} state={s} name="name" label={labels.name} hint={p.t('national.keyNameHint')} />
          <Button>{p.t('national.issue')}</Button>
        </form>
      </section>
      <section aria-labelledby="kirim">
        <h2 id="kirim">{p.t('national.push')}</h2>
        <p>
          {d.pushUrl ? p.t('national.pushTo', { url: d.pushUrl }) : p.t('national.pushOff')} {p.t('national.pushHow')}
        </p>
        {d.deliveries.length === 0 ? (
          <p class="empty">{p.t('national.deliveriesEmpty')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption>{p.t('national.deliveries')}</caption>
              <thead>
                <tr>
                  <th scope="col">{p.t('national.dRange')}</th>
                  <th scope="col">{p.t('national.dStatus')}</th>
                  <th scope="col">{p.t('national.dAttempts')}</th>
                  <th scope="col">{p.t('national.dLast')}</th>
                  <th scope="col">{p.t('national.dWhen')}</th>
                </tr>
              </thead>
              <tbody>
                {d.deliveries.map((x) => (
                  <tr key={x.id}>
                    <td>
                      {x.fromSeq + 1}–{x.toSeq} ({x.releases})
                    </td>
                    <td>{x.status === 'delivered' ? p.t('national.delivered') : p.t('national.pending')}</td>
                    <td>{x.attempts}</td>
                    <td>{[x.lastStatus ?? '', x.lastError ?? ''].filter(Boolean).join(' · ') || '—'}</td>
                    <td>
                      {x.deliveredAt
                        ? formatDateTime(x.deliveredAt, p.locale)
                        : p.t('national.nextAttempt', { at: formatDateTime(x.nextAttemptAt, p.locale) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  );
}
