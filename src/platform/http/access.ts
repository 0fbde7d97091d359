import type { Permission } from '../../registry.ts';

/**
 * Every route declares who may reach it, in its `config`. The app refuses to start with an undeclared route, checks
 * the declaration before the body is read (a refused upload never reaches the disk), and the route × role matrix test
 * derives its expectations from the same declarations. Object-level rules (this agency, this tender, after this time)
 * are the module's policies, checked in its commands.
 */
export type Access = { kind: 'public' } | { kind: 'signedIn' } | { kind: 'permission'; permission: Permission };

/** Anyone, signed in or not (the portal, sign-in, registration; registration checks its own applicant session). */
export const PUBLIC = { access: { kind: 'public' } } as const satisfies { access: Access };
/** Any signed-in person, whatever their roles (own account, own sessions). */
export const SIGNED_IN = { access: { kind: 'signedIn' } } as const satisfies { access: Access };
/** People holding `permission` through one of their roles. */
export const allow = (permission: Permission) =>
  ({ access: { kind: 'permission', permission } }) as const satisfies { access: Access };

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every registered route with its declared access: the sweep and route × role matrix tests walk it. */
    routeTable: RouteEntry[];
  }
}
