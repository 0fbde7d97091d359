import { eq } from 'drizzle-orm';
import type { Agent } from '../../test/agent.ts';
import { buildUser, type TestApp } from '../../test/harness.ts';
import { PDF, postMultipart } from '../../test/multipart.ts';
import { registrations, vendors } from '../registration/registration.schema.ts';
import { checklistFor } from '../sulap/checklist.ts';
import { buildSulapWorld, packageInReview, review, signIn } from '../sulap/sulap.test-support.ts';
import { tenderDocuments, tenders } from './tenders.schema.ts';

export const PUBLICATION_FORM = {
  bundleId: 'tender-pascakualifikasi-1-file',
  kualifikasiUsaha: 'kecil',
  jenisKontrak: 'harga_satuan',
  lokasi: 'Desa Lantagi',
  izinUsaha: 'NIB/SBU Pekerjaan Konstruksi',
  kbli: '42101',
  pengalaman: '',
  tenagaAhli: '',
  peralatan: '',
  startDate: '2026-03-02',
};

/** A SULAP world and a draft tender built from its completed package by the first Pokja member (not yet approved). */
export async function draftTender(t: TestApp) {
  const w = await buildSulapWorld(t);
  const r = await packageInReview(t, w);
  const members: Agent[] = [];
  for (const m of w.pokja.slice(0, 3)) {
    const a = await signIn(t, m.username);
    for (const c of checklistFor('pekerjaan_konstruksi', 'tender').filter((x) => x.mandatory)) {
      const res = await review(a, r.id, c.item, 'disetujui');
      if (res.statusCode !== 303) throw new Error(`review failed ${res.statusCode}`);
    }
    members.push(a);
  }
  const res = await members[0]!.post(`/kelola/tender/baru/${r.id}`, PUBLICATION_FORM);
  if (res.statusCode !== 303) throw new Error(`publication failed ${res.statusCode}: ${res.body.slice(0, 1000)}`);
  const tenderId = /\/kelola\/tender\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
  return { w, members, tenderId };
}

/** A member uploads a Dokumen Pemilihan to the draft (approval needs one). */
export async function uploadDokumenPemilihan(member: Agent, tenderId: string, name = 'dokumen-pemilihan.pdf') {
  await member.get(`/kelola/tender/${tenderId}`);
  const res = await postMultipart(member, `/kelola/tender/${tenderId}/dokumen`, {}, { berkas: { name, data: PDF } });
  if (res.statusCode !== 303) throw new Error(`document upload failed ${res.statusCode}: ${res.body.slice(0, 1000)}`);
}

/** Every member approves (after a Dokumen Pemilihan is uploaded, when none is yet): the tender is announced; returns its kode. */
export async function approveAll(t: TestApp, members: readonly Agent[], tenderId: string): Promise<string> {
  const [doc] = await t.db
    .select({ id: tenderDocuments.id })
    .from(tenderDocuments)
    .where(eq(tenderDocuments.tenderId, tenderId))
    .limit(1);
  if (!doc) await uploadDokumenPemilihan(members[0]!, tenderId);
  for (const m of members) {
    const res = await m.post(`/kelola/tender/${tenderId}/setujui`, {});
    if (res.statusCode !== 303) throw new Error(`approve failed ${res.statusCode}: ${res.body.slice(0, 1000)}`);
  }
  const [done] = await t.db.select().from(tenders).where(eq(tenders.id, tenderId));
  return done!.kode!;
}

let seq = 0;
/** A verified vendor (registration approved, vendor row), signed in. */
export async function verifiedVendor(t: TestApp, name: string) {
  const u = await buildUser(t, { roles: ['PENYEDIA'] });
  const now = t.clock.now();
  seq += 1;
  const [reg] = await t.db
    .insert(registrations)
    .values({
      number: `REG-2026-9${String(seq).padStart(5, '0')}`,
      kind: 'vendor',
      userId: u.id,
      status: 'approved',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [v] = await t.db
    .insert(vendors)
    .values({
      registrationId: reg!.id,
      userId: u.id,
      name,
      npwp: `9${String(seq).padStart(14, '3')}`,
      verifiedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { agent: await signIn(t, u.username), vendor: v!, username: u.username, email: u.email };
}
