import { buildAgency, buildUser, type TestApp } from '../../test/harness.ts';
import { registrations, vendors } from '../registration/registration.schema.ts';
import { signIn } from '../sulap/sulap.test-support.ts';
import { bundleOf, scheduleTemplate } from '../tenders/index.ts';
import { tenderMembers, tenderSchedule, tenders } from '../tenders/tenders.schema.ts';

let seq = 0;

/** A verified vendor with a PENYEDIA user (written straight to the database, as the tender tests do). */
export async function buildVendor(t: TestApp, name: string) {
  seq += 1;
  const u = await buildUser(t, { roles: ['PENYEDIA'] });
  const now = t.clock.now();
  const [reg] = await t.db
    .insert(registrations)
    .values({
      number: `REG-EV-${String(seq).padStart(6, '0')}`,
      kind: 'vendor',
      userId: u.id,
      status: 'approved',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const npwp = `0${String(700000 + seq).padStart(6, '0')}${String(seq).padStart(8, '9')}`;
  const [v] = await t.db
    .insert(vendors)
    .values({
      registrationId: reg!.id,
      userId: u.id,
      name,
      businessForm: 'CV',
      npwp,
      address: `Jl. Uji ${seq}`,
      city: 'Langara',
      verifiedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return { user: u, vendor: v!, npwp };
}

/**
 * An announced tender (pascakualifikasi 1 file) with its schedule from the bundle's template starting now, three
 * Pokja members in a UKPBJ, the PA of the owning agency, written straight to the database.
 */
export async function buildAnnouncedTender(
  t: TestApp,
  opts: { hps?: bigint; pagu?: bigint; jenis?: string; bundleId?: string } = {},
) {
  seq += 1;
  const agency = await buildAgency(t);
  const ukpbj = await buildAgency(t, { name: `Bagian PBJ ${seq}` });
  const pokja = [];
  for (let i = 0; i < 3; i++) pokja.push(await buildUser(t, { roles: ['POKJA'], agencyId: ukpbj.id }));
  const outsider = await buildUser(t, { roles: ['POKJA'], agencyId: ukpbj.id });
  const pa = await buildUser(t, { roles: ['PA'], agencyId: agency.id });
  const bundleId = opts.bundleId ?? 'tender-pascakualifikasi-1-file';
  const bundle = bundleOf(bundleId, '2021.1')!;
  const now = t.clock.now();
  const [tender] = await t.db
    .insert(tenders)
    .values({
      kode: `9${String(100000 + seq)}`,
      nama: `Rehabilitasi Jalan Uji ${seq}`,
      bundleId,
      bundleVersion: '2021.1',
      status: 'berlangsung',
      agencyId: agency.id,
      ukpbjAgencyId: ukpbj.id,
      createdAt: now,
      jenis: opts.jenis ?? 'pekerjaan_konstruksi',
      metode: bundle.metode,
      tahunAnggaran: 2026,
      pagu: opts.pagu ?? 1_250_000_000n,
      hps: opts.hps ?? 1_000_000_000n,
      jenisKontrak: 'harga_satuan',
      kualifikasiUsaha: 'kecil',
      lokasi: ['Desa Lantagi'],
      syaratKualifikasi: {
        izinUsaha: 'NIB dengan SBU Bangunan Sipil',
        kbli: ['42101'],
        pengalaman: '1 pekerjaan dalam 4 tahun terakhir',
        tenagaAhli: ['Manajer Pelaksanaan'],
        peralatan: ['Dump truck: 2 unit'],
      },
      announcedAt: now,
    })
    .returning();
  const schedule = scheduleTemplate(bundle, now, new Set());
  await t.db
    .insert(tenderSchedule)
    .values(
      schedule.map((r) => ({ tenderId: tender!.id, stage: r.stage, ord: r.ord, startsAt: r.start, endsAt: r.end })),
    );
  await t.db.insert(tenderMembers).values(pokja.map((m) => ({ tenderId: tender!.id, userId: m.id, approvedAt: now })));
  const stage = (code: string) => schedule.find((r) => r.stage === code)!;
  return { tender: tender!, agency, ukpbj, pokja, outsider, pa, schedule, stage };
}

export { signIn };
