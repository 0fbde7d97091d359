import type { Actor } from '../../platform/auth/permissions.ts';
import type { Role } from '../../platform/auth/roles.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { buildAgency, buildUser, type TestApp } from '../../test/harness.ts';
import { registrations, vendors } from '../registration/registration.schema.ts';
import { insertHandedOverPackage } from '../sulap/sulap.test-support.ts';
import { tenders } from '../tenders/tenders.schema.ts';
import { type AwardInput, acceptAward } from './commands/accept-award.ts';
import { issueSppbj } from './commands/issue-sppbj.ts';
import { respondSppbj } from './commands/respond-sppbj.ts';
import { signContract } from './commands/sign-contract.ts';

let seq = 0;

/** A command context acting as `user` with `roles` in `agencyId` (what the session would give). */
export function ctxAs(
  t: TestApp,
  user: { id: string; username: string; name: string },
  roles: Role[],
  agencyId: string | null,
): Ctx {
  const actor: Actor = {
    userId: user.id,
    username: user.username,
    name: user.name,
    email: '',
    roles: roles.map((role) => ({ role, agencyId })),
    sessionId: 'test',
  };
  return {
    db: t.db,
    clock: t.clock,
    config: t.config,
    files: t.files,
    actor,
    requestId: null,
    locale: 'id',
    t: translator('id'),
  };
}

/** A verified vendor with its user (PENYEDIA). */
export async function buildVendor(t: TestApp, name = 'Sultra Bangun') {
  seq += 1;
  const u = await buildUser(t, { roles: ['PENYEDIA'] });
  const now = t.clock.now();
  const [reg] = await t.db
    .insert(registrations)
    .values({
      number: `REG-K-${String(seq).padStart(6, '0')}`,
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
      name: `${name} ${seq}`,
      businessForm: 'CV',
      npwp: `09${String(seq).padStart(13, '3')}`,
      picName: 'Direktur Uji',
      picPosition: 'Direktur',
      verifiedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { user: u, vendor: v! };
}

/**
 * An announced tender of a SULAP package whose PPK is `ppk`, in `agencyId`: written straight to the tables (the
 * whole SULAP → tender path is the tenders module's own test).
 */
export async function buildTender(
  t: TestApp,
  opts: { agencyId: string; ppkUserId: string; pagu?: bigint; hps?: bigint; jenis?: string },
) {
  seq += 1;
  const now = t.clock.now();
  const pagu = opts.pagu ?? 1_500_000_000n;
  const hps = opts.hps ?? 1_400_000_000n;
  const { draft } = await insertHandedOverPackage(t, {
    agencyId: opts.agencyId,
    ppkUserId: opts.ppkUserId,
    namaPaket: `Jalan Kontrak ${seq}`,
    jenis: opts.jenis,
    pagu,
    hps,
  });
  const [tender] = await t.db
    .insert(tenders)
    .values({
      kode: String(90_000_000 + seq),
      nama: `Jalan Kontrak ${seq}`,
      bundleId: 'tender-pascakualifikasi-1-file',
      bundleVersion: '2021',
      status: 'berlangsung',
      agencyId: opts.agencyId,
      sulapDraftTenderId: draft.id,
      createdAt: now,
      jenis: opts.jenis ?? 'pekerjaan_konstruksi',
      metode: 'tender',
      tahunAnggaran: 2026,
      pagu,
      hps,
      jenisKontrak: 'harga_satuan',
      lokasi: ['Desa Lantagi'],
      announcedAt: now,
    })
    .returning();
  return tender!;
}

/** A whole world: an agency with its PPK, another PPK there, a PPK elsewhere, a vendor, a tender, a Pokja decider. */
export async function buildContractWorld(t: TestApp, opts: { jenis?: string; hps?: bigint; pagu?: bigint } = {}) {
  const agency = await buildAgency(t);
  const other = await buildAgency(t);
  const ppk = await buildUser(t, { roles: ['PPK'], agencyId: agency.id });
  const ppk2 = await buildUser(t, { roles: ['PPK'], agencyId: agency.id });
  const ppkElsewhere = await buildUser(t, { roles: ['PPK'], agencyId: other.id });
  const pokja = await buildUser(t, { roles: ['POKJA'], agencyId: agency.id });
  const { user: vendorUser, vendor } = await buildVendor(t);
  const tender = await buildTender(t, { agencyId: agency.id, ppkUserId: ppk.id, ...opts });
  return {
    agency,
    other,
    ppk,
    ppk2,
    ppkElsewhere,
    pokja,
    vendorUser,
    vendor,
    tender,
    asPpk: ctxAs(t, ppk, ['PPK'], agency.id),
    asVendor: ctxAs(t, vendorUser, ['PENYEDIA'], null),
  };
}
export type ContractWorld = Awaited<ReturnType<typeof buildContractWorld>>;

/** The evaluation module's hand-over, as it will call it. */
export function award(t: TestApp, w: ContractWorld, overrides: Partial<AwardInput> = {}) {
  return t.db.transaction((tx) =>
    acceptAward(tx, {
      tenderId: w.tender.id,
      vendorId: w.vendor.id,
      nilaiPenawaran: 1_300_000_000n,
      nilaiTerkoreksi: 1_290_000_000n,
      nilaiNegosiasi: null,
      decidedAt: t.clock.now(),
      decidedBy: w.pokja.id,
      ...overrides,
    }),
  );
}

/**
 * A running contract: a new world awarded, its SPPBJ (Rp 1.290.000.000) accepted, the contract signed on 5 March 2026
 * for 6 March – 30 September 2026. `tag` goes into the SPPBJ's and the contract's numbers.
 */
export async function runningContract(t: TestApp, tag: string) {
  const w = await buildContractWorld(t, { jenis: 'barang' });
  const id = await award(t, w);
  await issueSppbj(w.asPpk, id, {
    nomor: `027/SPPBJ/${tag}`,
    tanggal: '2026-03-03',
    nilai: 1_290_000_000n,
    jaminanNilai: 64_500_000n,
    jaminanPenerbit: 'Bank Sultra',
    jaminanBerlakuSampai: '2026-12-31',
  });
  await respondSppbj(w.asVendor, id, { accept: true, reason: null });
  await signContract(w.asPpk, id, {
    nomor: `600/KTR/${tag}`,
    jenisKontrak: 'harga_satuan',
    nilai: 1_290_000_000n,
    tanggal: '2026-03-05',
    mulai: '2026-03-06',
    selesai: '2026-09-30',
    ppkNama: 'Ir. PPK Uji',
    ppkNip: null,
    penyediaNama: 'Direktur Uji',
    penyediaJabatan: 'Direktur',
  });
  return { w, id };
}
