import type { MessageKey } from '../../../locales/id.ts';
import { can } from '../../../platform/auth/permissions.ts';
import { LPSE_TEAM_ROLES } from '../../../platform/auth/roles.ts';
import { type FormState, hasErrors } from '../../../platform/http/forms.ts';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, FileField, SelectField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import type { AgencyRow } from '../organisation.repository.ts';

export const AGENCY_KINDS = ['OPD', 'BUMN', 'BUMD', 'NON_PEMERINTAH'] as const;

export function AgenciesView({ p, agencies }: { p: PageCtx; agencies: AgencyRow[] }) {
  return (
    <Layout p={p} title={p.t('agencies.title')}>
      <h1>{p.t('agencies.title')}</h1>
      <p>{p.t('agencies.intro')}</p>
      <p>
        <a class="button" href="/admin/instansi/baru">
          {p.t('agencies.add')}
        </a>
      </p>
      {agencies.length === 0 ? (
        <p class="empty">{p.t('agencies.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{p.t('agencies.code')}</th>
                <th scope="col">{p.t('agencies.name')}</th>
                <th scope="col">{p.t('agencies.kind')}</th>
                <th scope="col">{p.t('agencies.status')}</th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((a) => (
                <tr key={a.id}>
                  <td>{a.code}</td>
                  <td>{a.name}</td>
                  <td>{p.t(`agencyKind.${a.kind}` as MessageKey)}</td>
                  <td>
                    <span class={`tag ${a.active ? 'green' : 'red'}`}>
                      {p.t(a.active ? 'agencies.active' : 'agencies.inactive')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function NewAgencyView({ p, state }: { p: PageCtx; state?: FormState }) {
  return (
    <Layout p={p} title={p.t('agencies.add')} hasErrors={hasErrors(state)}>
      <ErrorSummary
        p={p}
        state={state}
        labels={{
          code: p.t('agencies.code'),
          name: p.t('agencies.name'),
          kind: p.t('agencies.kind'),
          address: p.t('agencies.address'),
        }}
      />
      <h1>{p.t('agencies.add')}</h1>
      <form method="post" action="/admin/instansi/baru" novalidate>
        <Csrf p={p} />
        <TextField
          p={p}
          state={state}
          name="code"
          label={p.t('agencies.code')}
          hint={p.t('agencies.codeHint')}
          width="medium"
        />
        <TextField p={p} state={state} name="name" label={p.t('agencies.name')} />
        <SelectField
          p={p}
          state={state}
          name="kind"
          label={p.t('agencies.kind')}
          options={AGENCY_KINDS.map((k) => ({ value: k, label: p.t(`agencyKind.${k}` as MessageKey) }))}
        />
        <TextArea p={p} state={state} name="address" label={p.t('agencies.address')} optional rows={3} />
        <div class="button-row">
          <Button>{p.t('form.save')}</Button>
          <a href="/admin/instansi">{p.t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

export function OrgChartView(props: {
  p: PageCtx;
  decree: { number: string; decreeDate: string; documentId: string | null } | undefined;
  members: { role: string; name: string; position: string | null }[];
  state?: FormState;
}) {
  const { p } = props;
  const byUnit = (role: string) => props.members.filter((m) => m.role === role);
  const Unit = ({ unit: role, head }: { unit: string; head?: boolean }) => (
    <section class={`card${head ? ' head' : ''}`} aria-labelledby={`unit-${role}`}>
      <h2 id={`unit-${role}`}>{p.t(`role.${role}` as MessageKey)}</h2>
      {byUnit(role).length === 0 ? (
        <p class="empty">{p.t('team.unit.empty')}</p>
      ) : (
        <ul>
          {byUnit(role).map((m) => (
            <li key={m.name}>
              {m.name}
              {m.position ? <small> — {m.position}</small> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <Layout p={p} title={p.t('team.title')} hasErrors={hasErrors(props.state)}>
      <ErrorSummary p={p} state={props.state} />
      <h1>{p.t('team.title')}</h1>
      <p class="lead">{p.t('team.intro')}</p>
      <h2>{p.t('team.decree')}</h2>
      {props.decree ? (
        <dl class="summary">
          <dt>{p.t('team.decree.number')}</dt>
          <dd>{props.decree.number}</dd>
          <dt>{p.t('team.decree.date')}</dt>
          <dd>{formatDate(props.decree.decreeDate, p.locale)}</dd>
          {props.decree.documentId ? (
            <>
              <dt>{p.t('team.decree.file')}</dt>
              <dd>
                <a href={`/berkas/${props.decree.documentId}?unduh=1`}>{p.t('team.decree.download')}</a>
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p class="empty">{p.t('team.decree.none')}</p>
      )}
      <div class="org">
        <Unit unit="KEPALA_LPSE" head />
        {LPSE_TEAM_ROLES.filter((r) => r !== 'KEPALA_LPSE').map((r) => (
          <Unit key={r} unit={r} />
        ))}
      </div>
      {can(p.actor, 'lpse-team:manage') ? (
        <>
          <h2 id="catat-sk">{p.t('team.decree.add')}</h2>
          <form
            method="post"
            action={`/tim-lpse/sk?_csrf=${encodeURIComponent(p.csrf)}`}
            encType="multipart/form-data"
            novalidate
          >
            <TextField p={p} state={props.state} name="number" label={p.t('team.decree.number')} width="medium" />
            <TextField
              p={p}
              state={props.state}
              name="decreeDate"
              type="date"
              label={p.t('team.decree.date')}
              width="short"
            />
            <FileField p={p} state={props.state} name="file" label={p.t('team.decree.file')} accept="application/pdf" />
            <Button>{p.t('form.save')}</Button>
          </form>
        </>
      ) : null}
    </Layout>
  );
}
