import { Agent } from '../../test/agent.ts';
import { buildAgency, buildUser, type TestApp } from '../../test/harness.ts';
import { registrations, vendors } from '../registration/registration.schema.ts';
import { tenderMembers, tenderParticipants, tenderSchedule, tenders } from '../tenders/tenders.schema.ts';
import { concat, enrolKey, type FileKind, fromB64, seal, toB64, unlockKey, utf8 } from './crypto/sealed.ts';

/**
 * Test world for sealed bids, built straight in the database (the tender engine's own tests cover how a tender gets
 * announced): one announced tender whose upload stage is open now and ends in a day, three Pokja members and vendors
 * that joined it. Keys are enrolled through the API, as a browser would.
 */
let seq = 0;
let ip = 0;

export const passOf = (username: string) => `frasa sandi panjang ${username}`;

export async function signedIn(t: TestApp, username: string) {
  ip += 1;
  const a = new Agent(t.app, { ip: `10.88.${(ip >> 8) & 255}.${ip & 255}` });
  await a.login(username);
  return a;
}

export interface Person {
  id: string;
  username: string;
  agent: Agent;
  vendorId?: string;
  vendorName?: string;
}

/** Enrols a key through the API (the browser's job) and returns the unlocked private key for the test's use. */
export async function enrol(_t: TestApp, p: Person) {
  const k = await enrolKey(p.id, passOf(p.username));
  await p.agent.get('/kunci-penawaran');
  const res = await p.agent.api('POST', '/api/v1/kunci-penawaran', {
    publicKey: toB64(k.publicKey),
    fingerprint: k.fingerprint,
    wrapped: k.wrapped,
  });
  if (res.statusCode !== 200) throw new Error(`enrol: ${res.statusCode} ${res.body}`);
  return { ...k, priv: await unlockKey(p.id, k.fingerprint, k.wrapped, passOf(p.username)) };
}

/**
 * `official: 'PEJABAT_PENGADAAN'` builds a Pengadaan Langsung instead: its members are Pejabat Pengadaan of the
 * package's agency (one, unless `members` says otherwise).
 */
