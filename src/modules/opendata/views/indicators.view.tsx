import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';
import type { FlaggedProcess } from '../indicators.ts';
import type { FlagResult } from '../redflags.ts';

const INDICATORS = [
  'days_to_award',
  'contract_vs_hps',
  'single_bidder',
  'short_title',
  'winner_concentration',
] as const;

function value(p: PageCtx, f: FlagResult) {
  if (f.value === undefined) return '';
  if (f.indicator === 'contract_vs_hps' || f.indicator === 'winner_concentration')
    return `${(f.value * 100).toLocaleString(p.locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 })} %`;
  return String(f.value);
}

/** /data-terbuka/indikator: the red flags computed from the published data, each explained; no JavaScript. */
export function IndicatorsView({ p, assessed, flagged }: { p: PageCtx; assessed: number; flagged: FlaggedProcess[] }) {
  return (
    <Layout p={p} title={p.t('indicators.title')}>
      <h1>{p.t('indicators.title')}</h1>
      <p class="lead">{p.t('indicators.intro')}</p>
      <p>{p.t('indicators.caveat')}</p>
      <section aria-labelledby="daftar">
        <h2 id="daftar">{p.t('indicators.flagged')}</h2>
        <p>{p.t('indicators.count', { flagged: String(flagged.length), assessed: String(assessed) })}</p>
        {flagged.length === 0 ? (
          <p class="empty">{p.t('indicators.none')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{p.t('indicators.process')}</th>
                  <th scope="col">{p.t('indicators.buyer')}</th>
                  <th scope="col">{p.t('indicators.fired')}</th>
                </tr>
              </thead>
              <tbody>
                {flagged.map((x) => (
                  <tr key={x.ocid}>
                    <td>
                      <a href={`/api/v1/ocds/records/${x.ocid}`}>{x.title}</a>
                      <br />
                      <code>{x.ocid}</code>
                    </td>
                    <td>{x.buyer ?? '—'}</td>
                    <td>
                      <ul>
                        {x.flags.map((f) => (
                          <li key={f.indicator}>
                            <a href={`#${f.indicator}`}>{p.t(`indicators.${f.indicator}`)}</a>
                            {f.value !== undefined ? `: ${value(p, f)}` : ''}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="penjelasan">
        <h2 id="penjelasan">{p.t('indicators.explained')}</h2>
        <dl>
          {INDICATORS.map((i) => (
            <>
              <dt id={i}>{p.t(`indicators.${i}`)}</dt>
              <dd>{p.t(`indicators.${i}.why`)}</dd>
            </>
          ))}
        </dl>
        <p>{p.t('indicators.source')}</p>
      </section>
    </Layout>
  );
}
