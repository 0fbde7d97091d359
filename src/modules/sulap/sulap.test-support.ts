import type { Role } from '../../platform/auth/roles.ts';
import { Agent } from '../../test/agent.ts';
import { buildAgency, buildUser, type TestApp } from '../../test/harness.ts';
import { PDF, postMultipart } from '../../test/multipart.ts';
import { announce, buildAgencyWithPa, createDraft } from '../rup/rup.test-support.ts';
import { checklistFor } from './checklist.ts';
import { sulapDraftTenders, sulapPackages } from './sulap.schema.ts';

let logins = 0;
/** Signs in from an address of its own: POST /masuk is rate-limited per address, and these tests sign in often. */
export async function signIn(t: TestApp, username: string) {
  logins += 1;
  const a = new Agent(t.app, { ip: `10.77.${(logins >> 8) & 255}.${logins & 255}` });
  await a.login(username);
  return a;
}

/**
 * A whole SULAP world: an OPD with its PA and PPK, a UKPBJ (SETDA-like agency) with its Kepala and five Pokja members,
 * and `plans` announced RUP plans of the OPD (konstruksi, tender, Rp 1.250.000.000 each).
 */
export async function buildSulapWorld(
  t: TestApp,
  opts: { plans?: number; planOverrides?: Record<string, string> } = {},
) {
  const { agency, pa, ppk } = await buildAgencyWithPa(t);
  const ukpbj = await buildAgency(t, { name: 'Bagian PBJ Uji' });
  const kepala = await buildUser(t, { roles: ['KEPALA_ULP'], agencyId: ukpbj.id });
  const pokja = [];
  for (let i = 0; i < 5; i++) pokja.push(await buildUser(t, { roles: ['POKJA'], agencyId: ukpbj.id }));
  const paAgent = await signIn(t, pa.username);
  const kodes: number[] = [];
  for (let i = 0; i < (opts.plans ?? 1); i++) {
    const kode = await createDraft(paAgent, agency.id, { namaPaket: `Jalan Uji ${i}`, ...opts.planOverrides });
    await announce(paAgent, kode);
    kodes.push(kode);
  }
  return { agency, pa, ppk, ukpbj, kepala, pokja, kodes };
}

export type SulapWorld = Awaited<ReturnType<typeof buildSulapWorld>>;

/** The new-package form as a browser posts it: two HPS lines, Rp 1.000.000.000 + Rp 12.500.000 (12,5 × 1.000.000). */
export function packageForm(kodes: number[], overrides: Record<string, string> = {}) {
  return {
    namaPaket: 'Paket Jalan Lantagi',
    rup: kodes.map(String),
    i0_uraian: 'Pekerjaan aspal',
    i0_volume: '1',
    i0_satuan: 'ls',
    i0_harga: '1.000.000.000',
    i1_uraian: 'Galian tanah',
    i1_volume: '12,5',
    i1_satuan: 'm3',
    i1_harga: '1.000.000',
    ...overrides,
  };
}

/** Posts the form (repeated `rup` fields) and returns the package id from the redirect. */
export async function createPackageVia(agent: Agent, kodes: number[], overrides: Record<string, string> = {}) {
  await agent.get('/sulap/baru');
  const res = await postForm(agent, '/sulap/baru', packageForm(kodes, overrides));
  if (res.statusCode !== 303) throw new Error(`create failed ${res.statusCode}: ${res.body.slice(0, 3000)}`);
  return /\/sulap\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
}

