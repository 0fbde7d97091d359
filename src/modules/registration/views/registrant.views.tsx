import type { MessageKey } from '../../../locales/id.ts';
import { type FormState, hasErrors } from '../../../platform/http/forms.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import {
  Button,
  Csrf,
  ErrorSummary,
  FileField,
  NewPasswordFields,
  SelectField,
  TextArea,
  TextField,
} from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import type { RegistrationDocumentRow, RegistrationRow } from '../registration.repository.ts';
import { BUSINESS_FORMS, OFFICIAL_ROLES, requirementsFor } from '../requirements.ts';

export function StatusTag({ p, status }: { p: PageCtx; status: RegistrationRow['status'] }) {
  const colour = { draft: '', submitted: 'yellow', revision: 'yellow', approved: 'green', rejected: 'red' }[status];
  return <span class={`tag ${colour}`}>{p.t(`reg.status.${status}` as MessageKey)}</span>;
}

export function FormsLinks({ p }: { p: PageCtx }) {
  return (
    <ul>
      <li>
        <a href="/formulir/pendaftaran.pdf">{p.t('reg.forms.registration')}</a>
      </li>
      <li>
        <a href="/formulir/keikutsertaan.pdf">{p.t('reg.forms.participation')}</a>
      </li>
    </ul>
  );
}

function SignOut({ p }: { p: PageCtx }) {
  return (
    <form method="post" action="/daftar/keluar" class="inline-form">
      <Csrf p={p} />
      <Button variant="secondary">{p.t('reg.signOut')}</Button>
    </form>
  );
}

