import type { Db } from '../../platform/db/database.ts';
import { findUserById } from '../accounts/index.ts';
import { activeBlacklist, findRegistration, findVendor } from './registration.repository.ts';

export type Eligibility =
  | { eligible: true }
  | { eligible: false; reason: 'VENDOR_UNKNOWN' | 'NOT_VERIFIED' | 'ACCOUNT_INACTIVE' }
  | { eligible: false; reason: 'BLACKLISTED'; skNumber: string; until: string; offence: string };

/** The calendar day in WITA: a blacklist period is given in whole days of the regency's zone. */
export const witaDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar' }).format(at);

/**
 * The one check the tender module calls before a vendor joins or bids (R35): verified, account active, and not on
 * the blacklist at `at`. It says why not, so the refusal can be explained to the vendor.
 */
export async function isEligibleToBid(db: Db, vendorId: string, at: Date): Promise<Eligibility> {
  const vendor = await findVendor(db, vendorId);
  if (!vendor) return { eligible: false, reason: 'VENDOR_UNKNOWN' };
  const reg = await findRegistration(db, vendor.registrationId);
  if (reg?.status !== 'approved' || !vendor.verifiedAt) return { eligible: false, reason: 'NOT_VERIFIED' };
  const user = await findUserById(db, vendor.userId);
  if (user?.status !== 'active') return { eligible: false, reason: 'ACCOUNT_INACTIVE' };
  const [entry] = await activeBlacklist(db, witaDay(at), vendor.id);
  if (entry)
    return {
      eligible: false,
      reason: 'BLACKLISTED',
      skNumber: entry.skNumber,
      until: entry.endsOn,
      offence: entry.offence,
    };
  return { eligible: true };
}
