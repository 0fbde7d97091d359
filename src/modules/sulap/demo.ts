import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { demoActor } from '../../platform/demo-actor.ts';
import { uploadBlob } from '../../platform/files/documents.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { DemoContext } from '../../platform/module.ts';
import { activateAccount, createPendingAccount, grantOfficialRole } from '../accounts/index.ts';
import { rupPlans } from '../rup/rup.schema.ts';
import { checklistFor } from './checklist.ts';
import { assignPokja } from './commands/assign-pokja.ts';
import { createPackage, type HpsLine } from './commands/create-package.ts';
import { reviewDocument } from './commands/review-document.ts';
import { submitPackage } from './commands/submit-package.ts';
import { uploadDocument } from './commands/upload-document.ts';

const JT = 1_000_000n;

/** A small valid PDF standing in for a preparation document (the demo never ships real tender content). */
const pdf = (title: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

/**
 * Demo packages from the RUP demo plans of Dinas PUPR, one in each state: submitted to the UKPBJ (waiting for a
 * Pokja), under review with the HPS sent back and a second version uploaded, and complete → draft tender. Three more
 * Pokja members join `pokja1` in the UKPBJ (SETDA): a Pokja of three can be assigned, and `pokja4`, on no tender, is
 * who the Kepala UKPBJ can name when a member has to be replaced mid-tender (`/tender/:kode/ukpbj`). A PPK of DISDIK
 * (`ppk.disdik`) prepares a Pengadaan Langsung that the Pejabat Pengadaan `pp.disdik` has reviewed: a newcomer signs in
 * as pp.disdik and runs it (build, announce, invite one vendor).
 */
export async function loadSulapDemo(ctx: DemoContext) {
  const setda = ctx.agencyId('SETDA');
  const pupr = ctx.agencyId('PUPR');
  const disdik = ctx.agencyId('DISDIK');
  const now = ctx.clock.now();
  for (const [username, name, role, agencyId, position] of [
    ['pokja2', 'Nurhayati Lakomba', 'POKJA', setda, 'Anggota Pokja Pemilihan'],
    ['pokja3', 'La Ode Sahidin', 'POKJA', setda, 'Anggota Pokja Pemilihan'],
    ['pokja4', 'Muhammad Asri', 'POKJA', setda, 'Anggota Pokja Pemilihan'],
    ['ppk.disdik', 'Wa Ode Sitti Hajar', 'PPK', disdik, 'PPK Bidang Pembinaan Sekolah Dasar'],
  ] as const) {
    const user = await createPendingAccount(ctx.tx, now, {
      username,
      name,
      email: `${username}@demo.konkepkab.go.id`,
      passwordHash: await ctx.passwordHash(username, role),
      locale: 'id',
    });
    await activateAccount(ctx.tx, now, user.id, { nip: null, position });
    await grantOfficialRole(ctx.tx, now, { userId: user.id, role, agencyId });
    ctx.rememberUser(username, user.id);
  }
  const ppk = demoActor(ctx, 'ppk.pupr', 'PPK', pupr);
  const kepala = demoActor(ctx, 'kepala.ulp', 'KEPALA_ULP', setda);
  const pokja = ['pokja1', 'pokja2', 'pokja3'].map((u) => demoActor(ctx, u, 'POKJA', setda));
  const kodeOf = async (nama: string) => {
    const [row] = await ctx.tx
      .select({ kode: rupPlans.kode })
      .from(rupPlans)
      .where(and(eq(rupPlans.namaPaket, nama), eq(rupPlans.status, 'announced')));
    if (!row) throw new Error(`demo plan ${nama} not found`);
    return row.kode;
  };
  const upload = async (id: string, item: string, version = 1, note: string | null = null, by: Ctx = ppk) => {
    const blob = await uploadBlob(
      ctx.files,
      'sulap_dokumen',
      Readable.from(pdf(`${item} v${version}`)),
      `${item}-v${version}.pdf`,
    );
    await uploadDocument(by, id, item, blob, note);
  };
  const prepare = async (
    nama: string,
    kode: number,
    jenis: string,
    metode: string,
    items: HpsLine[],
    by: Ctx = ppk,
  ) => {
    const pkg = await createPackage(by, { namaPaket: nama, planKodes: [kode], items });
    for (const c of checklistFor(jenis, metode).filter((x) => x.mandatory)) await upload(pkg.id, c.item, 1, null, by);
    await submitPackage(by, pkg.id, setda);
    return pkg.id;
  };
  const line = (uraian: string, volume: bigint, satuan: string, harga: bigint): HpsLine => ({
    uraian,
    volumeMilli: volume,
    satuan,
    hargaSatuan: harga,
  });

  // 1. Submitted, waiting for the Kepala UKPBJ to assign a Pokja.
  await prepare(
    'Jasa Konsultansi Perencanaan Jembatan Lampeapi',
    await kodeOf('Jasa Konsultansi Perencanaan Jembatan Lampeapi'),
    'jasa_konsultansi',
    'seleksi',
    [
      line('Tenaga ahli struktur jembatan', 4_000n, 'orang-bulan', 60n * JT),
      line('Survei dan penyelidikan tanah', 1_000n, 'ls', 170n * JT),
    ],
  );

  // 2. Under review: the Pokja assigned, the HPS sent back by one member, a second version uploaded with an answer.
  const jalan = await prepare(
    'Peningkatan Jalan Langara – Lampeapi',
    await kodeOf('Peningkatan Jalan Langara – Lampeapi'),
    'pekerjaan_konstruksi',
    'tender',
    [
      line('Lapis aspal beton AC-WC', 2_100_000n, 'ton', 1_450_000n),
      line('Lapis pondasi agregat kelas A', 2_500_000n, 'm3', 520_000n),
      line('Mobilisasi dan demobilisasi', 1_000n, 'ls', 85n * JT),
    ],
  );
  await assignPokja(kepala, jalan, {
    kind: 'pokja',
    memberIds: pokja.map((p) => p.actor!.userId),
    skNumber: '027/031/PBJ/2026',
    skDate: '2026-03-02',
  });
  await reviewDocument(pokja[0]!, jalan, 'kak_spesifikasi', { decision: 'disetujui', note: null });
  await reviewDocument(pokja[0]!, jalan, 'hps', {
    decision: 'revisi',
    note: 'Harga satuan aspal melebihi Standar Satuan Harga 2026; mohon disesuaikan.',
  });
  await upload(jalan, 'hps', 2, 'Harga aspal disesuaikan dengan SSH 2026.');

  // 3. Complete: every member approved every mandatory document → a draft tender.
  const talud = await prepare(
    'Pembangunan Talud Pantai Munse (Tahap I)',
    await kodeOf('Pembangunan Talud Pantai Munse (Tahap I)'),
    'pekerjaan_konstruksi',
    'tender',
    [line('Pasangan batu kali 1:4', 1_450_000n, 'm3', 650_000n), line('Galian tanah pondasi', 980_000n, 'm3', 95_000n)],
  );
  await assignPokja(kepala, talud, {
    kind: 'pokja',
    memberIds: pokja.map((p) => p.actor!.userId),
    skNumber: '027/024/PBJ/2026',
    skDate: '2026-02-20',
  });
  for (const member of pokja) {
    for (const c of checklistFor('pekerjaan_konstruksi', 'tender').filter((x) => x.mandatory)) {
      await reviewDocument(member, talud, c.item, { decision: 'disetujui', note: null });
    }
  }

  // 4. Pengadaan Langsung of DISDIK, complete: its PPK prepared it, the Kepala UKPBJ handed it to the Pejabat
  //    Pengadaan pp.disdik, who approved every mandatory document. pp.disdik builds the tender from /kelola/tender,
  //    announces it with a single approval and invites one vendor.
  const buku = await prepare(
    'Pengadaan Buku Bacaan Perpustakaan Sekolah Dasar',
    await kodeOf('Pengadaan Buku Bacaan Perpustakaan Sekolah Dasar'),
    'barang',
    'pengadaan_langsung',
    [
      line('Buku bacaan anak jenjang SD (paket 50 judul)', 30_000n, 'paket', 4_250_000n),
      line('Rak buku kayu 5 susun', 10_000n, 'unit', 1_500_000n),
    ],
    demoActor(ctx, 'ppk.disdik', 'PPK', disdik),
  );
  await assignPokja(kepala, buku, {
    kind: 'pejabat_pengadaan',
    memberIds: [ctx.userId('pp.disdik')],
    skNumber: '027/036/PBJ/2026',
    skDate: '2026-03-02',
  });
  const pp = demoActor(ctx, 'pp.disdik', 'PEJABAT_PENGADAAN', disdik);
  for (const c of checklistFor('barang', 'pengadaan_langsung').filter((x) => x.mandatory)) {
    await reviewDocument(pp, buku, c.item, { decision: 'disetujui', note: null });
  }
}
