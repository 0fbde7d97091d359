import { canForAgency } from '../../../platform/auth/permissions.ts';
import { type FormState, hasErrors } from '../../../platform/http/forms.ts';
import { formatDateTime, formatRupiah } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, FileField, SelectField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import { JENIS, METODE, PENUNJUKAN_CASES, SUMBER_DANA, TIPE_SWAKELOLA } from '../methods.ts';
import { LINE_ROWS } from '../plan-form.ts';
import type { PlanDetail } from '../rup.repository.ts';
import { label } from './labels.ts';
import { PlanSummary, RevisionHistory } from './public.views.tsx';

type Revision = { id: string; jenis: string; alasan: string; oldKodes: number[]; newKodes: number[]; at: Date };

export function ManageListView(props: {
  p: PageCtx;
  plans: {
    kode: number;
    namaPaket: string;
    agencyName: string;
    tahunAnggaran: number;
    pagu: bigint;
    status: string;
    updatedAt: Date;
  }[];
  canManage: boolean;
}) {
  const { p } = props;
  return (
    <Layout p={p} title={p.t('rup.manage.title')}>
      <h1>{p.t('rup.manage.title')}</h1>
      <p>{p.t('rup.manage.intro')}</p>
      {props.canManage ? (
        <p class="button-row">
          <a class="button" href="/kelola/rup/baru">
            {p.t('rup.manage.new')}
          </a>
          <a class="button secondary" href="/kelola/rup/impor">
            {p.t('rup.manage.import')}
          </a>
        </p>
      ) : null}
      {props.plans.length === 0 ? (
        <p class="empty">{p.t('rup.manage.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{p.t('rup.manage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{p.t('rup.field.kode')}</th>
                <th scope="col">{p.t('rup.field.namaPaket')}</th>
                <th scope="col">{p.t('rup.field.agency')}</th>
                <th scope="col">{p.t('rup.field.tahunAnggaran')}</th>
                <th scope="col" class="num">
                  {p.t('rup.field.pagu')}
                </th>
                <th scope="col">{p.t('rup.field.status')}</th>
                <th scope="col">{p.t('rup.manage.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {props.plans.map((r) => (
                <tr key={r.kode}>
                  <td>
                    <a href={`/kelola/rup/${r.kode}`}>{r.kode}</a>
                  </td>
                  <th scope="row">{r.namaPaket}</th>
                  <td>{r.agencyName}</td>
                  <td>{r.tahunAnggaran}</td>
                  <td class="num">{formatRupiah(r.pagu)}</td>
                  <td>{label(p.t, 'status', r.status)}</td>
                  <td>{formatDateTime(r.updatedAt, p.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface PlanFormOptions {
  agencies: { id: string; name: string }[];
  ppks: { id: string; name: string; agencyId: string | null }[];
}

/** The plan's fields: create, edit a draft, or the new version in a kaji ulang. */
function PlanFields({ p, state, opts }: { p: PageCtx; state?: FormState; opts: PlanFormOptions }) {
  const agencyNames = new Map(opts.agencies.map((a) => [a.id, a.name]));
  const yesNo = [
    { value: '1', label: p.t('rup.yes') },
    { value: '0', label: p.t('rup.no') },
  ];
  return (
    <>
      <fieldset>
        <legend>{p.t('rup.form.section.paket')}</legend>
        <SelectField
          p={p}
          state={state}
          name="agencyId"
          label={p.t('rup.field.agency')}
          options={opts.agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <TextField p={p} state={state} name="namaPaket" label={p.t('rup.field.namaPaket')} />
        <TextField
          p={p}
          state={state}
          name="tahunAnggaran"
          label={p.t('rup.field.tahunAnggaran')}
          inputMode="numeric"
          width="short"
        />
        <TextField p={p} state={state} name="satkerKode" label={p.t('rup.field.satkerKode')} optional width="medium" />
        <TextField
          p={p}
          state={state}
          name="pagu"
          label={p.t('rup.field.pagu')}
          hint={p.t('rup.field.paguHint')}
          inputMode="numeric"
          width="medium"
        />
        <SelectField
          p={p}
          state={state}
          name="sumberDana"
          label={p.t('rup.field.sumberDana')}
          options={SUMBER_DANA.map((s) => ({ value: s, label: s }))}
        />
      </fieldset>
      <fieldset>
        <legend>{p.t('rup.lines.title')}</legend>
        <p class="hint">{p.t('rup.lines.intro')}</p>
        {Array.from({ length: LINE_ROWS }, (_, i) => (
          <fieldset key={i} class="line">
            <legend>{p.t('rup.lines.row', { n: i + 1 })}</legend>
            <TextField
              p={p}
              state={state}
              name={`l${i}_program`}
              label={p.t('rup.lines.program')}
              optional
              width="medium"
            />
            <TextField
              p={p}
              state={state}
              name={`l${i}_kegiatan`}
              label={p.t('rup.lines.kegiatan')}
              optional
              width="medium"
            />
            <TextField p={p} state={state} name={`l${i}_sub`} label={p.t('rup.lines.sub')} optional width="medium" />
            <TextField p={p} state={state} name={`l${i}_mak`} label={p.t('rup.lines.mak')} optional width="medium" />
            <TextField
              p={p}
              state={state}
              name={`l${i}_pagu`}
              label={p.t('rup.lines.pagu')}
              optional
              inputMode="numeric"
              width="medium"
            />
          </fieldset>
        ))}
      </fieldset>
      <fieldset>
        <legend>{p.t('rup.form.section.cara')}</legend>
        <SelectField
          p={p}
          state={state}
          name="tipe"
          label={p.t('rup.field.tipe')}
          options={['penyedia', 'swakelola'].map((v) => ({ value: v, label: label(p.t, 'tipe', v) }))}
        />
        <SelectField
          p={p}
          state={state}
          name="jenis"
          label={p.t('rup.field.jenis')}
          optional
          options={JENIS.map((v) => ({ value: v, label: label(p.t, 'jenis', v) }))}
        />
        <SelectField
          p={p}
          state={state}
          name="metode"
          label={p.t('rup.field.metode')}
          hint={p.t('rup.field.metodeHint')}
          optional
          options={METODE.map((v) => ({ value: v, label: label(p.t, 'metode', v) }))}
        />
        <SelectField
          p={p}
          state={state}
          name="alasanPenunjukan"
          label={p.t('rup.field.alasanPenunjukan')}
          optional
          options={PENUNJUKAN_CASES.map((v) => ({ value: v, label: label(p.t, 'case', v) }))}
        />
        <SelectField
          p={p}
          state={state}
          name="tipeSwakelola"
          label={p.t('rup.field.tipeSwakelola')}
          optional
          options={TIPE_SWAKELOLA.map((v) => ({ value: String(v), label: label(p.t, 'swakelola', v) }))}
        />
        <SelectField p={p} state={state} name="statusPdn" label={p.t('rup.field.statusPdn')} options={yesNo} />
        <SelectField p={p} state={state} name="statusUkm" label={p.t('rup.field.statusUkm')} options={yesNo} />
        <TextArea p={p} state={state} name="alasanNonUkm" label={p.t('rup.field.alasanNonUkm')} optional rows={2} />
        <SelectField
          p={p}
          state={state}
          name="ppkUserId"
          label={p.t('rup.field.ppk')}
          optional
          options={opts.ppks.map((u) => ({
            value: u.id,
            label: opts.agencies.length > 1 ? `${u.name} (${agencyNames.get(u.agencyId ?? '') ?? ''})` : u.name,
          }))}
        />
      </fieldset>
      <fieldset>
        <legend>{p.t('rup.form.section.jadwal')}</legend>
        {(['bulanPemilihan', 'bulanKontrak', 'bulanPemanfaatan'] as const).map((f) => (
          <TextField
            key={f}
            p={p}
            state={state}
            name={f}
            label={p.t(`rup.field.${f}`)}
            hint={p.t('rup.field.monthHint')}
            optional
            width="short"
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{p.t('rup.form.section.uraian')}</legend>
        <TextField p={p} state={state} name="lokasi" label={p.t('rup.field.lokasi')} optional />
        <TextField p={p} state={state} name="volume" label={p.t('rup.field.volume')} optional />
        <TextArea p={p} state={state} name="uraian" label={p.t('rup.field.uraian')} optional />
        <TextArea p={p} state={state} name="spesifikasi" label={p.t('rup.field.spesifikasi')} optional />
      </fieldset>
    </>
  );
}

export function PlanFormView(props: {
  p: PageCtx;
  state?: FormState;
  opts: PlanFormOptions;
  title: string;
  action: string;
  cancel: string;
}) {
  const { p, state } = props;
  return (
    <Layout p={p} title={props.title} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{props.title}</h1>
      <form method="post" action={props.action} novalidate>
        <Csrf p={p} />
        <PlanFields p={p} state={state} opts={props.opts} />
        <div class="button-row">
          <Button>{p.t('rup.form.saveDraft')}</Button>
          <a href={props.cancel}>{p.t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

export function ReviseView(props: { p: PageCtx; plan: PlanDetail; state?: FormState; opts: PlanFormOptions }) {
  const { p, plan, state } = props;
  const title = p.t('rup.revise.title', { kode: plan.kode });
  return (
    <Layout p={p} title={title} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{title}</h1>
      <p>{p.t('rup.revise.intro')}</p>
      <form method="post" action={`/kelola/rup/${plan.kode}/kaji-ulang`} novalidate>
        <Csrf p={p} />
        <input type="hidden" name="jenis" value="satu_ke_satu" />
        <TextArea p={p} state={state} name="alasan" label={p.t('rup.revise.alasan')} rows={3} />
        <h2>{p.t('rup.revise.newVersion')}</h2>
        <PlanFields p={p} state={state} opts={props.opts} />
        <div class="button-row">
          <Button>{p.t('rup.revise')}</Button>
          <a href={`/kelola/rup/${plan.kode}`}>{p.t('form.cancel')}</a>
        </div>
      </form>
      <h2 id="batal">{p.t('rup.revise.cancel')}</h2>
      <p>{p.t('rup.revise.cancelIntro')}</p>
      <form method="post" action={`/kelola/rup/${plan.kode}/batalkan`} novalidate>
        <Csrf p={p} />
        <TextArea p={p} state={state} name="alasanBatal" label={p.t('rup.revise.alasan')} rows={3} />
        <Button variant="warning">{p.t('rup.revise.cancel')}</Button>
      </form>
    </Layout>
  );
}

export function ManageDetailView(props: { p: PageCtx; plan: PlanDetail; revisions: Revision[]; state?: FormState }) {
  const { p, plan, state } = props;
  const mayManage = canForAgency(p.actor, 'rup:manage', plan.agencyId);
  return (
    <Layout
      p={p}
      title={`${p.t('rup.detail.title', { kode: plan.kode })}: ${plan.namaPaket}`}
      hasErrors={hasErrors(state)}
    >
      <ErrorSummary p={p} state={state} />
      <p>
        <a href="/kelola/rup">{p.t('rup.manage.title')}</a>
      </p>
      <h1>{plan.namaPaket}</h1>
      {mayManage && plan.status === 'draft' ? (
        <div class="button-row">
          <form method="post" action={`/kelola/rup/${plan.kode}/umumkan`} class="inline">
            <Csrf p={p} />
            <Button>{p.t('rup.announce')}</Button>
          </form>
          <a class="button secondary" href={`/kelola/rup/${plan.kode}/ubah`}>
            {p.t('rup.edit')}
          </a>
        </div>
      ) : null}
      {mayManage && plan.status === 'announced' ? (
        <p class="button-row">
          <a class="button secondary" href={`/rup/${plan.kode}`}>
            {p.t('nav.rup')}
          </a>
          <a class="button secondary" href={`/kelola/rup/${plan.kode}/kaji-ulang`}>
            {p.t('rup.revise')}
          </a>
        </p>
      ) : null}
      <PlanSummary p={p} plan={plan} />
      <RevisionHistory p={p} revisions={props.revisions} base="/kelola/rup" />
      {mayManage && plan.status === 'draft' ? (
        <>
          <h2 id="tarik">{p.t('rup.withdraw')}</h2>
          <form method="post" action={`/kelola/rup/${plan.kode}/tarik`} novalidate>
            <Csrf p={p} />
            <TextArea p={p} state={state} name="alasan" label={p.t('rup.withdraw.reason')} rows={2} />
            <Button variant="warning">{p.t('rup.withdraw')}</Button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

export interface ImportReportRow {
  line: number;
  kode: string;
  nama: string;
  action: 'create' | 'update' | 'unchanged' | 'error';
  problems: string[];
}

export function ImportView(props: {
  p: PageCtx;
  agencies: { id: string; name: string }[];
  state?: FormState;
  report?: { rows: ImportReportRow[]; committed: boolean };
}) {
  const { p, state, report } = props;
  const bad = report?.rows.filter((r) => r.action === 'error').length ?? 0;
  return (
    <Layout p={p} title={p.t('rup.import.title')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{p.t('rup.import.title')}</h1>
      <p>{p.t('rup.import.intro')}</p>
      <form
        method="post"
        action={`/kelola/rup/impor?_csrf=${encodeURIComponent(p.csrf)}`}
        encType="multipart/form-data"
        novalidate
      >
        <SelectField
          p={p}
          state={state}
          name="agencyId"
          label={p.t('rup.field.agency')}
          options={props.agencies.map((a) => ({ value: a.id, label: a.name }))}
          value={state?.values.agencyId ?? (props.agencies.length === 1 ? props.agencies[0]!.id : undefined)}
        />
        <FileField
          p={p}
          state={state}
          name="file"
          label={p.t('rup.import.file')}
          accept=".csv,.json,text/csv,application/json"
        />
        <div class="button-row">
          <Button name="mode" value="check" variant="secondary">
            {p.t('rup.import.check')}
          </Button>
          <Button name="mode" value="import">
            {p.t('rup.import.run')}
          </Button>
        </div>
      </form>
      {report ? (
        <>
          <h2 id="hasil">{p.t('rup.import.report')}</h2>
          {!report.committed ? (
            <div class={`notice ${bad > 0 ? 'warning' : 'success'}`} role="status">
              {bad > 0
                ? p.t('rup.import.hasProblems', { count: bad })
                : p.t('rup.import.ok', { count: report.rows.length })}
            </div>
          ) : null}
          <div class="table-wrap">
            <table>
              <caption>{p.t('rup.import.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{p.t('rup.import.row')}</th>
                  <th scope="col">{p.t('rup.field.kode')}</th>
                  <th scope="col">{p.t('rup.field.namaPaket')}</th>
                  <th scope="col">{p.t('rup.import.action')}</th>
                  <th scope="col">{p.t('rup.import.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={`${r.line}-${r.kode}`}>
                    <td>{r.line}</td>
                    <td>{r.kode || '—'}</td>
                    <th scope="row">{r.nama || '—'}</th>
                    <td>{p.t(`rup.import.action.${r.action}`)}</td>
                    <td>
                      {r.problems.length === 0 ? (
                        '—'
                      ) : (
                        <ul>
                          {r.problems.map((m) => (
                            <li key={m}>{m}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Layout>
  );
}
