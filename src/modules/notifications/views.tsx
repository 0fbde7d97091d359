import type { FormState } from '../../platform/http/forms.ts';
import { formatDateTime, formatRupiah } from '../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, SelectField, TextField } from '../../platform/ui/form.tsx';
import { Layout } from '../../platform/ui/layout.tsx';
import type { PageCtx } from '../../platform/ui/page.ts';
import { Pager } from '../../platform/ui/pager.tsx';
import type { NotificationRow, SavedSearchRow } from './notifications.repository.ts';
import { renderMessage } from './notify.ts';

export function InboxView(props: {
  p: PageCtx;
  rows: NotificationRow[];
  unread: number;
  page: number;
  last: number;
  canSearch: boolean;
}) {
  const { p, rows } = props;
  const here = props.page > 1 ? `/notifikasi?page=${props.page}` : '/notifikasi';
  return (
    <Layout p={p} title={p.t('notifications.title')}>
      <h1>{p.t('notifications.title')}</h1>
      <p class="lead">{p.t('notifications.intro')}</p>
      {props.canSearch ? (
        <p>
          <a href="/notifikasi/pencarian">{p.t('notifications.searchesLink')}</a>
        </p>
      ) : null}
      <p role="status">{p.t('notifications.unreadCount', { count: props.unread })}</p>
      {props.unread > 0 ? (
        <form method="post" action="/notifikasi/baca-semua">
          <Csrf p={p} />
          <input type="hidden" name="kembali" value={here} />
          <Button variant="secondary">{p.t('notifications.markAllRead')}</Button>
        </form>
      ) : null}
      {rows.length === 0 ? (
        <p class="empty">{p.t('notifications.empty')}</p>
      ) : (
        <ol class="notifications">
          {rows.map((n) => (
            <li key={n.id} class={n.readAt ? 'read' : 'unread'}>
              <p>
                {n.readAt ? null : <strong>{p.t('notifications.unread')}: </strong>}
                {renderMessage(p.locale, n.messageKey, n.params)}
              </p>
              <p class="hint">
                <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, p.locale)}</time>
                {n.link ? (
                  <>
                    {' · '}
                    <a href={n.link}>{p.t('notifications.open')}</a>
                  </>
                ) : null}
              </p>
              {n.readAt ? null : (
                <form method="post" action={`/notifikasi/${n.id}/baca`}>
                  <Csrf p={p} />
                  <input type="hidden" name="kembali" value={here} />
                  <Button variant="secondary">{p.t('notifications.markRead')}</Button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
      {props.last > 1 ? (
        <Pager
          label={p.t('notifications.pager')}
          prevLabel={p.t('notifications.prev')}
          nextLabel={p.t('notifications.next')}
          page={props.page}
          last={props.last}
          href={(page) => `/notifikasi?page=${page}`}
        >
          <p>{p.t('notifications.pageOf', { page: props.page, last: props.last })}</p>
        </Pager>
      ) : null}
    </Layout>
  );
}

export interface SearchOptions {
  jenis: { value: string; label: string }[];
  agencies: { value: string; label: string }[];
}

export function SavedSearchesView(props: {
  p: PageCtx;
  searches: { search: SavedSearchRow; agencyName: string | null }[];
  options: SearchOptions;
  state?: FormState;
}) {
  const { p, state } = props;
  const any = p.t('notifications.search.any');
  const jenisLabel = (v: string | null) => (v ? (props.options.jenis.find((o) => o.value === v)?.label ?? v) : any);
  const hps = (min: bigint | null, max: bigint | null) =>
    min === null && max === null
      ? any
      : `${min === null ? '—' : formatRupiah(min)} – ${max === null ? '—' : formatRupiah(max)}`;
  return (
    <Layout p={p} title={p.t('notifications.search.title')} hasErrors={!!state && Object.keys(state.errors).length > 0}>
      <ErrorSummary
        p={p}
        state={state}
        labels={{
          nama: p.t('notifications.search.nama'),
          jenis: p.t('notifications.search.jenis'),
          agencyId: p.t('notifications.search.agency'),
          hpsMin: p.t('notifications.search.hpsMin'),
          hpsMax: p.t('notifications.search.hpsMax'),
          keyword: p.t('notifications.search.keyword'),
        }}
      />
      <h1>{p.t('notifications.search.title')}</h1>
      <p class="lead">{p.t('notifications.search.intro')}</p>
      <p>
        <a href="/notifikasi">{p.t('notifications.title')}</a>
      </p>
      {props.searches.length === 0 ? (
        <p class="empty">{p.t('notifications.search.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{p.t('notifications.search.nama')}</th>
                <th scope="col">{p.t('notifications.search.jenis')}</th>
                <th scope="col">{p.t('notifications.search.agency')}</th>
                <th scope="col">HPS</th>
                <th scope="col">{p.t('notifications.search.keyword')}</th>
                <th scope="col">
                  <span class="visually-hidden">{p.t('notifications.search.delete')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.searches.map(({ search: s, agencyName }) => (
                <tr key={s.id}>
                  <td>{s.nama}</td>
                  <td>{jenisLabel(s.jenis)}</td>
                  <td>{agencyName ?? any}</td>
                  <td>{hps(s.hpsMin, s.hpsMax)}</td>
                  <td>{s.keyword ?? any}</td>
                  <td>
                    <form method="post" action={`/notifikasi/pencarian/${s.id}/hapus`}>
                      <Csrf p={p} />
                      <button
                        type="submit"
                        class="button secondary"
                        aria-label={`${p.t('notifications.search.delete')}: ${s.nama}`}
                      >
                        {p.t('notifications.search.delete')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{p.t('notifications.search.new')}</h2>
      <form method="post" action="/notifikasi/pencarian" novalidate>
        <Csrf p={p} />
        <TextField
          p={p}
          state={state}
          name="nama"
          label={p.t('notifications.search.nama')}
          hint={p.t('notifications.search.namaHint')}
        />
        <SelectField
          p={p}
          state={state}
          name="jenis"
          optional
          label={p.t('notifications.search.jenis')}
          options={props.options.jenis}
        />
        <SelectField
          p={p}
          state={state}
          name="agencyId"
          optional
          label={p.t('notifications.search.agency')}
          options={props.options.agencies}
        />
        <TextField
          p={p}
          state={state}
          name="hpsMin"
          optional
          inputMode="numeric"
          width="medium"
          label={p.t('notifications.search.hpsMin')}
          hint={p.t('notifications.search.hpsHint')}
        />
        <TextField
          p={p}
          state={state}
          name="hpsMax"
          optional
          inputMode="numeric"
          width="medium"
          label={p.t('notifications.search.hpsMax')}
          hint={p.t('notifications.search.hpsHint')}
        />
        <TextField
          p={p}
          state={state}
          name="keyword"
          optional
          label={p.t('notifications.search.keyword')}
          hint={p.t('notifications.search.keywordHint')}
        />
        <Button>{p.t('notifications.search.save')}</Button>
      </form>
    </Layout>
  );
}
