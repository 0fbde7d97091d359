import { auditEvent, defineModule } from '../../platform/module.ts';
import { accountsPlugin } from './accounts.plugin.ts';
import * as tables from './accounts.schema.ts';
import { accountsEn } from './locales/en.ts';
import { accountsId } from './locales/id.ts';

const userLink = (id: string | null) => (id ? `/admin/pengguna/${id}` : null);

/** People: sign-in and recovery (R37), own account, and user administration with roles (R21–R23). */
export const accountsModule = defineModule({
  name: 'accounts',
  plugin: accountsPlugin,
  tables,
  locales: { id: accountsId, en: accountsEn },
  permissions: {
    'users:manage': {
      roles: ['ADMIN_SISTEM'],
      scope: 'global',
      description: 'Create accounts, give and remove roles (Unit Administrasi Sistem Elektronik, R21)',
    },
    'users:read': {
      roles: ['ADMIN_SISTEM', 'KEPALA_LPSE', 'VERIFIKATOR', 'HELPDESK', 'SEKRETARIAT'],
      scope: 'global',
      description: 'Look up accounts (LPSE units that serve users)',
    },
    'role-grants:approve': {
      roles: ['KEPALA_LPSE', 'ADMIN_SISTEM'],
      scope: 'global',
      description:
        'Approve or refuse a pending LPSE-unit role grant (two-person rule: Kepala LPSE for grants by an admin, another Admin Sistem for Kepala LPSE)',
    },
  },
  nav: [
    { href: '/dasbor', labelKey: 'nav.dashboard', permission: 'signedIn' },
    { href: '/admin/pengguna', labelKey: 'nav.users', permission: 'users:manage' },
    { href: '/admin/persetujuan-peran', labelKey: 'nav.roleApprovals', permission: 'role-grants:approve' },
    { href: '/akun', labelKey: 'nav.account', permission: 'signedIn' },
  ],
  auditEvents: {
    'auth.login': auditEvent<{ ip: string | null }>({ messageKey: 'audit.event.auth.login' }),
    'auth.login_failed': auditEvent<{ failedAttempts: number; ip: string | null; via?: string }>({
      messageKey: 'audit.event.auth.login_failed',
    }),
    'auth.account_locked': auditEvent<{ failedAttempts: number; ip: string | null; via?: string }>({
      messageKey: 'audit.event.auth.account_locked',
    }),
    'auth.logout': auditEvent<{ via?: string }>({ messageKey: 'audit.event.auth.logout' }),
    'auth.session_revoked': auditEvent<{ via?: string }>({ messageKey: 'audit.event.auth.session_revoked' }),
    'auth.password_changed': auditEvent<{ sessionsClosed?: number }>({
      messageKey: 'audit.event.auth.password_changed',
    }),
    'auth.password_reset': auditEvent<{ sessionsClosed?: number }>({ messageKey: 'audit.event.auth.password_reset' }),
    'auth.password_reset_requested': auditEvent<{ email?: string }>({
      messageKey: 'audit.event.auth.password_reset_requested',
    }),
    'setup.first_admin_created': auditEvent<{ username: string; role: string }>({
      messageKey: 'audit.event.setup.first_admin_created',
      link: userLink,
    }),
    'user.created': auditEvent<{
      after: { username: string; name?: string; email?: string; nip?: string | null; role?: string };
      via?: string;
    }>({ messageKey: 'audit.event.user.created', link: userLink }),
    'user.role_granted': auditEvent<{
      role: string;
      agencyId: string | null;
      decreeId: string | null;
      requestId?: string;
    }>({
      messageKey: 'audit.event.user.role_granted',
      link: userLink,
    }),
    'user.role_grant_requested': auditEvent<{ role: string; requestId: string; approverRole: string }>({
      messageKey: 'audit.event.user.role_grant_requested',
      link: userLink,
    }),
    'user.role_grant_approved': auditEvent<{ role: string; requestId: string; requestedBy: string }>({
      messageKey: 'audit.event.user.role_grant_approved',
      link: userLink,
    }),
    'user.role_grant_rejected': auditEvent<{ role: string; requestId: string; requestedBy: string }>({
      messageKey: 'audit.event.user.role_grant_rejected',
      link: userLink,
    }),
    'user.role_self_grant_refused': auditEvent<{ role: string }>({
      messageKey: 'audit.event.user.role_self_grant_refused',
      link: userLink,
    }),
    'user.role_revoked': auditEvent<{ before: { role: string; agencyId: string | null } }>({
      messageKey: 'audit.event.user.role_revoked',
      link: userLink,
    }),
  },
});

// The public surface of accounts: what other modules may use. Tables (accounts.schema.ts) may be imported for foreign
// keys and read joins; writes go through these commands (a test checks).
export {
  consumeToken,
  countTokenAttempt,
  findUsableToken,
  findUserById,
  findUserByUsername,
  rolesOfUser,
} from './accounts.repository.ts';
export {
  activateAccount,
  createPendingAccount,
  grantOfficialRole,
  grantVendorRole,
  renameAccount,
  setAccountActive,
} from './commands/lifecycle.ts';
export { checkPassword } from './commands/password-check.ts';
export { issueSetupTokenIfNoUsers } from './commands/setup.ts';
export { issueToken } from './commands/tokens.ts';
export { grantRoleTx } from './commands/users.ts';
