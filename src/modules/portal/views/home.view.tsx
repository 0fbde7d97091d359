import { formatRupiah } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/ui/layout.tsx';
import type { PageCtx } from '../../../platform/ui/page.ts';

export interface HomePlan {
  kode: number;
  namaPaket: string;
  pagu: bigint;
  agencyName: string;
}

export interface HomeTenders {
  latest: {
    kode: string;
    nama: string;
    agencyName: string;
    hps: bigint | null;
    stages: { code: string; name: string }[];
    href: string;
  }[];
  running: number;
  perStage: { code: string; name: string; count: number }[];
}

export function HomeView({ p, plans, tenders }: { p: PageCtx; plans: HomePlan[]; tenders: HomeTenders }) {
  return (
    <Layout p={p} title={p.t('portal.title')}>
      <h1>{p.t('portal.welcome', { name: p.lpseName })}</h1>
      <p class="lead">{p.t('portal.intro')}</p>
      {p.actor ? null : (
        <section class="cta" aria-labelledby="daftar-penyedia">
          <h2 id="daftar-penyedia">{p.t('portal.cta.title')}</h2>
          <p>{p.t('portal.cta.text')}</p>
          <p class="button-row">
            <a class="button" href="/daftar">
              {p.t('portal.cta.register')}
            </a>
            <a href="/masuk">{p.t('portal.cta.signIn')}</a>
          </p>
        </section>
      )}
      <div class="grid">
        <section class="card" aria-labelledby="pengumuman">
          <h2 id="pengumuman">{p.t('portal.announcements')}</h2>
          {tenders.latest.length === 0 ? (
            <p class="empty">{p.t('portal.announcements.empty')}</p>
          ) : (
            <ul class="plain latest">
              {tenders.latest.map((r) => (
                <li key={r.kode}>
                  <a href={r.href}>{r.nama}</a>
                  <br />
                  <small>
                    {r.agencyName}
                    {r.hps !== null ? ` · ${p.t('portal.tenders.hps')} ${formatRupiah(r.hps)}` : ''}
                    {r.stages.length > 0 ? ` · ${r.stages.map((s) => s.name).join(', ')}` : ''}
                  </small>
                </li>
              ))}
            </ul>
          )}
          {tenders.perStage.length > 0 ? (
            <>
              <h3>{p.t('portal.tenders.perStage', { count: tenders.running })}</h3>
              <ul class="plain">
                {tenders.perStage.map((s) => (
                  <li key={s.code}>
                    {s.name}: <strong>{s.count}</strong>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <a href="/tender">{p.t('portal.tenders.all')}</a>
          </p>
        </section>
        <section class="card" aria-labelledby="rup">
          <h2 id="rup">{p.t('portal.plans')}</h2>
          {plans.length === 0 ? (
            <p class="empty">{p.t('portal.plans.empty')}</p>
          ) : (
            <ul class="plain latest">
              {plans.map((r) => (
                <li key={r.kode}>
                  <a href={`/rup/${r.kode}`}>{r.namaPaket}</a>
                  <br />
                  <small>
                    {r.agencyName} · {formatRupiah(r.pagu)}
                  </small>
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href="/rup">{p.t('portal.plans.all')}</a>
          </p>
        </section>
        <section class="card" aria-labelledby="layanan">
          <h2 id="layanan">{p.t('portal.services')}</h2>
          <ul>
            <li>{p.t('portal.services.registration')}</li>
            <li>{p.t('portal.services.helpdesk')}</li>
            <li>{p.t('portal.services.training')}</li>
            <li>{p.t('portal.services.room')}</li>
          </ul>
          <p>
            <a href="/tim-lpse">{p.t('portal.orgChart')}</a>
          </p>
        </section>
        <section class="card" aria-labelledby="kontak">
          <h2 id="kontak">{p.t('portal.contact')}</h2>
          <p>
            {p.t('portal.contact.address')}
            <br />
            {p.t('portal.contact.email')}
            <br />
            {p.t('portal.contact.phone')}
            <br />
            {p.t('portal.contact.hours')}
          </p>
        </section>
      </div>
    </Layout>
  );
}