export function StartView({ p, state }: { p: PageCtx; state?: FormState }) {
  return (
    <Layout p={p} title={p.t('reg.start.title')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{p.t('reg.start.title')}</h1>
      <p class="lead">{p.t('reg.start.intro')}</p>
      <form method="post" action="/daftar" novalidate>
        <Csrf p={p} />
        <SelectField
          p={p}
          state={state}
          name="kind"
          label={p.t('reg.start.kind')}
          options={[
            { value: 'penyedia', label: p.t('reg.kind.vendor') },
            { value: 'non-penyedia', label: p.t('reg.kind.official') },
          ]}
        />
        <TextField
          p={p}
          state={state}
          name="email"
          type="email"
          autocomplete="email"
          label={p.t('reg.start.email')}
          hint={p.t('reg.start.emailHint')}
        />
        <Button>{p.t('reg.start.send')}</Button>
      </form>
      <h2>{p.t('reg.start.already')}</h2>
      <p>
        <a href="/daftar/lanjut">{p.t('reg.resume.link')}</a>
      </p>
      <p>
        <a href="/akun/permohonan-peran">{p.t('reg.start.official')}</a>
      </p>
      <h2>{p.t('reg.forms.title')}</h2>
      <FormsLinks p={p} />
    </Layout>
  );
}

export function MessageView({ p, title, body }: { p: PageCtx; title: string; body: string }) {
  return (
    <Layout p={p} title={title}>
      <h1>{title}</h1>
      <p class="lead">{body}</p>
    </Layout>
  );
}

export function AccountView({ p, state, token, kind }: { p: PageCtx; state?: FormState; token: string; kind: string }) {
  return (
    <Layout p={p} title={p.t('reg.account.title')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{p.t('reg.account.title')}</h1>
      <p class="lead">{p.t('reg.account.intro')}</p>
      <form method="post" action="/daftar/konfirmasi" novalidate>
        <Csrf p={p} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="jenis" value={kind} />
        <TextField p={p} state={state} name="name" label={p.t('reg.account.name')} autocomplete="name" />
        <TextField
          p={p}
          state={state}
          name="username"
          label={p.t('reg.account.username')}
          hint={p.t('validation.username')}
          autocomplete="username"
          width="medium"
        />
        <NewPasswordFields p={p} state={state} label={p.t('reg.account.password')} />
        <Button>{p.t('reg.account.create')}</Button>
      </form>
    </Layout>
  );
}

export function ResumeView({ p, state }: { p: PageCtx; state?: FormState }) {
  return (
    <Layout p={p} title={p.t('reg.resume.title')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{p.t('reg.resume.title')}</h1>
      <p>{p.t('reg.resume.intro')}</p>
      <form method="post" action="/daftar/lanjut" novalidate>
        <Csrf p={p} />
        <TextField
          p={p}
          state={state}
          name="username"
          label={p.t('reg.account.username')}
          autocomplete="username"
          width="medium"
        />
        <TextField
          p={p}
          state={state}
          name="password"
          type="password"
          label={p.t('reg.account.password')}
          autocomplete="current-password"
          width="medium"
        />
        <Button>{p.t('reg.resume.submit')}</Button>
      </form>
    </Layout>
  );
}

export interface DocView {
  row: RegistrationDocumentRow;
  doc: { id: string; originalName: string; size: number; mime?: string };
}

/** Agency, requested role, NIP and position of a non-vendor user (R32): in the registration and the role request. */
function OfficialFields(props: { p: PageCtx; state?: FormState; agencies: { id: string; name: string }[] }) {
  const { p, state } = props;
  return (
    <>
      <SelectField
        p={p}
        state={state}
        name="agencyId"
        label={p.t('reg.field.agency')}
        options={props.agencies.map((a) => ({ value: a.id, label: a.name }))}
      />
      <SelectField
        p={p}
        state={state}
        name="requestedRole"
        label={p.t('reg.field.role')}
        options={OFFICIAL_ROLES.map((r) => ({ value: r, label: p.t(`role.${r}` as MessageKey) }))}
      />
      <TextField
        p={p}
        state={state}
        name="nip"
        label={p.t('reg.field.nip')}
        inputMode="numeric"
        width="medium"
        optional
      />
      <TextField p={p} state={state} name="position" label={p.t('reg.field.position')} />
    </>
  );
}

/**
 * The label of every field of the registration form, as the page shows it, for the error summary: each line then
 * names its field ("KTP — Nomor dokumen: wajib diisi") and links to it.
 */
export function draftLabels(p: PageCtx, kind: 'vendor' | 'official'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of [
    'name',
    'businessForm',
    'npwp',
    'nib',
    'address',
    'city',
    'postalCode',
    'phone',
    'email',
    'headOfficeName',
    'picName',
    'picNik',
    'picPosition',
    'nip',
    'position',
  ] as const) {
    out[f] = p.t(`reg.field.${f}`);
  }
  out.agencyId = p.t('reg.field.agency');
  out.requestedRole = p.t('reg.field.role');
  for (const r of requirementsFor(kind)) {
    const doc = p.t(r.labelKey);
    out[`doc_${r.code}`] = `${doc} — ${p.t('reg.doc.upload')}`;
    out[`${r.code}_number`] = `${doc} — ${p.t('reg.doc.number')}`;
    out[`${r.code}_date`] = `${doc} — ${p.t('reg.doc.date')}`;
    out[`${r.code}_issuer`] = `${doc} — ${p.t('reg.doc.issuer')}`;
    out[`${r.code}_until`] = `${doc} — ${p.t('reg.doc.validUntil')}`;
  }
  return out;
}

function DocumentFields(props: { p: PageCtx; state?: FormState; kind: 'vendor' | 'official'; docs: DocView[] }) {
  const { p, state } = props;
  const byCode = new Map(props.docs.map((d) => [d.row.requirement, d]));
  return (
    <>
      {requirementsFor(props.kind).map((r) => {
        const cur = byCode.get(r.code);
        return (
          <fieldset class="fieldset" key={r.code}>
            <legend>
              {p.t(r.labelKey)}
              {r.required ? null : <span class="optional"> {p.t('form.optional')}</span>}
            </legend>
            {cur ? (
              <p>
                {p.t('reg.doc.current', { version: cur.row.version })}{' '}
                <a href={`/daftar/berkas/${cur.doc.id}`}>{cur.doc.originalName}</a>
              </p>
            ) : null}
            {cur?.row.revisionNote ? (
              <p class="error-message">
                {p.t('reg.doc.revisionNote')}: {cur.row.revisionNote}
              </p>
            ) : null}
            <FileField
              p={p}
              state={state}
              name={`doc_${r.code}`}
              label={cur ? p.t('reg.doc.replace') : p.t('reg.doc.upload')}
              hint={p.t('reg.doc.hint')}
              accept={
                r.docClass === 'ktp' || r.docClass === 'npwp'
                  ? 'application/pdf,image/jpeg,image/png'
                  : 'application/pdf'
              }
              // A required document without an uploaded version is not optional; replacing an uploaded one is.
              optional={!r.required || !!cur}
            />
            {r.number ? (
              <TextField p={p} state={state} name={`${r.code}_number`} label={p.t('reg.doc.number')} width="medium" />
            ) : null}
            {r.date ? (
              <TextField
                p={p}
                state={state}
                name={`${r.code}_date`}
                type="date"
                label={p.t('reg.doc.date')}
                width="short"
              />
            ) : null}
            {r.issuer ? (
              <TextField p={p} state={state} name={`${r.code}_issuer`} label={p.t('reg.doc.issuer')} />
            ) : null}
            {r.validUntil ? (
              <TextField
                p={p}
                state={state}
                name={`${r.code}_until`}
                type="date"
                label={p.t('reg.doc.validUntil')}
                width="short"
              />
            ) : null}
          </fieldset>
        );
      })}
    </>
  );
}

export function DraftView(props: {
  p: PageCtx;
  state: FormState;
  reg: RegistrationRow;
  docs: DocView[];
  agencies: { id: string; name: string }[];
}) {
  const { p, state, reg } = props;
  return (
    <Layout p={p} title={p.t('reg.draft.title')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} labels={draftLabels(p, reg.kind)} />
      <h1>{p.t('reg.draft.title')}</h1>
      <SignOut p={p} />
      <p>
        {p.t('reg.number')}: <strong>{reg.number}</strong> <StatusTag p={p} status={reg.status} />
      </p>
      {reg.status === 'revision' ? (
        <div class="notice" role="status">
          <h2>{p.t('reg.draft.revisionTitle')}</h2>
          <p>{reg.decisionReason ?? p.t('reg.draft.revisionSeeDocs')}</p>
        </div>
      ) : null}
      <p>{p.t('reg.draft.intro')}</p>
      <form
        method="post"
        action={`/daftar/formulir?_csrf=${encodeURIComponent(p.csrf)}`}
        encType="multipart/form-data"
        novalidate
      >
        {reg.kind === 'vendor' ? (
          <>
            <h2>{p.t('reg.section.company')}</h2>
            <TextField p={p} state={state} name="name" label={p.t('reg.field.name')} />
            <SelectField
              p={p}
              state={state}
              name="businessForm"
              label={p.t('reg.field.businessForm')}
              options={BUSINESS_FORMS.map((f) => ({ value: f, label: p.t(`reg.businessForm.${f}` as MessageKey) }))}
            />
            <TextField
              p={p}
              state={state}
              name="npwp"
              label={p.t('reg.field.npwp')}
              hint={p.t('reg.field.npwpHint')}
              inputMode="numeric"
              width="medium"
            />
            <TextField
              p={p}
              state={state}
              name="nib"
              label={p.t('reg.field.nib')}
              hint={p.t('reg.field.nibHint')}
              inputMode="numeric"
              width="medium"
              optional
            />
            <TextArea p={p} state={state} name="address" label={p.t('reg.field.address')} rows={3} />
            <TextField p={p} state={state} name="city" label={p.t('reg.field.city')} width="medium" />
            <TextField
              p={p}
              state={state}
              name="postalCode"
              label={p.t('reg.field.postalCode')}
              inputMode="numeric"
              width="short"
              optional
            />
            <TextField p={p} state={state} name="phone" type="tel" label={p.t('reg.field.phone')} width="medium" />
            <TextField p={p} state={state} name="email" type="email" label={p.t('reg.field.email')} />
            <h2>{p.t('reg.section.headOffice')}</h2>
            <div class="field">
              <label>
                <input type="checkbox" name="isBranch" value="ya" checked={state.values.isBranch === 'ya'} />{' '}
                {p.t('reg.field.isBranch')}
              </label>
            </div>
            <TextField p={p} state={state} name="headOfficeName" label={p.t('reg.field.headOfficeName')} optional />
            <TextArea
              p={p}
              state={state}
              name="headOfficeAddress"
              label={p.t('reg.field.headOfficeAddress')}
              rows={2}
              optional
            />
            <h2>{p.t('reg.section.pic')}</h2>
            <TextField p={p} state={state} name="picName" label={p.t('reg.field.picName')} />
            <TextField
              p={p}
              state={state}
              name="picNik"
              label={p.t('reg.field.picNik')}
              hint={p.t('reg.field.nikHint')}
              inputMode="numeric"
              width="medium"
            />
            <TextField p={p} state={state} name="picPosition" label={p.t('reg.field.picPosition')} width="medium" />
          </>
        ) : (
          <>
            <h2>{p.t('reg.section.official')}</h2>
            <OfficialFields p={p} state={state} agencies={props.agencies} />
          </>
        )}
        <h2>{p.t('reg.section.documents')}</h2>
        <DocumentFields p={p} state={state} kind={reg.kind} docs={props.docs} />
        <div class="button-row">
          <Button name="aksi" value="kirim">
            {p.t('reg.draft.submit')}
          </Button>
          <Button name="aksi" value="simpan" variant="secondary">
            {p.t('reg.draft.save')}
          </Button>
        </div>
      </form>
    </Layout>
  );
}

export function RegistrantStatusView({ p, reg }: { p: PageCtx; reg: RegistrationRow }) {
  return (
    <Layout p={p} title={p.t('reg.statusPage.title')}>
      <h1>{p.t('reg.statusPage.title')}</h1>
      <SignOut p={p} />
      <dl class="summary">
        <dt>{p.t('reg.number')}</dt>
        <dd>{reg.number}</dd>
        <dt>{p.t('reg.status')}</dt>
        <dd>
          <StatusTag p={p} status={reg.status} />
        </dd>
        <dt>{p.t('reg.submittedAt')}</dt>
        <dd>{formatDateTime(reg.submittedAt, p.locale)}</dd>
        {reg.decisionReason ? (
          <>
            <dt>{p.t('reg.decisionReason')}</dt>
            <dd>{reg.decisionReason}</dd>
          </>
        ) : null}
      </dl>
      {reg.status === 'submitted' ? (
        <>
          <p>{p.t('reg.statusPage.bring')}</p>
          <p>
            <a class="button" href="/daftar/tanda-terima.pdf">
              {p.t('reg.statusPage.receipt')}
            </a>
          </p>
        </>
      ) : null}
      {reg.status === 'approved' ? (
        <p>
          <a class="button" href="/masuk">
            {p.t('reg.statusPage.login')}
          </a>
        </p>
      ) : null}
      {reg.status === 'draft' || reg.status === 'revision' ? (
        <p>
          <a class="button" href="/daftar/formulir">
            {p.t('reg.statusPage.continue')}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

export function RoleRequestView(props: { p: PageCtx; state?: FormState; agencies: { id: string; name: string }[] }) {
  const { p, state } = props;
  return (
    <Layout p={p} title={p.t('reg.roleRequest.title')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{p.t('reg.roleRequest.title')}</h1>
      <p>{p.t('reg.roleRequest.intro')}</p>
      <form
        method="post"
        action={`/akun/permohonan-peran?_csrf=${encodeURIComponent(p.csrf)}`}
        encType="multipart/form-data"
        novalidate
      >
        <OfficialFields p={p} state={state} agencies={props.agencies} />
        <FileField
          p={p}
          state={state}
          name="doc_surat_tugas"
          label={p.t('reg.req.surat_tugas')}
          accept="application/pdf"
        />
        <TextField p={p} state={state} name="surat_tugas_number" label={p.t('reg.doc.number')} width="medium" />
        <TextField p={p} state={state} name="surat_tugas_date" type="date" label={p.t('reg.doc.date')} width="short" />
        <Button>{p.t('reg.roleRequest.submit')}</Button>
      </form>
    </Layout>
  );
}
