import { formatDateTime } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';

export interface OpenDataPage {
  prefix: string;
  placeholder: boolean;
  releases: number;
  last: Date | null;
}

/** /data-terbuka (R02): what is published, licence, how to harvest, downloads, last update, publication policy. */
export function OpenDataView({ p, d }: { p: PageCtx; d: OpenDataPage }) {
  return (
    <Layout p={p} title={p.t('opendata.title')}>
      <h1>{p.t('opendata.title')}</h1>
      <p class="lead">{p.t('opendata.intro')}</p>
      {d.placeholder ? (
        <p class="notice" role="note">
          {p.t('opendata.placeholder', { prefix: d.prefix })}
        </p>
      ) : null}
      <section aria-labelledby="terbaru">
        <h2 id="terbaru">{p.t('opendata.stats')}</h2>
        <p>
          {d.last
            ? p.t('opendata.stats.text', { count: String(d.releases), last: formatDateTime(d.last, p.locale) })
            : p.t('opendata.stats.none')}
        </p>
      </section>
      <section aria-labelledby="isi">
        <h2 id="isi">{p.t('opendata.what')}</h2>
        <ul>
          <li>{p.t('opendata.what.planning')}</li>
          <li>{p.t('opendata.what.tender')}</li>
          <li>{p.t('opendata.what.amendment')}</li>
          <li>{p.t('opendata.what.later')}</li>
        </ul>
        <p>{p.t('opendata.ocid', { prefix: d.prefix })}</p>
      </section>
      <section aria-labelledby="panen">
        <h2 id="panen">{p.t('opendata.harvest')}</h2>
        <p>{p.t('opendata.harvest.feed')}</p>
        <p>
          <a href="/api/v1/ocds/releases">/api/v1/ocds/releases</a>
        </p>
        <p>{p.t('opendata.harvest.record')}</p>
        <p>{p.t('opendata.harvest.bulk')}</p>
        <ul>
          <li>
            <a href="/api/v1/ocds/releases.jsonl">ocds-releases.jsonl</a>
          </li>
          <li>
            <a href="/api/v1/ocds/releases.jsonl.gz">ocds-releases.jsonl.gz</a>
          </li>
        </ul>
        <p>
          {p.t('opendata.harvest.openapi')} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
        </p>
      </section>
      <section aria-labelledby="indikator">
        <h2 id="indikator">{p.t('indicators.title')}</h2>
        <p>
          <a href="/data-terbuka/indikator">{p.t('opendata.indicatorsLink')}</a>
        </p>
      </section>
      <section aria-labelledby="lisensi">
        <h2 id="lisensi">{p.t('opendata.licence')}</h2>
        <p>
          {p.t('opendata.licence.text', { name: p.lpseName })}{' '}
          <a href="https://creativecommons.org/licenses/by/4.0/deed.id" rel="license">
            CC BY 4.0
          </a>
        </p>
      </section>
      <section aria-labelledby="kebijakan-judul" id="kebijakan">
        <h2 id="kebijakan-judul">{p.t('opendata.policy')}</h2>
        <ul>
          <li>{p.t('opendata.policy.when')}</li>
          <li>{p.t('opendata.policy.ids')}</li>
          <li>{p.t('opendata.policy.withheld')}</li>
          <li>{p.t('opendata.policy.codelists')}</li>
          <li>{p.t('opendata.policy.contact')}</li>
        </ul>
      </section>
      <section aria-labelledby="sanggah-judul" id="sanggah">
        <h2 id="sanggah-judul">{p.t('opendata.sanggah')}</h2>
        <p>{p.t('opendata.sanggah.why')}</p>
        <ul>
          <li>{p.t('opendata.sanggah.fields')}</li>
          <li>{p.t('opendata.sanggah.withheld')}</li>
          <li>{p.t('opendata.sanggah.awards')}</li>
        </ul>
        <p>{p.t('opendata.sanggah.files')}</p>
        <ul>
          <li>
            <a href="/api/v1/ocds/extensions/sanggah/extension.json">extension.json</a>
          </li>
          <li>
            <a href="/api/v1/ocds/extensions/sanggah/release-schema.json">release-schema.json</a>
          </li>
          <li>
            <a href="/api/v1/ocds/extensions/sanggah/README.md">README.md</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
