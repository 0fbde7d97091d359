import type { ComponentChildren } from 'preact';
import type { FormState } from '../../../platform/http/forms.ts';
import { formatDateTime, formatRupiah } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import { type RunningWork, RunningWorkList } from '../../sikap/index.ts';
import type { Bundle } from '../methods/bundle.ts';
import type { QuestionRow } from '../participation.repository.ts';
import { JENIS_KONTRAK, KUALIFIKASI_USAHA } from '../tenders.schema.ts';
import { label } from './labels.ts';
import { QuestionList } from './participation.views.tsx';
import { ScheduleTable } from './public.views.tsx';
import { StructuredSyaratFields } from './syarat-structured.view.tsx';

export function PokjaTendersView(props: {
  p: PageCtx;
  ready: { packageId: string; namaPaket: string; agencyName: string; hps: bigint }[];
  mine: { id: string; kode: string | null; nama: string; status: string; approvedAt: Date | null }[];
}) {
  const { p } = props;
  return (
    <Layout p={p} title={p.t('tenders.manage.title')}>
      <h1>{p.t('tenders.manage.title')}</h1>
      <h2>{p.t('tenders.manage.ready')}</h2>
      {props.ready.length === 0 ? (
        <p class="empty">{p.t('tenders.manage.noneReady')}</p>
      ) : (
        <ul>
          {props.ready.map((r) => (
            <li key={r.packageId}>
              <a href={`/kelola/tender/baru/${r.packageId}`}>{r.namaPaket}</a> — {r.agencyName}, HPS{' '}
              {formatRupiah(r.hps)}
            </li>
          ))}
        </ul>
      )}
      <h2>{p.t('tenders.manage.mine')}</h2>
      {props.mine.length === 0 ? (
        <p class="empty">{p.t('tenders.manage.noneMine')}</p>
      ) : (
        <ul>
          {props.mine.map((r) => (
            <li key={r.id}>
              <a href={`/kelola/tender/${r.id}`}>{r.nama}</a> — {r.kode ?? p.t('tenders.manage.noKode')},{' '}
              {r.status === 'draft'
                ? p.t(r.approvedAt ? 'tenders.manage.youApproved' : 'tenders.manage.waitingYou')
                : label(p.t, 'tenders.status', r.status)}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function PublicationFormView(props: {
  p: PageCtx;
  packageId: string;
  draft: { namaPaket: string; jenis: string; metode: string; pagu: bigint; hps: bigint; tahunAnggaran: number };
  bundles: Bundle[];
  state?: FormState;
}) {
  const { p, state, draft } = props;
  return (
    <Layout p={p} title={p.t('tenders.publish.title')} hasErrors={!!state && Object.keys(state.errors).length > 0}>
      <h1>{p.t('tenders.publish.title')}</h1>
      <ErrorSummary p={p} state={state} />
      <dl class="summary">
        <dt>{p.t('tenders.field.namaPaket')}</dt>
        <dd>{draft.namaPaket}</dd>
        <dt>{p.t('tenders.field.jenis')}</dt>
        <dd>{label(p.t, 'rup.jenis', draft.jenis)}</dd>
        <dt>{p.t('tenders.field.metode')}</dt>
        <dd>{label(p.t, 'rup.metode', draft.metode)}</dd>
        <dt>{p.t('tenders.field.pagu')}</dt>
        <dd>{formatRupiah(draft.pagu)}</dd>
        <dt>{p.t('tenders.field.hps')}</dt>
        <dd>{formatRupiah(draft.hps)}</dd>
      </dl>
      <form method="post" action={`/kelola/tender/baru/${props.packageId}`}>
        <Csrf p={p} />
        <SelectField
          p={p}
          state={state}
          name="bundleId"
          label={p.t('tenders.field.bundle')}
          options={props.bundles.map((b) => ({ value: b.id, label: `${b.name} (${b.version})` }))}
        />
        <SelectField
          p={p}
          state={state}
          name="kualifikasiUsaha"
          label={p.t('tenders.field.kualifikasiUsaha')}
          options={KUALIFIKASI_USAHA.map((v) => ({ value: v, label: label(p.t, 'tenders.kualifikasi', v) }))}
        />
        <SelectField
          p={p}
          state={state}
          name="jenisKontrak"
          label={p.t('tenders.field.jenisKontrak')}
          options={JENIS_KONTRAK.map((v) => ({ value: v, label: label(p.t, 'tenders.jenisKontrak', v) }))}
        />
        <TextArea
          p={p}
          state={state}
          name="lokasi"
          label={p.t('tenders.field.lokasi')}
          hint={p.t('tenders.publish.oneLine')}
          rows={3}
        />
        <TextField p={p} state={state} name="izinUsaha" label={p.t('tenders.syarat.izinUsaha')} />
        <TextField
          p={p}
          state={state}
          name="kbli"
          label={p.t('tenders.syarat.kbli')}
          hint={p.t('tenders.publish.kbliHint')}
          optional
        />
        <TextArea p={p} state={state} name="pengalaman" label={p.t('tenders.syarat.pengalaman')} optional rows={2} />
        <TextArea
          p={p}
          state={state}
          name="tenagaAhli"
          label={p.t('tenders.syarat.tenagaAhli')}
          hint={p.t('tenders.publish.oneLine')}
          optional
          rows={3}
        />
        <TextArea
          p={p}
          state={state}
          name="peralatan"
          label={p.t('tenders.syarat.peralatan')}
          hint={p.t('tenders.publish.oneLine')}
          optional
          rows={3}
        />
        <StructuredSyaratFields p={p} state={state} />
        <TextField
          p={p}
          state={state}
          name="startDate"
          type="date"
          label={p.t('tenders.publish.startDate')}
          hint={p.t('tenders.publish.startHint')}
        />
        <Button>
          {p.t(draft.metode === 'pengadaan_langsung' ? 'tenders.publish.submitPp' : 'tenders.publish.submit')}
        </Button>
      </form>
    </Layout>
  );
}

export function PokjaTenderView(props: {
  p: PageCtx;
  tender: { id: string; kode: string | null; nama: string; status: string; hps: bigint | null };
  members: { userId: string; name: string; approvedAt: Date | null }[];
  schedule: { stage: string; start: Date; end: Date }[];
  names: Map<string, string>;
  /** Who runs the tender: its Pokja (kolektif kolegial), or the single Pejabat Pengadaan of a PL. */
  official?: 'POKJA' | 'PEJABAT_PENGADAAN';
  canApprove: boolean;
  participants: { vendorId: string; name: string | null; joinedAt: Date; work?: readonly RunningWork[] }[];
  questions: readonly QuestionRow[];
  blocking: number;
  answerState?: FormState;
  /** Documents, addenda, extensions, gagal / batal / ulang (views/lifecycle.views.tsx). */
  lifecycle?: ComponentChildren;
  /** A form of the page is shown again with errors (the title says so). */
  hasErrors?: boolean;
}) {
  const { p, tender } = props;
  const pp = props.official === 'PEJABAT_PENGADAAN';
  return (
    <Layout p={p} title={tender.nama} hasErrors={!!props.answerState || props.hasErrors}>
      <p>
        <a href="/kelola/tender">{p.t('tenders.manage.back')}</a>
      </p>
      <h1>{tender.nama}</h1>
      <dl class="summary">
        <dt>{p.t('tenders.field.kode')}</dt>
        <dd>{tender.kode ? <a href={`/tender/${tender.kode}`}>{tender.kode}</a> : p.t('tenders.manage.noKode')}</dd>
        <dt>{p.t('tenders.field.status')}</dt>
        <dd>{label(p.t, 'tenders.status', tender.status)}</dd>
        <dt>{p.t('tenders.field.hps')}</dt>
        <dd>{tender.hps === null ? '—' : formatRupiah(tender.hps)}</dd>
      </dl>
      {tender.kode ? (
        <nav aria-label={p.t('tenders.manage.stepsNav')}>
          <ul>
            <li>
              <a href={`/kelola/tender/${tender.id}/pembukaan`}>{p.t('tenders.manage.link.pembukaan')}</a>
            </li>
            <li>
              <a href={`/kelola/tender/${tender.id}/evaluasi`}>{p.t('tenders.manage.link.evaluasi')}</a>
            </li>
          </ul>
        </nav>
      ) : null}
      <h2>{p.t(pp ? 'tenders.manage.approvalsPp' : 'tenders.manage.approvals')}</h2>
      <div class="table-wrap">
        <table>
          <caption>{p.t(pp ? 'tenders.manage.approvalsCaptionPp' : 'tenders.manage.approvalsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{p.t('tenders.manage.member')}</th>
              <th scope="col">{p.t('tenders.manage.approvedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {props.members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.name}</th>
                <td>{m.approvedAt ? formatDateTime(m.approvedAt, p.locale) : p.t('tenders.manage.notYet')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.canApprove ? (
        <form method="post" action={`/kelola/tender/${tender.id}/setujui`}>
          <Csrf p={p} />
          <Button>{p.t('tenders.manage.approve')}</Button>
        </form>
      ) : null}
      <h2>{p.t('tenders.detail.schedule')}</h2>
      <ScheduleTable p={p} rows={props.schedule} names={props.names} current={new Set()} changes={new Map()} />
      {props.lifecycle}
      <h2>{p.t('tenders.participants.title')}</h2>
      {props.participants.length === 0 ? (
        <p>{p.t('tenders.participants.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{p.t('tenders.participants.vendor')}</th>
                <th scope="col">{p.t('tenders.participants.joinedAt')}</th>
                <th scope="col">{p.t('sikap.work.title')}</th>
              </tr>
            </thead>
            <tbody>
              {props.participants.map((v) => (
                <tr key={v.vendorId}>
                  <th scope="row">{v.name ?? '—'}</th>
                  <td>{formatDateTime(v.joinedAt, p.locale)}</td>
                  <td>
                    <RunningWorkList p={p} items={v.work ?? []} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{p.t('tenders.qa.title')}</h2>
      {props.answerState ? <ErrorSummary p={p} state={props.answerState} /> : null}
      {props.blocking > 0 ? (
        <p class="notice" role="status">
          {p.t('tenders.qa.blocking', { count: props.blocking })}
        </p>
      ) : null}
      <QuestionList p={p} rows={props.questions} pokja={tender.id} />
    </Layout>
  );
}
