import { type Actor, canForAgency } from '../../platform/auth/permissions.ts';
import { allow, type Decision, refuse } from '../../platform/auth/policy.ts';

/** Perpres 16/2018 jo. 12/2021 Pasal 11: the PPK of the package signs, manages and closes its contract. */
export const PPK_BASIS = 'Perpres 16/2018 jo. 12/2021 Pasal 11 ayat 1 (tugas PPK)';

export interface CaseRef {
  agencyId: string;
  /** The package's PPK; null for a tender made without SULAP (then any PPK of the agency). */
  ppkUserId: string | null;
}

/** The PPK of this package, holding PPK in the package's agency (the role alone, or another agency's, is not enough). */
export const isCasePpk = (actor: Actor | null, r: CaseRef) =>
  !!actor && canForAgency(actor, 'contracts:manage', r.agencyId) && (!r.ppkUserId || r.ppkUserId === actor.userId);

export function canManage(actor: Actor | null, r: CaseRef): Decision {
  return isCasePpk(actor, r) ? allow() : refuse('CONTRACT_NOT_PPK', 'contracts.refused.notPpk', { basis: PPK_BASIS });
}
