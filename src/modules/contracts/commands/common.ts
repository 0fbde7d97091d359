import { eq } from 'drizzle-orm';
import { assertCan } from '../../../platform/auth/permissions.ts';
import { enforce } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, type ErrorParams, isUuid, notFound } from '../../../platform/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import { formatRupiah } from '../../../platform/i18n/i18n.ts';
import type { MessageKey } from '../../../registry.ts';
import { canManage } from '../contracts.policy.ts';
import { type ContractCase, loadCase } from '../contracts.repository.ts';
import { contractAwards } from '../contracts.schema.ts';

/** Every refusal code of the module; each has its sentence `contracts.error.<CODE>` in both catalogues. */
export type ContractRefusal =
  | 'AWARD_TENDER_NOT_FOUND'
  | 'AWARD_TENDER_CLOSED'
  | 'AWARD_TENDER_NO_HPS'
  | 'AWARD_VENDOR_NOT_FOUND'
  | 'AWARD_INVALID_PRICE'
  | 'AWARD_ABOVE_HPS'
  | 'AWARD_NEGOTIATION_ABOVE_CORRECTED'
  | 'AWARD_ACTIVE_EXISTS'
  | 'AWARD_NOT_ACTIVE'
  | 'SPPBJ_EXISTS'
  | 'SPPBJ_NUMBER_TAKEN'
  | 'SPPBJ_DATE_BEFORE_AWARD'
  | 'SPPBJ_VALUE_MISMATCH'
  | 'SPPBJ_JAMINAN_REQUIRED'
  | 'SPPBJ_JAMINAN_TOO_LOW'
  | 'SPPBJ_JAMINAN_INCOMPLETE'
  | 'SPPBJ_JAMINAN_EXPIRES_EARLY'
  | 'SPPBJ_NOT_AWAITING'
  | 'SPPBJ_REFUSAL_REASON_REQUIRED'
  | 'CONTRACT_SPPBJ_NOT_ACCEPTED'
  | 'CONTRACT_EXISTS'
  | 'CONTRACT_NUMBER_TAKEN'
  | 'CONTRACT_ABOVE_PAGU'
  | 'CONTRACT_ABOVE_HPS'
  | 'CONTRACT_VALUE_MISMATCH'
  | 'CONTRACT_DATE_BEFORE_SPPBJ'
  | 'CONTRACT_PERIOD_INVALID'
  | 'CONTRACT_NOT_SIGNED'
  | 'CONTRACT_COMPLETED'
  | 'ADDENDUM_NO_CHANGE'
  | 'ADDENDUM_DATE_ORDER'
  | 'ADDENDUM_ABOVE_PAGU'
  | 'ADDENDUM_BELOW_PAID'
  | 'ADDENDUM_REASON_10_PERCENT'
  | 'ADDENDUM_REASON_10_PERCENT_SAME'
  | 'SPMK_EXISTS'
  | 'SPMK_DATE_ORDER'
  | 'SPMK_START_OUTSIDE_PERIOD'
  | 'BAP_SPMK_REQUIRED'
  | 'BAP_DATE_ORDER'
  | 'BAP_FISIK_DECREASING'
  | 'BAP_ABOVE_CONTRACT'
  | 'BAST_EXISTS'
  | 'BAST_PROGRESS_INCOMPLETE'
  | 'BAST_DATE_ORDER'
  | 'FHO_NOT_CONSTRUCTION'
  | 'FHO_NOT_AWAITING'
  | 'FHO_DATE_ORDER'
  | 'RATING_BEFORE_BAST'
  | 'RATING_EXISTS'
  | 'CONTRACT_TERMINATED'
  | 'TERMINATION_NOT_RUNNING'
  | 'TERMINATION_DATE_ORDER'
  | 'TERMINATION_REASON_REQUIRED';

/** A refusal with its stable code, 409 (the request is well-formed; the contract's state or rules refuse it). */
export function refusal(code: ContractRefusal, opts: { field?: string; params?: ErrorParams; status?: number } = {}) {
  return new AppError(code, opts.status ?? 409, `contracts.error.${code}` as MessageKey, opts.params ?? {}, {
    field: opts.field,
  });
}

export const rp = (v: bigint) => formatRupiah(v);

/** The calendar day in WITA (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export const witaDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The case for its PPK, inside the transaction: the permission, then the award row locked (two PPK tabs cannot both
 * add the "next" BAP), then the policy (the PPK of this package in its agency). Not found for an unknown id.
 */
export async function caseForPpk(tx: Db, ctx: Ctx, awardId: string) {
  assertCan(ctx.actor, 'contracts:manage');
  if (!isUuid(awardId)) throw notFound('contracts.error.notFound');
  await tx.select({ id: contractAwards.id }).from(contractAwards).where(eq(contractAwards.id, awardId)).for('update');
  const c = await loadCase(tx, awardId);
  if (!c) throw notFound('contracts.error.notFound');
  enforce(canManage(ctx.actor, c.award));
  return c;
}

/** The signed contract of a case. */
export function signedContract(c: ContractCase) {
  if (!c.contract) throw refusal('CONTRACT_NOT_SIGNED');
  return c.contract;
}

/** The vendor name for audit payloads. */
export const vendorLabel = (c: { vendorName: string }) => c.vendorName;
