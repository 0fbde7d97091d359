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

/** A contract terminated for the vendor's fault (contracts' `contractTerminations`), a ground for a blacklist. */
export interface TerminationGround {
  vendorId: string;
  vendorName: string | null;
  tenderKode: string | null;
  tenderNama: string;
  nomorKontrak: string;
  tanggal: string | null;
  alasan: string | null;
}

/**
 * The terminations for the vendor's fault that no decision answers yet: an SK for that vendor for `pemutusan_kontrak`
 * dated on or after the termination. Each links to the form, filled with the vendor and the offence.
 */
function TerminationGrounds({
  p,
  grounds,
  entries,
}: {
  p: PageCtx;
  grounds: TerminationGround[];
  entries: BlacklistRow[];
}) {
  const answered = (g: TerminationGround) =>
    entries.some(
      (e) => e.vendorId === g.vendorId && e.offence === 'pemutusan_kontrak' && e.skDate >= (g.tanggal ?? ''),
    );
  const open = grounds.filter((g) => !answered(g));
  return (
    <section aria-labelledby="grounds-title">
      <h2 id="grounds-title">{p.t('reg.blacklist.grounds')}</h2>
      {open.length === 0 ? (
        <p class="empty">{p.t('reg.blacklist.groundsEmpty')}</p>
      ) : (
        <ul class="grounds">
          {open.map((g) => (
            <li key={`${g.nomorKontrak}-${g.vendorId}`}>
              <strong>{g.vendorName}</strong> —{' '}
              {p.t('reg.blacklist.groundLine', {
                kontrak: g.nomorKontrak,
                kode: g.tenderKode ?? '-',
                nama: g.tenderNama,
                tanggal: g.tanggal ? formatDate(g.tanggal, p.locale) : '-',
              })}
              <br />
              <q>{g.alasan}</q>{' '}
              <a href={`/verifikasi/daftar-hitam?vendor=${g.vendorId}&pelanggaran=pemutusan_kontrak#form-daftar-hitam`}>
                {p.t('reg.blacklist.useGround')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function BlacklistAdminView(props: {
  p: PageCtx;
  entries: BlacklistRow[];
  vendors: { id: string; name: string | null; npwp: string | null }[];
  grounds: TerminationGround[];
  state?: FormState;
}) {
  const { p, state } = props;
  return (
    <Layout p={p} title={p.t('reg.blacklist.manageTitle')} hasErrors={hasErrors(state)}>
      <ErrorSummary p={p} state={state} />
      <h1>{p.t('reg.blacklist.manageTitle')}</h1>
      <TerminationGrounds p={p} grounds={props.grounds} entries={props.entries} />
      <h2>{p.t('reg.blacklist.add')}</h2>
      <form method="post" action="/verifikasi/daftar-hitam" id="form-daftar-hitam" novalidate>
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
