import { Readable } from 'node:stream';
import { eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { BlobStore } from '../../platform/files/blob-store.ts';
import { uploadBlob } from '../../platform/files/documents.ts';
import type { DemoContext } from '../../platform/module.ts';
import { users } from '../accounts/accounts.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { applySectionOp, newItem, storeEvidence } from './commands/apply.ts';
import { witaDate } from './expiry.ts';
import type { Section } from './sections.ts';

const DAY = 86_400_000;
const demoPdf = (label: string) =>
  Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

type Profile = Partial<Record<Section, Record<string, unknown>[]>>;

/**
 * Full profiles of the approved demo vendors (registration's DEMO_VENDORS): `penyedia.aktif` with a licence expiring
 * within 30 days (its H-30 reminder is due at once), `penyedia.hitam` with an expired SBU (a profile blocker).
 * Against the demo tender (Talud Pantai Munse, kecil, KBLI 42912) `penyedia.aktif` meets the licence, SBU grade and
 * kualifikasi but not yet KBLI 42912, the concrete mixers and the K3 expert: "syarat yang belum terpenuhi" to fix.
 */
function profiles(today: string): Record<string, Profile> {
  const inDays = (n: number) => witaDate(new Date(Date.parse(`${today}T00:00:00Z`) + n * DAY));
  return {
    'penyedia.aktif': {
      izin: [
        {
          jenis: 'NIB',
          nomor: '9120201234567',
          kbli: ['42101', '42919'],
          sbuSubklasifikasi: null,
          sbuKualifikasi: null,
          kualifikasiUsaha: 'kecil',
          penerbit: 'OSS RBA',
          berlakuSampai: null,
        },
        {
          jenis: 'SBU',
          nomor: '1-7402-2-00731',
          kbli: ['42101'],
          sbuSubklasifikasi: 'BG009 Konstruksi Gedung Lainnya',
          sbuKualifikasi: 'K3',
          kualifikasiUsaha: null,
          penerbit: 'LPJK',
          berlakuSampai: inDays(400),
        },
        {
          jenis: 'SIUP',
          nomor: '503/145/DPMPTSP/2023',
          kbli: ['46634'],
          sbuSubklasifikasi: null,
          sbuKualifikasi: null,
          kualifikasiUsaha: null,
          penerbit: 'DPMPTSP Konawe Kepulauan',
          berlakuSampai: inDays(20),
        },
      ],
      akta: [
        { jenis: 'pendirian', nomor: '15', tanggal: '2012-06-11', notaris: 'Notaris Andi Makmur, S.H., M.Kn.' },
        { jenis: 'perubahan', nomor: '4', tanggal: '2021-02-03', notaris: 'Notaris Andi Makmur, S.H., M.Kn.' },
      ],
      pemilik: [
        { nama: 'Hj. Nurhayati', nik: '7402014506700002', npwp: null, alamat: 'Langara', saham: 6000 },
        { nama: 'La Ode Kamaru', nik: '7402011002750003', npwp: null, alamat: 'Langara', saham: 4000 },
      ],
      pengurus: [
        {
          nama: 'Hj. Nurhayati',
          jenis: 'direksi',
          jabatan: 'Direktur Utama',
          nik: '7402014506700002',
          mulai: '2021-02-03',
          sampai: null,
        },
        {
          nama: 'La Ode Kamaru',
          jenis: 'komisaris',
          jabatan: 'Komisaris',
          nik: '7402011002750003',
          mulai: '2021-02-03',
          sampai: null,
        },
      ],
      pajak: [
        {
          npwp: '047891234567000',
          sptTahun: 2025,
          sptNomor: 'BPE-2026-0012345',
          sptTanggal: '2026-03-20',
          kswp: 'valid',
        },
      ],
      tenaga_ahli: [
        {
          nama: 'Ir. Muh. Yusran',
          pendidikan: 'S1 Teknik Sipil',
          pengalamanTahun: 12,
          sertifikat: 'SKK Ahli Madya Teknik Bangunan Gedung',
          sertifikatNomor: '1.2.201.2.034.74.1234567',
          sertifikatBerlaku: inDays(700),
        },
      ],
      peralatan: [
        {
          jenis: 'Excavator',
          jumlah: 1,
          kapasitas: '0,8 m3',
          merk: 'Komatsu PC200',
          kondisi: 'baik',
          kepemilikan: 'milik',
        },
        {
          jenis: 'Dump truck',
          jumlah: 2,
          kapasitas: '8 ton',
          merk: 'Hino Dutro',
          kondisi: 'baik',
          kepemilikan: 'sewa',
        },
      ],
      pengalaman: [
        {
          nama: 'Pembangunan Gedung Kantor Camat Wawonii Barat',
          pemberi: 'Dinas PUPR Kab. Konawe Kepulauan',
          nomorKontrak: '600/21/PUPR/2024',
          nilai: '1850000000',
          mulai: '2024-04-01',
          selesai: '2024-10-30',
        },
      ],
    },
    'penyedia.hitam': {
      izin: [
        {
          jenis: 'NIB',
          nomor: '9120207654321',
          kbli: ['42112'],
          sbuSubklasifikasi: null,
          sbuKualifikasi: null,
          kualifikasiUsaha: 'kecil',
          penerbit: 'OSS RBA',
          berlakuSampai: null,
        },
        {
          jenis: 'SBU',
          nomor: '1-7402-2-00412',
          kbli: ['42112'],
          sbuSubklasifikasi: 'BS001 Konstruksi Jalan Raya',
          sbuKualifikasi: 'K2',
          kualifikasiUsaha: null,
          penerbit: 'LPJK',
          berlakuSampai: inDays(-10),
        },
      ],
      akta: [{ jenis: 'pendirian', nomor: '3', tanggal: '2016-09-20', notaris: 'Notaris Hj. Wa Ode Sitti, S.H.' }],
      pemilik: [{ nama: 'Samsul Alam', nik: '7402010101800004', npwp: null, alamat: 'Munse', saham: 10000 }],
      pengurus: [
        {
          nama: 'Samsul Alam',
          jenis: 'direksi',
          jabatan: 'Direktur',
          nik: '7402010101800004',
          mulai: '2016-09-20',
          sampai: null,
        },
      ],
      pajak: [
        {
          npwp: '069123456789000',
          sptTahun: 2025,
          sptNomor: 'BPE-2026-0045678',
          sptTanggal: '2026-03-28',
          kswp: 'valid',
        },
      ],
      tenaga_ahli: [
        {
          nama: 'Rahmat Hidayat, S.T.',
          pendidikan: 'S1 Teknik Sipil',
          pengalamanTahun: 6,
          sertifikat: 'SKK Ahli Muda Teknik Jalan',
          sertifikatNomor: '1.2.203.1.011.74.7654321',
          sertifikatBerlaku: inDays(300),
        },
      ],
      peralatan: [
        { jenis: 'Asphalt finisher', jumlah: 1, kapasitas: '6 m', merk: 'Sakai', kondisi: 'baik', kepemilikan: 'sewa' },
      ],
      pengalaman: [
        {
          nama: 'Peningkatan Jalan Lingkar Langara',
          pemberi: 'Dinas PUPR Kab. Konawe Kepulauan',
          nomorKontrak: '600/07/PUPR/2023',
          nilai: '2475000000',
          mulai: '2023-05-02',
          selesai: '2023-11-15',
        },
      ],
    },
  };
}

/** The SIKaP module's demo loader (runs after registration's): profiles with evidence and version history. */
export async function loadSikapDemo(ctx: DemoContext) {
  await loadSikap(ctx.tx, ctx.clock, ctx.files);
}

export async function loadSikap(tx: Db, clock: Clock, files: BlobStore) {
  const all = profiles(witaDate(clock.now()));
  const rows = await tx
    .select({ id: vendors.id, userId: vendors.userId, username: users.username, name: users.name })
    .from(vendors)
    .innerJoin(users, eq(users.id, vendors.userId))
    .where(inArray(users.username, Object.keys(all)));
  for (const v of rows) {
    for (const [section, items] of Object.entries(all[v.username] ?? {}) as [Section, Record<string, unknown>[]][]) {
      for (const [n, item] of items.entries()) {
        const blob = await uploadBlob(
          files,
          'sikap_bukti',
          Readable.from(demoPdf(`${v.username}-${section}-${n}`)),
          `${section}-${n + 1}.pdf`,
        );
        const bukti = await storeEvidence(tx, clock, v.id, section, blob, v.userId);
        await applySectionOp(
          tx,
          clock,
          v.id,
          section,
          { kind: 'add', item: newItem(item, bukti) },
          { userId: v.userId, name: v.name },
        );
      }
    }
  }
}
