import { formatDateTime, formatRupiah } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import { Pager } from '../../../platform/ui/pager.tsx';
import { type FilterValues, filterQuery } from '../filters.ts';
import { JENIS, METODE } from '../methods.ts';
import type { PlanDetail, PublicListRow } from '../rup.repository.ts';
import { MAX_PAGE, PAGE_SIZE } from '../rup.repository.ts';
import { label } from './labels.ts';

type Revision = { id: string; jenis: string; alasan: string; oldKodes: number[]; newKodes: number[]; at: Date };

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

function Input(props: { id: string; text: string; value: string; width?: string; inputMode?: string }) {
  return (
    <div class="field">
      <label for={props.id}>{props.text}</label>
      <input
        class={`input${props.width ? ` w-${props.width}` : ''}`}
        id={props.id}
        name={props.id}
        type="text"
        value={props.value}
        inputMode={props.inputMode as 'numeric' | undefined}
      />
    </div>
  );
}

export function RupListView(props: {
  p: PageCtx;
  values: FilterValues;
  page: number;
  badPagu: boolean;
  rows: PublicListRow[];
  total: number;
  totals: { agencyCode: string; agencyName: string; plans: number; pagu: bigint }[];
  years: number[];
  agencies: { code: string; name: string }[];
}) {
  const { p, values } = props;
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  const lastReachable = Math.min(pages, MAX_PAGE);
  const grand = props.totals.reduce((s, r) => s + r.pagu, 0n);
  return (
    <Layout p={p} title={p.t('rup.title')}>
      <h1>{p.t('rup.title')}</h1>
      <p class="lead">{p.t('rup.intro')}</p>
      <form method="get" action="/rup" class="filters" aria-label={p.t('rup.filters')}>
        <Input id="q" text={p.t('rup.filter.q')} value={values.q} />
        <Select
          id="tahun"
          text={p.t('rup.filter.tahun')}
          value={values.tahun}
          all={p.t('rup.filter.all')}
          options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <Select
          id="agency"
          text={p.t('rup.filter.agency')}
          value={values.agency}
          all={p.t('rup.filter.all')}
          options={props.agencies.map((a) => ({ value: a.code, label: a.name }))}
        />
        <Select
          id="tipe"
          text={p.t('rup.filter.tipe')}
          value={values.tipe}
          all={p.t('rup.filter.all')}
          options={['penyedia', 'swakelola'].map((v) => ({ value: v, label: label(p.t, 'tipe', v) }))}
        />
        <Select
          id="metode"
          text={p.t('rup.filter.metode')}
          value={values.metode}
          all={p.t('rup.filter.all')}
          options={METODE.map((v) => ({ value: v, label: label(p.t, 'metode', v) }))}
        />
        <Select
          id="jenis"
          text={p.t('rup.filter.jenis')}
          value={values.jenis}
          all={p.t('rup.filter.all')}
          options={JENIS.map((v) => ({ value: v, label: label(p.t, 'jenis', v) }))}
        />
        <Input
          id="paguMin"
          text={p.t('rup.filter.paguMin')}
          value={values.paguMin}
          width="medium"
          inputMode="numeric"
        />
        <Input
          id="paguMax"
          text={p.t('rup.filter.paguMax')}
          value={values.paguMax}
          width="medium"
          inputMode="numeric"
        />
        <div class="field">
          <button class="button secondary" type="submit">
            {p.t('rup.filter.apply')}
          </button>{' '}
          <a href="/rup">{p.t('rup.filter.reset')}</a>
        </div>
      </form>
      {props.badPagu ? (
        <div class="notice warning" role="status">
          {p.t('rup.filter.badPagu')}
        </div>
      ) : null}
      <p>
        <a href={`/rup.csv?${filterQuery(values)}`} download>
          {p.t('rup.list.csv')}
        </a>
      </p>
      {props.rows.length === 0 ? (
        <p class="empty">{p.t('rup.list.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{p.t('rup.list.caption', { page: props.page, pages: lastReachable, total: props.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{p.t('rup.field.kode')}</th>
                <th scope="col">{p.t('rup.field.namaPaket')}</th>
                <th scope="col">{p.t('rup.field.agency')}</th>
                <th scope="col">{p.t('rup.field.tahunAnggaran')}</th>
                <th scope="col">{p.t('rup.field.metode')}</th>
                <th scope="col">{p.t('rup.field.jenis')}</th>
                <th scope="col" class="num">
                  {p.t('rup.field.pagu')}
                </th>
                <th scope="col">{p.t('rup.field.bulanPemilihan')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={r.kode}>
                  <td>
                    <a href={`/rup/${r.kode}`}>{r.kode}</a>
                  </td>
                  <th scope="row">{r.namaPaket}</th>
                  <td>{r.agencyName}</td>
                  <td>{r.tahunAnggaran}</td>
                  <td>{r.tipe === 'swakelola' ? label(p.t, 'tipe', 'swakelola') : label(p.t, 'metode', r.metode)}</td>
                  <td>{label(p.t, 'jenis', r.jenis)}</td>
                  <td class="num">{formatRupiah(r.pagu)}</td>
                  <td>{r.bulanPemilihan ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <Pager
          label={p.t('rup.list.pagination')}
          prevLabel={p.t('rup.list.prev')}
          nextLabel={p.t('rup.list.next')}
          page={props.page}
          last={lastReachable}
          href={(page) => `/rup?${filterQuery(values, { page: String(page) })}`}
        >
          {pages > MAX_PAGE ? <p class="hint">{p.t('rup.list.capped', { max: MAX_PAGE })}</p> : null}
        </Pager>
      ) : null}
      {props.totals.length > 0 ? (
        <>
          <h2 id="jumlah">{p.t('rup.totals.title')}</h2>
          <div class="table-wrap">
            <table>
              <caption>{p.t('rup.totals.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{p.t('rup.field.agency')}</th>
                  <th scope="col" class="num">
                    {p.t('rup.totals.plans')}
                  </th>
                  <th scope="col" class="num">
                    {p.t('rup.field.pagu')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {props.totals.map((r) => (
                  <tr key={r.agencyCode}>
                    <th scope="row">{r.agencyName}</th>
                    <td class="num">{r.plans}</td>
                    <td class="num">{formatRupiah(r.pagu)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{p.t('rup.totals.all')}</th>
                  <td class="num">{props.total}</td>
                  <td class="num">{formatRupiah(grand)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      ) : null}
    </Layout>
  );
}

/** The plan's fields as a definition list: the public detail page and the PA/KPA's page share it. */
export function PlanSummary({ p, plan }: { p: PageCtx; plan: PlanDetail }) {
  const yesNo = (b: boolean) => p.t(b ? 'rup.yes' : 'rup.no');
  const lineTotal = plan.lines.reduce((s, l) => s + l.pagu, 0n);
  return (
    <>
      <dl class="summary">
        <dt>{p.t('rup.field.kode')}</dt>
        <dd>{plan.kode}</dd>
        <dt>{p.t('rup.field.namaPaket')}</dt>
        <dd>{plan.namaPaket}</dd>
        <dt>{p.t('rup.field.status')}</dt>
        <dd>{label(p.t, 'status', plan.status)}</dd>
        <dt>{p.t('rup.field.agency')}</dt>
        <dd>{plan.agencyName}</dd>
        <dt>{p.t('rup.field.satker')}</dt>
        <dd>
          {plan.satkerNama}
          {plan.satkerKode ? ` (${plan.satkerKode})` : ''}
        </dd>
        <dt>{p.t('rup.field.tahunAnggaran')}</dt>
        <dd>{plan.tahunAnggaran}</dd>
        <dt>{p.t('rup.field.tipe')}</dt>
        <dd>{label(p.t, 'tipe', plan.tipe)}</dd>
        <dt>{p.t('rup.field.pagu')}</dt>
        <dd>{formatRupiah(plan.pagu)}</dd>
        <dt>{p.t('rup.field.sumberDana')}</dt>
        <dd>{plan.sumberDana}</dd>
        {plan.tipe === 'penyedia' ? (
          <>
            <dt>{p.t('rup.field.jenis')}</dt>
            <dd>{label(p.t, 'jenis', plan.jenis)}</dd>
            <dt>{p.t('rup.field.metode')}</dt>
            <dd>{label(p.t, 'metode', plan.metode)}</dd>
            {plan.alasanPenunjukan ? (
              <>
                <dt>{p.t('rup.field.alasanPenunjukan')}</dt>
                <dd>{label(p.t, 'case', plan.alasanPenunjukan)}</dd>
              </>
            ) : null}
            <dt>{p.t('rup.field.statusPdn')}</dt>
            <dd>{yesNo(plan.statusPdn)}</dd>
            <dt>{p.t('rup.field.statusUkm')}</dt>
            <dd>
              {yesNo(plan.statusUkm)}
              {!plan.statusUkm && plan.alasanNonUkm ? ` — ${plan.alasanNonUkm}` : ''}
            </dd>
          </>
        ) : (
          <>
            <dt>{p.t('rup.field.tipeSwakelola')}</dt>
            <dd>{label(p.t, 'swakelola', plan.tipeSwakelola)}</dd>
          </>
        )}
        <dt>{p.t('rup.field.bulanPemilihan')}</dt>
        <dd>{plan.bulanPemilihan ?? '—'}</dd>
        <dt>{p.t('rup.field.bulanKontrak')}</dt>
        <dd>{plan.bulanKontrak ?? '—'}</dd>
        <dt>{p.t('rup.field.bulanPemanfaatan')}</dt>
        <dd>{plan.bulanPemanfaatan ?? '—'}</dd>
        <dt>{p.t('rup.field.lokasi')}</dt>
        <dd>{plan.lokasi ?? '—'}</dd>
        <dt>{p.t('rup.field.volume')}</dt>
        <dd>{plan.volume ?? '—'}</dd>
        <dt>{p.t('rup.field.uraian')}</dt>
        <dd>{plan.uraian ?? '—'}</dd>
        <dt>{p.t('rup.field.spesifikasi')}</dt>
        <dd>{plan.spesifikasi ?? '—'}</dd>
        <dt>{p.t('rup.field.ppk')}</dt>
        <dd>{plan.ppkName ?? p.t('rup.field.ppkNone')}</dd>
        <dt>{p.t('rup.field.announcedAt')}</dt>
        <dd>{formatDateTime(plan.announcedAt, p.locale)}</dd>
      </dl>
      <h2 id="anggaran">{p.t('rup.lines.title')}</h2>
      <div class="table-wrap">
        <table>
          <caption>{p.t('rup.lines.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{p.t('rup.lines.program')}</th>
              <th scope="col">{p.t('rup.lines.kegiatan')}</th>
              <th scope="col">{p.t('rup.lines.sub')}</th>
              <th scope="col">{p.t('rup.lines.mak')}</th>
              <th scope="col">{p.t('rup.field.sumberDana')}</th>
              <th scope="col" class="num">
                {p.t('rup.lines.pagu')}
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.lines.map((l) => (
              <tr key={l.id}>
                <td>{l.kodeProgram}</td>
                <td>{l.kodeKegiatan}</td>
                <td>{l.kodeSubKegiatan}</td>
                <td>{l.mak}</td>
                <td>{l.sumberDana}</td>
                <td class="num">{formatRupiah(l.pagu)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                {p.t('rup.lines.total')}
              </th>
              <td class="num">{formatRupiah(lineTotal)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

export function RevisionHistory({ p, revisions, base }: { p: PageCtx; revisions: Revision[]; base: string }) {
  if (revisions.length === 0) return null;
  const links = (kodes: number[]) =>
    kodes.length === 0
      ? '—'
      : kodes.map((k, i) => (
          <span key={k}>
            {i > 0 ? ', ' : ''}
            <a href={`${base}/${k}`}>{k}</a>
          </span>
        ));
  return (
    <>
      <h2 id="riwayat">{p.t('rup.detail.history')}</h2>
      <div class="table-wrap">
        <table>
          <caption>{p.t('rup.detail.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{p.t('rup.detail.revisionDate')}</th>
              <th scope="col">{p.t('rup.detail.revisionType')}</th>
              <th scope="col">{p.t('rup.detail.revisionFrom')}</th>
              <th scope="col">{p.t('rup.detail.revisionTo')}</th>
              <th scope="col">{p.t('rup.detail.revisionReason')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.at, p.locale)}</td>
                <td>{label(p.t, 'revisi', r.jenis)}</td>
                <td>{links(r.oldKodes)}</td>
                <td>{links(r.newKodes)}</td>
                <td>{r.alasan}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function RupDetailView({ p, plan, revisions }: { p: PageCtx; plan: PlanDetail; revisions: Revision[] }) {
  return (
    <Layout p={p} title={`${p.t('rup.detail.title', { kode: plan.kode })}: ${plan.namaPaket}`}>
      <p>
        <a href="/rup">{p.t('rup.detail.back')}</a>
      </p>
      <h1>{plan.namaPaket}</h1>
      {plan.status === 'revised' || plan.status === 'cancelled' ? (
        <div class="notice warning" role="status">
          {plan.status === 'cancelled' ? label(p.t, 'status', 'cancelled') : p.t('rup.detail.replaced')}
        </div>
      ) : null}
      <PlanSummary p={p} plan={plan} />
      <RevisionHistory p={p} revisions={revisions} base="/rup" />
    </Layout>
  );
}
