import type { FormState } from '../../../platform/http/forms.ts';
import { formatDateTime, formatRupiah } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import {
  type BidKeyRow,
  type SubmissionRow,
  sharesProblem,
  singleOfficial,
  type TenderContext,
  type WitnessRow,
} from '../bids.repository.ts';
import type { FailureDecisionRow } from '../commands/failure-decision.ts';
import { type EnvelopeHeader, type FileKind, formatFingerprint } from '../crypto/sealed.ts';
import { explainReason } from '../reasons.ts';

/**
 * The bid key's passphrase, which only the page's own script reads (it unlocks the key in the browser). No `name`, like
 * the enrolment's fields: a form sent without its script — JavaScript off, or not loaded yet — then carries no
 * passphrase to the server, not even in a URL.
 */
function PassphraseField({ p, id, required }: { p: PageCtx; id: string; required?: boolean }) {
  return (
    <p>
      <label for={id}>{p.t('bids.open.passphrase')}</label>
      <input class="input" id={id} type="password" required={required} autocomplete="current-password" />
    </p>
  );
}

const script = (name: string) => <script type="module" src={`/penawaran/js/${name}.js`} />;

export function KeyView(props: { p: PageCtx; key?: BidKeyRow }) {
  const { p, key } = props;
  return (
    <Layout p={p} title={p.t('bids.key.title')}>
      <h1>{p.t('bids.key.title')}</h1>
      <p>{p.t('bids.key.intro')}</p>
      {key ? (
        <dl>
          <dt>{p.t('bids.key.fingerprint')}</dt>
          <dd>
            <code data-testid="fingerprint" data-fp={key.fingerprint}>
              {formatFingerprint(key.fingerprint)}
            </code>
          </dd>
          <dd>{p.t('bids.key.enrolledAt', { at: formatDateTime(key.enrolledAt, p.locale), version: key.version })}</dd>
        </dl>
      ) : (
        <p>{p.t('bids.key.none')}</p>
      )}
      <noscript>
        <p class="notice warning">{p.t('bids.key.needsJs')}</p>
      </noscript>
      <form id="enrol-form" data-user={p.actor?.userId} data-saved={p.t('bids.key.saved', { fp: '{fp}' })}>
        <Csrf p={p} />
        <h2>{key ? p.t('bids.key.recreate') : p.t('bids.key.create')}</h2>
        {key ? <p class="notice warning">{p.t('bids.key.recreateWarning')}</p> : null}
        <p>
          <label for="pass1">{p.t('bids.key.passphrase')}</label>
          <input class="input" id="pass1" type="password" minLength={12} required autocomplete="new-password" />
        </p>
        <p>
          <label for="pass2">{p.t('bids.key.passphrase2')}</label>
          <input class="input" id="pass2" type="password" minLength={12} required autocomplete="new-password" />
        </p>
        <p id="enrol-status" role="status" aria-live="polite" />
        <Button>{key ? p.t('bids.key.recreate') : p.t('bids.key.create')}</Button>
      </form>
      {script('enrol')}
    </Layout>
  );
}

