/**
 * Seeds the deadline-surge bench (bench/bids-surge.ts) into an embedded DATA_DIR that already holds `lpse demo`:
 * BENCH_BID_VENDORS vendors (users, approved registrations, vendors) joined to the demo tender in its upload stage
 * (kode <year>70001), each with an enrolled X25519 bid key (the bench never unlocks it, so the wrapping is a dummy)
 * and a session. Writes what the bench needs to seal and upload to the JSON file named by argv[2]:
 * the tender, k, the Pokja's public keys and, per vendor, its session token, vendor id and public key.
 */
import { writeFileSync } from 'node:fs';
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { eq } from 'drizzle-orm';
import { withDatabase } from '../src/cli/with-database.ts';
import { loadConfig } from '../src/config.ts';
import { userRoles, users } from '../src/modules/accounts/accounts.schema.ts';
import { defaultThreshold } from '../src/modules/bids/bids.repository.ts';
import { bidKeys, bidSettings } from '../src/modules/bids/bids.schema.ts';
import { fingerprint, PBKDF2_ITERATIONS, toB64 } from '../src/modules/bids/crypto/sealed.ts';
import { registrations, vendors } from '../src/modules/registration/registration.schema.ts';
import { tenderMembers, tenderParticipants, tenders } from '../src/modules/tenders/tenders.schema.ts';
import { createSession } from '../src/platform/auth/session.ts';
import { systemClock } from '../src/platform/clock.ts';

const N = Number(process.env.BENCH_BID_VENDORS ?? 300);
const out = process.argv[2];
if (!out) throw new Error('usage: seed-bids.ts <out.json>');
const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });

await withDatabase(loadConfig(process.env), async (database) => {
  const db = database.db;
  const kode = `${new Date().toISOString().slice(0, 4)}70001`;
  const [t] = await db.select().from(tenders).where(eq(tenders.kode, kode));
  if (!t) throw new Error(`demo tender ${kode} missing: run lpse demo first`);
  const members = await db
    .select({ userId: bidKeys.userId, publicKey: bidKeys.publicKey })
    .from(tenderMembers)
    .innerJoin(bidKeys, eq(bidKeys.userId, tenderMembers.userId))
    .where(eq(tenderMembers.tenderId, t.id));
  members.sort((a, b) => (a.userId < b.userId ? -1 : 1));
  const [setting] = await db.select().from(bidSettings).where(eq(bidSettings.tenderId, t.id));
  const now = systemClock.now();
  const seeded: { token: string; userId: string; vendorId: string; publicKey: string }[] = [];
  for (let i = 0; i < N; i++) {
    const username = `bench.penyedia${i}`;
    const [u] = await db
      .insert(users)
      .values({
        username,
        name: `Penyedia Bench ${i}`,
        email: `${username}@bench.id`,
        passwordHash: 'x',
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await db.insert(userRoles).values({ userId: u!.id, role: 'PENYEDIA', agencyId: null, createdAt: now });
    const [reg] = await db
      .insert(registrations)
      .values({
        number: `REG-BENCH-${String(i).padStart(6, '0')}`,
        kind: 'vendor',
        userId: u!.id,
        status: 'approved',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const [v] = await db
      .insert(vendors)
      .values({
        registrationId: reg!.id,
        userId: u!.id,
        name: `CV Bench ${i}`,
        npwp: `9${String(i).padStart(14, '0')}`,
        verifiedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await db
      .insert(tenderParticipants)
      .values({ tenderId: t.id, vendorId: v!.id, userId: u!.id, pakta: 'Pakta Integritas (bench)', joinedAt: now });
    const kp = await suite.kem.generateKeyPair();
    const pub = new Uint8Array(await suite.kem.serializePublicKey(kp.publicKey));
    const dummy = toB64(new Uint8Array(16));
    await db.insert(bidKeys).values({
      userId: u!.id,
      publicKey: toB64(pub),
      fingerprint: await fingerprint(pub),
      wrapped: {
        alg: 'PBKDF2-SHA256/AES-256-GCM',
        iterations: PBKDF2_ITERATIONS,
        salt: dummy,
        iv: dummy,
        ct: toB64(new Uint8Array(48)),
      },
      enrolledAt: now,
    });
    const { token } = await createSession(db, systemClock, u!.id, {});
    seeded.push({ token, userId: u!.id, vendorId: v!.id, publicKey: toB64(pub) });
  }
  writeFileSync(
    out,
    JSON.stringify({
      tenderId: t.id,
      kode,
      k: setting?.threshold ?? defaultThreshold(members.length),
      members,
      vendors: seeded,
    }),
  );
  console.log(`seeded ${N} bench vendors for tender ${kode}`);
});
