import { defineModule } from '../../platform/module.ts';
import { auditPlugin } from './audit.plugin.ts';

/** Browsing the hash-chained audit trail (R21: Kepala LPSE, Auditor and the system administrator). */
export const auditModule = defineModule({
  name: 'audit',
  plugin: auditPlugin,
  permissions: {
    'audit:read': {
      roles: ['KEPALA_LPSE', 'AUDITOR', 'ADMIN_SISTEM'],
      scope: 'global',
      description: 'Read the audit trail and check its hash chain',
    },
  },
  nav: [{ href: '/audit', labelKey: 'nav.audit', permission: 'audit:read' }],
});
