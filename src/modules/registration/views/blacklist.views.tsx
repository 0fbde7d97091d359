import type { MessageKey } from '../../../locales/id.ts';
import { type FormState, hasErrors } from '../../../platform/http/forms.ts';
import { formatDate } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, SelectField, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import { formatNpwp, maskNpwp } from '../identifiers.ts';
import type { BlacklistRow } from '../registration.repository.ts';
import { OFFENCES } from '../registration.schema.ts';

function EntriesTable({ p, entries, mask }: { p: PageCtx; entries: BlacklistRow[]; mask: boolean }) {
  return (
    // Scrolls sideways on a phone: a named region that takes focus, so keyboard users can scroll it too (axe
    // scrollable-region-focusable; WAI-ARIA's pattern for scrollable regions).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard users
    <section class="table-wrap" tabIndex={0} aria-label={p.t('reg.blacklist.title')}>
      <table>
        <thead>
          <tr>
            <th scope="col">{p.t('reg.blacklist.vendor')}</th>
            <th scope="col">NPWP</th>
            <th scope="col">{p.t('reg.blacklist.offence')}</th>
            <th scope="col">{p.t('reg.blacklist.sk')}</th>
            <th scope="col">{p.t('reg.blacklist.agency')}</th>
            <th scope="col">{p.t('reg.blacklist.period')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.vendorName}</td>
              <td>{mask ? maskNpwp(e.npwp) : formatNpwp(e.npwp)}</td>
              <td>{p.t(`reg.offence.${e.offence}` as MessageKey)}</td>
              <td>
                {e.skNumber}, {formatDate(e.skDate, p.locale)}
              </td>
              <td>{e.issuingAgency}</td>
              <td>
                {formatDate(e.startsOn, p.locale)} – {formatDate(e.endsOn, p.locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The public Daftar Hitam (R35): entries in force, NPWP masked as SPSE does. */
export function PublicBlacklistView({ p, entries }: { p: PageCtx; entries: BlacklistRow[] }) {
  return (
    <Layout p={p} title={p.t('reg.blacklist.title')}>
      <h1>{p.t('reg.blacklist.title')}</h1>
      <p class="lead">{p.t('reg.blacklist.intro')}</p>
      {entries.length === 0 ? (
        <p class="empty">{p.t('reg.blacklist.empty')}</p>
      ) : (
        <EntriesTable p={p} entries={entries} mask />
      )}
    </Layout>
  );
}

export function BlacklistAdminView(props: {
  p: PageCtx;
  entries: BlacklistRow[];
  vendors: { id: string; name: string | null; npwp: string | null }[];
  state?: FormState;
}) {
  const { p, state } = props;
  return (
    <Layout p={p} title={p.t('reg.blacklist.manageTitle')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{p.t('reg.blacklist.manageTitle')}</h1>
      <form method="post" action="/verifikasi/daftar-hitam" novalidate>
        <Csrf p={p} />
        <SelectField
          p={p}
          state={state}
          name="vendorId"
          label={p.t('reg.blacklist.vendor')}
          options={props.vendors.map((v) => ({
            value: v.id,
            label: `${v.name} (${v.npwp ? formatNpwp(v.npwp) : '-'})`,
          }))}
        />
        <SelectField
          p={p}
          state={state}
          name="offence"
          label={p.t('reg.blacklist.offence')}
          options={OFFENCES.map((o) => ({ value: o, label: p.t(`reg.offence.${o}` as MessageKey) }))}
        />
        <TextField p={p} state={state} name="skNumber" label={p.t('reg.blacklist.skNumber')} width="medium" />
        <TextField p={p} state={state} name="skDate" type="date" label={p.t('reg.blacklist.skDate')} width="short" />
        <TextField p={p} state={state} name="issuingAgency" label={p.t('reg.blacklist.agency')} />
        <TextField
          p={p}
          state={state}
          name="startsOn"
          type="date"
          label={p.t('reg.blacklist.startsOn')}
          width="short"
        />
        <TextField p={p} state={state} name="endsOn" type="date" label={p.t('reg.blacklist.endsOn')} width="short" />
        <Button variant="warning">{p.t('reg.blacklist.add')}</Button>
      </form>
      <h2>{p.t('reg.blacklist.all')}</h2>
      {props.entries.length === 0 ? (
        <p class="empty">{p.t('reg.blacklist.empty')}</p>
      ) : (
        <EntriesTable p={p} entries={props.entries} mask={false} />
      )}
    </Layout>
  );
}
