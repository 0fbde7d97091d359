import { and, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/errors.ts';
import { regErrors } from './registration.errors.ts';
import type { VendorRow } from './registration.repository.ts';
import { registrations, vendors } from './registration.schema.ts';

/** The verified vendor whose User ID this is (its registration approved), or undefined. */
export async function verifiedVendorOfUser(db: Db, userId: string): Promise<VendorRow | undefined> {
  const [row] = await db
    .select({ v: vendors })
    .from(vendors)
    .innerJoin(registrations, eq(registrations.id, vendors.registrationId))
    .where(and(eq(vendors.userId, userId), eq(registrations.status, 'approved'), isNotNull(vendors.verifiedAt)));
  return row?.v;
}

/** A verified vendor by id (for public pages: nothing of a draft or rejected registration is shown). */
export async function findVerifiedVendor(db: Db, id: string): Promise<VendorRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select({ v: vendors })
    .from(vendors)
    .innerJoin(registrations, eq(registrations.id, vendors.registrationId))
    .where(and(eq(vendors.id, id), eq(registrations.status, 'approved'), isNotNull(vendors.verifiedAt)));
  return row?.v;
}

export type IdentityChange = Partial<Pick<VendorRow, 'name' | 'npwp' | 'picName' | 'picNik' | 'picPosition'>>;

/**
 * Writes identity data a Verifikator approved against the originals (the SIKaP change request), inside the caller's
 * transaction; the caller records the audit event. One NPWP registers once: a taken NPWP is refused.
 */
export async function applyVerifiedIdentityChange(tx: Db, at: Date, vendorId: string, change: IdentityChange) {
  if (change.npwp) {
    const [other] = await tx
      .select({ id: vendors.id })
      .from(vendors)
      .where(and(eq(vendors.npwp, change.npwp), ne(vendors.id, vendorId)));
    if (other) throw regErrors.npwpTaken();
  }
  await tx
    .update(vendors)
    .set({ ...change, updatedAt: at })
    .where(eq(vendors.id, vendorId));
}
