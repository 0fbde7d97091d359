import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../../platform/errors.ts';
import { PUBLIC } from '../../../platform/http/access.ts';
import { readFilters } from '../filters.ts';
import { findPlanByKode, listPublicPlans, MAX_PAGE, revisionsOf } from '../rup.repository.ts';

/** Money is a string of digits (integer rupiah): JSON numbers are floats, and a client must not round a budget. */
const Rupiah = z.string().regex(/^\d+$/).describe('Integer rupiah as a string of digits');

// Field names follow ISB's `isb_rup_paket` (DOMAIN §2.3), so tools built for SiRUP open data read this too.
const PlanListOut = z.object({
  kd_rup: z.number().int(),
  nama_paket: z.string(),
  tahun_anggaran: z.number().int(),
  kd_klpd: z.string().describe("The agency's code in this LPSE"),
  nama_klpd: z.string(),
  nama_satker: z.string(),
  tipe_paket: z.enum(['penyedia', 'swakelola']),
  metode_pengadaan: z.string().nullable(),
  jenis_pengadaan: z.string().nullable(),
  pagu: Rupiah,
  sumber_dana: z.string(),
  bulan_pemilihan: z.string().nullable(),
  status_pdn: z.boolean(),
  status_ukm: z.boolean(),
  tgl_pengumuman_paket: z.string().nullable(),
});

const PlanDetailOut = PlanListOut.extend({
  status: z.enum(['announced', 'revised', 'cancelled']),
  kd_satker: z.string().nullable(),
  alasan_penunjukan: z.string().nullable(),
  tipe_swakelola: z.number().int().nullable(),
  bulan_kontrak: z.string().nullable(),
  bulan_pemanfaatan: z.string().nullable(),
  alasan_non_ukm: z.string().nullable(),
  lokasi_pekerjaan: z.string().nullable(),
  volume_pekerjaan: z.string().nullable(),
  uraian_pekerjaan: z.string().nullable(),
  spesifikasi_pekerjaan: z.string().nullable(),
  nama_ppk: z.string().nullable(),
  anggaran: z.array(
    z.object({
      kd_program: z.string(),
      kd_kegiatan: z.string(),
      kd_subkegiatan: z.string(),
      mak: z.string(),
      sumber_dana: z.string(),
      pagu: Rupiah,
    }),
  ),
  kaji_ulang: z.array(
    z.object({
      jenis_revisi: z.string(),
      alasan_kajiulang: z.string(),
      kd_rup_lama: z.array(z.number().int()),
      kd_rup_baru: z.array(z.number().int()),
      tgl_kaji_ulang: z.string(),
    }),
  ),
});

const ErrorOut = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const ListQuery = z.object({
  q: z.string().max(100).optional(),
  tahun: z.string().max(4).optional(),
  agency: z.string().max(20).optional().describe('Agency code, e.g. PUPR'),
  metode: z.string().max(40).optional(),
  jenis: z.string().max(40).optional(),
  tipe: z.string().max(20).optional(),
  paguMin: z.string().max(40).optional().describe('Rupiah, e.g. 200000000 or 200.000.000'),
  paguMax: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});

export async function rupApi(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/rup',
    {
      config: PUBLIC,
      schema: {
        tags: ['rup'],
        summary: 'List announced procurement plans (RUP)',
        querystring: ListQuery,
        response: {
          200: z.object({
            data: z.array(PlanListOut),
            page: z.number().int(),
            pageSize: z.number().int(),
            total: z.number().int(),
          }),
          400: ErrorOut,
        },
      },
    },
    async (req) => {
      const { filters } = readFilters(req.query);
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 25;
      const { rows, total } = await listPublicPlans(req.ctx.db, filters, page, pageSize);
      return {
        data: rows.map((r) => ({
          kd_rup: r.kode,
          nama_paket: r.namaPaket,
          tahun_anggaran: r.tahunAnggaran,
          kd_klpd: r.agencyCode,
          nama_klpd: r.agencyName,
          nama_satker: r.satkerNama,
          tipe_paket: r.tipe,
          metode_pengadaan: r.metode,
          jenis_pengadaan: r.jenis,
          pagu: r.pagu.toString(),
          sumber_dana: r.sumberDana,
          bulan_pemilihan: r.bulanPemilihan,
          status_pdn: r.statusPdn,
          status_ukm: r.statusUkm,
          tgl_pengumuman_paket: r.announcedAt?.toISOString() ?? null,
        })),
        page,
        pageSize,
        total,
      };
    },
  );

  app.get(
    '/api/v1/rup/:kode',
    {
      config: PUBLIC,
      schema: {
        tags: ['rup'],
        summary: 'One announced procurement plan, with its budget lines and revisions',
        params: z.object({ kode: z.string().max(20) }),
        response: { 200: PlanDetailOut, 404: ErrorOut },
      },
    },
    async (req) => {
      if (!/^\d{1,15}$/.test(req.params.kode)) throw notFound();
      const plan = await findPlanByKode(req.ctx.db, Number(req.params.kode));
      if (!plan || plan.status === 'draft' || plan.status === 'withdrawn') throw notFound();
      const revisions = await revisionsOf(req.ctx.db, plan.kode);
      return {
        kd_rup: plan.kode,
        nama_paket: plan.namaPaket,
        tahun_anggaran: plan.tahunAnggaran,
        kd_klpd: plan.agencyCode,
        nama_klpd: plan.agencyName,
        nama_satker: plan.satkerNama,
        kd_satker: plan.satkerKode,
        tipe_paket: plan.tipe,
        metode_pengadaan: plan.metode,
        jenis_pengadaan: plan.jenis,
        pagu: plan.pagu.toString(),
        sumber_dana: plan.sumberDana,
        bulan_pemilihan: plan.bulanPemilihan,
        bulan_kontrak: plan.bulanKontrak,
        bulan_pemanfaatan: plan.bulanPemanfaatan,
        status_pdn: plan.statusPdn,
        status_ukm: plan.statusUkm,
        alasan_non_ukm: plan.alasanNonUkm,
        alasan_penunjukan: plan.alasanPenunjukan,
        tipe_swakelola: plan.tipeSwakelola,
        lokasi_pekerjaan: plan.lokasi,
        volume_pekerjaan: plan.volume,
        uraian_pekerjaan: plan.uraian,
        spesifikasi_pekerjaan: plan.spesifikasi,
        nama_ppk: plan.ppkName,
        status: plan.status,
        tgl_pengumuman_paket: plan.announcedAt?.toISOString() ?? null,
        anggaran: plan.lines.map((l) => ({
          kd_program: l.kodeProgram,
          kd_kegiatan: l.kodeKegiatan,
          kd_subkegiatan: l.kodeSubKegiatan,
          mak: l.mak,
          sumber_dana: l.sumberDana,
          pagu: l.pagu.toString(),
        })),
        kaji_ulang: revisions.map((r) => ({
          jenis_revisi: r.jenis,
          alasan_kajiulang: r.alasan,
          kd_rup_lama: r.oldKodes,
          kd_rup_baru: r.newKodes,
          tgl_kaji_ulang: r.at.toISOString(),
        })),
      };
    },
  );
}
