import type { AuditSubscriber } from '../../platform/module.ts';
import { auditEvent, defineModule } from '../../platform/module.ts';
import { awardAnnouncementJob } from './award-announcement.ts';
import { opendataEn } from './locales/en.ts';
import { opendataId } from './locales/id.ts';
import { releaseSubscribers } from './mappers/index.ts';
import { nationalPushJob } from './national/push.ts';
import { opendataPlugin } from './opendata.plugin.ts';
import * as tables from './opendata.schema.ts';

// Typed as the contract's plain record, so the module list's derived unions do not depend on the mappers' types.
const auditSubscribers: Readonly<Record<string, AuditSubscriber>> = releaseSubscribers();

/**
 * Open data (issue 13, R02): every public event is published as an OCDS 1.1.5 release in the transaction of the
 * change (audit subscribers), with a cursor feed, record packages, bulk export and the /data-terbuka page.
 */
export const opendataModule = defineModule({
  name: 'opendata',
  plugin: opendataPlugin,
  tables,
  locales: { id: opendataId, en: opendataEn },
  nav: [
    { href: '/data-terbuka', labelKey: 'nav.opendata' },
    { href: '/admin/data-terbuka', labelKey: 'nav.nationalFeed', permission: 'opendata:manage' },
  ],
  permissions: {
    'opendata:manage': {
      roles: ['ADMIN_SISTEM'],
      scope: 'global',
      description: 'Issue and revoke API keys of the national portal feed; see the push delivery log',
    },
  },
  auditEvents: {
    'opendata.api_key_issued': auditEvent<{ name: string; keyPrefix: string }>({
      messageKey: 'audit.event.opendata.api_key_issued',
      link: () => '/admin/data-terbuka',
    }),
    'opendata.api_key_revoked': auditEvent<{ name: string; keyPrefix: string }>({
      messageKey: 'audit.event.opendata.api_key_revoked',
      link: () => '/admin/data-terbuka',
    }),
    'opendata.award_announced': auditEvent<{ kode: string; award: string }>({
      messageKey: 'audit.event.opendata.award_announced',
      link: (_id, p: { kode: string }) => `/tender/${p.kode}/hasil`,
    }),
  },
  jobs: [nationalPushJob, awardAnnouncementJob],
  auditSubscribers,
});

export { compileReleases, versionReleases } from './merge.ts';
