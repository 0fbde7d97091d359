import { sql } from 'drizzle-orm';
import { Agent } from '../../test/agent.ts';
import { buildAgency, buildUser, type TestApp } from '../../test/harness.ts';
import { invalidatePublicRup } from './public-cache.ts';

/** An agency with its PA and its PPK, both signed in as agents when asked. */
export async function buildAgencyWithPa(t: TestApp, opts: { code?: string; name?: string } = {}) {
  const agency = await buildAgency(t, {
    ...(opts.code ? { code: opts.code } : {}),
    ...(opts.name ? { name: opts.name } : {}),
  });
  const pa = await buildUser(t, { roles: ['PA'], agencyId: agency.id });
  const ppk = await buildUser(t, { roles: ['PPK'], agencyId: agency.id });
  return { agency, pa, ppk };
}

export async function signIn(t: TestApp, username: string) {
  const a = new Agent(t.app);
  await a.login(username);
  return a;
}

/** The plan form as a browser posts it: two budget lines adding up to Rp 1.250.000.000, Tender, konstruksi. */
export function planForm(agencyId: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    agencyId,
    namaPaket: 'Peningkatan Jalan Desa Lantagi',
    tahunAnggaran: '2026',
    pagu: '1.250.000.000',
    sumberDana: 'APBD',
    tipe: 'penyedia',
    jenis: 'pekerjaan_konstruksi',
    metode: 'tender',
    statusPdn: '1',
    statusUkm: '1',
    bulanPemilihan: '2026-03',
    bulanKontrak: '2026-05',
    bulanPemanfaatan: '2026-12',
    lokasi: 'Desa Lantagi',
    l0_program: '1.03.10',
    l0_kegiatan: '1.03.10.2.01',
    l0_sub: '1.03.10.2.01.0007',
    l0_mak: '5.2.04.01.01.0003',
    l0_pagu: '1.000.000.000',
    l1_program: '1.03.10',
    l1_kegiatan: '1.03.10.2.01',
    l1_sub: '1.03.10.2.01.0008',
    l1_mak: '5.2.04.01.01.0004',
    l1_pagu: '250.000.000',
    ...overrides,
  };
}

/** Creates a draft through the form and returns its kode (from the redirect). */
export async function createDraft(agent: Agent, agencyId: string, overrides: Record<string, string> = {}) {
  await agent.get('/kelola/rup/baru');
  const res = await agent.post('/kelola/rup/baru', planForm(agencyId, overrides));
  if (res.statusCode !== 303) throw new Error(`create failed ${res.statusCode}: ${res.body.slice(0, 3000)}`);
  const kode = Number(/\/kelola\/rup\/(\d+)/.exec(String(res.headers.location))![1]);
  return kode;
}

export async function announce(agent: Agent, kode: number) {
  await agent.get(`/kelola/rup/${kode}`);
  const res = await agent.post(`/kelola/rup/${kode}/umumkan`, {});
  if (res.statusCode !== 303) throw new Error(`announce failed ${res.statusCode}: ${res.body.slice(0, 3000)}`);
}

/**
 * Bulk-inserts `n` announced plans by SQL (one statement, generate_series), spread over the given agencies, years,
 * methods and pagu: for tests and the bench that need a full database.
 */
export async function bulkInsertPlans(t: Pick<TestApp, 'db'>, agencyIds: string[], n: number) {
  const ids = sql.raw(`array[${agencyIds.map((id) => `'${id}'::uuid`).join(',')}]`);
  await t.db.execute(sql`
    insert into rup_plans (agency_id, satker_nama, tipe, tahun_anggaran, nama_paket, pagu, sumber_dana, metode, jenis,
                           status, announced_at, created_at, updated_at)
    select (${ids})[1 + (g % ${agencyIds.length})], 'Satker uji', 'penyedia', 2025 + (g % 2),
           'Paket massal ' || g, (250000000 + (g % 50) * 10000000)::bigint, 'APBD',
           (array['tender','tender_cepat','e_purchasing'])[1 + (g % 3)], 'barang',
           'announced', now(), now(), now()
    from generate_series(1, ${n}) as g`);
  await t.db.execute(sql`
    insert into rup_budget_lines (plan_id, position, kode_program, kode_kegiatan, kode_sub_kegiatan, mak, sumber_dana, pagu)
    select id, 1, '1.01.01', '1.01.01.2.01', '1.01.01.2.01.0001', '5.2.02.01.01.0001', 'APBD', pagu
    from rup_plans where nama_paket like 'Paket massal %'`);
  // Written by SQL, not through the commands: clear the public page's cache as they would.
  invalidatePublicRup();
}
