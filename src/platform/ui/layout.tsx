import type { ComponentChildren } from 'preact';
import type { PageCtx } from './page.ts';
import { contactLine, serviceHours } from './site.ts';

export function Layout(props: { p: PageCtx; title: string; hasErrors?: boolean; children: ComponentChildren }) {
  const { p } = props;
  const other = p.locale === 'id' ? 'en' : 'id';
  const fullTitle = `${props.hasErrors ? p.t('form.errorPrefix') : ''}${props.title} — ${p.lpseName}`;
  return (
    <html lang={p.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/app.js" defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {p.t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href="/">
              {p.site.emblem ? (
                <img class="brand-emblem" src={`/berkas/${p.site.emblem.documentId}`} alt="" width={40} height={40} />
              ) : (
                <span class="brand-mark" aria-hidden="true">
                  LPSE
                </span>
              )}
              <span>{p.lpseName}</span>
            </a>
            <div class="header-tools">
              <a
                href={`/bahasa/${other}?kembali=${encodeURIComponent(p.path)}`}
                lang={other}
                hrefLang={other}
                aria-label={p.t('layout.switchLanguageLabel')}
              >
                {p.t('layout.switchLanguage')}
              </a>
              {p.actor ? (
                <>
                  <span class="who">{p.t('layout.signedInAs', { name: p.actor.name })}</span>
                  <form method="post" action="/keluar" class="inline">
                    <input type="hidden" name="_csrf" value={p.csrf} />
                    <button type="submit" class="link-button">
                      {p.t('nav.logout')}
                    </button>
                  </form>
                </>
              ) : (
                <a href="/masuk">{p.t('nav.login')}</a>
              )}
            </div>
          </div>
          <nav class="main-nav" aria-label={p.t('layout.mainNav')}>
            <ul class="container">
              {p.nav.map((n) => {
                const path = p.path.split('?')[0]!;
                // A whole path segment must match: /daftar-hitam is not inside /daftar.
                const current = path === n.href || (n.href !== '/' && path.startsWith(`${n.href}/`));
                return (
                  <li key={n.href}>
                    <a href={n.href} aria-current={current ? 'page' : undefined}>
                      {p.t(n.labelKey)}
                      {n.count ? (
                        <>
                          {' '}
                          <span class="nav-count" aria-hidden="true">
                            {n.count}
                          </span>
                          <span class="visually-hidden">({n.countLabel})</span>
                        </>
                      ) : null}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        </header>
        <main id="main" class="container" tabIndex={-1}>
          {p.flash ? (
            <div class="notice success" role="status">
              {p.flash}
            </div>
          ) : null}
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{p.t('layout.footer.contact', { contact: contactLine(p.site), address: p.site.address })}</p>
            <p>{p.t('layout.footer.hours', { hours: serviceHours(p.site, p.t('layout.footer.hoursDefault')) })}</p>
            <p>
              {p.t('layout.footer.basis')} {p.t('layout.footer.times')}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
