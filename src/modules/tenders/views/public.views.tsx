import { can } from '../../../platform/auth/permissions.ts';
import { formatDateTime, formatRupiah } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import { Pager } from '../../../platform/ui/pager.tsx';
import { klpdName } from '../../../platform/ui/site.ts';
import { JENIS, METODE } from '../../rup/index.ts';
import { type TenderFilterValues, tenderFilterQuery } from '../filters.ts';
import { MAX_PAGE, PAGE_SIZE, PUBLIC_STATUSES, type PublicTender, type PublicTenderRow } from '../public.repository.ts';
import { label } from './labels.ts';
import { AddendaList, ClosingNotice, FileList, ScheduleHistory } from './lifecycle.views.tsx';

function Select(props: {
  id: string;
  text: string;
  value: string;
  options: { value: string; label: string }[];
  all: string;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.text}</label>
      <select class="input" id={props.id} name={props.id}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Input(props: { id: string; text: string; value: string; numeric?: boolean }) {
  return (
    <div class="field">
      <label for={props.id}>{props.text}</label>
      <input
        class={`input${props.numeric ? ' w-medium' : ''}`}
        id={props.id}
        name={props.id}
        type="text"
        value={props.value}
        inputMode={props.numeric ? 'numeric' : undefined}
      />
    </div>
  );
}

/**
 * The stage names (a tender may be in two overlapping stages), or the state when no stage is open, with the stage
 * that opens next when there is one.
 */
export function StageText({
  p,
  stages,
  status,
  upcoming,
}: {
  p: PageCtx;
  stages: { name: string }[];
  status: string;
  upcoming?: { name: string; startsAt: Date } | undefined;
}) {
  if (status !== 'berlangsung') return <>{label(p.t, 'tenders.status', status)}</>;
  if (stages.length === 0 && upcoming) {
    return (
      <>{p.t('tenders.public.nextStage', { stage: upcoming.name, at: formatDateTime(upcoming.startsAt, p.locale) })}</>
    );
  }
  if (stages.length === 0) return <>{p.t('tenders.public.noStage')}</>;
  return <>{stages.map((s) => s.name).join('; ')}</>;
}

export function TenderListView(props: {
  p: PageCtx;
  values: TenderFilterValues;
  page: number;
  badHps: boolean;
  rows: PublicTenderRow[];
  total: number;
  years: number[];
  agencies: { code: string; name: string }[];
  stages: { code: string; name: string }[];
}) {
  const { p, values } = props;
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  const last = Math.min(pages, MAX_PAGE);
  const all = p.t('tenders.filter.all');
  return (
    <Layout p={p} title={p.t('tenders.public.title')}>
      <h1>{p.t('tenders.public.title')}</h1>
      <p class="lead">{p.t('tenders.public.intro')}</p>
      <form method="get" action="/tender" class="filters" aria-label={p.t('tenders.filter.label')}>
        <Input id="q" text={p.t('tenders.filter.q')} value={values.q} />
        <Select
          id="tahun"
          text={p.t('tenders.field.tahunAnggaran')}
          value={values.tahun}
          all={all}
          options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <Select
          id="agency"
          text={p.t('tenders.field.satker')}
          value={values.agency}
          all={all}
          options={props.agencies.map((a) => ({ value: a.code, label: a.name }))}
        />
        <Select
          id="jenis"
          text={p.t('tenders.field.jenis')}
          value={values.jenis}
          all={all}
          options={JENIS.map((v) => ({ value: v, label: label(p.t, 'rup.jenis', v) }))}
        />
        <Select
          id="metode"
          text={p.t('tenders.field.metode')}
          value={values.metode}
          all={all}
          options={METODE.map((v) => ({ value: v, label: label(p.t, 'rup.metode', v) }))}
        />
        <Select
          id="tahap"
          text={p.t('tenders.field.tahap')}
          value={values.tahap}
          all={all}
          options={props.stages.map((s) => ({ value: s.code, label: s.name }))}
        />
        <Select
          id="status"
          text={p.t('tenders.field.status')}
          value={values.status}
          all={all}
          options={PUBLIC_STATUSES.map((v) => ({ value: v, label: label(p.t, 'tenders.status', v) }))}
        />
        <Input id="hpsMin" text={p.t('tenders.filter.hpsMin')} value={values.hpsMin} numeric />
        <Input id="hpsMax" text={p.t('tenders.filter.hpsMax')} value={values.hpsMax} numeric />
        <div class="field">
          <button class="button secondary" type="submit">
            {p.t('tenders.filter.apply')}
          </button>{' '}
          <a href="/tender">{p.t('tenders.filter.reset')}</a>
        </div>
      </form>
      {props.badHps ? (
        <div class="notice warning" role="status">
          {p.t('tenders.filter.badHps')}
        </div>
      ) : null}
      {props.rows.length === 0 ? (
        <p class="empty">{p.t('tenders.public.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{p.t('tenders.public.caption', { page: props.page, pages: last, total: props.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{p.t('tenders.field.kode')}</th>
                <th scope="col">{p.t('tenders.field.nama')}</th>
                <th scope="col">{p.t('tenders.field.satker')}</th>
                <th scope="col">{p.t('tenders.field.tahap')}</th>
                <th scope="col" class="num">
                  {p.t('tenders.field.hps')}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={r.kode}>
                  <td>
                    <a href={`/tender/${r.kode}`}>{r.kode}</a>
                  </td>
                  <th scope="row">
                    {r.nama}
                    <br />
                    <small>
                      {label(p.t, 'rup.jenis', r.jenis)} · {label(p.t, 'rup.metode', r.metode)} · {r.tahunAnggaran}
                    </small>
                  </th>
                  <td>{r.agencyName}</td>
                  <td>
                    <StageText p={p} stages={r.stages} status={r.status} upcoming={r.upcoming} />
                  </td>
                  <td class="num">{r.hps === null ? '—' : formatRupiah(r.hps)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <Pager
          label={p.t('tenders.public.pagination')}
          prevLabel={p.t('tenders.public.prev')}
          nextLabel={p.t('tenders.public.next')}
          page={props.page}
          last={last}
          href={(page) => `/tender?${tenderFilterQuery(values, { page: String(page) })}`}
        />
      ) : null}
    </Layout>
  );
}

/** The schedule with its stages as SPSE names them, the current ones marked, and the number of changes. */
export function ScheduleTable(props: {
  p: PageCtx;
  rows: { stage: string; start: Date; end: Date }[];
  names: Map<string, string>;
  current: Set<string>;
  changes: Map<string, number>;
}) {
  const { p } = props;
  return (
    <div class="table-wrap">
      <table>
        <caption>{p.t('tenders.schedule.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{p.t('tenders.schedule.no')}</th>
            <th scope="col">{p.t('tenders.schedule.stage')}</th>
            <th scope="col">{p.t('tenders.schedule.start')}</th>
            <th scope="col">{p.t('tenders.schedule.end')}</th>
            <th scope="col" class="num">
              {p.t('tenders.schedule.changes')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={r.stage} data-stage={r.stage} aria-current={props.current.has(r.stage) ? 'step' : undefined}>
              <td>{i + 1}</td>
              <th scope="row">
                {props.names.get(r.stage) ?? r.stage}
                {props.current.has(r.stage) ? <strong> ({p.t('tenders.schedule.now')})</strong> : null}
              </th>
              <td>
                <time datetime={r.start.toISOString()}>{formatDateTime(r.start, p.locale)}</time>
              </td>
              <td>
                <time datetime={r.end.toISOString()}>{formatDateTime(r.end, p.locale)}</time>
              </td>
              <td class="num">{props.changes.get(r.stage) ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TenderDetailView(props: {
  p: PageCtx;
  t: PublicTender;
  stages: { code: string; name: string }[];
  upcoming?: { name: string; startsAt: Date } | undefined;
  names: Map<string, string>;
  methodName: string;
}) {
  const { p, t } = props;
  const changes = new Map<string, number>();
  // The template's first fill has no old value: only real changes count ("Perubahan").
  for (const h of t.history) if (h.oldStartsAt) changes.set(h.stage, (changes.get(h.stage) ?? 0) + 1);
  const s = t.syaratKualifikasi;
  return (
    <Layout p={p} title={`${p.t('tenders.detail.title', { kode: t.kode })}: ${t.nama}`}>
      <p>
        <a href="/tender">{p.t('tenders.detail.back')}</a>
      </p>
      <h1>{t.nama}</h1>
      <ClosingNotice p={p} c={{ ...t, ...t.links }} />
      <h2 id="pengumuman">{p.t('tenders.detail.announcement')}</h2>
      <dl class="summary">
        <dt>{p.t('tenders.field.kode')}</dt>
        <dd>{t.kode}</dd>
        <dt>{p.t('tenders.field.nama')}</dt>
        <dd>{t.nama}</dd>
        <dt>{p.t('tenders.field.announcedAt')}</dt>
        <dd>{formatDateTime(t.announcedAt, p.locale)}</dd>
        <dt>{p.t('tenders.field.tahap')}</dt>
        <dd>
          <StageText p={p} stages={props.stages} status={t.status} upcoming={props.upcoming} />
        </dd>
        <dt>{p.t('tenders.field.klpd')}</dt>
        <dd>{klpdName(p.site)}</dd>
        <dt>{p.t('tenders.field.satker')}</dt>
        <dd>{t.agencyName}</dd>
        <dt>{p.t('tenders.field.jenis')}</dt>
        <dd>{label(p.t, 'rup.jenis', t.jenis)}</dd>
        <dt>{p.t('tenders.field.metode')}</dt>
        <dd>
          {label(p.t, 'rup.metode', t.metode)} — {props.methodName}
        </dd>
        <dt>{p.t('tenders.field.tahunAnggaran')}</dt>
        <dd>{t.tahunAnggaran ?? '—'}</dd>
        <dt>{p.t('tenders.field.pagu')}</dt>
        <dd>{t.pagu === null ? '—' : formatRupiah(t.pagu)}</dd>
        <dt>{p.t('tenders.field.hps')}</dt>
        <dd>{t.hps === null ? '—' : formatRupiah(t.hps)}</dd>
        <dt>{p.t('tenders.field.jenisKontrak')}</dt>
        <dd>{label(p.t, 'tenders.jenisKontrak', t.jenisKontrak)}</dd>
        <dt>{p.t('tenders.field.kualifikasiUsaha')}</dt>
        <dd>{label(p.t, 'tenders.kualifikasi', t.kualifikasiUsaha)}</dd>
        <dt>{p.t('tenders.field.peserta')}</dt>
        <dd>{t.peserta}</dd>
        <dt>{p.t('tenders.field.lokasi')}</dt>
        <dd>
          {t.lokasi?.length ? (
            <ul>
              {t.lokasi.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      {can(p.actor, 'tenders:participate') && t.status === 'berlangsung' ? (
        <ul class="actions">
          <li>
            <a href={`/tender/${t.kode}/ikut`}>{p.t('tenders.join.link')}</a>
          </li>
          <li>
            <a href={`/tender/${t.kode}/penjelasan`}>{p.t('tenders.qa.link')}</a>
          </li>
          <li>
            <a href={`/tender/${t.kode}/penjelasan/berita-acara.pdf`}>{p.t('tenders.ba.download')}</a>
          </li>
        </ul>
      ) : null}
      {can(p.actor, 'tenders:replace_member') && t.status === 'berlangsung' ? (
        <p>
          <a href={`/tender/${t.kode}/ukpbj`}>{p.t('tenders.replace.link')}</a>
        </p>
      ) : null}
      {can(p.actor, 'tenders:declare_failure') && t.status === 'berlangsung' ? (
        <p>
          <a href={`/tender/${t.kode}/pa`}>{p.t('tenders.pa.link')}</a>
        </p>
      ) : null}
      <h2 id="rup">{p.t('tenders.detail.rup')}</h2>
      {t.plans.length === 0 ? (
        <p>{p.t('tenders.detail.rupNone')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{p.t('tenders.detail.rupCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{p.t('tenders.field.kodeRup')}</th>
                <th scope="col">{p.t('tenders.field.namaPaket')}</th>
                <th scope="col">{p.t('tenders.field.sumberDana')}</th>
              </tr>
            </thead>
            <tbody>
              {t.plans.map((r) => (
                <tr key={r.kode}>
                  <td>
                    <a href={`/rup/${r.kode}`}>{r.kode}</a>
                  </td>
                  <th scope="row">{r.namaPaket}</th>
                  <td>{r.sumberDana}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="syarat">{p.t('tenders.detail.syarat')}</h2>
      {s ? (
        <dl class="summary">
          <dt>{p.t('tenders.syarat.izinUsaha')}</dt>
          <dd>
            {s.izinUsaha}
            {s.kbli.length ? ` (KBLI ${s.kbli.join(', ')})` : ''}
          </dd>
          <dt>{p.t('tenders.syarat.pengalaman')}</dt>
          <dd>{s.pengalaman ?? '—'}</dd>
          <dt>{p.t('tenders.syarat.tenagaAhli')}</dt>
          <dd>{s.tenagaAhli.length ? s.tenagaAhli.join('; ') : '—'}</dd>
          <dt>{p.t('tenders.syarat.peralatan')}</dt>
          <dd>{s.peralatan.length ? s.peralatan.join('; ') : '—'}</dd>
        </dl>
      ) : (
        <p>—</p>
      )}
      <h2 id="jadwal">{p.t('tenders.detail.schedule')}</h2>
      <ScheduleTable
        p={p}
        rows={t.schedule}
        names={props.names}
        current={new Set(props.stages.map((x) => x.code))}
        changes={changes}
      />
      <h3 id="perubahan">{p.t('tenders.history.title')}</h3>
      <ScheduleHistory p={p} history={t.history} names={props.names} />
      <h2 id="dokumen">{p.t('tenders.detail.documents')}</h2>
      <FileList p={p} files={t.documents.filter((d) => !d.addendumId)} />
      <h2 id="adendum">{p.t('tenders.addendum.title')}</h2>
      <AddendaList p={p} addenda={t.addenda} files={t.documents} />
      <h2 id="tautan">{p.t('tenders.detail.next')}</h2>
      <ul>
        <li>
          <a href={`/tender/${t.kode}/hasil`}>{p.t('tenders.detail.link.hasil')}</a>
        </li>
        <li>
          <a href={`/tender/${t.kode}/ikut`}>{p.t('tenders.detail.link.ikut')}</a>
        </li>
        <li>
          <a href={`/tender/${t.kode}/penjelasan`}>{p.t('tenders.detail.link.penjelasan')}</a>
        </li>
        <li>
          <a href={`/penawaran/${t.id}`}>{p.t('tenders.detail.link.penawaran')}</a>
        </li>
        <li>
          <a href={`/tender/${t.kode}/sanggah`}>{p.t('tenders.detail.link.sanggah')}</a>
        </li>
      </ul>
    </Layout>
  );
}
