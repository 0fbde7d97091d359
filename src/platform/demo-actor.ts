import type { Actor } from './auth/permissions.ts';
import type { Role } from './auth/roles.ts';
import type { Clock } from './clock.ts';
import type { Ctx } from './http/context.ts';
import { translator } from './i18n/i18n.ts';
import type { DemoContext } from './module.ts';

/**
 * The request context of a demo person acting with one role, so that module demos drive their real commands (checks,
 * audit, outbox) instead of writing rows past them. `clock` lets a demo act at a moment of a tender's schedule.
 * (Kept out of module.ts: that file is imported by every module's index while the registry is still loading.)
 */
export function demoActor(
  ctx: DemoContext,
  username: string,
  role: Role,
  agencyId: string | null,
  clock: Clock = ctx.clock,
): Ctx {
  const actor: Actor = {
    userId: ctx.userId(username),
    username,
    name: username,
    email: '',
    roles: [{ role, agencyId }],
    sessionId: 'demo',
  };
  return {
    db: ctx.tx,
    clock,
    config: ctx.config,
    files: ctx.files,
    actor,
    requestId: null,
    locale: 'id',
    t: translator('id'),
  };
}
