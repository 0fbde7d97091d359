import { and, eq } from 'drizzle-orm';
import { enforce, type Policy } from '../../../platform/auth/policy.ts';
import type { Db } from '../../../platform/db/database.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Ctx } from '../../../platform/http/context.ts';
import type { PackageRef } from '../sulap.policy.ts';
import { findPackageRef } from '../sulap.repository.ts';
import { sulapDocuments, sulapPackages } from '../sulap.schema.ts';

/** The package under a row lock (one change at a time), checked against the policy of the use case. */
export async function loadFor(tx: Db, ctx: Ctx, id: string, policy: Policy<PackageRef>) {
  await tx.select({ id: sulapPackages.id }).from(sulapPackages).where(eq(sulapPackages.id, id)).for('update');
  const pkg = await findPackageRef(tx, id);
  if (!pkg) throw notFound();
  enforce(policy(ctx.actor, pkg, ctx.clock.now()));
  return pkg;
}

export async function documentOf(tx: Db, packageId: string, itemKey: string) {
  const [doc] = await tx
    .select()
    .from(sulapDocuments)
    .where(and(eq(sulapDocuments.packageId, packageId), eq(sulapDocuments.itemKey, itemKey)));
  if (!doc) throw notFound();
  return doc;
}