function SubmissionTable(props: { p: PageCtx; rows: readonly SubmissionRow[]; vendor?: boolean }) {
  const { p } = props;
  if (props.rows.length === 0) return <p>{p.t('bids.submit.none')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{p.t('bids.col.kind')}</th>
            <th scope="col">{p.t('bids.col.time')}</th>
            <th scope="col">{p.t('bids.col.hash')}</th>
            <th scope="col">{p.t('bids.col.size')}</th>
            <th scope="col">{p.t('bids.col.status')}</th>
            {props.vendor ? <th scope="col">{p.t('bids.submit.receipt')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((s) => (
            <tr key={s.id} data-submission={s.id}>
              <td>{p.t(`bids.kind.${s.kind}`)}</td>
              <td>{formatDateTime(s.receivedAt, p.locale)}</td>
              <td>
                <code>{s.sha256}</code>
              </td>
              <td>{s.size}</td>
              <td>{s.supersededAt ? p.t('bids.submit.superseded') : p.t('bids.submit.counts')}</td>
              {props.vendor ? (
                <td>
                  <a href={`/penawaran/tanda-terima/${s.id}/pdf`}>{p.t('bids.submit.receipt')}</a>{' '}
                  {s.supersededAt ? null : (
                    <button type="button" class="button secondary" data-selfcheck={s.id}>
                      {p.t('bids.submit.selfCheck')}
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A Pengadaan Langsung run by its single Pejabat Pengadaan: k = 1, no split, the PP alone opens after the deadline. */
const single = (tc: TenderContext) => singleOfficial(tc.official, tc.members.length);
const kSentence = (p: PageCtx, tc: TenderContext) =>
  single(tc) ? p.t('bids.submit.single') : p.t('bids.submit.k', { k: tc.threshold, n: tc.members.length });

export function BidView(props: { p: PageCtx; tc: TenderContext; hasKey: boolean; rows: readonly SubmissionRow[] }) {
  const { p, tc } = props;
  const keysReady = tc.members.every((m) => m.fingerprint);
  const open = tc.upload.state === 'open';
  // The page can seal here: the stage is open and the vendor's and the officials' keys exist.
  const canSeal = open && props.hasKey && keysReady;
  return (
    <Layout p={p} title={p.t('bids.submit.title')}>
      <p>
        <a href={`/tender/${tc.kode}`}>{tc.tender.nama}</a>
      </p>
      <h1>{p.t('bids.submit.title')}</h1>
      <p>{p.t('bids.submit.deadline', { at: formatDateTime(tc.deadline, p.locale) })}</p>
      <p>{kSentence(p, tc)}</p>
      <p>
        <a href={`/api/v1/penawaran/${tc.tender.id}/parameter`} download={`parameter-${tc.kode}.json`}>
          {p.t('bids.submit.params')}
        </a>
      </p>
      {!props.hasKey ? (
        <p class="notice warning">
          {p.t('bids.submit.needsKey', { link: '' })} <a href="/kunci-penawaran">{p.t('bids.key.title')}</a>
        </p>
      ) : null}
      {!keysReady ? (
        <p class="notice warning">{p.t(single(tc) ? 'bids.submit.ppKeyMissing' : 'bids.submit.pokjaKeysMissing')}</p>
      ) : null}
      <noscript>
        <p class="notice warning">{p.t('bids.submit.needsJs')}</p>
      </noscript>
      {/* First: a receipted bid the current officials cannot open matters more than sending another one. */}
      {canSeal ? <ResealForm p={p} tc={tc} rows={props.rows} /> : null}
      {canSeal ? <h2>{p.t('bids.submit.sendTitle')}</h2> : null}
      {canSeal ? (
        <form id="bid-form" data-tender={tc.tender.id} data-user={p.actor?.userId}>
          <Csrf p={p} />
          <p>
            <label for="kind">{p.t('bids.submit.kind')}</label>
            <select class="input" id="kind" name="kind">
              {tc.kinds.map((k) => (
                <option value={k}>{p.t(`bids.kind.${k}`)}</option>
              ))}
            </select>
          </p>
          <p>
            <label for="bidfile">{p.t('bids.submit.file')}</label>
            <input class="input" id="bidfile" name="bidfile" type="file" accept=".pdf,.zip,.docx,.xlsx" required />
          </p>
          <PassphraseField p={p} id="selfpass" />
          <p class="hint">{p.t('bids.submit.selfCheckHelp')}</p>
          <p>
            <progress id="bid-progress" max={100} value={0} aria-label={p.t('bids.submit.button')} />
          </p>
          <p id="bid-status" role="status" aria-live="polite" />
          <Button>{p.t('bids.submit.button')}</Button>
        </form>
      ) : null}
      {open && keysReady ? (
        <form
          method="post"
          action={`/penawaran/${tc.tender.id}/unggah-berkas?_csrf=${encodeURIComponent(p.csrf)}`}
          encType="multipart/form-data"
        >
          <h2>{p.t('bids.plain.title')}</h2>
          <p class="hint">{p.t('bids.plain.help')}</p>
          <p>
            <label for="plain-kind">{p.t('bids.submit.kind')}</label>
            <select class="input" id="plain-kind" name="kind">
              {tc.kinds.map((k) => (
                <option value={k}>{p.t(`bids.kind.${k}`)}</option>
              ))}
            </select>
          </p>
          <p>
            <label for="envelope">{p.t('bids.plain.envelope')}</label>
            <input class="input" id="envelope" name="envelope" type="file" required />
          </p>
          <p>
            <label for="sha256">{p.t('bids.plain.sha256')}</label>
            <input
              class="input"
              id="sha256"
              name="sha256"
              type="text"
              required
              pattern="[0-9a-fA-F]{64}"
              spellcheck={false}
            />
          </p>
          <Button variant="secondary">{p.t('bids.plain.button')}</Button>
        </form>
      ) : null}
      <h2>{p.t('bids.submit.mine')}</h2>
      <SubmissionTable p={p} rows={props.rows} vendor />
      {script('bid')}
    </Layout>
  );
}

/**
 * The vendor's receipted bids that no longer fit the tender's officials (one replaced, or a key re-enrolled after the
 * sealing): the page re-issues their shares in the browser (`resealBid`), before the deadline, without a new upload.
 */
function ResealForm(props: { p: PageCtx; tc: TenderContext; rows: readonly SubmissionRow[] }) {
  const { p, tc } = props;
  const stale = props.rows.filter((s) => !s.supersededAt && sharesProblem(tc, s.header as EnvelopeHeader));
  if (stale.length === 0) return null;
  return (
    <section aria-labelledby="reseal-title">
      <h2 id="reseal-title">{p.t('bids.reseal.title')}</h2>
      <p class="notice warning">{p.t('bids.reseal.why')}</p>
      <form
        id="reseal-form"
        data-working={p.t('bids.reseal.working')}
        data-done={p.t('bids.reseal.done')}
        data-tender={tc.tender.id}
      >
        <Csrf p={p} />
        <PassphraseField p={p} id="resealpass" required />
        <p id="reseal-status" role="status" aria-live="polite" />
        {stale.map((s) => (
          <p key={s.id}>
            <button type="submit" class="button" name="submission" value={s.id}>
              {p.t('bids.reseal.button', {
                kind: p.t(`bids.kind.${s.kind}`),
                at: formatDateTime(s.receivedAt, p.locale),
              })}
            </button>
          </p>
        ))}
      </form>
    </section>
  );
}

/** For the bids that failed at an opening: the LPSE's witness reports and the decisions taken after them (R48). */
type Failures = { reports: readonly WitnessRow[]; decisions: ReadonlyMap<string, readonly FailureDecisionRow[]> };

export interface OpeningRow {
  s: SubmissionRow;
  vendorName: string | null;
}

export function OpeningView(props: {
  p: PageCtx;
  tc: TenderContext;
  /** The file kind this page opens: the bid of a 1-file tender, File I of a 2-file one. */
  kind: FileKind;
  now: Date;
  rows: readonly OpeningRow[];
  opening?: { openedAt: Date; opened: number; failed: number };
  held: number;
  state?: FormState;
  /** Harga penawaran already recorded for the evaluation, by vendor. */
  prices?: ReadonlyMap<string, bigint>;
  /** The price form that failed, with its submission id. */
  priceFor?: string;
  /** For the bids that failed: the LPSE's witness reports and the decisions taken after them (R48). */
  failures?: Failures;
}) {
  const { p, tc } = props;
  const priceCell = (s: SubmissionRow) => {
    const recorded = props.prices?.get(s.vendorId);
    if (recorded !== undefined) return <span data-testid="price">{formatRupiah(recorded)}</span>;
    if (s.openResult !== 'opened' || s.kind === 'file_i') return '—';
    // A seleksi's File II price is recorded in its own scoring, which keeps the ranking's approvals in step.
    if (s.kind === 'file_ii')
      return <a href={`/kelola/tender/${tc.tender.id}/seleksi/${s.vendorId}/harga`}>{p.t('bids.open.fileIiPrice')}</a>;
    const st = props.priceFor === s.id ? props.state : undefined;
    return (
      <form method="post" action={`/kelola/tender/${tc.tender.id}/pembukaan/${s.id}/harga`}>
        <Csrf p={p} />
        <p>
          <label for={`harga-${s.id}`}>{p.t('bids.price.harga')}</label>
          <input
            class="input"
            id={`harga-${s.id}`}
            name="harga"
            inputmode="numeric"
            required
            value={String(st?.values.harga ?? '')}
          />
        </p>
        <p>
          <label for={`rincian-${s.id}`}>{p.t('bids.price.lines')}</label>
          <textarea class="input" id={`rincian-${s.id}`} name="rincian" rows={3}>
            {String(st?.values.rincian ?? '')}
          </textarea>
        </p>
        <Button variant="secondary">{p.t('bids.price.submit')}</Button>
      </form>
    );
  };
  const canOpenNow = !!tc.deadline && props.now.getTime() >= tc.deadline.getTime();
  return (
    <Layout p={p} title={p.t('bids.open.title')} hasErrors={!!props.state}>
      <p>
        <a href={`/kelola/tender/${tc.tender.id}`}>{tc.tender.nama}</a>
      </p>
      <h1>{p.t('bids.open.title')}</h1>
      {props.state ? <ErrorSummary p={p} state={props.state} /> : null}
      {tc.kinds.length > 1 ? <p data-testid="opening-kind">{p.t(`bids.kind.${props.kind}`)}</p> : null}
      <h2>{p.t(single(tc) ? 'bids.open.membersSingle' : 'bids.open.members')}</h2>
      <ul>
        {tc.members.map((m) => (
          <li>
            {m.name} — {m.fingerprint ? <code>{formatFingerprint(m.fingerprint)}</code> : p.t('bids.open.noKey')}
          </li>
        ))}
      </ul>
      {tc.upload.state !== 'closed' && !single(tc) ? (
        <form method="post" action={`/kelola/tender/${tc.tender.id}/ambang`}>
          <Csrf p={p} />
          <p>
            <label for="k">{p.t('bids.open.threshold')}</label>
            <input
              class="input"
              id="k"
              name="k"
              type="number"
              min={2}
              max={tc.members.length}
              value={String(props.state?.values.k ?? tc.threshold)}
            />
          </p>
          <Button variant="secondary">{p.t('bids.open.thresholdSave')}</Button>
        </form>
      ) : (
        <p>{kSentence(p, tc)}</p>
      )}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{p.t('bids.col.vendor')}</th>
              <th scope="col">{p.t('bids.col.kind')}</th>
              <th scope="col">{p.t('bids.col.time')}</th>
              <th scope="col">{p.t('bids.col.hash')}</th>
              <th scope="col">{p.t('bids.col.result')}</th>
              {props.opening ? <th scope="col">{p.t('bids.col.price')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.rows.map(({ s, vendorName }) => (
              <tr key={s.id}>
                <td>{vendorName}</td>
                <td>{p.t(`bids.kind.${s.kind}`)}</td>
                <td>{formatDateTime(s.receivedAt, p.locale)}</td>
                <td>
                  <code>{s.sha256}</code>
                </td>
                <td>
                  {s.openResult === 'opened' && s.openedDocumentId ? (
                    <>
                      {p.t('bids.open.ok')} — <a href={`/berkas/${s.openedDocumentId}`}>{p.t('bids.open.download')}</a>
                    </>
                  ) : s.openResult === 'failed' ? (
                    <>
                      {p.t('bids.open.failed', { reason: explainReason(p.t, s.openReason) })}
                      <FailureStatus p={p} tc={tc} s={s} failures={props.failures} />
                    </>
                  ) : (
                    <SealedResult p={p} s={s} rows={props.rows} />
                  )}
                </td>
                {props.opening ? <td>{priceCell(s)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.opening ? (
        <>
          <p class="notice success" data-testid="opened">
            {p.t('bids.open.done', {
              at: formatDateTime(props.opening.openedAt, p.locale),
              opened: props.opening.opened,
              failed: props.opening.failed,
            })}
          </p>
          <p>
            <a href={`/kelola/tender/${tc.tender.id}/berita-acara-pembukaan?berkas=${props.kind}`}>
              {p.t('bids.open.baPdf')}
            </a>
          </p>
          {props.kind === 'file_i' && tc.kinds.includes('file_ii') ? (
            <p>
              <a href={`/kelola/tender/${tc.tender.id}/pembukaan?berkas=file_ii`}>{p.t('bids.open.fileIiLink')}</a>
            </p>
          ) : null}
        </>
      ) : !canOpenNow ? (
        <p class="notice">{p.t('bids.open.notYet', { at: formatDateTime(tc.deadline, p.locale) })}</p>
      ) : (
        <>
          <p>{p.t('bids.open.progress', { members: props.held, k: tc.threshold })}</p>
          <noscript>
            <p class="notice warning">{p.t('bids.open.needsJs')}</p>
          </noscript>
          <form id="open-form" data-tender={tc.tender.id} data-user={p.actor?.userId} data-kind={props.kind}>
            <Csrf p={p} />
            <PassphraseField p={p} id="openpass" required />
            <p id="open-status" role="status" aria-live="polite" />
            <Button>{p.t('bids.open.submit')}</Button>
          </form>
          {script('open')}
        </>
      )}
    </Layout>
  );
}

export function VerifyView(props: {
  p: PageCtx;
  token: string;
  result?: { valid: boolean; payload: Record<string, unknown> | null };
  publicKey: string;
}) {
  const { p, result } = props;
  return (
    <Layout p={p} title={p.t('bids.verify.title')}>
      <h1>{p.t('bids.verify.title')}</h1>
      <form method="get" action="/penawaran/verifikasi">
        <p>
          <label for="token">{p.t('bids.verify.token')}</label>
          <textarea class="input" id="token" name="token" rows={4}>
            {props.token}
          </textarea>
        </p>
        <Button>{p.t('bids.verify.button')}</Button>
      </form>
      {result ? (
        <>
          <p class={`notice ${result.valid ? 'success' : 'warning'}`} data-testid="verify-result">
            {result.valid ? p.t('bids.verify.valid') : p.t('bids.verify.invalid')}
          </p>
          {result.payload ? <pre>{JSON.stringify(result.payload, null, 2)}</pre> : null}
        </>
      ) : null}
      <h2>{p.t('bids.verify.publicKey')}</h2>
      <pre>{props.publicKey}</pre>
      <p>
        <a href="/penawaran/kunci-publik.pem">kunci-publik.pem</a>
      </p>
    </Layout>
  );
}

export function WitnessView(props: {
  p: PageCtx;
  rows: { s: SubmissionRow; vendorName: string | null; kode: string | null; nama: string }[];
  reports: readonly WitnessRow[];
  state?: FormState;
  stateFor?: string;
}) {
  const { p } = props;
  return (
    <Layout p={p} title={p.t('bids.witness.title')} hasErrors={!!props.state}>
      <h1>{p.t('bids.witness.title')}</h1>
      <p>{p.t('bids.witness.intro')}</p>
      {props.state ? <ErrorSummary p={p} state={props.state} /> : null}
      {props.rows.length === 0 ? <p>{p.t('bids.witness.none')}</p> : null}
      {props.rows.map(({ s, vendorName, kode, nama }) => {
        const reports = props.reports.filter((r) => r.submissionId === s.id);
        return (
          <section key={s.id}>
            <h2>
              {kode} — {nama}: {vendorName}
            </h2>
            <dl>
              <dt>{p.t('bids.witness.reason')}</dt>
              <dd>{explainReason(p.t, s.openReason)}</dd>
              <dt>{p.t('bids.witness.receiptHash')}</dt>
              <dd>
                <code>{s.sha256}</code>
              </dd>
            </dl>
            {reports.length > 0 ? (
              <>
                <h3>{p.t('bids.witness.reports')}</h3>
                <ul>
                  {reports.map((r) => (
                    <li key={r.id}>
                      {formatDateTime(r.createdAt, p.locale)} — {p.t('bids.witness.findings')}:{' '}
                      {explainReason(p.t, r.findings)} —{' '}
                      <a href={`/admin/kesaksian-penawaran/laporan/${r.id}/pdf`}>{p.t('bids.witness.pdf')}</a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <form method="post" action={`/admin/kesaksian-penawaran/${s.id}`}>
              <Csrf p={p} />
              <p>
                <label for={`attendees-${s.id}`}>{p.t('bids.witness.attendees')}</label>
                <textarea class="input" id={`attendees-${s.id}`} name="attendees" rows={4} required>
                  {props.stateFor === s.id ? String(props.state?.values.attendees ?? '') : ''}
                </textarea>
              </p>
              <p>
                <label for={`notes-${s.id}`}>{p.t('bids.witness.notes')}</label>
                <textarea class="input" id={`notes-${s.id}`} name="notes" rows={2} />
              </p>
              <Button>{p.t('bids.witness.submit')}</Button>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}

/** A failed bid on the opening page: waiting for the LPSE's witness report, decided, or a link to decide (R48). */
function FailureStatus(props: { p: PageCtx; tc: TenderContext; s: SubmissionRow; failures: Failures | undefined }) {
  const { p, tc, s } = props;
  const report = props.failures?.reports.find((r) => r.submissionId === s.id);
  const last = props.failures?.decisions.get(s.id)?.[0];
  return (
    <>
      <br />
      {!report ? (
        p.t('bids.decision.awaitWitness')
      ) : (
        <>
          {p.t('bids.decision.witness', {
            findings: explainReason(p.t, report.findings),
            hash: report.reportSha256.slice(0, 16),
          })}
          <br />
          {last ? <DecisionSentence p={p} d={last} /> : null}
          {last?.decision !== 'gugur' ? (
            <a href={`/kelola/tender/${tc.tender.id}/pembukaan/${s.id}/keputusan`}>{p.t('bids.decision.title')}</a>
          ) : null}
        </>
      )}
    </>
  );
}

function DecisionSentence({ p, d }: { p: PageCtx; d: FailureDecisionRow }) {
  const at = formatDateTime(d.decidedAt, p.locale);
  return (
    <strong data-testid="failure-decision">
      {d.decision === 'gugur'
        ? p.t('bids.decision.decidedGugur', { at, reason: d.reason })
        : p.t('bids.decision.decidedTunda', { at, reason: d.reason, days: d.postponeDays ?? 0 })}{' '}
    </strong>
  );
}

/** R48: the tender's official decides on one bid that failed to open, with the LPSE's witness report beside it. */
export function FailureDecisionView(props: {
  p: PageCtx;
  tc: TenderContext;
  /** The opening the bid belongs to (its file kind), for the way back. */
  kind: FileKind;
  row: { s: SubmissionRow; vendorName: string | null };
  reports: readonly WitnessRow[];
  decisions: readonly FailureDecisionRow[];
  state?: FormState;
}) {
  const { p, tc, row } = props;
  const report = props.reports[0];
  const last = props.decisions[0];
  const labels = {
    decision: p.t('bids.decision.choose'),
    reason: p.t('bids.decision.reason'),
    days: p.t('bids.decision.daysLabel'),
  };
  return (
    <Layout p={p} title={p.t('bids.decision.title')} hasErrors={!!props.state}>
      <p>
        <a href={`/kelola/tender/${tc.tender.id}/pembukaan?berkas=${props.kind}`}>{p.t('bids.open.title')}</a>
      </p>
      <h1>{p.t('bids.decision.title')}</h1>
      {props.state ? <ErrorSummary p={p} state={props.state} labels={labels} /> : null}
      <dl class="summary">
        <dt>{p.t('bids.col.vendor')}</dt>
        <dd>{row.vendorName}</dd>
        <dt>{p.t('bids.witness.reason')}</dt>
        <dd>{explainReason(p.t, row.s.openReason)}</dd>
        <dt>{p.t('bids.witness.receiptHash')}</dt>
        <dd>
          <code>{row.s.sha256}</code>
        </dd>
        {report ? (
          <>
            <dt>{p.t('bids.witness.findings')}</dt>
            <dd>{explainReason(p.t, report.findings)}</dd>
            <dt>{p.t('bids.witness.reportHash')}</dt>
            <dd>
              <code>{report.reportSha256}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {props.decisions.length > 0 ? (
        <ul>
          {props.decisions.map((d) => (
            <li key={d.id}>
              <DecisionSentence p={p} d={d} />
            </li>
          ))}
        </ul>
      ) : null}
      {last?.decision === 'tunda' ? (
        <p>
          <a href={`/kelola/tender/${tc.tender.id}`}>{p.t('bids.decision.scheduleLink')}</a>
        </p>
      ) : null}
      {!report ? (
        <p class="notice">{p.t('bids.decision.witnessFirst')}</p>
      ) : last?.decision === 'gugur' ? null : (
        <form method="post" novalidate>
          <Csrf p={p} />
          <SelectField
            p={p}
            name="decision"
            label={labels.decision}
            state={props.state}
            options={[
              { value: 'gugur', label: p.t('bids.decision.gugur') },
              { value: 'tunda', label: p.t('bids.decision.tunda') },
            ]}
          />
          <TextArea p={p} name="reason" label={labels.reason} state={props.state} rows={3} />
          <TextField
            p={p}
            name="days"
            label={labels.days}
            state={props.state}
            inputMode="numeric"
            width="small"
            optional
          />
          <Button>{p.t('bids.decision.submit')}</Button>
        </form>
      )}
    </Layout>
  );
}

/**
 * A bid not opened: still sealed. A File II that stayed sealed while others of its tender were opened belongs to a
 * bidder who did not pass File I — the opening decrypts every File II it may, at once, and never offers the others.
 */
function SealedResult(props: { p: PageCtx; s: SubmissionRow; rows: readonly { s: SubmissionRow }[] }) {
  const { p, s } = props;
  const fileTwoOpened = props.rows.some((r) => r.s.kind === 'file_ii' && r.s.openResult);
  return <>{p.t(s.kind === 'file_ii' && fileTwoOpened ? 'bids.open.keptSealed' : 'bids.open.sealed')}</>;
}