export async function buildBidWorld(
  t: TestApp,
  opts: {
    members?: number;
    vendors?: number;
    official?: 'POKJA' | 'PEJABAT_PENGADAAN';
    /** A Pokja tender's method (default the 1-file pascakualifikasi); a 2-file one takes File I and File II. */
    bundleId?: string;
  } = {},
) {
  const now = t.clock.now();
  const agency = await buildAgency(t);
  const pl = opts.official === 'PEJABAT_PENGADAAN';
  const members: Person[] = [];
  for (let i = 0; i < (opts.members ?? (pl ? 1 : 3)); i++) {
    const u = await buildUser(t, { roles: [pl ? 'PEJABAT_PENGADAAN' : 'POKJA'], agencyId: agency.id });
    members.push({ id: u.id, username: u.username, agent: await signedIn(t, u.username) });
  }
  seq += 1;
  const kode = `${90000 + seq}2026`;
  const [tender] = await t.db
    .insert(tenders)
    .values({
      kode,
      nama: `${pl ? 'Pengadaan Buku Uji' : 'Pembangunan Jalan Uji'} ${seq}`,
      bundleId: pl ? 'pengadaan-langsung' : (opts.bundleId ?? 'tender-pascakualifikasi-1-file'),
      bundleVersion: '2021.1',
      status: 'berlangsung',
      agencyId: agency.id,
      ukpbjAgencyId: agency.id,
      createdAt: now,
      announcedAt: new Date(now.getTime() - 5 * 86400_000),
    })
    .returning();
  const day = 86400_000;
  const deadline = new Date(now.getTime() + day);
  await t.db.insert(tenderSchedule).values([
    {
      tenderId: tender!.id,
      stage: 'upload_dokumen_penawaran',
      ord: 3,
      startsAt: new Date(now.getTime() - day),
      endsAt: deadline,
    },
    {
      tenderId: tender!.id,
      stage: 'pembukaan_dokumen_penawaran',
      ord: 4,
      startsAt: deadline,
      endsAt: new Date(deadline.getTime() + 2 * 3600_000),
    },
  ]);
  for (const m of members)
    await t.db.insert(tenderMembers).values({ tenderId: tender!.id, userId: m.id, approvedAt: now });
  const bidders: Person[] = [];
  for (let i = 0; i < (opts.vendors ?? 2); i++) {
    const u = await buildUser(t, { roles: ['PENYEDIA'] });
    seq += 1;
    const [reg] = await t.db
      .insert(registrations)
      .values({
        number: `REG-2026-B${String(seq).padStart(5, '0')}`,
        kind: 'vendor',
        userId: u.id,
        status: 'approved',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const name = `CV Penyedia Uji ${seq}`;
    const [v] = await t.db
      .insert(vendors)
      .values({
        registrationId: reg!.id,
        userId: u.id,
        name,
        npwp: `0${String(seq).padStart(14, '3')}`,
        verifiedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await t.db.insert(tenderParticipants).values({
      tenderId: tender!.id,
      vendorId: v!.id,
      userId: u.id,
      pakta: 'Pakta Integritas',
      joinedAt: now,
    });
    bidders.push({
      id: u.id,
      username: u.username,
      agent: await signedIn(t, u.username),
      vendorId: v!.id,
      vendorName: name,
    });
  }
  return { agency, tender: tender!, kode, deadline, members, bidders };
}

/** A small "PDF" holding a marker: the plaintext a test then looks for everywhere. */
export const pdfWith = (text: string, repeat = 3000) => utf8(`%PDF-1.4\n${`${text}\n`.repeat(repeat)}%%EOF\n`);

/** Seals a plaintext for `vendor` exactly as the browser does, from the tender's public parameters. */
export async function sealFor(vendor: Person, tenderId: string, plain: Uint8Array, kind: FileKind = 'penawaran') {
  const res = await vendor.agent.api('GET', `/api/v1/penawaran/${tenderId}/parameter`);
  if (res.statusCode !== 200) throw new Error(`parameter: ${res.statusCode} ${res.body}`);
  const p = res.json();
  const sealed = await seal({
    tender: p.tender,
    vendor: p.vendor,
    kind,
    size: plain.length,
    read: async (o, l) => plain.slice(o, o + l),
    k: p.k,
    members: p.members.map((m: { userId: string; publicKey: string }) => ({
      userId: m.userId,
      publicKey: fromB64(m.publicKey),
    })),
    vendorKey: { userId: p.vendorKey.userId, publicKey: fromB64(p.vendorKey.publicKey) },
    chunkSize: 16 * 1024,
  });
  return { ...sealed, bytes: concat(sealed.parts) };
}

const meta = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');

/** tus creation (POST): returns the upload's path, or the refusal. */
export async function tusCreate(agent: Agent, m: { tenderId: string; kind?: string; sha256: string }, length: number) {
  if (!agent.csrf) await agent.get('/kunci-penawaran');
  const res = await agent.request({
    method: 'POST',
    url: '/penawaran/unggah',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(length),
      'upload-metadata': meta({ kind: 'penawaran', ...m }),
      'x-csrf-token': agent.csrf ?? '',
    },
  });
  const location = res.headers.location ? new URL(String(res.headers.location), 'http://x').pathname : undefined;
  return { res, location };
}

export async function tusPatch(agent: Agent, location: string, offset: number, body: Uint8Array) {
  return agent.request({
    method: 'PATCH',
    url: location,
    headers: {
      'tus-resumable': '1.0.0',
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
      'x-csrf-token': agent.csrf ?? '',
    },
    payload: Buffer.from(body),
  });
}

/** Seals and uploads in one PATCH; returns the tus answers. */
export async function submitBid(vendor: Person, tenderId: string, plain: Uint8Array, kind: FileKind = 'penawaran') {
  const s = await sealFor(vendor, tenderId, plain, kind);
  const { res, location } = await tusCreate(vendor.agent, { tenderId, sha256: s.sha256, kind }, s.size);
  if (!location) return { sealed: s, create: res, patch: undefined };
  const patch = await tusPatch(vendor.agent, location, 0, s.bytes);
  return { sealed: s, create: res, patch, submissionId: patch.headers['bid-submission'] as string | undefined };
}
