import type { FormState } from '../../../platform/http/forms.ts';
import { formatDate, formatDateTime } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';

export interface Person {
  id: string;
  name: string;
}

/** One replacement as its audit event recorded it, with the two names. */
export interface ReplacementRow {
  seq: number;
  at: Date;
  outgoing: string;
  incoming: string;
  sk: string;
  skDate: string;
  reason: string;
}

/** The Kepala UKPBJ's page of a running tender: its Pokja, and the form that replaces a member by SK. */
export function TenderMembersView(props: {
  p: PageCtx;
  t: { kode: string; nama: string; status: string };
  members: readonly Person[];
  candidates: readonly Person[];
  history: readonly ReplacementRow[];
  state?: FormState;
}) {
  const { p, t, state } = props;
  const title = p.t('tenders.replace.title', { kode: t.kode });
  const options = (people: readonly Person[]) => people.map((m) => ({ value: m.id, label: m.name }));
  return (
    <Layout p={p} title={title} hasErrors={!!state && Object.keys(state.errors).length > 0}>
      <p>
        <a href={`/tender/${t.kode}`}>{t.nama}</a>
      </p>
      <h1>{title}</h1>
      {state ? <ErrorSummary p={p} state={state} /> : null}
      <h2>{p.t('tenders.replace.members')}</h2>
      <ul>
        {props.members.map((m) => (
          <li>{m.name}</li>
        ))}
      </ul>
      {props.history.length > 0 ? <History p={p} rows={props.history} /> : null}
      {t.status !== 'berlangsung' ? (
        <p>{p.t('tenders.replace.notRunning')}</p>
      ) : props.candidates.length === 0 ? (
        <p>{p.t('tenders.replace.noCandidates')}</p>
      ) : (
        <form method="post" action={`/tender/${t.kode}/ukpbj/ganti`}>
          <Csrf p={p} />
          <h2>{p.t('tenders.replace.form')}</h2>
          <p>{p.t('tenders.replace.intro')}</p>
          <p>{p.t('tenders.replace.sealed')}</p>
          <SelectField
            p={p}
            state={state}
            name="outgoingId"
            label={p.t('tenders.replace.outgoing')}
            options={options(props.members)}
          />
          <SelectField
            p={p}
            state={state}
            name="incomingId"
            label={p.t('tenders.replace.incoming')}
            options={options(props.candidates)}
          />
          <TextField p={p} state={state} name="skNumber" label={p.t('tenders.replace.sk')} />
          <TextField p={p} state={state} name="skDate" type="date" label={p.t('tenders.replace.skDate')} />
          <TextArea p={p} state={state} name="reason" label={p.t('tenders.replace.reason')} rows={2} />
          <Button variant="warning">{p.t('tenders.replace.submit')}</Button>
        </form>
      )}
    </Layout>
  );
}

function History({ p, rows }: { p: PageCtx; rows: readonly ReplacementRow[] }) {
  return (
    <>
      <h2>{p.t('tenders.replace.history')}</h2>
      <div class="table-wrap">
        <table>
          <caption>{p.t('tenders.replace.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{p.t('tenders.replace.at')}</th>
              <th scope="col">{p.t('tenders.replace.outgoing')}</th>
              <th scope="col">{p.t('tenders.replace.incoming')}</th>
              <th scope="col">{p.t('tenders.replace.sk')}</th>
              <th scope="col">{p.t('tenders.replace.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq}>
                <td>{formatDateTime(r.at, p.locale)}</td>
                <td>{r.outgoing}</td>
                <th scope="row">{r.incoming}</th>
                <td>
                  {r.sk} ({formatDate(r.skDate, p.locale)})
                </td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
