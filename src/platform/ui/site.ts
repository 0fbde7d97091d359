/**
 * The identity of the site: the regency's name, emblem, office address, service hours and helpdesk contacts. Kept by
 * the `settings` module (`/admin/identitas`) and cached here, once per process, so that the layout, the PDF letterheads
 * and the mail footer read it without a query. The settings module loads it when the app is ready and replaces it
 * after every save (another process on the same PostgreSQL sees a change at its next start).
 */
export interface SiteIdentity {
  /** "LPSE Kabupaten …": the name in the header, page titles, PDF letterheads and mails. */
  lpseName: string;
  /** "Kabupaten Konawe Kepulauan", or null to use the LPSE name alone. */
  regencyName: string | null;
  address: string;
  /** Free text; null means the catalogue's default hours (`layout.footer.hoursDefault`). */
  hours: string | null;
  email: string;
  phone: string | null;
  whatsapp: string | null;
  /** The uploaded emblem (PNG or JPEG), or null for the neutral default mark. */
  emblem: { documentId: string; mime: string; dataUrl: string } | null;
}

export const DEFAULT_HOURS_ID = 'Senin–Kamis 08.00–16.00 WITA, Jumat 08.00–16.30 WITA';

export function defaultSiteIdentity(lpseName = 'LPSE Kabupaten Konawe Kepulauan'): SiteIdentity {
  return {
    lpseName,
    regencyName: null,
    address: 'Kantor Bupati Konawe Kepulauan, Langara',
    hours: null,
    email: 'lpse@konkepkab.go.id',
    phone: null,
    whatsapp: null,
    emblem: null,
  };
}

/**
 * The government the LPSE buys for, as SPSE's "K/L/PD" column names it: "Pemerintah Kabupaten Konawe Kepulauan", from
 * the regency's name, or from the LPSE's name when none is set ("LPSE Kabupaten X" → "Pemerintah Kabupaten X").
 */
export function klpdName(site: SiteIdentity): string {
  const region = site.regencyName ?? site.lpseName.replace(/^LPSE\s+/i, '');
  return /^pemerintah\b/i.test(region) ? region : `Pemerintah ${region}`;
}

let current: SiteIdentity | undefined;

/** The cached identity; the defaults (with the configured LPSE name) until the settings module has loaded it. */
export function siteIdentity(fallbackLpseName?: string): SiteIdentity {
  return current ?? defaultSiteIdentity(fallbackLpseName);
}

/** Replaces the cached identity (settings module only: at start-up and after a save). */
export function setSiteIdentity(identity: SiteIdentity | undefined): void {
  current = identity;
}

/** The hours as shown: the stored text, or the default for the language. */
export function serviceHours(site: SiteIdentity, defaultText: string): string {
  return site.hours ?? defaultText;
}

/** The contact line of the footer and the mails: "lpse@… · Telp. … · WhatsApp …". */
export function contactLine(site: SiteIdentity): string {
  return [site.email, site.phone && `Telp. ${site.phone}`, site.whatsapp && `WhatsApp ${site.whatsapp}`]
    .filter(Boolean)
    .join(' · ');
}

/** The signature under every mail: who sent it and how to reach the helpdesk. */
export function mailFooter(site: SiteIdentity = siteIdentity()): string {
  return [
    '-- ',
    site.lpseName,
    site.address,
    `Jam layanan / Service hours: ${site.hours ?? DEFAULT_HOURS_ID}`,
    contactLine(site),
  ].join('\n');
}
