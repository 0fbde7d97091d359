import { forbidden, unauthenticated } from '../errors.ts';
import type { Role } from './roles.ts';

/**
 * Every permission and the roles that hold it, in one place (R21: each unit's duties map to permissions).
 * Modules add their own permissions here so that a reviewer sees the whole access model at once.
 */
export const PERMISSIONS = {
  'users:manage': ['ADMIN_SISTEM'],
  'users:read': ['ADMIN_SISTEM', 'KEPALA_LPSE', 'VERIFIKATOR', 'HELPDESK', 'SEKRETARIAT'],
  'agencies:manage': ['ADMIN_SISTEM'],
  'lpse-team:manage': ['ADMIN_SISTEM', 'KEPALA_LPSE'],
  'audit:read': ['KEPALA_LPSE', 'AUDITOR', 'ADMIN_SISTEM'],
  'registration:verify': ['VERIFIKATOR'],
  'registration:read': ['VERIFIKATOR', 'KEPALA_LPSE'],
  'identity-documents:read': ['VERIFIKATOR', 'KEPALA_LPSE'],
  'accounts:deactivate': ['VERIFIKATOR'],
  'blacklist:manage': ['VERIFIKATOR'],
  // A verified vendor reads its own registered data, documents and eligibility (R36).
  'vendor-profile:read': ['PENYEDIA'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export interface Actor {
  userId: string;
  username: string;
  name: string;
  email: string;
  roles: { role: Role; agencyId: string | null }[];
  sessionId: string;
}

export function can(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((r) => allowed.includes(r.role));
}

export function hasRole(actor: Actor | null, role: Role): boolean {
  return !!actor?.roles.some((r) => r.role === role);
}

/** Throws 401 when nobody is signed in and 403 when the signed-in person lacks the permission. */
export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw unauthenticated();
  if (!can(actor, permission)) throw forbidden();
}
