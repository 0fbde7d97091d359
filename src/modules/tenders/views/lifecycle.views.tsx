import type { FormState } from '../../../platform/http/forms.ts';
import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, FileField, SelectField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import { FAILURE_REASON_TEXT, type FailureReason } from '../failure-reasons.ts';
import type { AddendumRow, IncidentRow, TenderFile } from '../lifecycle.repository.ts';
import type { ScheduleChangeRow } from '../tenders.repository.ts';

/** Which form of the page a re-render is for, with its state (errors and typed values). */
export interface FormSlot {
  form: string;
  state: FormState;
}
const stateOf = (slot: FormSlot | undefined, form: string) => (slot?.form === form ? slot.state : undefined);

export const reasonLabel = (r: string | null) =>
  r && r in FAILURE_REASON_TEXT
    ? `${FAILURE_REASON_TEXT[r as FailureReason].huruf}. ${FAILURE_REASON_TEXT[r as FailureReason].text}`
    : '—';

export function FileList({ p, files }: { p: PageCtx; files: readonly TenderFile[] }) {
  if (files.length === 0) return <p>{p.t('tenders.detail.noDocuments')}</p>;
  return (
    <ul>
      {files.map((d) => (
        <li key={d.id}>
          <a href={`/berkas/${d.documentId}`}>{d.originalName}</a> ({p.t('tenders.docs.version', { n: d.version })},{' '}
          {formatDateTime(d.uploadedAt, p.locale)})
        </li>
      ))}
    </ul>
  );
}

/** Public: the addenda, each with its number, reason and changed files. */
export function AddendaList(props: { p: PageCtx; addenda: readonly AddendumRow[]; files: readonly TenderFile[] }) {
  const { p } = props;
  if (props.addenda.length === 0) return <p>{p.t('tenders.addendum.none')}</p>;
  return (
    <ol class="addenda">
      {props.addenda.map((a) => (
        <li key={a.id}>
          <p>
            <strong>{p.t('tenders.addendum.number', { n: a.number })}</strong> —{' '}
            {formatDateTime(a.publishedAt, p.locale)}
          </p>
          <p>
            {p.t('tenders.addendum.reason')}: {a.reason}
          </p>
          <FileList p={p} files={props.files.filter((f) => f.addendumId === a.id)} />
        </li>
      ))}
    </ol>
  );
}

export interface ClosingInfo {
  status: string;
  closedReason: string | null;
  closedNote: string | null;
  closedRole: string | null;
  closedAt: Date | null;
  repeatReason: string | null;
  prev?: { kode: string | null } | undefined;
  next?: { id: string; kode: string | null; announcedAt: Date | null } | undefined;
}

/** Public: why a tender is gagal or batal (reason, article, declarer's role, time), and the tender ulang links. */
export function ClosingNotice({ p, c }: { p: PageCtx; c: ClosingInfo }) {
  const basis = c.closedReason && FAILURE_REASON_TEXT[c.closedReason as FailureReason]?.basis;
  return (
    <>
      {c.status === 'gagal' || c.status === 'batal' ? (
        <div class="notice warning" role="status" id="status-tender">
          <h2>{p.t(c.status === 'gagal' ? 'tenders.closing.failedTitle' : 'tenders.closing.cancelledTitle')}</h2>
          <dl class="summary">
            {c.status === 'gagal' ? (
              <>
                <dt>{p.t('tenders.closing.reason')}</dt>
                <dd>
                  {reasonLabel(c.closedReason)}
                  {basis ? ` (${basis})` : ''}
                </dd>
              </>
            ) : null}
            <dt>{p.t('tenders.closing.note')}</dt>
            <dd>{c.closedNote ?? '—'}</dd>
            <dt>{p.t('tenders.closing.by')}</dt>
            <dd>{c.closedRole ? p.t(`role.${c.closedRole}` as 'role.POKJA') : '—'}</dd>
            <dt>{p.t('tenders.closing.at')}</dt>
            <dd>{formatDateTime(c.closedAt, p.locale)}</dd>
          </dl>
        </div>
      ) : null}
      {c.prev?.kode ? (
        <p class="notice">
          {p.t('tenders.repeat.of')} <a href={`/tender/${c.prev.kode}`}>{c.prev.kode}</a>
          {c.repeatReason ? ` — ${c.repeatReason}` : ''}
        </p>
      ) : null}
      {c.next?.kode && c.next.announcedAt ? (
        <p class="notice">
          {p.t('tenders.repeat.as')} <a href={`/tender/${c.next.kode}`}>{c.next.kode}</a>
        </p>
      ) : null}
    </>
  );
}

