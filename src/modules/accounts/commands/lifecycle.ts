import { eq } from 'drizzle-orm';
import { isRole, separationOfDutiesConflict } from '../../../platform/auth/roles.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Locale } from '../../../platform/i18n/i18n.ts';
import { userRoles, users } from '../accounts.schema.ts';

/**
 * The user lifecycle belongs to accounts: other modules (registration) create, activate, deactivate and rename
 * accounts only through these, inside their own transaction, and never write the accounts tables themselves.
 * The caller has checked the permission and writes the audit event of its own use case.
 */

/** An applicant's account: it exists (so the applicant can resume) but cannot sign in until it is verified. */
export async function createPendingAccount(
  tx: Db,
  at: Date,
  input: { username: string; name: string; email: string; passwordHash: string; locale: Locale },
) {
  const [user] = await tx
    .insert(users)
    .values({ ...input, status: 'pending', createdAt: at, updatedAt: at })
    .returning();
  return user!;
}

/** Verification done: a pending account becomes active; officials' NIP and position come from the registration. */
export async function activateAccount(
  tx: Db,
  at: Date,
  userId: string,
  official?: { nip: string | null; position: string | null },
) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (!user) return undefined;
  await tx
    .update(users)
    .set({
      status: user.status === 'pending' ? 'active' : user.status,
      ...(official ? { nip: official.nip ?? user.nip, position: official.position ?? user.position } : {}),
      updatedAt: at,
    })
    .where(eq(users.id, userId));
  return { wasPending: user.status === 'pending' };
}

/** Switches an account off or on (R35); sessions of a non-active account stop loading at once. */
export async function setAccountActive(tx: Db, at: Date, userId: string, active: boolean) {
  await tx
    .update(users)
    .set({ status: active ? 'active' : 'inactive', updatedAt: at })
    .where(eq(users.id, userId));
}

/** The person's name as the registration states it (the vendor's responsible person). */
export async function renameAccount(tx: Db, at: Date, userId: string, name: string) {
  await tx.update(users).set({ name, updatedAt: at }).where(eq(users.id, userId));
}

/**
 * The vendor role of a verified vendor. PENYEDIA conflicts with no other role under Pasal 13(3) and acts for no agency,
 * so it needs none of grantRoleTx's checks; the demo and data imports use it.
 */
export async function grantVendorRole(tx: Db, at: Date, userId: string) {
  await tx.insert(userRoles).values({ userId, role: 'PENYEDIA', createdAt: at }).onConflictDoNothing();
}

/**
 * A procurement official's role in an agency (PPK, Kepala UKPBJ, Pokja, Pejabat Pengadaan) for the demo and data
 * imports. These roles need no second approval; Pasal 13(3) still applies: refused for a member of the LPSE team.
 */
export async function grantOfficialRole(
  tx: Db,
  at: Date,
  input: { userId: string; role: 'PPK' | 'KEPALA_ULP' | 'POKJA' | 'PEJABAT_PENGADAAN'; agencyId: string },
) {
  const held = await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, input.userId));
  const conflict = separationOfDutiesConflict(held.map((h) => h.role).filter(isRole), input.role);
  if (conflict) throw new Error(`Pasal 13(3): ${input.role} conflicts with ${conflict}`);
  await tx
    .insert(userRoles)
    .values({ userId: input.userId, role: input.role, agencyId: input.agencyId, createdAt: at })
    .onConflictDoNothing();
}
