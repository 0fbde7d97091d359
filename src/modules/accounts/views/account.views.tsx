import type { MessageKey } from '../../../locales/id.ts';
import { type FormState, hasErrors } from '../../../platform/http/forms.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, NewPasswordFields, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';

interface SessionItem {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

export function AccountView({ p, sessions, state }: { p: PageCtx; sessions: SessionItem[]; state?: FormState }) {
  return (
    <Layout p={p} title={p.t('auth.account.title')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{p.t('auth.account.title')}</h1>
      <dl class="summary">
        <dt>{p.t('auth.name')}</dt>
        <dd>{p.actor?.name}</dd>
        <dt>{p.t('auth.username')}</dt>
        <dd>{p.actor?.username}</dd>
        <dt>{p.t('auth.email')}</dt>
        <dd>{p.actor?.email}</dd>
        <dt>{p.t('auth.account.roles')}</dt>
        <dd>{p.actor?.roles.map((r) => p.t(`role.${r.role}` as MessageKey)).join(', ') || '—'}</dd>
      </dl>

      <h2 id="sesi">{p.t('auth.sessions.title')}</h2>
      <p>{p.t('auth.sessions.intro')}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{p.t('auth.sessions.device')}</th>
              <th scope="col">{p.t('auth.sessions.started')}</th>
              <th scope="col">{p.t('auth.sessions.lastSeen')}</th>
              <th scope="col">
                <span class="visually-hidden">{p.t('auth.sessions.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.userAgent ?? '—'}
                  <br />
                  <small>{s.ip ?? ''}</small>
                </td>
                <td>{formatDateTime(s.createdAt, p.locale)}</td>
                <td>{formatDateTime(s.lastSeenAt, p.locale)}</td>
                <td>
                  {s.current ? (
                    <span class="tag green">{p.t('auth.sessions.current')}</span>
                  ) : (
                    <form method="post" action={`/akun/sesi/${s.id}/cabut`}>
                      <Csrf p={p} />
                      <Button variant="secondary">{p.t('auth.sessions.revoke')}</Button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="kata-sandi">{p.t('auth.password.title')}</h2>
      <form method="post" action="/akun/kata-sandi" novalidate>
        <Csrf p={p} />
        <TextField
          p={p}
          state={state}
          name="current"
          type="password"
          label={p.t('auth.password.current')}
          autocomplete="current-password"
          width="medium"
        />
        <NewPasswordFields p={p} state={state} label={p.t('auth.password.new')} />
        <Button>{p.t('form.save')}</Button>
      </form>
    </Layout>
  );
}
