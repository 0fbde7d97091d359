import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/permissions.ts';
import type { DemoContext } from '../../platform/module.ts';
import { insertPlan } from './commands/write-plan.ts';
import type { PlanInput } from './plan-input.ts';
import { rupPlans, rupRevisions } from './rup.schema.ts';

const JT = 1_000_000n;

function plan(p: Partial<PlanInput> & Pick<PlanInput, 'namaPaket' | 'pagu'>, lines: [string, bigint][]): PlanInput {
  return {
    tipe: 'penyedia',
    tahunAnggaran: 2026,
    satkerKode: null,
    satkerNama: null,
    sumberDana: 'APBD',
    metode: 'tender',
    jenis: 'pekerjaan_konstruksi',
    alasanPenunjukan: null,
    tipeSwakelola: null,
    bulanPemilihan: '2026-03',
    bulanKontrak: '2026-05',
    bulanPemanfaatan: '2026-12',
    statusPdn: true,
    statusUkm: true,
    alasanNonUkm: null,
    lokasi: 'Kabupaten Konawe Kepulauan',
    volume: null,
    uraian: null,
    spesifikasi: null,
    ppkUserId: null,
    ...p,
    lines: lines.map(([sub, pagu]) => {
      const parts = sub.split('.');
      return {
        kodeProgram: parts.slice(0, 3).join('.'),
        kodeKegiatan: parts.slice(0, 5).join('.'),
        kodeSubKegiatan: sub,
        mak: `5.2.03.01.01.${String(Number(parts.at(-1)) || 1).padStart(4, '0')}`,
        sumberDana: p.sumberDana ?? 'APBD',
        pagu,
      };
    }),
  };
}

