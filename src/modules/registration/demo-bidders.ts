import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { DemoContext } from '../../platform/module.ts';
import { users } from '../accounts/accounts.schema.ts';
import { insertDemoVendor } from './demo.ts';
import { registrationEvents, vendors } from './registration.schema.ts';

/**
 * Verified demo vendors that bid in the evaluation demo (issue 12), beside registration's own DEMO_VENDORS (one per
 * registration state, of which only one is a clean verified vendor). Without registration documents: they exist to
 * bid. Demo data only.
 */
export const DEMO_BIDDERS = [
  {
    username: 'penyedia.bahari',
    company: 'Bahari Konstruksi Wawonii',
    form: 'CV',
    npwp: '071234567891000',
    pic: 'La Ode Hasan',
  },
  {
    username: 'penyedia.munse',
    company: 'Munse Karya Utama',
    form: 'CV',
    npwp: '082345678912000',
    pic: 'Wa Ode Rosmini',
  },
  {
    username: 'penyedia.lantagi',
    company: 'Lantagi Sarana Teknik',
    form: 'PT',
    npwp: '093456789123000',
    pic: 'Andi Syahrul',
  },
] as const;

/** Creates the demo bidders once (idempotent by username); returns their vendor ids by username. */
export async function loadDemoBidders(ctx: DemoContext): Promise<Record<string, string>> {
  const tx = ctx.tx;
  const now = ctx.clock.now();
  const out: Record<string, string> = {};
  for (const [i, v] of DEMO_BIDDERS.entries()) {
    const [existing] = await tx
      .select({ id: vendors.id })
      .from(vendors)
      .innerJoin(users, eq(users.id, vendors.userId))
      .where(eq(users.username, v.username));
    if (existing) {
      out[v.username] = existing.id;
      continue;
    }
    const { user, reg, vendor } = await insertDemoVendor(tx, now, {
      username: v.username,
      pic: v.pic,
      passwordHash: await ctx.passwordHash(v.username, 'PENYEDIA'),
      active: true,
      createdAt: now,
      registration: { status: 'approved', submittedAt: now, decidedAt: now },
      vendor: {
        name: v.company,
        businessForm: v.form,
        npwp: v.npwp,
        nib: `91299${String(i).padStart(8, '0')}`,
        address: `Jl. Pelabuhan Langara No. ${20 + i}`,
        verifiedAt: now,
      },
    });
    ctx.rememberUser(v.username, user.id);
    await tx
      .insert(registrationEvents)
      .values({ registrationId: reg.id, at: now, actorUserId: null, actorName: 'Demo', kind: 'approved', note: null });
    out[v.username] = vendor.id;
  }
  return out;
}

/** A demo vendor's ids by its user's username, for the demos that act as it (throws when the demo lacks it). */
export async function demoVendor(tx: Db, username: string): Promise<{ vendorId: string; userId: string }> {
  const [v] = await tx
    .select({ vendorId: vendors.id, userId: users.id })
    .from(vendors)
    .innerJoin(users, eq(users.id, vendors.userId))
    .where(eq(users.username, username));
  if (!v) throw new Error(`demo vendor ${username} missing`);
  return v;
}
