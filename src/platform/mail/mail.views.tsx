import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../registry.ts';
import { formatDateTime } from '../i18n/i18n.ts';
import { Button, Csrf } from '../ui/form.tsx';
import { Layout } from '../ui/layout.tsx';
import type { PageCtx } from '../ui/page.ts';
import { MAIL_PAGE_SIZE, MAIL_STATES, type MailRow, type MailState, type MailSummary } from './mail.repository.ts';

const TAG: Record<MailState, string> = { pending: 'yellow', sent: 'green', failed: 'red', logged: '' };

function StateTag({ p, state }: { p: PageCtx; state: MailState }) {
  return <span class={`tag ${TAG[state]}`.trim()}>{p.t(`mail.state.${state}` as MessageKey)}</span>;
}

function SecretNotice({ p }: { p: PageCtx }) {
  return (
    <div class="notice warning">
      <p>{p.t('mail.secretNotice')}</p>
    </div>
  );
}

export function MailListView(props: {
  p: PageCtx;
  rows: MailSummary[];
  total: number;
  state?: MailState;
  page: number;
  smtpConfigured: boolean;
}) {
  const { p, rows, state, page, total } = props;
  const pages = Math.max(1, Math.ceil(total / MAIL_PAGE_SIZE));
  const href = (n: number) => {
    const q = new URLSearchParams();
    if (state) q.set('status', state);
    if (n > 1) q.set('halaman', String(n));
    const s = q.toString();
    return `/admin/surel${s ? `?${s}` : ''}`;
  };
  return (
    <Layout p={p} title={p.t('mail.title')}>
      <h1>{p.t('mail.title')}</h1>
      <p class="lead">{p.t('mail.intro')}</p>
      {props.smtpConfigured ? null : <p>{p.t('mail.noSmtp')}</p>}
      <SecretNotice p={p} />
      <form method="get" action="/admin/surel" class="filters">
        <div class="field">
          <label for="status">{p.t('mail.filter.state')}</label>
          <select class="input" id="status" name="status">
            <option value="">{p.t('mail.filter.all')}</option>
            {MAIL_STATES.map((s) => (
              <option key={s} value={s} selected={s === state}>
                {p.t(`mail.state.${s}` as MessageKey)}
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
        <p class="empty">{p.t('mail.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{p.t('mail.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{p.t('mail.to')}</th>
                <th scope="col">{p.t('mail.subject')}</th>
                <th scope="col">{p.t('mail.state')}</th>
                <th scope="col">{p.t('mail.attempts')}</th>
                <th scope="col">{p.t('mail.lastError')}</th>
                <th scope="col">{p.t('mail.createdAt')}</th>
                <th scope="col">{p.t('mail.sentAt')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td>{m.toAddress}</td>
                  <td>
                    <a href={`/admin/surel/${m.id}`}>{m.subject}</a>
                  </td>
                  <td>
                    <StateTag p={p} state={m.status} />
                  </td>
                  <td>{m.attempts}</td>
                  <td>{m.lastError ?? '—'}</td>
                  <td>{formatDateTime(m.createdAt, p.locale)}</td>
                  <td>{formatDateTime(m.sentAt, p.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={p.t('mail.pages')}>
          <p>
            {page > 1 ? <a href={href(page - 1)}>← {p.t('mail.newer')}</a> : null} {p.t('mail.pageOf', { page, pages })}{' '}
            {page < pages ? <a href={href(page + 1)}>{p.t('mail.older')} →</a> : null}
          </p>
        </nav>
      ) : null}
    </Layout>
  );
}

const LINK_SPLIT = /(https?:\/\/[^\s<>"']+)/g;

/** The plain-text body with its http(s) links made clickable; everything else stays text (escaped by Preact). */
function BodyWithLinks({ text }: { text: string }) {
  const parts: ComponentChildren[] = text.split(LINK_SPLIT).map((part, i) => {
    if (i % 2 === 0) return part;
    const trailing = /[.,;:!?)\]]+$/.exec(part)?.[0] ?? '';
    const url = part.slice(0, part.length - trailing.length);
    return (
      <>
        <a href={url}>{url}</a>
        {trailing}
      </>
    );
  });
  return <pre class="summary-json">{parts}</pre>;
}

export function MailDetailView({ p, mail }: { p: PageCtx; mail: MailRow }) {
  return (
    <Layout p={p} title={mail.subject}>
      <p>
        <a href="/admin/surel">← {p.t('mail.back')}</a>
      </p>
      <h1>{mail.subject}</h1>
      <SecretNotice p={p} />
      <dl class="summary">
        <dt>{p.t('mail.to')}</dt>
        <dd>{mail.toAddress}</dd>
        <dt>{p.t('mail.state')}</dt>
        <dd>
          <StateTag p={p} state={mail.status} />
        </dd>
        <dt>{p.t('mail.attempts')}</dt>
        <dd>{mail.attempts}</dd>
        <dt>{p.t('mail.lastError')}</dt>
        <dd>{mail.lastError ?? '—'}</dd>
        <dt>{p.t('mail.createdAt')}</dt>
        <dd>{formatDateTime(mail.createdAt, p.locale)}</dd>
        <dt>{p.t('mail.sentAt')}</dt>
        <dd>{formatDateTime(mail.sentAt, p.locale)}</dd>
      </dl>
      <h2>{p.t('mail.body')}</h2>
      <BodyWithLinks text={mail.bodyText} />
      <form method="post" action={`/admin/surel/${mail.id}/kirim-ulang`}>
        <Csrf p={p} />
        <p class="hint">{p.t('mail.resendHint')}</p>
        <Button variant="secondary">{p.t('mail.resend')}</Button>
      </form>
    </Layout>
  );
}