/** A urlencoded post where a field may repeat (checkboxes). */
export function postForm(agent: Agent, url: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  if (agent.csrf) body.set('_csrf', agent.csrf);
  return agent.request({
    method: 'POST',
    url,
    payload: body.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

export async function upload(agent: Agent, packageId: string, item: string, note?: string, name = `${item}.pdf`) {
  await agent.get(`/sulap/${packageId}`);
  return postMultipart(agent, `/sulap/${packageId}/dokumen/${item}`, note ? { [`jawaban_${item}`]: note } : {}, {
    [`berkas_${item}`]: { name, data: PDF },
  });
}

/** Uploads every mandatory item of the checklist. */
export async function uploadMandatory(
  agent: Agent,
  packageId: string,
  jenis = 'pekerjaan_konstruksi',
  metode = 'tender',
) {
  for (const c of checklistFor(jenis, metode).filter((x) => x.mandatory)) {
    const r = await upload(agent, packageId, c.item);
    if (r.statusCode !== 303) throw new Error(`upload ${c.item} failed ${r.statusCode}: ${r.body.slice(0, 2000)}`);
  }
}

export async function submit(agent: Agent, packageId: string, ukpbjAgencyId: string) {
  await agent.get(`/sulap/${packageId}`);
  return agent.post(`/sulap/${packageId}/ajukan`, { ukpbjAgencyId });
}

export async function assign(agent: Agent, packageId: string, memberIds: string[]) {
  await agent.get(`/sulap/${packageId}`);
  const fields: Record<string, string> = { kind: 'pokja', skNumber: '027/15/PBJ/2026', skDate: '2026-03-02' };
  memberIds.forEach((id, i) => {
    fields[`anggota${i + 1}`] = id;
  });
  return agent.post(`/sulap/${packageId}/penugasan`, fields);
}

export async function review(agent: Agent, packageId: string, item: string, decision: string, note = '') {
  await agent.get(`/sulap/${packageId}`);
  return agent.post(`/sulap/${packageId}/dokumen/${item}/reviu`, {
    [`keputusan_${item}`]: decision,
    [`catatan_${item}`]: note,
  });
}

/** A package submitted and assigned to the first three Pokja members: the review can start. */
export async function packageInReview(t: TestApp, w: SulapWorld) {
  const ppkAgent = await signIn(t, w.ppk.username);
  const id = await createPackageVia(ppkAgent, w.kodes);
  await uploadMandatory(ppkAgent, id);
  const s = await submit(ppkAgent, id, w.ukpbj.id);
  if (s.statusCode !== 303) throw new Error(`submit failed ${s.statusCode}: ${s.body.slice(0, 2000)}`);
  const kepalaAgent = await signIn(t, w.kepala.username);
  const a = await assign(
    kepalaAgent,
    id,
    w.pokja.slice(0, 3).map((u) => u.id),
  );
  if (a.statusCode !== 303) throw new Error(`assign failed ${a.statusCode}: ${a.body.slice(0, 3000)}`);
  return { id, ppkAgent, kepalaAgent };
}

export const allRolesUser = (t: TestApp, role: Role, agencyId: string | null) =>
  buildUser(t, { roles: [role], agencyId });

/**
 * A SULAP package handed over (kolektif kolegial) and its draft tender, written straight to the tables: for tests of
 * what comes after (a tender's PPK, its contract), whose SULAP path is this module's own test.
 */
export async function insertHandedOverPackage(
  t: TestApp,
  opts: {
    agencyId: string;
    ukpbjAgencyId?: string;
    ppkUserId: string;
    namaPaket: string;
    jenis?: string;
    pagu: bigint;
    hps: bigint;
  },
) {
  const now = t.clock.now();
  const [pkg] = await t.db
    .insert(sulapPackages)
    .values({
      agencyId: opts.agencyId,
      ukpbjAgencyId: opts.ukpbjAgencyId,
      ppkUserId: opts.ppkUserId,
      namaPaket: opts.namaPaket,
      jenis: opts.jenis ?? 'pekerjaan_konstruksi',
      metode: 'tender',
      tahunAnggaran: 2026,
      pagu: opts.pagu,
      hps: opts.hps,
      status: 'kolektif_kolegial',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [draft] = await t.db
    .insert(sulapDraftTenders)
    .values({ packageId: pkg!.id, pagu: opts.pagu, hps: opts.hps, createdAt: now })
    .returning();
  return { pkg: pkg!, draft: draft! };
}
