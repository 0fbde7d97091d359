import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/permissions.ts';
import type { Role } from '../../platform/auth/roles.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { DemoContext } from '../../platform/module.ts';
import { userRoles, users } from '../accounts/accounts.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { loadSchedule } from '../tenders/index.ts';
import { tenders } from '../tenders/tenders.schema.ts';
import { acceptAward } from './commands/accept-award.ts';
import { addAddendum } from './commands/add-addendum.ts';
import { issueSpmk } from './commands/issue-spmk.ts';
import { issueSppbj } from './commands/issue-sppbj.ts';
import { rateVendor } from './commands/rate-vendor.ts';
import { recordBast } from './commands/record-bast.ts';
import { recordPayment } from './commands/record-payment.ts';
import { respondSppbj } from './commands/respond-sppbj.ts';
import { signContract } from './commands/sign-contract.ts';
import { requiredJaminan } from './rules.ts';

const DAY = 86_400_000;
const day = (d: Date, plus = 0) => new Date(d.getTime() + 8 * 3600_000 + plus * DAY).toISOString().slice(0, 10);

/**
 * DEMO DATA: the tenders demo's announced tender (Talud Pantai Munse) taken through to its hand-over. There is no
 * evaluation module yet, so the award is handed over directly with `acceptAward`, dated at the start of the tender's
 * own SPPBJ stage (after its masa sanggah): the contract's dates therefore lie after the demo's "now", in step with
 * the tender's schedule. Sultra Tirta Konstruksi (penyedia.aktif) wins; the PPK of the package (ppk.pupr) issues the
 * SPPBJ, signs, adds one addendum, issues the SPMK, records two BAPs and the PHO and rates the vendor; the FHO waits for
 * the masa pemeliharaan. Skipped when the tenders demo or the vendor is missing.
 */
export async function loadContractsDemo(ctx: DemoContext): Promise<void> {
  const [t] = await ctx.tx.select().from(tenders).where(eq(tenders.nama, 'Pembangunan Talud Pantai Munse (Tahap I)'));
  const [v] = await ctx.tx
    .select({ id: vendors.id, userId: vendors.userId, picName: vendors.picName, picPosition: vendors.picPosition })
    .from(vendors)
    .innerJoin(users, eq(users.id, vendors.userId))
    .where(eq(users.username, 'penyedia.aktif'));
  if (!t?.hps || !v) return;
  const schedule = await loadSchedule(ctx.tx, t.id);
  const stage = schedule.find((r) => r.stage === 'sppbj') ?? schedule[schedule.length - 1];
  if (!stage) return;
  const decidedAt = stage.start;
  const terkoreksi = ((t.hps * 94n) / 100n / 1000n) * 1000n;
  const awardId = await acceptAward(
    ctx.tx,
    {
      tenderId: t.id,
      vendorId: v.id,
      nilaiPenawaran: ((t.hps * 95n) / 100n / 1000n) * 1000n,
      nilaiTerkoreksi: terkoreksi,
      nilaiNegosiasi: null,
      decidedAt,
      decidedBy: ctx.userId('pokja1'),
    },
    ctx.audit,
  );

  const ppkId = ctx.userId('ppk.pupr');
  const as = async (userId: string, username: string): Promise<Ctx> => {
    const roles = await ctx.tx.select().from(userRoles).where(eq(userRoles.userId, userId));
    const actor: Actor = {
      userId,
      username,
      name: username,
      email: '',
      roles: roles.map((r) => ({ role: r.role as Role, agencyId: r.agencyId })),
      sessionId: 'demo',
    };
    return {
      db: ctx.tx,
      clock: ctx.clock,
      config: ctx.config,
      files: ctx.files,
      actor,
      requestId: null,
      locale: 'id',
      t: translator('id'),
    };
  };
  const ppk = await as(ppkId, 'ppk.pupr');
  const vendor = await as(v.userId, 'penyedia.aktif');
  const d0 = decidedAt;
  const year = day(d0).slice(0, 4);
  await issueSppbj(ppk, awardId, {
    nomor: `027/SPPBJ/PUPR/${year}/014`,
    tanggal: day(d0),
    nilai: terkoreksi,
    jaminanNilai: requiredJaminan({ jenis: t.jenis, nilai: terkoreksi, terkoreksi, hps: t.hps }),
    jaminanPenerbit: 'PT Bank Pembangunan Daerah Sulawesi Tenggara',
    jaminanBerlakuSampai: day(d0, 200),
  });
  await respondSppbj(vendor, awardId, { accept: true, reason: null });
  await signContract(ppk, awardId, {
    nomor: `600/KTR/PUPR/${year}/014`,
    jenisKontrak: t.jenisKontrak ?? 'harga_satuan',
    nilai: terkoreksi,
    tanggal: day(d0, 3),
    mulai: day(d0, 4),
    selesai: day(d0, 153),
    ppkNama: 'ppk.pupr',
    ppkNip: null,
    penyediaNama: v.picName ?? 'Direktur',
    penyediaJabatan: v.picPosition ?? 'Direktur',
  });
  await issueSpmk(ppk, awardId, { nomor: `027/SPMK/PUPR/${year}/014`, tanggal: day(d0, 4), mulaiKerja: day(d0, 4) });
  const tambah = ((terkoreksi * 6n) / 100n / 1000n) * 1000n;
  await addAddendum(ppk, awardId, {
    nomor: `600/ADD-1/KTR/PUPR/${year}/014`,
    tanggal: day(d0, 40),
    alasan: 'Penambahan panjang talud 24 m di sisi timur akibat abrasi setelah survei bersama (MC-0)',
    nilaiBaru: terkoreksi + tambah,
    selesaiBaru: day(d0, 168),
    alasanSepuluhPersen: null,
  });
  const nilai = terkoreksi + tambah;
  await recordPayment(ppk, awardId, {
    nomor: `BAP-01/${year}`,
    tanggal: day(d0, 75),
    fisikBasisPoin: 5520,
    pembayaran: ((nilai * 50n) / 100n / 1000n) * 1000n,
  });
  await recordPayment(ppk, awardId, {
    nomor: `BAP-02/${year}`,
    tanggal: day(d0, 160),
    fisikBasisPoin: 10000,
    pembayaran: ((nilai * 45n) / 100n / 1000n) * 1000n,
  });
  await recordBast(ppk, awardId, { nomor: `BAST-PHO/PUPR/${year}/014`, phoDate: day(d0, 162) });
  await rateVendor(ppk, awardId, {
    scores: { kualitas: 3, biaya: 2, waktu: 2, layanan: 3 },
    catatan: 'Pekerjaan rapi; terlambat 9 hari dari jadwal awal, sesuai adendum.',
  });
}
