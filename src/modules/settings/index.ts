import { auditEvent, defineModule } from '../../platform/module.ts';
import { settingsEn } from './locales/en.ts';
import { settingsId } from './locales/id.ts';
import { settingsPlugin } from './settings.plugin.ts';
import * as tables from './settings.schema.ts';

type SettingsSummary = {
  regencyName: string;
  address: string;
  hours: string;
  email: string;
  phone: string | null;
  whatsapp: string | null;
  emblemDocumentId: string | null;
};

/** The identity of the site (issue 7 item 3): name, emblem, office, hours and helpdesk contacts, in one place. */
export const settingsModule = defineModule({
  name: 'settings',
  plugin: settingsPlugin,
  tables,
  locales: { id: settingsId, en: settingsEn },
  permissions: {
    'site-settings:manage': {
      roles: ['ADMIN_SISTEM'],
      scope: 'global',
      description: 'Change the identity of the site: name, emblem, office address, service hours, helpdesk contacts',
    },
  },
  // The emblem is on every public page and PDF: public, images only (no SVG: it can carry scripts).
  documentClasses: {
    site_emblem: { maxBytes: 512 * 1024, mimes: ['image/png', 'image/jpeg'], read: 'public' },
  },
  nav: [{ href: '/admin/identitas', labelKey: 'nav.siteSettings', permission: 'site-settings:manage' }],
  auditEvents: {
    'site_settings.updated': auditEvent<{
      before: SettingsSummary | null;
      after: SettingsSummary;
      emblemSha256: string | null;
    }>({ messageKey: 'audit.event.site_settings.updated', link: () => '/admin/identitas' }),
  },
});