/** Announced plans for several OPDs, a few drafts, and one plan revised by kaji ulang (one to one). */
export async function loadRupDemo(ctx: DemoContext) {
  const pupr = { id: ctx.agencyId('PUPR'), name: 'Dinas Pekerjaan Umum dan Penataan Ruang' };
  const dinkes = { id: ctx.agencyId('DINKES'), name: 'Dinas Kesehatan' };
  const disdik = { id: ctx.agencyId('DISDIK'), name: 'Dinas Pendidikan dan Kebudayaan' };
  const dkp = { id: ctx.agencyId('DKP'), name: 'Dinas Kelautan dan Perikanan' };
  const actorOf = (username: string, name: string): Actor => ({
    userId: ctx.userId(username),
    username,
    name,
    email: '',
    roles: [],
    sessionId: 'demo',
  });
  const paPupr = { clock: ctx.clock, actor: actorOf('pa.pupr', 'Ir. Muh. Yusuf') };
  const kpaDinkes = { clock: ctx.clock, actor: actorOf('kpa.dinkes', 'dr. Nur Asia') };
  const ppkPupr = ctx.userId('ppk.pupr');
  type Author = { clock: DemoContext['clock']; actor: Actor | null };
  const audit = (role: string, c: Author) =>
    c.actor ? { ...ctx.audit, actor: { userId: c.actor.userId, name: c.actor.name, role } } : ctx.audit;

  const add = async (
    c: Author,
    role: string,
    agency: { id: string; name: string },
    input: PlanInput,
    status: 'draft' | 'announced',
  ) => {
    const row = await insertPlan(ctx.tx, c, agency, input, status);
    const summary = { kode: row.kode, nama: row.namaPaket, pagu: row.pagu.toString() };
    await recordAudit(ctx.tx, audit(role, c), { action: 'rup.created', objectType: 'rup', objectId: row.id, summary });
    if (status === 'announced') {
      await recordAudit(ctx.tx, audit(role, c), {
        action: 'rup.announced',
        objectType: 'rup',
        objectId: row.id,
        summary,
      });
    }
    return row;
  };

  const jalan = await add(
    paPupr,
    'PA',
    pupr,
    plan(
      {
        namaPaket: 'Peningkatan Jalan Langara – Lampeapi',
        pagu: 4_750n * JT,
        ppkUserId: ppkPupr,
        statusUkm: false,
        alasanNonUkm: 'Nilai di atas Rp15 miliar untuk usaha kecil tidak terpenuhi; pekerjaan berisiko tinggi',
        volume: '6,2 km',
        uraian: 'Pelebaran dan pengaspalan ruas jalan kabupaten.',
      },
      [
        ['1.03.10.2.01.0007', 3_500n * JT],
        ['1.03.10.2.01.0008', 1_250n * JT],
      ],
    ),
    'announced',
  );
  await add(
    paPupr,
    'PA',
    pupr,
    plan(
      {
        namaPaket: 'Jasa Konsultansi Perencanaan Jembatan Lampeapi',
        pagu: 450n * JT,
        metode: 'seleksi',
        jenis: 'jasa_konsultansi',
        ppkUserId: ppkPupr,
      },
      [['1.03.10.2.01.0010', 450n * JT]],
    ),
    'announced',
  );
  await add(
    paPupr,
    'PA',
    pupr,
    plan(
      { namaPaket: 'Pengadaan Alat Ukur Survei Jalan', pagu: 185n * JT, metode: 'pengadaan_langsung', jenis: 'barang' },
      [['1.03.10.2.01.0012', 185n * JT]],
    ),
    'draft',
  );
  await add(
    paPupr,
    'PA',
    pupr,
    plan(
      {
        namaPaket: 'Rehabilitasi Saluran Irigasi Desa Wawouso',
        pagu: 300n * JT,
        tipe: 'swakelola',
        tipeSwakelola: 4,
        metode: null,
        jenis: null,
      },
      [['1.03.02.2.01.0003', 300n * JT]],
    ),
    'announced',
  );
  await add(
    kpaDinkes,
    'KPA',
    dinkes,
    plan(
      {
        namaPaket: 'Pengadaan Obat dan Bahan Medis Habis Pakai Puskesmas',
        pagu: 1_200n * JT,
        metode: 'e_purchasing',
        jenis: 'barang',
        sumberDana: 'DAK',
      },
      [
        ['1.02.02.2.01.0020', 800n * JT],
        ['1.02.02.2.01.0021', 400n * JT],
      ],
    ),
    'announced',
  );
  await add(
    kpaDinkes,
    'KPA',
    dinkes,
    plan(
      {
        namaPaket: 'Jasa Kebersihan Puskesmas Langara',
        pagu: 96n * JT,
        metode: 'pengadaan_langsung',
        jenis: 'jasa_lainnya',
      },
      [['1.02.02.2.01.0025', 96n * JT]],
    ),
    'draft',
  );
  // Plans of OPDs whose PA has no demo account: recorded as if imported from SiRUP (no author).
  const system: Author = { clock: ctx.clock, actor: null };
  await add(
    system,
    'PA',
    disdik,
    plan(
      {
        namaPaket: 'Rehabilitasi Ruang Kelas SDN 1 Wawonii',
        pagu: 850n * JT,
        metode: 'tender_cepat',
        sumberDana: 'DAK',
      },
      [['1.01.02.2.01.0005', 850n * JT]],
    ),
    'announced',
  );
  // Pengadaan Langsung of DISDIK: the SULAP demo hands it to the Pejabat Pengadaan pp.disdik.
  await add(
    system,
    'PA',
    disdik,
    plan(
      {
        namaPaket: 'Pengadaan Buku Bacaan Perpustakaan Sekolah Dasar',
        pagu: 150n * JT,
        metode: 'pengadaan_langsung',
        jenis: 'barang',
        sumberDana: 'DAK',
      },
      [['1.01.02.2.01.0009', 150n * JT]],
    ),
    'announced',
  );
  await add(
    system,
    'PA',
    dkp,
    plan({ namaPaket: 'Pengadaan Perahu Nelayan 3 GT', pagu: 640n * JT, metode: 'tender', jenis: 'barang' }, [
      ['3.25.03.2.01.0002', 640n * JT],
    ]),
    'announced',
  );

  // One announced plan revised (kaji ulang, one to one): the old version stays, the new one is announced.
  const old = await add(
    paPupr,
    'PA',
    pupr,
    plan({ namaPaket: 'Pembangunan Talud Pantai Munse', pagu: 900n * JT, ppkUserId: ppkPupr }, [
      ['1.03.11.2.01.0001', 900n * JT],
    ]),
    'announced',
  );
  const revised = await insertPlan(
    ctx.tx,
    paPupr,
    pupr,
    plan({ namaPaket: 'Pembangunan Talud Pantai Munse (Tahap I)', pagu: 1_100n * JT, ppkUserId: ppkPupr }, [
      ['1.03.11.2.01.0001', 1_100n * JT],
    ]),
    'announced',
  );
  await ctx.tx.update(rupPlans).set({ status: 'revised' }).where(eq(rupPlans.id, old.id));
  const [rev] = await ctx.tx
    .insert(rupRevisions)
    .values({
      jenis: 'satu_ke_satu',
      alasan: 'Pagu bertambah setelah perubahan APBD',
      oldKodes: [old.kode],
      newKodes: [revised.kode],
      byUserId: paPupr.actor.userId,
      at: ctx.clock.now(),
    })
    .returning();
  await recordAudit(ctx.tx, audit('PA', paPupr), {
    action: 'rup.revised',
    objectType: 'rup',
    objectId: old.id,
    summary: {
      kode: old.kode,
      nama: old.namaPaket,
      jenis: 'satu_ke_satu',
      alasan: rev!.alasan,
      kodeBaru: String(revised.kode),
      revisionId: rev!.id,
    },
  });
  // As revisePlans does: the new plan is announced too (its planning release opens the Talud tender's story).
  await recordAudit(ctx.tx, audit('PA', paPupr), {
    action: 'rup.announced',
    objectType: 'rup',
    objectId: revised.id,
    summary: { kode: revised.kode, nama: revised.namaPaket, pagu: revised.pagu.toString() },
  });
  void jalan;
}
