import { type Permission, registry } from '../../registry.ts';
import { forbidden, unauthenticated } from '../errors.ts';
import { ROLES, type Role } from './roles.ts';

export type { Permission };

/**
 * Permissions are declared by each module (`permissions` in its `index.ts`) and composed from the module list, so the
 * whole access model is still reviewable at once: `lpse permissions`, the access matrix page and docs/ACCESS.md are
 * generated from the same declarations (R21: each unit's duties map to permissions).
 */
export interface Actor {
  userId: string;
  username: string;
  name: string;
  email: string;
  roles: { role: Role; agencyId: string | null }[];
  sessionId: string;
  /**
   * The role in which the actor is acting in this request: the role that granted the last permission checked.
   * The audit trail records it (a person may hold several roles).
   */
  actingRole?: Role;
}

/** The roles holding `permission`, and how far the grant reaches. */
export function permissionDecl(permission: Permission) {
  const decl = registry().permissions.get(permission);
  if (!decl) throw new Error(`unknown permission ${permission}`);
  return decl;
}

/** The first of the actor's roles (in the fixed order of ROLES) that holds `permission`, or undefined. */
export function grantingRole(actor: Actor | null, permission: Permission): Role | undefined {
  if (!actor) return undefined;
  const allowed = permissionDecl(permission).roles;
  const held = actor.roles.map((r) => r.role);
  return ROLES.find((r) => allowed.includes(r) && held.includes(r));
}

export function can(actor: Actor | null, permission: Permission): boolean {
  return grantingRole(actor, permission) !== undefined;
}

/**
 * The agencies in which the actor holds `permission`: `all` for a globally scoped permission, else the agencies of
 * the roles that grant it. A PPK of Dinas PUPR gets [PUPR], never Dinas Pendidikan.
 */
export function agenciesWhere(actor: Actor | null, permission: Permission): 'all' | string[] {
  if (!actor) return [];
  const decl = permissionDecl(permission);
  const granting = actor.roles.filter((r) => decl.roles.includes(r.role));
  if (decl.scope !== 'agency') return granting.length > 0 ? 'all' : [];
  return [...new Set(granting.flatMap((r) => (r.agencyId ? [r.agencyId] : [])))];
}

/** Whether the actor holds `permission` for this agency (agency-scoped permissions) or at all (global ones). */
export function canForAgency(actor: Actor | null, permission: Permission, agencyId: string | null): boolean {
  const where = agenciesWhere(actor, permission);
  return where === 'all' || (!!agencyId && where.includes(agencyId));
}

export function hasRole(actor: Actor | null, role: Role): boolean {
  return !!actor?.roles.some((r) => r.role === role);
}

/**
 * Throws 401 when nobody is signed in and 403 when the signed-in person lacks the permission. On success the granting
 * role becomes the role the actor acts in, for the audit trail.
 */
export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw unauthenticated();
  const role = grantingRole(actor, permission);
  if (!role) throw forbidden();
  actor.actingRole = role;
}

/** The role recorded in the audit trail when no permission check chose one: deterministic, never list order. */
export function defaultActingRole(actor: Actor | null): Role | null {
  if (!actor) return null;
  if (actor.actingRole) return actor.actingRole;
  const held = actor.roles.map((r) => r.role);
  return ROLES.find((r) => held.includes(r)) ?? null;
}