/** Public: every change of the schedule (who is not shown; when, why, which stages old → new). */
export function ScheduleHistory(props: {
  p: PageCtx;
  history: readonly ScheduleChangeRow[];
  names: Map<string, string>;
}) {
  const { p } = props;
  const changes = props.history.filter((h) => h.oldStartsAt);
  if (changes.length === 0) return <p>{p.t('tenders.history.none')}</p>;
  const at = (d: Date | null) => formatDateTime(d, p.locale);
  return (
    <div class="table-wrap">
      <table>
        <caption>{p.t('tenders.history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{p.t('tenders.history.when')}</th>
            <th scope="col">{p.t('tenders.schedule.stage')}</th>
            <th scope="col">{p.t('tenders.history.from')}</th>
            <th scope="col">{p.t('tenders.history.to')}</th>
            <th scope="col">{p.t('tenders.history.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((h) => (
            <tr key={h.id}>
              <td>{at(h.changedAt)}</td>
              <th scope="row">{props.names.get(h.stage) ?? h.stage}</th>
              <td>
                {at(h.oldStartsAt)} – {at(h.oldEndsAt)}
              </td>
              <td>
                {at(h.newStartsAt)} – {at(h.newEndsAt)}
              </td>
              <td>{h.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface PokjaLifecycleProps {
  p: PageCtx;
  tender: { id: string; kode: string | null; status: string; announcedAt: Date | null };
  files: readonly TenderFile[];
  addenda: readonly AddendumRow[];
  pokjaReasons: readonly FailureReason[];
  incidents: { incident: IncidentRow; extendedAt: Date | null; minutes: number | null }[];
  uploadEnd: Date | null;
  baReady: boolean;
  closing: ClosingInfo;
  /** Pengadaan/Penunjukan Langsung: the one invitation (if sent) and the verified vendors to choose from. */
  invitation: {
    current: { vendorName: string | null; invitedAt: Date; acceptedAt: Date | null } | null;
    vendors: readonly { id: string; name: string | null }[];
  } | null;
  slot?: FormSlot;
}

/** The invitation of a Pengadaan Langsung: who was invited and whether it accepted, or the form to invite one. */
function InvitationSection(props: PokjaLifecycleProps & { running: boolean }) {
  const { p, slot, invitation } = props;
  if (!invitation || !props.tender.announcedAt) return null;
  const c = invitation.current;
  return (
    <>
      <h2 id="undangan">{p.t('tenders.invite.title')}</h2>
      {c ? (
        <>
          <p>
            {p.t('tenders.invite.invited', { name: c.vendorName ?? '—', at: formatDateTime(c.invitedAt, p.locale) })}
          </p>
          <p>
            {c.acceptedAt
              ? p.t('tenders.invite.accepted', { at: formatDateTime(c.acceptedAt, p.locale) })
              : p.t('tenders.invite.pending')}
          </p>
        </>
      ) : props.running ? (
        <form method="post" action={`/kelola/tender/${props.tender.id}/undang`} novalidate>
          <Csrf p={p} />
          <p>{p.t('tenders.invite.hint')}</p>
          <SelectField
            p={p}
            state={stateOf(slot, 'undang')}
            name="vendorId"
            label={p.t('tenders.invite.vendor')}
            options={invitation.vendors.map((v) => ({ value: v.id, label: v.name ?? v.id }))}
          />
          <Button>{p.t('tenders.invite.submit')}</Button>
        </form>
      ) : null}
    </>
  );
}

/** The Pokja's actions after the publication: documents, addenda, extensions, outages, BA, gagal / batal / ulang. */
export function PokjaLifecycle(props: PokjaLifecycleProps) {
  const { p, tender, slot } = props;
  const base = `/kelola/tender/${tender.id}`;
  const running = tender.status === 'berlangsung' && !!tender.announcedAt;
  const multipart = (path: string) => `${base}/${path}?_csrf=${encodeURIComponent(p.csrf)}`;
  const initial = props.files.filter((f) => !f.addendumId);
  return (
    <>
      <ClosingNotice p={p} c={props.closing} />
      {slot ? <ErrorSummary p={p} state={slot.state} /> : null}
      <InvitationSection {...props} running={running} />
      <h2 id="dokumen">{p.t('tenders.docs.title')}</h2>
      <FileList p={p} files={initial} />
      {tender.status === 'draft' ? (
        <form method="post" action={multipart('dokumen')} encType="multipart/form-data" novalidate>
          <Csrf p={p} />
          <FileField
            p={p}
            state={stateOf(slot, 'dokumen')}
            name="berkas"
            label={p.t('tenders.docs.file')}
            hint={p.t('tenders.docs.hint')}
            accept="application/pdf"
          />
          <Button>{p.t('tenders.docs.upload')}</Button>
        </form>
      ) : null}
      {tender.announcedAt ? (
        <>
          <h2 id="adendum">{p.t('tenders.addendum.title')}</h2>
          <AddendaList p={p} addenda={props.addenda} files={props.files} />
        </>
      ) : null}
      {running ? (
        <>
          <form method="post" action={multipart('adendum')} encType="multipart/form-data" novalidate>
            <Csrf p={p} />
            <h3>{p.t('tenders.addendum.new')}</h3>
            <TextArea
              p={p}
              state={stateOf(slot, 'adendum')}
              name="addendumReason"
              label={p.t('tenders.addendum.reason')}
              rows={3}
            />
            <FileField
              p={p}
              state={stateOf(slot, 'adendum')}
              name="addendumFile"
              label={p.t('tenders.addendum.file')}
              accept="application/pdf"
            />
            <Button>{p.t('tenders.addendum.publish')}</Button>
          </form>
          {props.uploadEnd ? (
            <form method="post" action={`${base}/perpanjang`}>
              <Csrf p={p} />
              <h3 id="perpanjang">{p.t('tenders.extend.title')}</h3>
              <p>{p.t('tenders.extend.current', { end: formatDateTime(props.uploadEnd, p.locale) })}</p>
              <TextField
                p={p}
                state={stateOf(slot, 'perpanjang')}
                name="end"
                type="datetime-local"
                label={p.t('tenders.extend.end')}
                hint={p.t('tenders.extend.hint')}
              />
              <TextArea
                p={p}
                state={stateOf(slot, 'perpanjang')}
                name="extendReason"
                label={p.t('tenders.extend.reason')}
                rows={2}
              />
              <Button>{p.t('tenders.extend.submit')}</Button>
            </form>
          ) : null}
          <h2 id="gangguan">{p.t('tenders.outage.pokjaTitle')}</h2>
          {props.incidents.length === 0 ? (
            <p>{p.t('tenders.outage.noneOverlapping')}</p>
          ) : (
            <ul>
              {props.incidents.map(({ incident: i, extendedAt, minutes }) => (
                <li key={i.id}>
                  {formatDateTime(i.startsAt, p.locale)} – {formatDateTime(i.endsAt, p.locale)}: {i.what}{' '}
                  {extendedAt ? (
                    <em>{p.t('tenders.outage.applied', { minutes: minutes ?? 0 })}</em>
                  ) : (
                    <form method="post" action={`${base}/gangguan/${i.id}`} class="inline">
                      <Csrf p={p} />
                      <Button variant="secondary">{p.t('tenders.outage.extend')}</Button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {props.baReady ? (
        <p>
          <a href={`${base}/berita-acara-penjelasan.pdf`}>{p.t('tenders.ba.download')}</a>
        </p>
      ) : null}
      {running ? <ClosingForms p={p} base={base} slot={slot} reasons={props.pokjaReasons} /> : null}
      {tender.status === 'gagal' && !props.closing.next ? (
        <form method="post" action={`${base}/ulang`}>
          <Csrf p={p} />
          <h2 id="ulang">{p.t('tenders.repeat.title')}</h2>
          <TextArea
            p={p}
            state={stateOf(slot, 'ulang')}
            name="repeatReason"
            label={p.t('tenders.repeat.reason')}
            rows={2}
          />
          <TextField
            p={p}
            state={stateOf(slot, 'ulang')}
            name="repeatStart"
            type="date"
            label={p.t('tenders.publish.startDate')}
          />
          <Button>{p.t('tenders.repeat.submit')}</Button>
        </form>
      ) : null}
      {props.closing.next ? (
        <p>
          <a href={`/kelola/tender/${props.closing.next.id}`}>{p.t('tenders.repeat.manageNext')}</a>
        </p>
      ) : null}
    </>
  );
}

/** The PA/KPA's page for a tender of their agency: gagal for reason i (KKN of Pokja/PPK) or batal. */
export function PaTenderView(props: {
  p: PageCtx;
  t: { kode: string; nama: string; status: string };
  reasons: readonly FailureReason[];
  closing: ClosingInfo;
  slot?: FormSlot;
}) {
  const { p, t, slot } = props;
  const base = `/tender/${t.kode}/pa`;
  return (
    <Layout p={p} title={p.t('tenders.pa.title', { kode: t.kode })} hasErrors={!!slot}>
      <p>
        <a href={`/tender/${t.kode}`}>{t.nama}</a>
      </p>
      <h1>{p.t('tenders.pa.title', { kode: t.kode })}</h1>
      {slot ? <ErrorSummary p={p} state={slot.state} /> : null}
      <ClosingNotice p={p} c={props.closing} />
      {t.status === 'berlangsung' ? <ClosingForms p={p} base={base} slot={slot} reasons={props.reasons} /> : null}
    </Layout>
  );
}

/** Declare gagal (with the reasons this person may give) or batal: the same two forms for the Pokja and the PA/KPA. */
function ClosingForms(props: { p: PageCtx; base: string; slot: FormSlot | undefined; reasons: readonly string[] }) {
  const { p, base, slot } = props;
  return (
    <>
      <form method="post" action={`${base}/gagal`}>
        <Csrf p={p} />
        <h2 id="gagal">{p.t('tenders.closing.declareTitle')}</h2>
        <SelectField
          p={p}
          state={stateOf(slot, 'gagal')}
          name="failReason"
          label={p.t('tenders.closing.reason')}
          options={props.reasons.map((r) => ({ value: r, label: reasonLabel(r) }))}
        />
        <TextArea p={p} state={stateOf(slot, 'gagal')} name="failNote" label={p.t('tenders.closing.note')} rows={2} />
        <Button variant="warning">{p.t('tenders.closing.declare')}</Button>
      </form>
      <form method="post" action={`${base}/batal`}>
        <Csrf p={p} />
        <h2>{p.t('tenders.closing.cancelTitle')}</h2>
        <TextArea
          p={p}
          state={stateOf(slot, 'batal')}
          name="cancelNote"
          label={p.t('tenders.closing.cancelNote')}
          rows={2}
        />
        <Button variant="warning">{p.t('tenders.closing.cancel')}</Button>
      </form>
    </>
  );
}

/** LPSE staff: record a disruption; the list of recorded ones. */
export function OutagesView(props: { p: PageCtx; rows: readonly IncidentRow[]; state?: FormState }) {
  const { p, state } = props;
  return (
    <Layout p={p} title={p.t('tenders.outage.title')} hasErrors={!!state && Object.keys(state.errors).length > 0}>
      <h1>{p.t('tenders.outage.title')}</h1>
      <p class="lead">{p.t('tenders.outage.intro')}</p>
      <ErrorSummary p={p} state={state} />
      <form method="post" action="/admin/gangguan">
        <Csrf p={p} />
        <TextField
          p={p}
          state={state}
          name="start"
          type="datetime-local"
          label={p.t('tenders.outage.start')}
          hint={p.t('tenders.outage.witaHint')}
        />
        <TextField
          p={p}
          state={state}
          name="end"
          type="datetime-local"
          label={p.t('tenders.outage.end')}
          hint={p.t('tenders.outage.witaHint')}
        />
        <TextArea p={p} state={state} name="what" label={p.t('tenders.outage.what')} rows={3} />
        <Button>{p.t('tenders.outage.record')}</Button>
      </form>
      <h2>{p.t('tenders.outage.list')}</h2>
      {props.rows.length === 0 ? (
        <p class="empty">{p.t('tenders.outage.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{p.t('tenders.outage.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{p.t('tenders.outage.start')}</th>
                <th scope="col">{p.t('tenders.outage.end')}</th>
                <th scope="col">{p.t('tenders.outage.what')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.startsAt, p.locale)}</td>
                  <td>{formatDateTime(r.endsAt, p.locale)}</td>
                  <th scope="row">{r.what}</th>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
