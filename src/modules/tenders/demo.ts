import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/permissions.ts';
import { uploadBlob } from '../../platform/files/documents.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { DemoContext } from '../../platform/module.ts';
import { sulapPackages } from '../sulap/sulap.schema.ts';
import { uploadDokumenPemilihan } from './commands/documents.ts';
import { approvePublication, createPublication } from './commands/publication.ts';
import { loadDemoTenders, placeInStage } from './demo-tenders.ts';
import { type HolidayKind, holidays } from './tenders.schema.ts';
import { witaDate } from './working-days.ts';

/**
 * DEMO DATA, TO BE CHECKED: the 2026 and 2027 national holidays and cuti bersama as expected from the SKB 3 Menteri,
 * written from general knowledge without access to the official decrees. Islamic dates follow the expected hisab and
 * may move by a day; the 2027 cuti bersama are a guess. The LPSE must replace them with the signed SKB before real
 * schedules rely on them (the page /admin/hari-libur takes a CSV).
 */
const SOURCE = 'Data demo: perkiraan SKB 3 Menteri, belum diperiksa terhadap SKB resmi';

const L: HolidayKind = 'libur_nasional';
const C: HolidayKind = 'cuti_bersama';

export const DEMO_HOLIDAYS: readonly (readonly [string, string, HolidayKind])[] = [
  ['2026-01-01', 'Tahun Baru 2026 Masehi', L],
  ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', L],
  ['2026-02-16', 'Cuti bersama Tahun Baru Imlek', C],
  ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', L],
  ['2026-03-18', 'Cuti bersama Hari Suci Nyepi', C],
  ['2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', L],
  ['2026-03-20', 'Idul Fitri 1447 Hijriah', L],
  ['2026-03-21', 'Idul Fitri 1447 Hijriah', L],
  ['2026-03-23', 'Cuti bersama Idul Fitri', C],
  ['2026-03-24', 'Cuti bersama Idul Fitri', C],
  ['2026-04-03', 'Wafat Yesus Kristus', L],
  ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', L],
  ['2026-05-01', 'Hari Buruh Internasional', L],
  ['2026-05-14', 'Kenaikan Yesus Kristus', L],
  ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', C],
  ['2026-05-27', 'Idul Adha 1447 Hijriah', L],
  ['2026-05-28', 'Cuti bersama Idul Adha', C],
  ['2026-05-31', 'Hari Raya Waisak 2570 BE', L],
  ['2026-06-01', 'Hari Lahir Pancasila', L],
  ['2026-06-16', 'Tahun Baru Islam 1448 Hijriah', L],
  ['2026-08-17', 'Hari Kemerdekaan Republik Indonesia', L],
  ['2026-08-25', 'Maulid Nabi Muhammad SAW', L],
  ['2026-12-24', 'Cuti bersama Hari Raya Natal', C],
  ['2026-12-25', 'Hari Raya Natal', L],
  ['2027-01-01', 'Tahun Baru 2027 Masehi', L],
  ['2027-01-05', 'Isra Mikraj Nabi Muhammad SAW', L],
  ['2027-02-06', 'Tahun Baru Imlek 2578 Kongzili', L],
  ['2027-03-09', 'Hari Suci Nyepi (Tahun Baru Saka 1949)', L],
  ['2027-03-10', 'Idul Fitri 1448 Hijriah', L],
  ['2027-03-11', 'Idul Fitri 1448 Hijriah', L],
  ['2027-03-12', 'Cuti bersama Idul Fitri', C],
  ['2027-03-15', 'Cuti bersama Idul Fitri', C],
  ['2027-03-26', 'Wafat Yesus Kristus', L],
  ['2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', L],
  ['2027-05-01', 'Hari Buruh Internasional', L],
  ['2027-05-06', 'Kenaikan Yesus Kristus', L],
  ['2027-05-07', 'Cuti bersama Kenaikan Yesus Kristus', C],
  ['2027-05-17', 'Idul Adha 1448 Hijriah', L],
  ['2027-05-20', 'Hari Raya Waisak 2571 BE', L],
  ['2027-06-01', 'Hari Lahir Pancasila', L],
  ['2027-06-06', 'Tahun Baru Islam 1449 Hijriah', L],
  ['2027-08-15', 'Maulid Nabi Muhammad SAW', L],
  ['2027-08-17', 'Hari Kemerdekaan Republik Indonesia', L],
  ['2027-12-24', 'Cuti bersama Hari Raya Natal', C],
  ['2027-12-25', 'Hari Raya Natal', L],
];

