import type { FormState } from '../../../platform/http/forms.ts';
import { formatDate, formatDateTime, formatRupiah } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, FileField, SelectField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import { formatScore, RATING_MAX } from '../../contracts/index.ts';
import type { ProfileBlocker } from '../expiry.ts';
import { expiryOf, type FieldDef, SECTION_FIELDS, SECTIONS, type Section, totalShares } from '../sections.ts';
import type { ChangeRequestRow, SectionRow, SectionVersionRow } from '../sikap.repository.ts';
import type { SectionItem } from '../sikap.schema.ts';

type Key = Parameters<PageCtx['t']>[0];
const tk = (p: PageCtx, key: string) => p.t(key as Key);
export const sectionLabel = (p: PageCtx, s: string) => tk(p, `sikap.section.${s}`);
const fieldLabel = (p: PageCtx, name: string) => tk(p, `sikap.field.${name}`);
const optionLabel = (p: PageCtx, v: string) => {
  const text = tk(p, `sikap.opt.${v}`);
  return text === `sikap.opt.${v}` ? v : text;
};

/** One value as shown: dates in words, rupiah grouped, shares in percent, options by their label. */
export function showValue(p: PageCtx, d: FieldDef, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  switch (d.kind) {
    case 'date':
      return formatDate(String(v), p.locale);
    case 'rupiah':
      return formatRupiah(BigInt(String(v)));
    case 'percent':
      return `${(Number(v) / 100).toLocaleString(p.locale === 'id' ? 'id-ID' : 'en-GB')}%`;
    case 'kbli':
      return (v as string[]).join(', ') || '—';
    case 'select':
      return optionLabel(p, String(v));
    default:
      return String(v);
  }
}

export interface VendorHead {
  id: string;
  displayName: string;
  npwp: string;
  picName: string | null;
  picPosition: string | null;
  city: string | null;
}

function ItemFields(props: { p: PageCtx; section: Section; state?: FormState }) {
  const { p, section, state } = props;
  return (
    <>
      {SECTION_FIELDS[section].map((d) =>
        d.kind === 'select' ? (
          <SelectField
            key={d.name}
            p={p}
            state={state}
            name={d.name}
            label={fieldLabel(p, d.name)}
            optional={d.optional}
            options={(d.options ?? []).map((o) => ({ value: o, label: optionLabel(p, o) }))}
          />
        ) : (
          <TextField
            key={d.name}
            p={p}
            state={state}
            name={d.name}
            type={d.kind === 'date' ? 'date' : 'text'}
            inputMode={d.kind === 'int' || d.kind === 'rupiah' ? 'numeric' : undefined}
            label={fieldLabel(p, d.name)}
            optional={d.optional || d.kind === 'kbli'}
          />
        ),
      )}
    </>
  );
}

function multipartAction(p: PageCtx, path: string) {
  return `${path}?_csrf=${encodeURIComponent(p.csrf)}`;
}

