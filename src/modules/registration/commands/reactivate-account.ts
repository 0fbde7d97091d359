import type { Ctx } from '../../../platform/http/context.ts';
import { changeAccountStatus, type StatusChangeInput } from './deactivate-account.ts';

/** Switches a deactivated User ID back on, with the same reason, requester and reference as a deactivation (R35). */
export async function reactivateAccount(ctx: Ctx, input: StatusChangeInput) {
  return changeAccountStatus(ctx, input, 'reactivate');
}
