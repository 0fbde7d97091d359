import { auditEvent, defineModule } from '../../platform/module.ts';
import { organisationEn } from './locales/en.ts';
import { organisationId } from './locales/id.ts';
import { organisationPlugin } from './organisation.plugin.ts';
import * as tables from './organisation.schema.ts';

/** Agencies (R13) and the Tim LPSE with its decree and org chart (R20). */
export const organisationModule = defineModule({
  name: 'organisation',
  plugin: organisationPlugin,
  tables,
  locales: { id: organisationId, en: organisationEn },
  permissions: {
    'agencies:manage': {
      roles: ['ADMIN_SISTEM'],
      scope: 'global',
      description: 'Add and change agencies (OPD, BUMN, BUMD) served by the LPSE (R13)',
    },
    'lpse-team:manage': {
      roles: ['ADMIN_SISTEM', 'KEPALA_LPSE'],
      scope: 'global',
      description: 'Record the decree (SK) of the Tim LPSE (R20)',
    },
  },
  // The decree appointing the Tim LPSE is public (R20).
  documentClasses: {
    sk_tim_lpse: { maxBytes: 10 * 1024 * 1024, mimes: ['application/pdf'], read: 'public' },
  },
  nav: [
    { href: '/admin/instansi', labelKey: 'nav.agencies', permission: 'agencies:manage' },
    { href: '/tim-lpse', labelKey: 'nav.team' },
  ],
  auditEvents: {
    'agency.created': auditEvent<{ after: { code: string; name: string; kind: string; address: string | null } }>({
      messageKey: 'audit.event.agency.created',
      link: () => '/admin/instansi',
    }),
    'lpse_team.decree_recorded': auditEvent<{
      after: { number: string; decreeDate: string; sha256: string | null };
    }>({ messageKey: 'audit.event.lpse_team.decree_recorded', link: () => '/tim-lpse' }),
  },
});

export { findAgencyByCode, findAgencyById, listAgencies } from './organisation.repository.ts';