/** The vendor's own profile: identity, each section with its count, what blocks participation, the requests. */
export function OverviewView(props: {
  p: PageCtx;
  vendor: VendorHead;
  sections: Record<string, SectionRow>;
  blockers: ProfileBlocker[];
  requests: ChangeRequestRow[];
}) {
  const { p, vendor } = props;
  return (
    <Layout p={p} title={p.t('sikap.title')}>
      <h1>{p.t('sikap.title')}</h1>
      <p>{p.t('sikap.intro')}</p>
      <p>
        <a href={`/penyedia/${vendor.id}`}>{p.t('sikap.publicLink')}</a>
      </p>
      {props.blockers.length > 0 ? (
        <div class="notice warning" role="status">
          <h2>{p.t('sikap.blockers')}</h2>
          <ul>
            {props.blockers.map((b) => (
              <li key={b.itemId}>
                <a href={`/sikap/${b.section}`}>{b.label}</a>: {b.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <section class="card">
        <h2>{p.t('sikap.identity')}</h2>
        <dl class="summary">
          <dt>{p.t('sikap.field.name')}</dt>
          <dd>{vendor.displayName}</dd>
          <dt>{p.t('sikap.field.npwp')}</dt>
          <dd>{vendor.npwp}</dd>
          <dt>{p.t('sikap.field.picName')}</dt>
          <dd>{[vendor.picName, vendor.picPosition].filter(Boolean).join(' — ') || '—'}</dd>
        </dl>
        <p class="hint">{p.t('sikap.identity.hint')}</p>
        <p>
          <a class="button secondary" href="/sikap/identitas">
            {p.t('sikap.identity.request')}
          </a>
        </p>
      </section>
      <div class="table-wrap">
        <table>
          <caption>{p.t('sikap.title')}</caption>
          <tbody>
            {SECTIONS.map((s) => (
              <tr key={s}>
                <th scope="row">
                  <a href={`/sikap/${s}`}>{sectionLabel(p, s)}</a>
                </th>
                <td>{p.t('sikap.items', { n: props.sections[s]?.items.length ?? 0 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RequestList p={p} requests={props.requests} />
    </Layout>
  );
}

function RequestList({ p, requests }: { p: PageCtx; requests: ChangeRequestRow[] }) {
  if (requests.length === 0) return null;
  return (
    <section>
      <h2>{p.t('sikap.requests')}</h2>
      <ul>
        {requests.map((r) => (
          <li key={r.id}>
            {sectionLabel(p, r.section)} — {formatDateTime(r.requestedAt, p.locale)}:{' '}
            <span class="tag">{tk(p, `sikap.status.${r.status}`)}</span>
            {r.reason ? ` ${r.reason}` : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The items of a section as a table; with `actions`, each row links to its edit form and has a remove button. */
export function ItemsTable(props: {
  p: PageCtx;
  section: Section;
  items: SectionItem[];
  today: string;
  actions?: { verified: boolean };
}) {
  const { p, section, items } = props;
  const fields = SECTION_FIELDS[section];
  if (items.length === 0) return <p class="empty">{p.t('sikap.empty')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>{sectionLabel(p, section)}</caption>
        <thead>
          <tr>
            {fields.map((d) => (
              <th key={d.name} scope="col">
                {fieldLabel(p, d.name)}
              </th>
            ))}
            <th scope="col">{p.t('sikap.evidence')}</th>
            {props.actions ? <th scope="col">{p.t('sikap.edit')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((i) => {
            const exp = expiryOf(section, i);
            const soon = exp && exp.until >= props.today && exp.until <= addDays(props.today, 30);
            const past = exp && exp.until < props.today;
            return (
              <tr key={i.id} id={`item-${i.id}`}>
                {fields.map((d) => (
                  <td key={d.name}>{showValue(p, d, i[d.name])}</td>
                ))}
                <td>
                  {i.bukti ? <a href={`/berkas/${i.bukti}`}>PDF</a> : '—'}
                  {past ? <span class="tag red"> {p.t('sikap.expired')}</span> : null}
                  {soon ? <span class="tag yellow"> {p.t('sikap.expiresSoon')}</span> : null}
                </td>
                {props.actions ? (
                  <td>
                    {props.actions.verified ? null : (
                      <a href={`/sikap/${section}?ubah=${i.id}#form`}>{p.t('sikap.edit')}</a>
                    )}
                    <form
                      method="post"
                      action={multipartAction(p, `/sikap/${section}/${i.id}/hapus`)}
                      encType="multipart/form-data"
                      class="inline"
                    >
                      <Csrf p={p} />
                      {props.actions.verified ? (
                        <>
                          <FileField p={p} name="bukti" label={p.t('sikap.evidence')} />
                          <TextField p={p} name="note" label={p.t('sikap.note')} optional />
                        </>
                      ) : null}
                      <Button variant="warning">
                        {props.actions.verified ? p.t('sikap.requestRemove') : p.t('sikap.remove')}
                      </Button>
                    </form>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A section of the own profile: its items, the add (or edit) form, the requests and the history of versions. */
export function SectionView(props: {
  p: PageCtx;
  section: Section;
  items: SectionItem[];
  versions: SectionVersionRow[];
  requests: ChangeRequestRow[];
  verified: boolean;
  today: string;
  editing?: string;
  state?: FormState;
}) {
  const { p, section, verified } = props;
  const title = sectionLabel(p, section);
  const action = props.editing ? `/sikap/${section}/${props.editing}` : `/sikap/${section}`;
  return (
    <Layout p={p} title={title} hasErrors={!!props.state && Object.keys(props.state.errors).length > 0}>
      <p>
        <a href="/sikap">{p.t('sikap.title')}</a>
      </p>
      <h1>{title}</h1>
      {verified ? <p class="hint">{p.t('sikap.verifiedHint')}</p> : null}
      {section === 'pemilik' ? (
        <p>{p.t('sikap.sharesTotal', { total: (totalShares(props.items) / 100).toLocaleString('id-ID') })}</p>
      ) : null}
      <ItemsTable p={p} section={section} items={props.items} today={props.today} actions={{ verified }} />
      <h2 id="form">{props.editing ? p.t('sikap.editing') : p.t('sikap.add')}</h2>
      <ErrorSummary p={p} state={props.state} />
      <form method="post" action={multipartAction(p, action)} encType="multipart/form-data" novalidate>
        <Csrf p={p} />
        <ItemFields p={p} section={section} state={props.state} />
        <FileField
          p={p}
          state={props.state}
          name="bukti"
          label={p.t('sikap.evidence')}
          hint={p.t('sikap.evidence.hint')}
          accept="application/pdf"
          optional={!!props.editing}
        />
        {verified ? <TextArea p={p} state={props.state} name="note" label={p.t('sikap.note')} optional /> : null}
        <Button>{verified ? p.t('sikap.requestAdd') : p.t('sikap.save')}</Button>
      </form>
      <RequestList p={p} requests={props.requests} />
      <h2>{p.t('sikap.history')}</h2>
      <div class="table-wrap">
        <table>
          <caption>{p.t('sikap.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{p.t('sikap.history.version')}</th>
              <th scope="col">{p.t('sikap.history.change')}</th>
              <th scope="col">{p.t('sikap.history.by')}</th>
              <th scope="col">{p.t('sikap.history.at')}</th>
            </tr>
          </thead>
          <tbody>
            {props.versions.map((v) => (
              <tr key={v.id}>
                <td>{v.version}</td>
                <td>
                  {tk(p, `sikap.change.${v.change}`)} ({p.t('sikap.items', { n: v.items.length })})
                </td>
                <td>{v.savedByName ?? '—'}</td>
                <td>{formatDateTime(v.savedAt, p.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export const IDENTITY_FIELDS = ['name', 'npwp', 'picName', 'picNik', 'picPosition'] as const;

/** The request to change registered identity data, with evidence. */
export function IdentityRequestView(props: { p: PageCtx; state?: FormState; requests: ChangeRequestRow[] }) {
  const { p, state } = props;
  return (
    <Layout p={p} title={p.t('sikap.identity.request')} hasErrors={!!state && Object.keys(state.errors).length > 0}>
      <p>
        <a href="/sikap">{p.t('sikap.title')}</a>
      </p>
      <h1>{p.t('sikap.identity.request')}</h1>
      <p class="hint">{p.t('sikap.identity.hint')}</p>
      <ErrorSummary p={p} state={state} />
      <form method="post" action={multipartAction(p, '/sikap/identitas')} encType="multipart/form-data" novalidate>
        <Csrf p={p} />
        {IDENTITY_FIELDS.map((f) => (
          <TextField key={f} p={p} state={state} name={f} label={fieldLabel(p, f)} optional />
        ))}
        <FileField p={p} state={state} name="bukti" label={p.t('sikap.evidence')} hint={p.t('sikap.evidence.hint')} />
        <TextArea p={p} state={state} name="note" label={p.t('sikap.note')} optional />
        <Button>{p.t('sikap.identity.request')}</Button>
      </form>
      <RequestList p={p} requests={props.requests} />
    </Layout>
  );
}

/** The Verifikator's queue. */
export function QueueView(props: { p: PageCtx; rows: { req: ChangeRequestRow; vendorName: string | null }[] }) {
  const { p } = props;
  return (
    <Layout p={p} title={p.t('sikap.verify.title')}>
      <h1>{p.t('sikap.verify.title')}</h1>
      <p>{p.t('sikap.verify.intro')}</p>
      {props.rows.length === 0 ? (
        <p class="empty">{p.t('sikap.verify.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{p.t('sikap.verify.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{p.t('sikap.verify.vendor')}</th>
                <th scope="col">{p.t('sikap.history.change')}</th>
                <th scope="col">{p.t('sikap.verify.requestedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map(({ req, vendorName }) => (
                <tr key={req.id}>
                  <td>
                    <a href={`/verifikasi/sikap/${req.id}`}>{vendorName ?? '—'}</a>
                  </td>
                  <td>{sectionLabel(p, req.section)}</td>
                  <td>{formatDateTime(req.requestedAt, p.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** One request: the proposal beside the current data, the evidence, approve or reject with a reason. */
export function RequestDetailView(props: {
  p: PageCtx;
  req: ChangeRequestRow;
  vendor: VendorHead & { picNik: string | null };
  current: SectionItem[];
  today: string;
  state?: FormState;
}) {
  const { p, req, vendor, state } = props;
  const section = req.section as Section | 'identitas';
  const op = req.op;
  return (
    <Layout p={p} title={p.t('sikap.verify.title')} hasErrors={!!state && Object.keys(state.errors).length > 0}>
      <p>
        <a href="/verifikasi/sikap">{p.t('sikap.verify.title')}</a>
      </p>
      <h1>
        {vendor.displayName}: {sectionLabel(p, section)}
      </h1>
      <p>
        <span class="tag">{tk(p, `sikap.status.${req.status}`)}</span> {formatDateTime(req.requestedAt, p.locale)}
        {req.reason ? ` — ${req.reason}` : null}
      </p>
      {req.note ? <p>{req.note}</p> : null}
      <p>
        {p.t('sikap.evidence')}: {req.evidenceDocumentId ? <a href={`/berkas/${req.evidenceDocumentId}`}>PDF</a> : '—'}
      </p>
      <h2>{p.t('sikap.verify.proposed')}</h2>
      {op.kind === 'identitas' ? (
        <dl class="summary">
          {IDENTITY_FIELDS.filter((f) => op.values[f]).map((f) => (
            <>
              <dt>{fieldLabel(p, f)}</dt>
              <dd>
                {op.values[f]} ({p.t('sikap.verify.current')}:{' '}
                {String((vendor as unknown as Record<string, unknown>)[f === 'name' ? 'displayName' : f] ?? '—')})
              </dd>
            </>
          ))}
        </dl>
      ) : op.kind === 'add' && section !== 'identitas' ? (
        <ItemsTable p={p} section={section} items={[op.item]} today={props.today} />
      ) : op.kind === 'remove' && section !== 'identitas' ? (
        <>
          <p>{p.t('sikap.verify.removeItem', { item: '' })}</p>
          <ItemsTable
            p={p}
            section={section}
            items={props.current.filter((i) => i.id === op.itemId)}
            today={props.today}
          />
        </>
      ) : null}
      {section !== 'identitas' ? (
        <>
          <h2>{p.t('sikap.verify.current')}</h2>
          <ItemsTable p={p} section={section} items={props.current} today={props.today} />
        </>
      ) : null}
      {req.status === 'pending' ? (
        <>
          <ErrorSummary p={p} state={state} />
          <form method="post" action={`/verifikasi/sikap/${req.id}`} novalidate>
            <Csrf p={p} />
            <TextArea p={p} state={state} name="reason" label={p.t('sikap.field.reason')} optional />
            <div class="button-row">
              <Button name="decision" value="approve">
                {p.t('sikap.verify.approve')}
              </Button>
              <Button name="decision" value="reject" variant="warning">
                {p.t('sikap.verify.reject')}
              </Button>
            </div>
          </form>
        </>
      ) : null}
    </Layout>
  );
}

export interface PublicProfile {
  name: string;
  city: string | null;
  maskedNpwp: string;
  kualifikasi: 'kecil' | 'nonKecil' | null;
  licenceTypes: string[];
  verifiedAt: Date | null;
  completed: { kegiatan: string; kodeTender: string | null; pemberiTugas: string; nilai: bigint; selesai: string }[];
  performance: { averageHundredths: number | null; raters: number; packages: number };
}

/** What anyone sees of a vendor: no personal data, no numbers of documents, the NPWP masked. */
export function PublicVendorView({ p, v }: { p: PageCtx; v: PublicProfile }) {
  const title = p.t('sikap.public.title', { name: v.name });
  return (
    <Layout p={p} title={title}>
      <h1>{title}</h1>
      <dl class="summary">
        <dt>{p.t('sikap.field.npwp')}</dt>
        <dd>{v.maskedNpwp}</dd>
        <dt>{p.t('sikap.public.city')}</dt>
        <dd>{v.city ?? '—'}</dd>
        <dt>{p.t('sikap.public.kualifikasi')}</dt>
        <dd>{v.kualifikasi ? p.t(`sikap.public.${v.kualifikasi}`) : '—'}</dd>
        <dt>{p.t('sikap.public.licences')}</dt>
        <dd>{v.licenceTypes.join(', ') || '—'}</dd>
        <dt>{p.t('sikap.public.contracts')}</dt>
        <dd>{v.completed.length ? String(v.completed.length) : p.t('sikap.public.noContracts')}</dd>
        <dt>{p.t('sikap.public.rating')}</dt>
        <dd id="penilaian-kinerja">
          {v.performance.averageHundredths === null
            ? p.t('sikap.public.noRating')
            : p.t('sikap.public.ratingValue', {
                score: formatScore(v.performance.averageHundredths, p.locale),
                max: RATING_MAX,
                raters: v.performance.raters,
                packages: v.performance.packages,
              })}
        </dd>
      </dl>
      {v.completed.length ? (
        <table>
          <caption>{p.t('sikap.public.contracts')}</caption>
          <thead>
            <tr>
              <th scope="col">{p.t('sikap.public.col.kegiatan')}</th>
              <th scope="col">{p.t('sikap.public.col.pemberiTugas')}</th>
              <th scope="col" class="num">
                {p.t('sikap.public.col.nilai')}
              </th>
              <th scope="col">{p.t('sikap.public.col.selesai')}</th>
            </tr>
          </thead>
          <tbody>
            {v.completed.map((c) => (
              <tr key={`${c.kodeTender}-${c.selesai}`}>
                <td>{c.kodeTender ? <a href={`/tender/${c.kodeTender}`}>{c.kegiatan}</a> : c.kegiatan}</td>
                <td>{c.pemberiTugas}</td>
                <td class="num">{formatRupiah(c.nilai)}</td>
                <td>{formatDate(c.selesai, p.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {v.verifiedAt ? (
        <p class="hint">{p.t('sikap.public.verified', { date: formatDate(v.verifiedAt, p.locale) })}</p>
      ) : null}
    </Layout>
  );
}