export async function loadTendersDemo(ctx: DemoContext): Promise<void> {
  const now = ctx.clock.now();
  await ctx.tx
    .insert(holidays)
    .values(DEMO_HOLIDAYS.map(([date, name, kind]) => ({ date, name, kind, source: SOURCE, updatedAt: now })))
    .onConflictDoNothing();
  await announceDemoTender(ctx);
  await loadDemoTenders(ctx);
}

/**
 * The SULAP demo's completed package (Talud Pantai Munse) built into a tender by its Pokja and approved by all three
 * members: an announced tender on /tender. Skipped when the SULAP demo did not run.
 */
async function announceDemoTender(ctx: DemoContext) {
  const [pkg] = await ctx.tx
    .select({ id: sulapPackages.id })
    .from(sulapPackages)
    .where(eq(sulapPackages.namaPaket, 'Pembangunan Talud Pantai Munse (Tahap I)'));
  if (!pkg) return;
  const setda = ctx.agencyId('SETDA');
  const as = (username: string): Ctx => {
    const actor: Actor = {
      userId: ctx.userId(username),
      username,
      name: username,
      email: '',
      roles: [{ role: 'POKJA', agencyId: setda }],
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
  const id = await createPublication(as('pokja1'), pkg.id, {
    bundleId: 'tender-pascakualifikasi-1-file',
    kualifikasiUsaha: 'kecil',
    jenisKontrak: 'harga_satuan',
    lokasi: ['Pantai Munse, Kecamatan Wawonii Timur Laut'],
    syarat: {
      izinUsaha: 'NIB dengan SBU Bangunan Sipil, kualifikasi Kecil',
      kbli: ['42912'],
      pengalaman: 'Paling sedikit 1 pekerjaan konstruksi dalam 4 tahun terakhir, swasta atau pemerintah',
      tenagaAhli: ['Manajer Pelaksanaan/Proyek (SKK Jenjang 6)', 'Ahli K3 Konstruksi (SKK Jenjang 6)'],
      peralatan: ['Concrete mixer 0,3–0,6 m3: 2 unit', 'Dump truck 3–4 m3: 2 unit', 'Excavator 80–140 HP: 1 unit'],
      // What SIKaP checks automatically (issue 10): the same requirements, structured.
      izinJenis: ['NIB', 'SBU'],
      sbu: { subklasifikasi: [], kualifikasi: ['K1', 'K2', 'K3'] },
      pengalamanMin: { jumlah: 1, nilai: null, tahun: 4 },
      tenagaAhliMin: [{ jumlah: 1, sertifikat: 'K3 Konstruksi' }],
      peralatanMin: [
        { jenis: 'Concrete mixer', jumlah: 2 },
        { jenis: 'Dump truck', jumlah: 2 },
        { jenis: 'Excavator', jumlah: 1 },
      ],
    },
    startDate: witaDate(ctx.clock.now()),
  });
  // Approval needs the Dokumen Pemilihan: a small stand-in PDF (the demo ships no real tender content).
  const blob = await uploadBlob(
    ctx.files,
    'dokumen_pemilihan',
    Readable.from(
      Buffer.from(
        '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% Dokumen Pemilihan (demo)\ntrailer<</Root 1 0 R>>\n%%EOF\n',
      ),
    ),
    'dokumen-pemilihan-talud-munse.pdf',
  );
  await uploadDokumenPemilihan(as('pokja1'), id, blob);
  for (const u of ['pokja1', 'pokja2', 'pokja3']) await approvePublication(as(u), id);
  // The template starts at the next opening time (tomorrow when loaded in the evening): place it in its pengumuman.
  await placeInStage(ctx, id, 'pengumuman');
}
