import type { MessageKey } from '../../registry.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './permissions.ts';

/**
 * Object-level policies. A module's `<module>.policy.ts` answers `(actor, resource, now) → Decision`: whether this
 * person may do this to this object at this moment — "only a Pokja member of this tender", "only the PPK of this
 * package", "only after the upload deadline". A refusal says why (a catalogue key and a stable code), on what legal
 * basis where there is one ("Pasal 13(3)"), and for time-gated actions when it opens, so the page can say
 * "dibuka 14 Maret 2027 10.00 WITA" and the API can return the time.
 */
export type Decision =
  | { allowed: true }
  | {
      allowed: false;
      code: string;
      reason: MessageKey;
      params?: Record<string, string | number>;
      basis?: string;
      opensAt?: Date;
    };

export type Policy<R> = (actor: Actor | null, resource: R, now: Date) => Decision;

export const allow = (): Decision => ({ allowed: true });

export function refuse(
  code: string,
  reason: MessageKey,
  opts: { params?: Record<string, string | number>; basis?: string; opensAt?: Date } = {},
): Decision {
  return { allowed: false, code, reason, ...opts };
}

/** The AppError of a refusal: 403 with the refusal's code; the error page and the API show basis and opening time. */
export class PolicyRefusal extends AppError {
  constructor(
    code: string,
    reason: MessageKey,
    params: Record<string, string | number>,
    readonly basis?: string,
    readonly opensAt?: Date,
  ) {
    super(code, 403, reason, params);
  }
}

/** Throws the refusal (401 when nobody is signed in and the policy needs someone). */
export function enforce(decision: Decision): void {
  if (decision.allowed) return;
  throw new PolicyRefusal(decision.code, decision.reason, decision.params ?? {}, decision.basis, decision.opensAt);
}

/** The first refusal of several checks, or allowed: policies read as a list of rules. */
export function firstRefusal(...decisions: (() => Decision)[]): Decision {
  for (const d of decisions) {
    const r = d();
    if (!r.allowed) return r;
  }
  return allow();
}
