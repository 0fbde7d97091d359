import type { FormState } from '../../../platform/http/forms.ts';
import { formatDateTime, formatRupiah } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, FileField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import { companyName, maskNpwp } from '../../registration/index.ts';
import type { ChecklistTemplateItem } from '../checklists.ts';
import type { Bidder, Evaluation, SanggahRow } from '../evaluation.repository.ts';
import { ASPECTS, type Aspect, type PriceLine } from '../evaluation.schema.ts';
import type { AwardBlocker } from '../readers.ts';
import { isReverseAuction, type Span } from '../windows.ts';

const hasErrors = (s?: FormState) => !!s && Object.keys(s.errors).length > 0;

function mark(p: PageCtx, v: boolean | undefined | null) {
  if (v === true) return <span title={p.t('evaluation.pass')}>✓</span>;
  if (v === false) return <span title={p.t('evaluation.fail')}>✗</span>;
  return <span title={p.t('evaluation.none')}>–</span>;
}

const nameOf = (b: Pick<Bidder, 'businessForm' | 'name'>) => companyName(b.businessForm, b.name);

/** The SPSE hasil evaluasi columns. Public mode: masked NPWP and only the public fail reason. */
export function ResultTable(props: { p: PageCtx; e: Evaluation; manage?: boolean }) {
  const { p, e } = props;
  const winner = e.award?.vendorId;
  const col = (k: 'a' | 'k' | 'b' | 't' | 'h') => p.t(`evaluation.col.${k}`);
  return (
    <>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{p.t('evaluation.col.rank')}</th>
              <th scope="col">{p.t('evaluation.col.name')}</th>
              <th scope="col">{p.t('evaluation.col.npwp')}</th>
              <th scope="col">{col('a')}</th>
              <th scope="col">{col('k')}</th>
              <th scope="col">{col('b')}</th>
              <th scope="col">{col('t')}</th>
              <th scope="col">{col('h')}</th>
              <th scope="col">{p.t('evaluation.col.penawaran')}</th>
              <th scope="col">{p.t('evaluation.col.terkoreksi')}</th>
              <th scope="col">{p.t('evaluation.col.negosiasi')}</th>
              <th scope="col">{p.t('evaluation.col.skor')}</th>
              <th scope="col">{p.t('evaluation.col.pemenang')}</th>
              <th scope="col">{p.t('evaluation.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {e.bidders.map((b) => (
              <tr key={b.bid.vendorId}>
                <td>{b.rank}</td>
                <td>{nameOf(b)}</td>
                <td>{b.npwp ? maskNpwp(b.npwp) : ''}</td>
                {ASPECTS.slice(0, 2).map((a) => (
                  <td key={a}>{mark(p, b.results[a]?.lulus)}</td>
                ))}
                <td>{mark(p, b.proof?.lulus)}</td>
                {ASPECTS.slice(2).map((a) => (
                  <td key={a}>{mark(p, b.results[a]?.lulus)}</td>
                ))}
                <td class="num">{formatRupiah(b.bid.hargaPenawaran)}</td>
                <td class="num">
                  {formatRupiah(b.bid.hargaTerkoreksi)}
                  {b.aboveHps ? ` (${p.t('evaluation.aboveHps')})` : ''}
                </td>
                <td class="num">{b.bid.hargaNegosiasi !== null ? formatRupiah(b.bid.hargaNegosiasi) : '–'}</td>
                <td>–</td>
                <td>{winner === b.bid.vendorId ? <span title={p.t('evaluation.winner')}>★</span> : ''}</td>
                <td>{b.failed ? `${p.t(`evaluation.aspect.${b.failed.aspect}`)}: ${b.failed.reason}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint">{p.t('evaluation.legend')}</p>
    </>
  );
}

function SanggahList(props: { p: PageCtx; rows: readonly SanggahRow[]; answerFor?: string; deadline: Date | null }) {
  const { p } = props;
  if (props.rows.length === 0) return <p>{p.t('evaluation.sanggah.none')}</p>;
  return (
    <ol class="questions">
      {props.rows.map((s) => (
        <li key={s.id}>
          <p>
            <strong>{p.t('evaluation.sanggah.from')}:</strong> {s.vendorName} — {formatDateTime(s.filedAt, p.locale)}
          </p>
          <p>{s.text}</p>
          {s.documentId ? (
            <p>
              <a href={`/berkas/${s.documentId}`}>{p.t('evaluation.sanggah.attachment')}</a>
            </p>
          ) : null}
          {s.answeredAt ? (
            <>
              <p>
                <strong>{p.t('evaluation.sanggah.outcome')}:</strong> {p.t(`evaluation.sanggah.outcome.${s.outcome!}`)}
              </p>
              <p>
                <strong>{p.t('evaluation.sanggah.answer')}:</strong> {s.answer}
              </p>
            </>
          ) : props.answerFor ? (
            <AnswerForm
              p={p}
              action={`/kelola/tender/${props.answerFor}/sanggah/${s.id}/jawab`}
              id={`answer-${s.id}`}
            />
          ) : (
            <p>
              {p.t('evaluation.sanggah.waiting', {
                at: props.deadline ? formatDateTime(props.deadline, p.locale) : '–',
              })}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

export interface ManageProps {
  p: PageCtx;
  e: Evaluation;
  /** `pa`: the PA/KPA's decision page (no evaluation forms). */
  mode: 'pokja' | 'pa';
  evalSpan: Span | null;
  sanggahSpan: Span | null;
  answerDeadline: Date | null;
  authority: 'POKJA' | 'PA_KPA';
  candidate: Bidder | undefined;
  blockers: AwardBlocker[];
  gagalReason: string | null;
  hasNegotiation: boolean;
  /** A Tender Cepat whose e-reverse auction has not closed yet: when the approval opens. */
  approvalOpensAt: Date | null;
  state?: FormState;
}

function where(p: PageCtx, b: Bidder) {
  const x = b.proof!;
  return p.t('evaluation.proof.invitation', {
    from: formatDateTime(x.waktu, p.locale),
    to: formatDateTime(x.sampai, p.locale),
    where: x.isOnline ? (x.link ?? '') : (x.tempat ?? ''),
    dibawa: x.dibawa,
  });
}

/** The Pokja's evaluation page (and the PA/KPA's decision page). */
export function ManageView(props: ManageProps) {
  const { p, e, state } = props;
  const id = e.tender.id;
  const base = `/kelola/tender/${id}/evaluasi`;
  const pokja = props.mode === 'pokja';
  const winner = e.award ? e.bidders.find((b) => b.bid.vendorId === e.award!.vendorId) : undefined;
  const title = pokja ? p.t('evaluation.title') : p.t('evaluation.paKpa.title');
  return (
    <Layout p={p} title={title} hasErrors={hasErrors(state)}>
      <p>
        <a href={pokja ? `/kelola/tender/${id}` : `/tender/${e.tender.kode}`}>
          {e.tender.kode} — {e.tender.nama}
        </a>
      </p>
      <h1>{title}</h1>
      {state ? <ErrorSummary p={p} state={state} /> : null}
      <p>
        {props.evalSpan
          ? p.t('evaluation.window', {
              stages: props.evalSpan.names,
              from: formatDateTime(props.evalSpan.start, p.locale),
              to: formatDateTime(props.evalSpan.end, p.locale),
            })
          : p.t('evaluation.noWindow')}
      </p>
      {e.reevaluationSince ? (
        <p class="notice">{p.t('evaluation.reevaluation', { at: formatDateTime(e.reevaluationSince, p.locale) })}</p>
      ) : null}
      <h2>{p.t('evaluation.bidders')}</h2>
      {e.bidders.length === 0 ? <p>{p.t('evaluation.noBids')}</p> : <ResultTable p={p} e={e} manage />}
      {props.gagalReason ? <p class="notice">{p.t('evaluation.gagal', { reason: props.gagalReason })}</p> : null}

      {pokja && e.bidders.length > 0 ? (
        <>
          <ul>
            {e.bidders.map((b) => (
              <li key={b.bid.vendorId}>
                {nameOf(b)}:{' '}
                {ASPECTS.map((a) => (
                  <span key={a}>
                    <a href={`${base}/${b.bid.vendorId}/${a}`}>
                      {p.t('evaluation.evaluate', { aspect: p.t(`evaluation.aspect.${a}`) })}
                    </a>{' '}
                  </span>
                ))}
              </li>
            ))}
          </ul>
          <h2>{p.t('evaluation.approval')}</h2>
          <p>
            {e.approved
              ? p.t('evaluation.approval.done')
              : p.t('evaluation.approval.status', {
                  approved: e.approvedBy.length,
                  of: e.memberIds.length,
                  version: e.version,
                })}
          </p>
          {props.approvalOpensAt && !e.approved && !e.award ? (
            <p class="notice">
              {p.t('evaluation.approval.afterAuction', { at: formatDateTime(props.approvalOpensAt, p.locale) })}
            </p>
          ) : null}
          {e.approved || e.award ? (
            <p>
              <a href={`${base}/bahp.pdf`}>{p.t('evaluation.pdf.bahp')}</a>
            </p>
          ) : null}
          {!e.approved && !e.award ? (
            <form method="post" action={`${base}/setujui`}>
              <Csrf p={p} />
              <Button>{p.t('evaluation.approve')}</Button>
            </form>
          ) : null}

          <h2>{p.t('evaluation.proof')}</h2>
          {e.bidders
            .filter((b) => b.passedAll || b.proof)
            .map((b) => (
              <section key={b.bid.vendorId}>
                <h3>{nameOf(b)}</h3>
                {b.proof ? <p>{where(p, b)}</p> : null}
                {b.proof?.resultAt ? (
                  <p>
                    {p.t('evaluation.proof.result', {
                      result: b.proof.lulus ? p.t('evaluation.pass') : `${p.t('evaluation.fail')}: ${b.proof.reason}`,
                    })}
                  </p>
                ) : b.proof ? (
                  <form method="post" action={`${base}/${b.bid.vendorId}/pembuktian/hasil`}>
                    <Csrf p={p} />
                    <p>
                      <label>
                        <input type="checkbox" name="hadir" value="ya" /> {p.t('evaluation.proof.hadir')}
                      </label>
                    </p>
                    <p>
                      <label>
                        <input type="checkbox" name="lulus" value="ya" /> {p.t('evaluation.proof.lulus')}
                      </label>
                    </p>
                    <TextField p={p} name="reason" label={p.t('evaluation.proof.reason')} optional state={state} />
                    <Button>{p.t('evaluation.proof.record')}</Button>
                  </form>
                ) : (
                  <form method="post" action={`${base}/${b.bid.vendorId}/pembuktian`}>
                    <Csrf p={p} />
                    <TextField
                      p={p}
                      name="waktu"
                      type="datetime-local"
                      label={p.t('evaluation.proof.waktu')}
                      state={state}
                    />
                    <TextField
                      p={p}
                      name="sampai"
                      type="datetime-local"
                      label={p.t('evaluation.proof.sampai')}
                      state={state}
                    />
                    <p>
                      <label>
                        <input type="checkbox" name="isOnline" value="ya" /> {p.t('evaluation.proof.online')}
                      </label>
                    </p>
                    <TextField p={p} name="tempat" label={p.t('evaluation.proof.tempat')} optional state={state} />
                    <TextField p={p} name="link" label={p.t('evaluation.proof.link')} optional state={state} />
                    <TextArea p={p} name="dibawa" label={p.t('evaluation.proof.dibawa')} rows={2} state={state} />
                    <Button>{p.t('evaluation.proof.invite')}</Button>
                  </form>
                )}
              </section>
            ))}

          {props.hasNegotiation ? (
            <>
              <h2>{p.t('evaluation.negotiation')}</h2>
              {e.bidders
                .filter((b) => !b.failed && b.passedAll)
                .map((b) => (
                  <form key={b.bid.vendorId} method="post" action={`${base}/${b.bid.vendorId}/negosiasi`}>
                    <Csrf p={p} />
                    <h3>{nameOf(b)}</h3>
                    <TextField
                      p={p}
                      name="harga"
                      label={p.t('evaluation.negotiation.harga')}
                      inputMode="numeric"
                      state={state}
                    />
                    <Button>{p.t('evaluation.negotiation.save')}</Button>
                  </form>
                ))}
            </>
          ) : null}
        </>
      ) : null}

      <h2>{p.t('evaluation.award')}</h2>
      <p>
        {p.t('evaluation.award.by', {
          who: props.authority === 'PA_KPA' ? p.t('evaluation.award.byPaKpa') : p.t('evaluation.award.byPokja'),
        })}
      </p>
      {e.award && winner ? (
        <>
          <p>
            {p.t('evaluation.award.current', { name: nameOf(winner), at: formatDateTime(e.award.decidedAt, p.locale) })}
          </p>
          <p>
            {props.blockers.length === 0
              ? p.t('evaluation.award.stands')
              : p.t('evaluation.award.blocked', {
                  reasons: props.blockers.map((b) => p.t(`evaluation.blocker.${b}`)).join('; '),
                })}
          </p>
        </>
      ) : (
        <>
          <p>
            {props.candidate
              ? p.t('evaluation.award.candidate', {
                  name: nameOf(props.candidate),
                  harga: formatRupiah(props.candidate.bid.hargaTerkoreksi),
                })
              : p.t('evaluation.award.noCandidate')}
          </p>
          {(pokja && props.authority === 'POKJA') || (!pokja && props.authority === 'PA_KPA') ? (
            <form method="post" action={pokja ? `${base}/penetapan` : `/kelola/penetapan/${id}`}>
              <Csrf p={p} />
              <Button>{p.t('evaluation.award.decide')}</Button>
            </form>
          ) : null}
        </>
      )}

      <h2>{p.t('evaluation.sanggah')}</h2>
      {props.sanggahSpan ? (
        <p>
          {p.t('evaluation.sanggah.window', {
            from: formatDateTime(props.sanggahSpan.start, p.locale),
            to: formatDateTime(props.sanggahSpan.end, p.locale),
            deadline: props.answerDeadline ? formatDateTime(props.answerDeadline, p.locale) : '–',
          })}
        </p>
      ) : null}
      <SanggahList p={p} rows={e.sanggah} answerFor={pokja ? id : undefined} deadline={props.answerDeadline} />
      <BandingList p={p} e={e} />
    </Layout>
  );
}

/** The checklist of one aspect for one bidder; the price aspect shows the lines and the correction. */
export function ChecklistView(props: {
  p: PageCtx;
  e: Evaluation;
  bidder: Bidder;
  aspect: Aspect;
  items: ChecklistTemplateItem[];
  state?: FormState;
}) {
  const { p, e, bidder: b, aspect, state } = props;
  const current = b.results[aspect];
  const action = `/kelola/tender/${e.tender.id}/evaluasi/${b.bid.vendorId}/${aspect}`;
  const title = p.t('evaluation.form.title', { aspect: p.t(`evaluation.aspect.${aspect}`), name: nameOf(b) });
  const checked = (item: string) =>
    state ? state.values[`ok_${item}`] === 'ya' : (current?.checklist.find((c) => c.item === item)?.ok ?? false);
  const lines: PriceLine[] = b.bid.priceLines ?? [];
  return (
    <Layout p={p} title={title} hasErrors={hasErrors(state)}>
      <p>
        <a href={`/kelola/tender/${e.tender.id}/evaluasi`}>{p.t('evaluation.title')}</a>
      </p>
      <h1>{title}</h1>
      {state ? <ErrorSummary p={p} state={state} /> : null}
      {aspect === 'harga' ? (
        <section>
          <h2>{p.t('evaluation.form.priceLines')}</h2>
          <p>
            {p.t('evaluation.form.correction', {
              penawaran: formatRupiah(b.bid.hargaPenawaran),
              terkoreksi: formatRupiah(b.bid.hargaTerkoreksi),
              hps: e.tender.hps !== null ? formatRupiah(e.tender.hps) : '–',
            })}
          </p>
          {lines.length > 0 ? (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{p.t('evaluation.line.uraian')}</th>
                    <th scope="col">{p.t('evaluation.line.volume')}</th>
                    <th scope="col">{p.t('evaluation.line.satuan')}</th>
                    <th scope="col">{p.t('evaluation.line.hargaSatuan')}</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((l, i) => (
                    <tr key={String(i)}>
                      <td>{l.uraian}</td>
                      <td class="num">{l.volume}</td>
                      <td>{l.satuan}</td>
                      <td class="num">{formatRupiah(BigInt(l.hargaSatuan))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
      <form method="post" action={action}>
        <Csrf p={p} />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{p.t(`evaluation.aspect.${aspect}`)}</th>
                <th scope="col">{p.t('evaluation.form.item')}</th>
                <th scope="col">{p.t('evaluation.form.note')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((c) => (
                <tr key={c.item}>
                  <td>
                    <label for={`ok_${c.item}`}>{c.label}</label>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      id={`ok_${c.item}`}
                      name={`ok_${c.item}`}
                      value="ya"
                      checked={checked(c.item)}
                    />
                  </td>
                  <td>
                    <input
                      class="input"
                      name={`note_${c.item}`}
                      aria-label={`${p.t('evaluation.form.note')}: ${c.label}`}
                      value={
                        state?.values[`note_${c.item}`] ?? current?.checklist.find((x) => x.item === c.item)?.note ?? ''
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <TextArea p={p} name="reason" label={p.t('evaluation.form.reason')} rows={3} optional state={state} />
        <Button>{p.t('evaluation.form.save')}</Button>
      </form>
    </Layout>
  );
}

/** The public result page (/tender/:kode/hasil): SPSE columns, masked NPWP, public fail reasons, the winner. */
export function ResultView(props: { p: PageCtx; e: Evaluation; announced: boolean; winnerAddress: string | null }) {
  const { p, e } = props;
  const winner = e.award ? e.bidders.find((b) => b.bid.vendorId === e.award!.vendorId) : undefined;
  // A Tender Cepat is won at the e-reverse auction's close, not on the opened prices the table below lists.
  const auction = isReverseAuction(e.bundle);
  return (
    <Layout p={p} title={`${p.t('evaluation.result.title')} — ${e.tender.nama}`}>
      <p>
        <a href={`/tender/${e.tender.kode}`}>
          {e.tender.kode} — {e.tender.nama}
        </a>
      </p>
      <h1>{p.t('evaluation.result.title')}</h1>
      {props.announced ? (
        <>
          {winner ? (
            <dl class="facts">
              <dt>{p.t('evaluation.result.winner')}</dt>
              <dd>{nameOf(winner)}</dd>
              <dt>{p.t('evaluation.col.npwp')}</dt>
              <dd>{winner.npwp ? maskNpwp(winner.npwp) : ''}</dd>
              {props.winnerAddress ? (
                <>
                  <dt>{p.t('evaluation.result.alamat')}</dt>
                  <dd>{props.winnerAddress}</dd>
                </>
              ) : null}
              <dt>{p.t('evaluation.col.penawaran')}</dt>
              <dd>{formatRupiah(e.award!.nilaiPenawaran)}</dd>
              <dt>{p.t('evaluation.col.terkoreksi')}</dt>
              <dd>{formatRupiah(e.award!.nilaiTerkoreksi)}</dd>
              <dt>{p.t(auction ? 'evaluation.result.auctionPrice' : 'evaluation.col.negosiasi')}</dt>
              {/* A Tender Cepat's is the last auction price, kept on the award only. */}
              <dd>
                {(e.award!.nilaiNegosiasi ?? winner.bid.hargaNegosiasi) !== null
                  ? formatRupiah((e.award!.nilaiNegosiasi ?? winner.bid.hargaNegosiasi)!)
                  : '–'}
              </dd>
            </dl>
          ) : null}
          {auction ? (
            <p>
              {p.t('evaluation.result.auctionNote')}{' '}
              <a href={`/tender/${e.tender.kode}/lelang/hasil`}>{p.t('evaluation.result.auctionLink')}</a>
            </p>
          ) : null}
          <ResultTable p={p} e={e} />
          <p>
            <a href={`/tender/${e.tender.kode}/hasil/pengumuman.pdf`}>{p.t('evaluation.pdf.pengumuman')}</a>
          </p>
        </>
      ) : (
        <p>{p.t('evaluation.result.notYet')}</p>
      )}
    </Layout>
  );
}

/** A bidder's page: its pembuktian invitation, every sanggah with its answer, and the form in the masa sanggah. */
export function SanggahView(props: {
  p: PageCtx;
  e: Evaluation;
  mine: Bidder | undefined;
  span: Span | null;
  deadline: Date | null;
  /** This bidder's rejected sanggah that may still be appealed, and the jaminan it takes. */
  bandingFor?: string[];
  jaminan?: bigint | null;
  state?: FormState;
}) {
  const { p, e, state } = props;
  return (
    <Layout p={p} title={p.t('evaluation.sanggah.title')} hasErrors={hasErrors(state)}>
      <p>
        <a href={`/tender/${e.tender.kode}`}>
          {e.tender.kode} — {e.tender.nama}
        </a>
      </p>
      <h1>{p.t('evaluation.sanggah.title')}</h1>
      {props.mine?.proof ? (
        <section>
          <h2>{p.t('evaluation.sanggah.myProof')}</h2>
          <p>{where(p, props.mine)}</p>
        </section>
      ) : null}
      <h2>{p.t('evaluation.sanggah')}</h2>
      {props.span ? (
        <p>
          {p.t('evaluation.sanggah.window', {
            from: formatDateTime(props.span.start, p.locale),
            to: formatDateTime(props.span.end, p.locale),
            deadline: props.deadline ? formatDateTime(props.deadline, p.locale) : '–',
          })}
        </p>
      ) : null}
      <SanggahList p={p} rows={e.sanggah} deadline={props.deadline} />
      <BandingList p={p} e={e} />
      {(props.bandingFor ?? []).map((sid) => (
        <form key={sid} method="post" action={`/tender/${e.tender.kode}/sanggah-banding`}>
          <h2>{p.t('evaluation.banding')}</h2>
          <Csrf p={p} />
          <input type="hidden" name="sanggahId" value={sid} />
          <p>
            {p.t('evaluation.banding.jaminanHint', {
              rate: '1%',
              nilai: props.jaminan != null ? formatRupiah(props.jaminan) : '–',
            })}
          </p>
          <TextArea p={p} name="bandingText" label={p.t('evaluation.banding.text')} rows={5} state={state} />
          <TextField p={p} name="jaminanNomor" label={p.t('evaluation.banding.jaminanNomor')} state={state} />
          <Button>{p.t('evaluation.banding.submit')}</Button>
        </form>
      ))}
      <form
        method="post"
        action={`/tender/${e.tender.kode}/sanggah?_csrf=${encodeURIComponent(p.csrf)}`}
        encType="multipart/form-data"
      >
        <TextArea p={p} name="text" label={p.t('evaluation.sanggah.text')} rows={6} state={state} />
        <FileField
          p={p}
          name="berkas"
          label={p.t('evaluation.sanggah.file')}
          accept="application/pdf"
          optional
          state={state}
        />
        <Button>{p.t('evaluation.sanggah.submit')}</Button>
      </form>
    </Layout>
  );
}

/** The Pokja member's tenders with opened bids. */
export function ListView(props: {
  p: PageCtx;
  rows: readonly { id: string; kode: string | null; nama: string; bids: number }[];
}) {
  const { p } = props;
  return (
    <Layout p={p} title={p.t('evaluation.list.title')}>
      <h1>{p.t('evaluation.list.title')}</h1>
      {props.rows.length === 0 ? (
        <p>{p.t('evaluation.list.none')}</p>
      ) : (
        <ul>
          {props.rows.map((r) => (
            <li key={r.id}>
              <a href={`/kelola/tender/${r.id}/evaluasi`}>
                {r.kode} — {r.nama}
              </a>{' '}
              ({p.t('evaluation.list.bids', { count: r.bids })}) ·{' '}
              <a href={`/tender/${r.kode}/hasil`}>{p.t('evaluation.result.title')}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** The public check of an official document's verification code. */
export function VerifyView(props: {
  p: PageCtx;
  kode: string;
  jenis: string;
  h: string;
  nama: string | null;
  result: 'valid' | 'invalid' | 'unknown';
}) {
  const { p } = props;
  return (
    <Layout p={p} title={p.t('evaluation.verify.title')}>
      <h1>{p.t('evaluation.verify.title')}</h1>
      <form method="get" action="/verifikasi-dokumen">
        <TextField p={p} name="kode" label={p.t('evaluation.verify.kode')} value={props.kode} />
        <p>
          <label for="jenis">{p.t('evaluation.verify.jenis')}</label>
          <select class="input" id="jenis" name="jenis">
            {(['pengumuman', 'bahp', 'sppbj', 'kontrak', 'bast'] as const).map((j) => (
              <option key={j} value={j} selected={props.jenis === j}>
                {p.t(`evaluation.verify.doc.${j}`)}
              </option>
            ))}
          </select>
        </p>
        <TextField p={p} name="h" label={p.t('evaluation.verify.hash')} value={props.h} />
        <Button>{p.t('evaluation.verify.check')}</Button>
      </form>
      {props.result === 'unknown' ? null : (
        <p class="notice" role="status">
          {props.result === 'valid'
            ? p.t('evaluation.verify.valid', { kode: props.kode, nama: props.nama ?? '' })
            : p.t('evaluation.verify.invalid')}
        </p>
      )}
    </Layout>
  );
}

/** Every sanggah banding with its answer; with `answerFor` (the PA/KPA page) the forms to answer. */
export function BandingList(props: { p: PageCtx; e: Evaluation; answerFor?: string }) {
  const { p, e } = props;
  if (e.banding.length === 0) return null;
  const name = (vendorId: string) => {
    const b = e.bidders.find((x) => x.bid.vendorId === vendorId);
    return b ? nameOf(b) : vendorId;
  };
  return (
    <section>
      <h2>{p.t('evaluation.banding')}</h2>
      <ol class="questions">
        {e.banding.map((b) => (
          <li key={b.id}>
            <p>
              {p.t('evaluation.banding.item', {
                vendor: name(b.vendorId),
                nomor: b.jaminanNomor,
                nilai: formatRupiah(b.jaminanNilai),
                at: formatDateTime(b.filedAt, p.locale),
              })}
            </p>
            <p>{b.text}</p>
            {b.answeredAt ? (
              <p>
                <strong>{p.t(`evaluation.sanggah.outcome.${b.outcome!}`)}:</strong> {b.answer}
              </p>
            ) : props.answerFor ? (
              <AnswerForm
                p={p}
                action={`/kelola/sanggah-banding/${props.answerFor}/${b.id}/jawab`}
                id={`banding-${b.id}`}
              />
            ) : (
              <p>{p.t('evaluation.blocker.BANDING_UNANSWERED')}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The PA/KPA's page for the appeals of a tender. */
export function BandingView(props: { p: PageCtx; e: Evaluation; state?: FormState }) {
  const { p, e, state } = props;
  return (
    <Layout p={p} title={p.t('evaluation.banding.title')} hasErrors={hasErrors(state)}>
      <p>
        <a href={`/tender/${e.tender.kode}`}>
          {e.tender.kode} — {e.tender.nama}
        </a>
      </p>
      <h1>{p.t('evaluation.banding.title')}</h1>
      {state ? <ErrorSummary p={p} state={state} /> : null}
      <SanggahList p={p} rows={e.sanggah} deadline={null} />
      <BandingList p={p} e={e} answerFor={e.tender.id} />
    </Layout>
  );
}

/** The answer to a sanggah or a sanggah banding: upheld or refused, and why (the same form for the Pokja and PA/KPA). */
function AnswerForm(props: { p: PageCtx; action: string; id: string }) {
  const { p } = props;
  return (
    <form method="post" action={props.action}>
      <Csrf p={p} />
      <fieldset>
        <legend>{p.t('evaluation.sanggah.outcome')}</legend>
        {(['ditolak', 'diterima'] as const).map((o) => (
          <label key={o} class="block">
            <input type="radio" name="outcome" value={o} required /> {p.t(`evaluation.sanggah.outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      <p>
        <label for={props.id}>{p.t('evaluation.sanggah.answer')}</label>
        <textarea class="input" id={props.id} name="answer" rows={3} required />
      </p>
      <Button>{p.t('evaluation.sanggah.reply')}</Button>
    </form>
  );
}
