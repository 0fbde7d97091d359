import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Config } from '../config.ts';
import { userRoles, users } from '../modules/accounts/accounts.schema.ts';
import { findAgencyByCode } from '../modules/organisation/index.ts';
import { agencies, lpseDecrees } from '../modules/organisation/organisation.schema.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import type { Role } from '../platform/auth/roles.ts';
import { hashPassword } from '../platform/auth/tokens.ts';
import { systemClock } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import { LocalBlobStore } from '../platform/files/blob-store.ts';
import { openKeyring } from '../platform/files/keyring.ts';
import type { DemoContext } from '../platform/module.ts';
import { registry } from '../registry.ts';

/** OPDs of Kabupaten Konawe Kepulauan (Perda on the regency's apparatus), plus a BUMD served by the LPSE. */
export const DEMO_AGENCIES = [
  { code: 'SETDA', name: 'Sekretariat Daerah Kabupaten Konawe Kepulauan', kind: 'OPD' },
  { code: 'DISDIK', name: 'Dinas Pendidikan dan Kebudayaan', kind: 'OPD' },
  { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'OPD' },
  { code: 'PUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', kind: 'OPD' },
  { code: 'DISHUB', name: 'Dinas Perhubungan', kind: 'OPD' },
  { code: 'DKP', name: 'Dinas Kelautan dan Perikanan', kind: 'OPD' },
  { code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah', kind: 'OPD' },
  { code: 'BPKAD', name: 'Badan Pengelolaan Keuangan dan Aset Daerah', kind: 'OPD' },
  { code: 'RSUD', name: 'Rumah Sakit Umum Daerah Konawe Kepulauan', kind: 'OPD' },
  { code: 'PDAM', name: 'Perumda Air Minum Konawe Kepulauan', kind: 'BUMD' },
] as const;

/** One person per role, so a newcomer can sign in as each and see what that role sees. */
export const DEMO_PEOPLE: { username: string; name: string; role: Role; agency?: string; position: string }[] = [
  { username: 'kepala.lpse', name: 'Hasanuddin Lakoro', role: 'KEPALA_LPSE', position: 'Kepala LPSE' },
  { username: 'sekretariat', name: 'Wa Ode Nurhaya', role: 'SEKRETARIAT', position: 'Sekretaris LPSE' },
  { username: 'admin.sistem', name: 'Rahmat Saleh', role: 'ADMIN_SISTEM', position: 'Admin Sistem' },
  { username: 'verifikator', name: 'Sitti Aminah', role: 'VERIFIKATOR', position: 'Verifikator' },
  { username: 'helpdesk', name: 'La Ode Amran', role: 'HELPDESK', position: 'Petugas Helpdesk' },
  { username: 'pa.pupr', name: 'Ir. Muh. Yusuf', role: 'PA', agency: 'PUPR', position: 'Kepala Dinas PUPR' },
  {
    username: 'kpa.dinkes',
    name: 'dr. Nur Asia',
    role: 'KPA',
    agency: 'DINKES',
    position: 'Sekretaris Dinas Kesehatan',
  },
  { username: 'ppk.pupr', name: 'Andi Baso', role: 'PPK', agency: 'PUPR', position: 'PPK Bidang Bina Marga' },
  { username: 'kepala.ulp', name: 'Syamsul Bahri', role: 'KEPALA_ULP', agency: 'SETDA', position: 'Kepala Bagian PBJ' },
  { username: 'pokja1', name: 'Irwan Tamrin', role: 'POKJA', agency: 'SETDA', position: 'Anggota Pokja Pemilihan' },
  {
    username: 'pp.disdik',
    name: 'Marlina',
    role: 'PEJABAT_PENGADAAN',
    agency: 'DISDIK',
    position: 'Pejabat Pengadaan',
  },
  { username: 'auditor', name: 'Abdul Rahman', role: 'AUDITOR', agency: 'SETDA', position: 'Auditor Inspektorat' },
  { username: 'bupati', name: 'Bupati Konawe Kepulauan', role: 'BUPATI', position: 'Bupati' },
];

const demoPassword = () => `${randomBytes(9).toString('base64url')}-${randomBytes(3).toString('hex')}`;

/**
 * Loads the demo: agencies, the Tim LPSE decree, one user per role. Passwords are random, printed once, and never
 * stored anywhere but as argon2id hashes. Safe to run twice: existing rows are left alone.
 */
export async function loadDemoData(db: Db, config: Config): Promise<void> {
  if (await findAgencyByCode(db, 'PUPR')) {
    console.log('Data demo sudah dimuat sebelumnya; tidak ada yang diubah.');
    return;
  }
  const clock = systemClock;
  const credentials: { username: string; password: string; role: string }[] = [];
  const hashed = await Promise.all(
    DEMO_PEOPLE.map(async (person) => {
      const password = demoPassword();
      credentials.push({ username: person.username, password, role: person.role });
      return { person, hash: await hashPassword(password) };
    }),
  );
  const files = new LocalBlobStore(path.join(config.dataDir, 'files'), await openKeyring(config.masterKeyFile, db));
  await db.transaction(async (tx) => {
    const now = clock.now();
    const audit = { clock, config, requestId: null, actor: { userId: null, name: 'demo', role: null } };
    const ids = new Map<string, string>();
    const userIds = new Map<string, string>();
    for (const a of DEMO_AGENCIES) {
      const [row] = await tx
        .insert(agencies)
        .values({ ...a, createdAt: now })
        .returning();
      ids.set(a.code, row!.id);
    }
    const [decree] = await tx
      .insert(lpseDecrees)
      .values({ number: '188.45/123/2026', decreeDate: '2026-01-05', createdAt: now })
      .returning();
    for (const { person, hash } of hashed) {
      const [user] = await tx
        .insert(users)
        .values({
          username: person.username,
          name: person.name,
          email: `${person.username}@demo.konkepkab.go.id`,
          position: person.position,
          passwordHash: hash,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      userIds.set(person.username, user!.id);
      const lpse = ['KEPALA_LPSE', 'SEKRETARIAT', 'ADMIN_SISTEM', 'VERIFIKATOR', 'HELPDESK'].includes(person.role);
      await tx.insert(userRoles).values({
        userId: user!.id,
        role: person.role,
        agencyId: person.agency ? ids.get(person.agency)! : null,
        decreeId: lpse ? decree!.id : null,
        createdAt: now,
      });
    }
    // Then every module's own demo, in the order of the module list (module contract).
    const demo: DemoContext = {
      tx,
      clock,
      config,
      files,
      audit,
      agencyId: (code) => {
        const id = ids.get(code);
        if (!id) throw new Error(`demo agency ${code} is not loaded`);
        return id;
      },
      userId: (username) => {
        const id = userIds.get(username);
        if (!id) throw new Error(`demo user ${username} is not loaded`);
        return id;
      },
      rememberUser: (username, id) => userIds.set(username, id),
      passwordHash: async (username, role) => {
        const password = demoPassword();
        credentials.push({ username, password, role });
        return hashPassword(password);
      },
    };
    for (const m of registry().modules) if (m.demo) await m.demo(demo);
    await recordAudit(tx, audit, {
      action: 'demo.loaded',
      objectType: 'system',
      summary: { agencies: DEMO_AGENCIES.length, users: userIds.size },
    });
  });
  console.log(
    `Data demo dimuat. Masuk di ${config.baseUrl}/masuk dengan salah satu akun ini (kata sandi hanya dicetak sekali):\n`,
  );
  for (const c of credentials) console.log(`  ${c.role.padEnd(18)} ${c.username.padEnd(14)} ${c.password}`);
  console.log('');
}
