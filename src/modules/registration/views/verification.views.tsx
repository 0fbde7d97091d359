import type { MessageKey } from '../../../locales/id.ts';
import { can } from '../../../platform/auth/permissions.ts';
import { type FormState, hasErrors } from '../../../platform/http/forms.ts';
import { formatDate, formatDateTime } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, FileField, SelectField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import type { Eligibility } from '../eligibility.ts';
import { companyName, formatNpwp } from '../identifiers.ts';
import { QUEUE_FILTERS, type QueueFilter, type RegistrationRow, type VendorRow } from '../registration.repository.ts';
import { REQUESTER_KINDS } from '../registration.schema.ts';
import { requirementsFor } from '../requirements.ts';
import type { DocView } from './registrant.views.tsx';
import { StatusTag } from './registrant.views.tsx';

const DAY_MS = 86_400_000;

export interface QueueRow {
  id: string;
  number: string;
  kind: 'vendor' | 'official';
  status: RegistrationRow['status'];
  submittedAt: Date | null;
  createdAt: Date;
  applicant: string;
  vendorName: string | null;
  agencyName: string | null;
  requestedRole: string | null;
}

export function QueueView({
  p,
  filter,
  rows,
  counts,
  now,
}: {
  p: PageCtx;
  filter: QueueFilter;
  rows: QueueRow[];
  counts: Record<QueueFilter, number>;
  now: Date;
}) {
  return (
    <Layout p={p} title={p.t('reg.queue.title')}>
      <h1>{p.t('reg.queue.title')}</h1>
      <nav aria-label={p.t('reg.queue.filters')}>
        <ul class="tabs">
          {QUEUE_FILTERS.map((f) => (
            <li key={f}>
              <a href={`/verifikasi?status=${f}`} aria-current={f === filter ? 'page' : undefined}>
                {p.t(`reg.queue.filter.${f}` as MessageKey)} <span class="count">{counts[f]}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <a href="/verifikasi/daftar-hitam">{p.t('reg.blacklist.manageTitle')}</a>
      </p>
      {rows.length === 0 ? (
        <p class="empty">{p.t('reg.queue.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{p.t('reg.number')}</th>
                <th scope="col">{p.t('reg.queue.applicant')}</th>
                <th scope="col">{p.t('reg.queue.kind')}</th>
                <th scope="col">{p.t('reg.submittedAt')}</th>
                <th scope="col">{p.t('reg.queue.age')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const since = r.submittedAt ?? r.createdAt;
                return (
                  <tr key={r.id}>
                    <td>
                      <a href={`/verifikasi/${r.id}`}>{r.number}</a>
                    </td>
                    <td>
                      {r.kind === 'vendor' ? (r.vendorName ?? r.applicant) : `${r.applicant} (${r.agencyName ?? '-'})`}
                    </td>
                    <td>
                      {r.kind === 'vendor'
                        ? p.t('reg.kind.vendor')
                        : r.requestedRole
                          ? p.t(`role.${r.requestedRole}` as MessageKey)
                          : p.t('reg.kind.official')}
                    </td>
                    <td>{formatDateTime(r.submittedAt, p.locale)}</td>
                    <td>{p.t('reg.queue.days', { days: Math.floor((now.getTime() - since.getTime()) / DAY_MS) })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface EventView {
  at: Date;
  actorName: string | null;
  kind: string;
  note: string | null;
}

/** Every version of every document of one registration (R36), newest state marked; for the archive and the vendor. */
export function DocumentVersionsTable(props: {
  p: PageCtx;
  kind: 'vendor' | 'official';
  versions: DocView[];
  showOriginals?: boolean;
}) {
  const { p } = props;
  const labels = new Map(requirementsFor(props.kind).map((r) => [r.code, p.t(r.labelKey)]));
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{p.t('reg.archive.document')}</th>
            <th scope="col">{p.t('reg.archive.version')}</th>
            <th scope="col">{p.t('reg.archive.uploadedAt')}</th>
            {props.showOriginals ? <th scope="col">{p.t('reg.doc.originalOk')}</th> : null}
            <th scope="col">{p.t('reg.doc.download')}</th>
          </tr>
        </thead>
        <tbody>
          {props.versions.map((v) => (
            <tr key={v.row.id}>
              <td>{labels.get(v.row.requirement) ?? v.row.requirement}</td>
              <td>
                v{v.row.version}
                {v.row.current ? ` (${p.t('reg.archive.current')})` : ''}
              </td>
              <td>{formatDateTime(v.row.createdAt, p.locale)}</td>
              {props.showOriginals ? <td>{v.row.originalChecked ? '✓' : '—'}</td> : null}
              <td>
                <a href={`/berkas/${v.doc.id}?unduh=1`}>{v.doc.originalName}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function EventList({ p, events }: { p: PageCtx; events: EventView[] }) {
  return (
    <ol class="timeline">
      {events.map((e, i) => (
        <li key={i}>
          <strong>{formatDateTime(e.at, p.locale)}</strong> — {p.t(`reg.event.${e.kind}` as MessageKey)}
          {e.actorName ? ` (${e.actorName})` : ''}
          {e.note ? `: ${e.note}` : ''}
        </li>
      ))}
    </ol>
  );
}

export function DetailView(props: {
  p: PageCtx;
  reg: RegistrationRow;
  user: { id: string; name: string; username: string; email: string; status: string };
  vendor: VendorRow | undefined;
  agencyName: string | null;
  docs: DocView[];
  events: EventView[];
  state?: FormState;
}) {
  const { p, reg, vendor } = props;
  const canAct = reg.status === 'submitted' && can(p.actor, 'registration:verify');
  const labels = new Map(requirementsFor(reg.kind).map((r) => [r.code, p.t(r.labelKey)]));
  return (
    <Layout p={p} title={`${p.t('reg.detail.title')} ${reg.number}`} hasErrors={hasErrors(props.state)}>
      <ErrorSummary p={p} state={props.state} />
      <h1>
        {p.t('reg.detail.title')} {reg.number} <StatusTag p={p} status={reg.status} />
      </h1>
      <p>
        <a href={`/verifikasi/pengguna/${props.user.id}`}>{p.t('reg.archive.link')}</a>
      </p>
      <dl class="summary">
        <dt>{p.t('reg.account.name')}</dt>
        <dd>
          {props.user.name} ({props.user.username}, {props.user.email})
        </dd>
        {vendor ? (
          <>
            <dt>{p.t('reg.field.name')}</dt>
            <dd>{companyName(vendor.businessForm, vendor.name)}</dd>
            <dt>{p.t('reg.field.npwp')}</dt>
            <dd>{vendor.npwp ? formatNpwp(vendor.npwp) : '—'}</dd>
            <dt>{p.t('reg.field.nib')}</dt>
            <dd>{vendor.nib ?? '—'}</dd>
            <dt>{p.t('reg.field.address')}</dt>
            <dd>{[vendor.address, vendor.city, vendor.postalCode].filter(Boolean).join(', ')}</dd>
            <dt>{p.t('reg.field.phone')}</dt>
            <dd>
              {vendor.phone} · {vendor.email}
            </dd>
            {vendor.isBranch ? (
              <>
                <dt>{p.t('reg.field.headOfficeName')}</dt>
                <dd>
                  {vendor.headOfficeName}, {vendor.headOfficeAddress}
                </dd>
              </>
            ) : null}
            <dt>{p.t('reg.section.pic')}</dt>
            <dd>
              {vendor.picName} — {vendor.picPosition} — NIK {vendor.picNik}
            </dd>
          </>
        ) : (
          <>
            <dt>{p.t('reg.field.agency')}</dt>
            <dd>{props.agencyName ?? '—'}</dd>
            <dt>{p.t('reg.field.role')}</dt>
            <dd>{reg.requestedRole ? p.t(`role.${reg.requestedRole}` as MessageKey) : '—'}</dd>
            <dt>{p.t('reg.field.nip')}</dt>
            <dd>{reg.nip ?? '—'}</dd>
            <dt>{p.t('reg.field.position')}</dt>
            <dd>{reg.position ?? '—'}</dd>
          </>
        )}
        {reg.decisionReason ? (
          <>
            <dt>{p.t('reg.decisionReason')}</dt>
            <dd>{reg.decisionReason}</dd>
          </>
        ) : null}
      </dl>

      <h2>{p.t('reg.section.documents')}</h2>
      <form method="post" action={`/verifikasi/${reg.id}/asli`} novalidate>
        <Csrf p={p} />
        {/* Marks a post that carries the checklist: "Setujui" from this form saves the ticks first, in one submit. */}
        <input type="hidden" name="checklist" value="1" />
        {props.docs.map((d) => (
          <section class="card doc-check" key={d.row.id}>
            <h3>
              {labels.get(d.row.requirement) ?? d.row.requirement} —{' '}
              {p.t('reg.doc.current', { version: d.row.version })}
            </h3>
            <dl class="summary">
              {d.row.docNumber ? (
                <>
                  <dt>{p.t('reg.doc.number')}</dt>
                  <dd>{d.row.docNumber}</dd>
                </>
              ) : null}
              {d.row.issuedOn ? (
                <>
                  <dt>{p.t('reg.doc.date')}</dt>
                  <dd>{formatDate(d.row.issuedOn, p.locale)}</dd>
                </>
              ) : null}
              {d.row.issuer ? (
                <>
                  <dt>{p.t('reg.doc.issuer')}</dt>
                  <dd>{d.row.issuer}</dd>
                </>
              ) : null}
              {d.row.validUntil ? (
                <>
                  <dt>{p.t('reg.doc.validUntil')}</dt>
                  <dd>{formatDate(d.row.validUntil, p.locale)}</dd>
                </>
              ) : null}
            </dl>
            {d.doc.mime?.startsWith('image/') ? (
              // An image in the page itself: Chromium's own image viewer (in a frame) styles itself inline, which the
              // content security policy refuses and logs.
              <img
                class="doc-preview"
                src={`/berkas/${d.doc.id}`}
                alt={labels.get(d.row.requirement) ?? d.row.requirement}
                loading="lazy"
              />
            ) : (
              <iframe
                class="doc-preview"
                src={`/berkas/${d.doc.id}`}
                title={labels.get(d.row.requirement) ?? d.row.requirement}
                loading="lazy"
              />
            )}
            <p>
              <a href={`/berkas/${d.doc.id}?unduh=1`}>
                {p.t('reg.doc.download')} ({d.doc.originalName})
              </a>
            </p>
            <div class="field">
              <label>
                <input
                  type="checkbox"
                  name="asli"
                  value={d.row.id}
                  checked={d.row.originalChecked}
                  disabled={!canAct}
                />{' '}
                {p.t('reg.doc.originalOk')}
              </label>
            </div>
          </section>
        ))}
        {canAct ? (
          <>
            <Button variant="secondary">{p.t('reg.detail.saveChecklist')}</Button>
            <h2>{p.t('reg.detail.decide')}</h2>
            <p>{p.t('reg.detail.approveHint')}</p>
            {/* The same form: the ticks above are saved, then the registration approved. */}
            <button type="submit" class="button" formAction={`/verifikasi/${reg.id}/setujui`}>
              {p.t('reg.detail.approve')}
            </button>
          </>
        ) : null}
      </form>

      {canAct ? (
        <>
          <form method="post" action={`/verifikasi/${reg.id}/revisi`} novalidate>
            <Csrf p={p} />
            <h3>{p.t('reg.detail.revision')}</h3>
            <TextArea p={p} state={props.state} name="note" label={p.t('reg.detail.revisionNote')} rows={2} optional />
            {props.docs.map((d) => (
              <TextArea
                key={d.row.id}
                p={p}
                state={props.state}
                name={`note_${d.row.id}`}
                label={`${p.t('reg.detail.noteFor')} ${labels.get(d.row.requirement) ?? d.row.requirement}`}
                rows={2}
                optional
              />
            ))}
            <Button variant="secondary">{p.t('reg.detail.sendRevision')}</Button>
          </form>
          <form method="post" action={`/verifikasi/${reg.id}/tolak`} novalidate>
            <Csrf p={p} />
            <h3>{p.t('reg.detail.reject')}</h3>
            <TextArea p={p} state={props.state} name="reason" label={p.t('reg.detail.rejectReason')} rows={3} />
            <Button variant="warning">{p.t('reg.detail.reject')}</Button>
          </form>
        </>
      ) : null}

      <h2>{p.t('reg.archive.history')}</h2>
      <EventList p={p} events={props.events} />
    </Layout>
  );
}

export interface ArchiveRegistration {
  reg: RegistrationRow;
  eligibility?: Eligibility;
  versions: DocView[];
  events: EventView[];
}

export function ArchiveView(props: {
  p: PageCtx;
  user: { id: string; name: string; username: string; email: string; status: string };
  registrations: ArchiveRegistration[];
  changes: {
    change: {
      action: string;
      reason: string;
      requesterKind: string;
      requesterName: string | null;
      referenceNumber: string | null;
      referenceDocumentId: string | null;
      at: Date;
    };
    byName: string;
  }[];
  state?: FormState;
}) {
  const { p, user } = props;
  const active = user.status === 'active';
  const canChange = can(p.actor, 'accounts:deactivate') && user.status !== 'pending';
  return (
    <Layout p={p} title={`${p.t('reg.archive.title')} ${user.name}`} hasErrors={hasErrors(props.state)}>
      <ErrorSummary p={p} state={props.state} />
      <h1>
        {p.t('reg.archive.title')} {user.name}
      </h1>
      <dl class="summary">
        <dt>{p.t('reg.account.username')}</dt>
        <dd>{user.username}</dd>
        <dt>{p.t('reg.field.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{p.t('reg.status')}</dt>
        <dd>
          <span class={`tag ${active ? 'green' : 'red'}`}>{p.t(`reg.userStatus.${user.status}` as MessageKey)}</span>
        </dd>
      </dl>
      <p>
        <a href={`/verifikasi/pengguna/${user.id}/riwayat.csv`}>{p.t('reg.archive.downloadHistory')}</a>
      </p>
      {props.registrations.map((a) => {
        return (
          <section key={a.reg.id}>
            <h2>
              <a href={`/verifikasi/${a.reg.id}`}>{a.reg.number}</a> <StatusTag p={p} status={a.reg.status} />
            </h2>
            {a.eligibility ? (
              <p>
                {p.t('reg.eligibility.label')}:{' '}
                {a.eligibility.eligible ? (
                  <span class="tag green">{p.t('reg.eligibility.yes')}</span>
                ) : (
                  <>
                    <span class="tag red">{p.t(`reg.eligibility.${a.eligibility.reason}` as MessageKey)}</span>
                    {a.eligibility.reason === 'BLACKLISTED'
                      ? ` ${p.t('reg.eligibility.blacklistedUntil', { sk: a.eligibility.skNumber, until: formatDate(a.eligibility.until, p.locale) })}`
                      : null}
                  </>
                )}
              </p>
            ) : null}
            <h3>{p.t('reg.archive.versions')}</h3>
            <DocumentVersionsTable p={p} kind={a.reg.kind} versions={a.versions} showOriginals />
            <h3>{p.t('reg.archive.history')}</h3>
            <EventList p={p} events={a.events} />
          </section>
        );
      })}
      <h2>{p.t('reg.account.statusHistory')}</h2>
      {props.changes.length === 0 ? (
        <p class="empty">{p.t('reg.account.noChanges')}</p>
      ) : (
        <ul>
          {props.changes.map(({ change: c, byName }, i) => (
            <li key={i}>
              {formatDateTime(c.at, p.locale)} — {p.t(`reg.account.action.${c.action}` as MessageKey)} ({byName}):{' '}
              {c.reason}; {p.t(`reg.requester.${c.requesterKind}` as MessageKey)}
              {c.requesterName ? ` ${c.requesterName}` : ''}
              {c.referenceNumber ? `, ${c.referenceNumber}` : ''}
              {c.referenceDocumentId ? (
                <>
                  {' '}
                  <a href={`/berkas/${c.referenceDocumentId}?unduh=1`}>{p.t('reg.doc.download')}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canChange ? (
        <form
          method="post"
          action={`/verifikasi/pengguna/${user.id}/${active ? 'nonaktifkan' : 'aktifkan'}?_csrf=${encodeURIComponent(p.csrf)}`}
          encType="multipart/form-data"
          novalidate
        >
          <h2>{p.t(active ? 'reg.account.deactivate' : 'reg.account.reactivate')}</h2>
          <TextArea p={p} state={props.state} name="reason" label={p.t('reg.account.reason')} rows={3} />
          <SelectField
            p={p}
            state={props.state}
            name="requesterKind"
            label={p.t('reg.account.requester')}
            options={REQUESTER_KINDS.map((k) => ({ value: k, label: p.t(`reg.requester.${k}` as MessageKey) }))}
          />
          <TextField p={p} state={props.state} name="requesterName" label={p.t('reg.account.requesterName')} optional />
          <TextField
            p={p}
            state={props.state}
            name="referenceNumber"
            label={p.t('reg.account.referenceNumber')}
            optional
          />
          <FileField
            p={p}
            state={props.state}
            name="reference"
            label={p.t('reg.account.reference')}
            accept="application/pdf"
            optional
          />
          <Button variant={active ? 'warning' : undefined}>
            {p.t(active ? 'reg.account.deactivate' : 'reg.account.reactivate')}
          </Button>
        </form>
      ) : null}
    </Layout>
  );
}
