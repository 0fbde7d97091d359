import type { accountsId } from './id.ts';

export const accountsEn: Record<keyof typeof accountsId, string> = {
  'audit.event.auth.login': 'Signed in',
  'audit.event.auth.login_failed': 'Failed sign-in (attempt {failedAttempts})',
  'audit.event.auth.account_locked': 'Account locked for a while after {failedAttempts} failed sign-ins',
  'audit.event.auth.logout': 'Signed out',
  'audit.event.auth.session_revoked': 'Revoked a session',
  'audit.event.auth.password_changed': 'Changed the password',
  'audit.event.auth.password_reset': 'Reset the password through an e-mailed link',
  'audit.event.auth.password_reset_requested': 'Asked for a password reset link',
  'audit.event.setup.first_admin_created': 'Created the first System Administrator {username}',
  'audit.event.user.created': 'Created the user account {object}',
  'audit.event.user.role_granted': 'Gave the role {role} to {object}',
  'audit.event.user.role_revoked': 'Removed the role {role} from {object}',
};
