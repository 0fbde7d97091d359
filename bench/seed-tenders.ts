import { sql } from 'drizzle-orm';
/**
 * Seeds BENCH_TENDERS (default 10,000) announced tenders with their whole schedules into the configured database, for
 * the bench's public tender list and detail pages: `DATABASE_URL=… node --import tsx bench/seed-tenders.ts`. Tenders
 * are spread over two agencies, four years and every stage of the pascakualifikasi bundle, so that the list's filters
 * and the current-stage counts have real work to do. Kode tender 9000000001 is one of them (for the detail page).
 */
import { withDatabase } from '../src/cli/with-database.ts';
import { loadConfig } from '../src/config.ts';
import { latestBundle } from '../src/modules/tenders/index.ts';

const N = Number(process.env.BENCH_TENDERS ?? 10_000);
const bundle = latestBundle('tender-pascakualifikasi-1-file');
if (!bundle) throw new Error('no pascakualifikasi bundle');

await withDatabase(loadConfig(process.env), async (database) => {
  const db = database.db;
  await db.execute(sql`
    insert into agencies (id, code, name, kind, created_at)
    values (gen_random_uuid(), 'BENCHT1', 'Dinas Bench Tender Satu', 'OPD', now()),
           (gen_random_uuid(), 'BENCHT2', 'Dinas Bench Tender Dua', 'OPD', now())`);
  // Each tender's stages follow one another, two days each; tender i starts i hours before now, so they are spread
  // over every stage, from the announcement to finished.
  await db.execute(sql`
    insert into tenders (id, kode, nama, bundle_id, bundle_version, status, agency_id, created_at, jenis, metode,
                         tahun_anggaran, pagu, hps, jenis_kontrak, kualifikasi_usaha, lokasi, rup_kodes, announced_at)
    select gen_random_uuid(), (9000000000 + i)::text,
           'Pembangunan jalan bench ruas ' || i || ' Kecamatan ' || (i % 7),
           ${bundle.id}, ${bundle.version}, 'berlangsung',
           (select id from agencies where code = case when i % 2 = 0 then 'BENCHT1' else 'BENCHT2' end),
           now() - make_interval(hours => i), 'pekerjaan_konstruksi', 'tender', 2024 + (i % 4),
           1000000000 + i * 1000, 990000000 + i * 1000, 'harga_satuan', 'kecil', '["Langara"]'::jsonb,
           '[]'::jsonb, now() - make_interval(hours => i)
    from generate_series(1, ${N}) as i`);
  const stages = bundle.stages.map((s, ord) => sql`(${s.code}::text, ${ord}::int)`);
  await db.execute(sql`
    insert into tender_schedule (tender_id, stage, ord, starts_at, ends_at)
    select t.id, s.code, s.ord,
           t.announced_at + make_interval(days => 2 * s.ord),
           t.announced_at + make_interval(days => 2 * s.ord + 2)
    from tenders t, (values ${sql.join(stages, sql`, `)}) as s(code, ord)
    where t.kode like '9%'`);
  await db.execute(sql`analyze`);
  console.log(`seeded ${N} tenders of ${bundle.stages.length} stages each`);
});
