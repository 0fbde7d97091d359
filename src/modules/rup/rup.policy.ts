import { canForAgency } from '../../platform/auth/permissions.ts';
import { allow, type Decision, firstRefusal, type Policy, refuse } from '../../platform/auth/policy.ts';

/** The basis of a PA/KPA's duty to plan and announce the RUP (R10). */
export const RUP_BASIS = 'Perpres 16/2018 Pasal 9(1)b dan 10(2), jo. Perpres 12/2021';

export interface PlanRef {
  agencyId: string;
  status: 'draft' | 'announced' | 'revised' | 'cancelled' | 'withdrawn';
}

const inAgency: Policy<PlanRef> = (actor, plan) =>
  canForAgency(actor, 'rup:manage', plan.agencyId)
    ? allow()
    : refuse('RUP_OUTSIDE_AGENCY', 'rup.refused.agency', { basis: RUP_BASIS });

/** Public once announced (and kept public after a revision); drafts only to the agency's PA/KPA/PPK. */
export const canReadPlan: Policy<PlanRef> = (actor, plan) =>
  plan.status === 'announced' || plan.status === 'revised' || plan.status === 'cancelled'
    ? allow()
    : canForAgency(actor, 'rup:read', plan.agencyId)
      ? allow()
      : refuse('RUP_OUTSIDE_AGENCY', 'rup.refused.agency', { basis: RUP_BASIS });

/** Only the PA/KPA of the plan's own agency creates plans for it. */
export const canCreateFor: Policy<{ agencyId: string }> = (actor, r, now) =>
  inAgency(actor, { agencyId: r.agencyId, status: 'draft' }, now);

/** Edit, announce or withdraw: the agency's PA/KPA, and only while the plan is a draft. */
export const canChangeDraft: Policy<PlanRef> = (actor, plan, now) =>
  firstRefusal(
    () => inAgency(actor, plan, now),
    (): Decision => (plan.status === 'draft' ? allow() : refuse('RUP_NOT_DRAFT', 'rup.refused.notDraft')),
  );

/** Kaji ulang: the agency's PA/KPA, only for announced plans (a draft is simply edited). */
export const canRevise: Policy<PlanRef> = (actor, plan, now) =>
  firstRefusal(
    () => inAgency(actor, plan, now),
    (): Decision => (plan.status === 'announced' ? allow() : refuse('RUP_NOT_ANNOUNCED', 'rup.refused.notAnnounced')),
  );
