import type { FormState } from '../../../platform/http/forms.ts';
import { formatDateTime, formatRupiah } from '../../../platform/i18n/i18n.ts';
import { Button, Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/form.tsx';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import { companyName, maskNpwp } from '../../registration/index.ts';
import type { Auction, Seleksi, SeleksiBidder } from '../auction.repository.ts';
import type { Standing } from '../reverse/rules.ts';
import { formatScore, type Ranked, SELEKSI_METHODS } from '../seleksi/scoring.ts';
import type { Span, WindowState } from '../windows.ts';

const nameOf = (b: { businessForm: string | null; name: string | null }) => companyName(b.businessForm, b.name);

/** The ranking table. `withPrices`: the File II columns (only once File II is opened / the result approved). */
export function RankingTable(props: { p: PageCtx; s: Seleksi; withPrices: boolean; manage?: boolean }) {
  const { p, s } = props;
  const bidder = (r: Ranked) => s.bidders.find((b) => b.vendorId === r.vendorId)!;
  const kb = s.setup?.method === 'kualitas_biaya';
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{p.t('auction.col.rank')}</th>
            <th scope="col">{p.t('auction.col.name')}</th>
            <th scope="col">{p.t('auction.col.npwp')}</th>
            <th scope="col">{p.t('auction.col.teknis')}</th>
            <th scope="col">{p.t('auction.col.lulus')}</th>
            {props.withPrices ? (
              <>
                <th scope="col">{p.t('auction.col.harga')}</th>
                {kb ? <th scope="col">{p.t('auction.col.skorHarga')}</th> : null}
                {kb ? <th scope="col">{p.t('auction.col.skorAkhir')}</th> : null}
                <th scope="col">{p.t('auction.col.pemenang')}</th>
              </>
            ) : null}
            <th scope="col">{p.t('auction.col.keterangan')}</th>
          </tr>
        </thead>
        <tbody>
          {s.ranking.map((r) => {
            const b = bidder(r);
            return (
              <tr key={r.vendorId}>
                <td>{props.withPrices ? (r.rank ?? '–') : ''}</td>
                <td>{nameOf(b)}</td>
                <td>{b.npwp ? maskNpwp(b.npwp) : ''}</td>
                <td>{formatScore(r.technical)}</td>
                <td>{r.technical === null ? '–' : r.passed ? '✓' : '✗'}</td>
                {props.withPrices ? (
                  <>
                    <td>{r.price !== null ? formatRupiah(r.price) : '–'}</td>
                    {kb ? <td>{formatScore(r.priceScore)}</td> : null}
                    {kb ? <td>{formatScore(r.combined)}</td> : null}
                    <td>{r.winner ? '★' : ''}</td>
                  </>
                ) : null}
                <td>{r.out ? p.t(`auction.out.${r.out}`) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function SeleksiListView(props: { p: PageCtx; rows: { id: string; kode: string | null; nama: string }[] }) {
  const { p } = props;
  return (
    <Layout p={p} title={p.t('auction.seleksi.title')}>
      <h1>{p.t('auction.seleksi.title')}</h1>
      {props.rows.length === 0 ? (
        <p>{p.t('auction.result.notYet')}</p>
      ) : (
        <ul>
          {props.rows.map((r) => (
            <li key={r.id}>
              <a href={`/kelola/tender/${r.id}/seleksi`}>
                {r.kode} — {r.nama}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function SeleksiManageView(props: { p: PageCtx; s: Seleksi; state?: FormState; userId: string }) {
  const { p, s, state } = props;
  const setup = s.setup;
  const phase = setup?.file1ApprovedAt ? 'hasil' : 'file1';
  const base = `/kelola/tender/${s.tender.id}/seleksi`;
  return (
    <Layout p={p} title={`${p.t('auction.seleksi.title')} — ${s.tender.nama}`}>
      <h1>{p.t('auction.seleksi.title')}</h1>
      <p>
        {s.tender.kode} — {s.tender.nama}
      </p>
      <ErrorSummary p={p} state={state} />
      {!setup || s.bidders.every((b) => b.scores.size === 0) ? (
        <form method="post" action={`${base}/kriteria`}>
          <Csrf p={p} />
          <h2>{p.t('auction.seleksi.setup')}</h2>
          <SelectField
            p={p}
            name="method"
            label={p.t('auction.seleksi.method')}
            state={state}
            value={state?.values.method ?? setup?.method ?? 'kualitas_biaya'}
            options={SELEKSI_METHODS.map((m) => ({ value: m, label: p.t(`auction.seleksi.method.${m}`) }))}
          />
          <TextArea
            p={p}
            name="criteria"
            label={p.t('auction.seleksi.criteria')}
            state={
              state ?? {
                values: {
                  criteria: (setup?.criteria ?? []).map((c) => `${c.code};${c.label};${c.bobot}`).join('\n'),
                },
                errors: {},
              }
            }
            rows={5}
          />
          <TextField
            p={p}
            name="ambang"
            label={p.t('auction.seleksi.ambang')}
            state={state}
            inputMode="numeric"
            value={state?.values.ambang ?? String(setup?.ambang ?? 70)}
          />
          <TextField
            p={p}
            name="bobotTeknis"
            label={p.t('auction.seleksi.bobotTeknis')}
            state={state}
            inputMode="numeric"
            value={state?.values.bobotTeknis ?? String(setup?.bobotTeknis ?? 70)}
          />
          <Button>{p.t('auction.seleksi.saveSetup')}</Button>
        </form>
      ) : (
        <dl class="facts">
          <dt>{p.t('auction.seleksi.method')}</dt>
          <dd>{p.t(`auction.seleksi.method.${setup.method}`)}</dd>
          <dt>{p.t('auction.seleksi.ambang')}</dt>
          <dd>{setup.ambang}</dd>
          {setup.method === 'kualitas_biaya' ? (
            <>
              <dt>{p.t('auction.seleksi.bobotTeknis')}</dt>
              <dd>
                {setup.bobotTeknis} / {100 - setup.bobotTeknis}
              </dd>
            </>
          ) : null}
          {setup.criteria.map((c) => (
            <>
              <dt>{c.label}</dt>
              <dd>{c.bobot} %</dd>
            </>
          ))}
        </dl>
      )}
      {setup ? (
        <>
          <h2>{p.t('auction.seleksi.score')}</h2>
          <RankingTable p={p} s={s} withPrices={!!setup.file1ApprovedAt} manage />
          <ul>
            {s.bidders.map((b) => (
              <li key={b.vendorId}>
                {setup.file1ApprovedAt ? (
                  nameOf(b)
                ) : (
                  <a href={`${base}/${b.vendorId}`}>{p.t('auction.seleksi.scoreOf', { name: nameOf(b) })}</a>
                )}{' '}
                ({p.t('auction.seleksi.scoredBy', { count: b.scores.size, of: s.memberIds.length })})
                {b.scores.has(props.userId) ? ' ✓' : ''}
              </li>
            ))}
          </ul>
          {setup.file1ApprovedAt && !setup.resultApprovedAt && setup.method !== 'kualitas' ? (
            <>
              <h2>{p.t('auction.seleksi.price')}</h2>
              <p>{p.t('auction.seleksi.file2Note')}</p>
              <ul>
                {s.ranking
                  .filter((r) => r.passed && r.price === null)
                  .map((r) => {
                    const b = s.bidders.find((x) => x.vendorId === r.vendorId)!;
                    return (
                      <li key={r.vendorId}>
                        <a href={`${base}/${r.vendorId}/harga`}>
                          {p.t('auction.seleksi.priceOf', { name: nameOf(b) })}
                        </a>
                      </li>
                    );
                  })}
              </ul>
            </>
          ) : null}
          {setup.resultApprovedAt ? null : (
            <form method="post" action={`${base}/setujui`}>
              <Csrf p={p} />
              <p>
                {p.t('auction.seleksi.approvals', {
                  phase: p.t(`auction.seleksi.phase.${phase}`),
                  count: s.approvedBy[phase].length,
                  of: s.memberIds.length,
                })}
              </p>
              <Button>{p.t('auction.seleksi.approve')}</Button>
            </form>
          )}
          <p>
            <a href={`/tender/${s.tender.kode}/seleksi`}>{p.t('auction.result.title')}</a>
          </p>
        </>
      ) : null}
    </Layout>
  );
}

export function ScoreView(props: {
  p: PageCtx;
  s: Seleksi;
  bidder: SeleksiBidder;
  mine?: Record<string, number>;
  state?: FormState;
}) {
  const { p, s, bidder, state } = props;
  return (
    <Layout p={p} title={p.t('auction.seleksi.scoreOf', { name: nameOf(bidder) })}>
      <p>
        <a href={`/kelola/tender/${s.tender.id}/seleksi`}>{p.t('auction.seleksi.title')}</a>
      </p>
      <h1>{p.t('auction.seleksi.scoreOf', { name: nameOf(bidder) })}</h1>
      <ErrorSummary p={p} state={state} />
      <form method="post" action={`/kelola/tender/${s.tender.id}/seleksi/${bidder.vendorId}`}>
        <Csrf p={p} />
        {(s.setup?.criteria ?? []).map((c) => (
          <TextField
            p={p}
            key={c.code}
            name={`skor_${c.code}`}
            label={`${c.label} (${c.bobot} %)`}
            hint="0–100"
            state={state}
            inputMode="numeric"
            value={
              state?.values[`skor_${c.code}`] ?? (props.mine?.[c.code] !== undefined ? String(props.mine[c.code]) : '')
            }
          />
        ))}
        <Button>{p.t('auction.seleksi.saveScores')}</Button>
      </form>
    </Layout>
  );
}

/**
 * The File II price of one bidder who passed the ambang, on a page of its own (one field per page: a list of forms
 * with the same field would repeat its id, and a label would name another bidder's input).
 */
export function PriceView(props: { p: PageCtx; s: Seleksi; bidder: SeleksiBidder; state?: FormState }) {
  const { p, s, bidder, state } = props;
  const title = p.t('auction.seleksi.priceOf', { name: nameOf(bidder) });
  return (
    <Layout p={p} title={title}>
      <p>
        <a href={`/kelola/tender/${s.tender.id}/seleksi`}>{p.t('auction.seleksi.title')}</a>
      </p>
      <h1>{title}</h1>
      <p>{p.t('auction.seleksi.file2Note')}</p>
      <ErrorSummary p={p} state={state} />
      <form method="post" action={`/kelola/tender/${s.tender.id}/seleksi/${bidder.vendorId}/harga`}>
        <Csrf p={p} />
        <TextField
          p={p}
          name="harga"
          label={`${p.t('auction.seleksi.price')} — ${nameOf(bidder)}`}
          hint={p.t('auction.seleksi.priceHint')}
          state={state}
          inputMode="numeric"
        />
        <Button>{p.t('auction.seleksi.recordPrice')}</Button>
      </form>
    </Layout>
  );
}

/** Public: technical scores once File I is approved; prices and final scores once the result is approved. */
export function SeleksiResultView(props: { p: PageCtx; s: Seleksi }) {
  const { p, s } = props;
  const setup = s.setup;
  return (
    <Layout p={p} title={`${p.t('auction.result.title')} — ${s.tender.nama}`}>
      <p>
        <a href={`/tender/${s.tender.kode}`}>
          {s.tender.kode} — {s.tender.nama}
        </a>
      </p>
      <h1>{p.t('auction.result.title')}</h1>
      {setup?.file1ApprovedAt ? (
        <>
          <p>{p.t(`auction.seleksi.method.${setup.method}`)}</p>
          {setup.resultApprovedAt ? null : <p>{p.t('auction.result.file1Only')}</p>}
          <RankingTable p={p} s={s} withPrices={!!setup.resultApprovedAt} />
          <p>{p.t('auction.result.rounding')}</p>
        </>
      ) : (
        <p>{p.t('auction.result.notYet')}</p>
      )}
    </Layout>
  );
}

function Standings(props: { p: PageCtx; a: Auction; rows: Standing[] }) {
  const { p, a } = props;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{p.t('auction.col.rank')}</th>
            <th scope="col">{p.t('auction.col.name')}</th>
            <th scope="col">{p.t('auction.col.npwp')}</th>
            <th scope="col">{p.t('auction.col.harga')}</th>
            <th scope="col">{p.t('auction.col.pemenang')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => {
            const n = a.names.get(r.vendorId)!;
            return (
              <tr key={r.vendorId}>
                <td>{r.rank}</td>
                <td>{nameOf(n)}</td>
                <td>{n.npwp ? maskNpwp(n.npwp) : ''}</td>
                <td>{formatRupiah(r.harga)}</td>
                <td>{r.rank === 1 ? '★' : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export interface BidderAuctionState {
  rank: number | null;
  own: bigint | null;
  lowest: bigint | null;
  bidders: number;
}

/** The bidder's auction page (no JavaScript needed: a form; an optional script reloads it every 30 s while open). */
export function AuctionView(props: {
  p: PageCtx;
  a: Auction;
  span: Span | null;
  state: WindowState;
  mine: BidderAuctionState | null;
  decrement: bigint;
  form?: FormState;
}) {
  const { p, a, span } = props;
  const at = (d: Date) => formatDateTime(d, p.locale);
  return (
    <Layout p={p} title={`${p.t('auction.lelang.title')} — ${a.tender.nama}`}>
      <p>
        <a href={`/tender/${a.tender.kode}`}>
          {a.tender.kode} — {a.tender.nama}
        </a>
      </p>
      <h1>{p.t('auction.lelang.title')}</h1>
      {span ? <p>{p.t('auction.lelang.window', { start: at(span.start), end: at(span.end) })}</p> : null}
      <p
        id="auction-state"
        data-state={props.state}
        data-start={span ? String(span.start.getTime()) : undefined}
        data-end={span ? String(span.end.getTime()) : undefined}
      >
        {p.t(`auction.lelang.state.${props.state}`)}
      </p>
      <ErrorSummary p={p} state={props.form} />
      {props.mine ? (
        <dl class="facts">
          <dt>{p.t('auction.lelang.rank')}</dt>
          <dd id="auction-rank">{props.mine.rank ?? '–'}</dd>
          <dt>{p.t('auction.lelang.own')}</dt>
          <dd>{props.mine.own !== null ? formatRupiah(props.mine.own) : '–'}</dd>
          <dt>{p.t('auction.lelang.lowest')}</dt>
          <dd id="auction-lowest">{props.mine.lowest !== null ? formatRupiah(props.mine.lowest) : '–'}</dd>
          <dt>{p.t('auction.lelang.bidders')}</dt>
          <dd>{props.mine.bidders}</dd>
          <dt>{p.t('auction.lelang.minDecrement')}</dt>
          <dd>{formatRupiah(props.decrement)}</dd>
        </dl>
      ) : null}
      {props.state === 'open' && props.mine?.rank ? (
        <form method="post" action={`/tender/${a.tender.kode}/lelang`}>
          <Csrf p={p} />
          <TextField p={p} name="harga" label={p.t('auction.lelang.harga')} state={props.form} inputMode="numeric" />
          <Button>{p.t('auction.lelang.submit')}</Button>
        </form>
      ) : null}
      {props.state === 'open' ? (
        <>
          <p>
            <a href={`/tender/${a.tender.kode}/lelang`}>{p.t('auction.lelang.refresh')}</a>
          </p>
          <script src="/static/auction-refresh.js" defer />
        </>
      ) : null}
      {props.state === 'closed' ? (
        <p>
          <a href={`/tender/${a.tender.kode}/lelang/hasil`}>{p.t('auction.lelang.result')}</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** Public after the close: the ranking with names (masked NPWPs); before it, nothing but the window. */
export function AuctionResultView(props: { p: PageCtx; a: Auction; span: Span | null; closed: boolean }) {
  const { p, a } = props;
  return (
    <Layout p={p} title={`${p.t('auction.lelang.result')} — ${a.tender.nama}`}>
      <p>
        <a href={`/tender/${a.tender.kode}`}>
          {a.tender.kode} — {a.tender.nama}
        </a>
      </p>
      <h1>{p.t('auction.lelang.result')}</h1>
      {!props.closed ? (
        <p>{p.t('auction.lelang.resultNotYet')}</p>
      ) : a.standings.length === 0 ? (
        <p>{p.t('auction.lelang.noBids')}</p>
      ) : (
        <Standings p={p} a={a} rows={a.standings} />
      )}
    </Layout>
  );
}
