import type { FastifyInstance } from 'fastify';
import { notFound } from '../../../platform/errors.ts';
import { PUBLIC } from '../../../platform/http/access.ts';
import { PUBLIC_CACHED } from '../../../platform/http/page-cache.ts';
import { pageCtx, sendHtml } from '../../../platform/ui/page.ts';
import { listAgencies } from '../../organisation/index.ts';
import { csvLine } from '../csv.ts';
import { readFilters } from '../filters.ts';
import { cachedPublic } from '../public-cache.ts';
import {
  findPlanByKode,
  listPublicPlans,
  listPublicPlansForCsv,
  publicTotalsPerAgency,
  publicYears,
  revisionsOf,
} from '../rup.repository.ts';
import { RupDetailView, RupListView } from '../views/public.views.tsx';

/** A kode RUP from a URL: digits only and within bigint, else "not found" (never a database error). */
export function parseKode(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw notFound();
  return Number(value);
}

/** SiRUP/ISB column names, so the download can be read back by the import and by tools built for ISB data. */
export const CSV_COLUMNS = [
  'kd_rup',
  'nama_paket',
  'tahun_anggaran',
  'kd_klpd',
  'nama_satker',
  'tipe_paket',
  'metode_pengadaan',
  'jenis_pengadaan',
  'pagu',
  'sumber_dana',
  'tgl_awal_pemilihan',
  'status_pdn',
  'status_ukm',
  'tgl_pengumuman_paket',
] as const;

const bigintJson = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

export async function rupPublicPages(app: FastifyInstance) {
  // R02: procurement plans on the public portal, no sign-in.
  app.get('/rup', { config: PUBLIC_CACHED }, async (req, reply) => {
    const { filters, values, page, badPagu } = readFilters(req.query);
    const db = req.ctx.db;
    const now = req.ctx.clock.now();
    const totals = await cachedPublic(`totals:${JSON.stringify(filters, bigintJson)}`, now, () =>
      publicTotalsPerAgency(db, filters),
    );
    const [{ rows, total }, years, agencies] = await Promise.all([
      listPublicPlans(
        db,
        filters,
        page,
        undefined,
        totals.reduce((s, r) => s + r.plans, 0),
      ),
      cachedPublic('years', now, () => publicYears(db)),
      listAgencies(db),
    ]);
    return sendHtml(
      reply,
      RupListView({ p: pageCtx(req, reply), values, page, badPagu, rows, total, totals, years, agencies }),
    );
  });

  app.get('/rup.csv', { config: PUBLIC }, async (req, reply) => {
    const { filters } = readFilters(req.query);
    const rows = await listPublicPlansForCsv(req.ctx.db, filters);
    let out = `\ufeff${csvLine([...CSV_COLUMNS])}`;
    for (const r of rows) {
      out += csvLine([
        r.kode,
        r.namaPaket,
        r.tahunAnggaran,
        r.agencyCode,
        r.satkerNama,
        r.tipe,
        r.metode,
        r.jenis,
        r.pagu,
        r.sumberDana,
        r.bulanPemilihan ? `${r.bulanPemilihan}-01` : '',
        r.statusPdn,
        r.statusUkm,
        r.announcedAt?.toISOString() ?? '',
      ]);
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="rup.csv"')
      .header('cache-control', 'no-store')
      .send(out);
  });

  app.get<{ Params: { kode: string } }>('/rup/:kode', { config: PUBLIC_CACHED }, async (req, reply) => {
    const kode = parseKode(req.params.kode);
    const plan = await findPlanByKode(req.ctx.db, kode);
    // Drafts and withdrawn drafts do not exist for the public (their own agency sees them under /kelola/rup).
    if (!plan || plan.status === 'draft' || plan.status === 'withdrawn') throw notFound();
    const revisions = await revisionsOf(req.ctx.db, kode);
    return sendHtml(reply, RupDetailView({ p: pageCtx(req, reply), plan, revisions }));
  });
}
