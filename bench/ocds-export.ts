import { request } from 'node:http';
import pg from 'pg';

/**
 * Issue 13's bulk-export figures: N generated releases (BENCH_OCDS_RELEASES, default 1,000,000) are inserted by SQL
 * into a platform's PostgreSQL database, then GET /api/v1/ocds/releases.jsonl is read to the end by a client that
 * counts lines. Printed: releases/s over the whole download, and how much the server's RSS grew while streaming
 * (sampled every 50 ms from /proc) — the export reads keyset batches, so it must not grow with N.
 */
export const OCDS_RELEASES = Number(process.env.BENCH_OCDS_RELEASES ?? 1_000_000);

/** A tender release as the mapper writes it (about 1.3 KB), with __N__ for the number. */
const TEMPLATE = JSON.stringify({
  ocid: 'ocds-demo00-tender-B__N__',
  id: 'ocds-demo00-tender-B__N__-__N__',
  date: '2026-03-02T01:00:00.000Z',
  tag: ['tender'],
  initiationType: 'tender',
  language: 'id',
  parties: [
    { id: 'ID-KLPD-PUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', roles: ['buyer'] },
    { id: 'ID-KLPD-SETDA', name: 'Bagian Pengadaan Barang dan Jasa Setda', roles: ['procuringEntity'] },
  ],
  buyer: { id: 'ID-KLPD-PUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
  planning: {
    budget: { id: '900000__N__', amount: { amount: 1250000000, currency: 'IDR' }, description: 'Pagu paket' },
  },
  tender: {
    id: 'B__N__',
    title: 'Peningkatan Jalan Desa Lantagi – Lampeapi Paket __N__',
    status: 'active',
    procuringEntity: { id: 'ID-KLPD-SETDA', name: 'Bagian Pengadaan Barang dan Jasa Setda' },
    value: { amount: 1012500000, currency: 'IDR' },
    procurementMethod: 'open',
    procurementMethodDetails: 'Tender (Pascakualifikasi Satu File - Harga Terendah Sistem Gugur)',
    mainProcurementCategory: 'works',
    submissionMethod: ['electronicSubmission'],
    tenderPeriod: { startDate: '2026-03-05T00:00:00.000Z', endDate: '2026-03-12T08:00:00.000Z' },
    enquiryPeriod: { startDate: '2026-03-04T01:00:00.000Z', endDate: '2026-03-04T08:00:00.000Z' },
    hasEnquiries: true,
    eligibilityCriteria: 'Kualifikasi usaha: kecil\nIzin usaha: NIB/SBU Pekerjaan Konstruksi\nKBLI: 42101',
  },
  relatedProcesses: [
    {
      id: 'rup-900000__N__',
      relationship: ['planning'],
      scheme: 'ocid',
      identifier: 'ocds-demo00-rup-900000__N__',
    },
  ],
});

export async function seedReleases(url: string, n: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const chunk = 100_000;
    for (let from = 1; from <= n; from += chunk) {
      const to = Math.min(n, from + chunk - 1);
      await client.query(
        `insert into ocds_releases (seq, ocid, release_id, tag, date, action, json)
         select g, 'ocds-demo00-tender-B' || g, 'ocds-demo00-tender-B' || g || '-' || g, array['tender'],
                now(), 'bench', replace($1::text, '__N__', g::text)
         from generate_series($2::bigint, $3::bigint) g`,
        [TEMPLATE, from, to],
      );
    }
    await client.query(`select setval('ocds_release_seq', $1)`, [n]);
    await client.query('analyze ocds_releases');
  } finally {
    await client.end();
  }
}

/** Reads the whole export, counting lines; samples the server's RSS meanwhile. */
export async function measureExport(baseUrl: string, serverRssMb: () => number) {
  const before = serverRssMb();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, serverRssMb());
  }, 50);
  const t0 = performance.now();
  let lines = 0;
  let bytes = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      request(`${baseUrl}/api/v1/ocds/releases.jsonl`, (res) => {
        if (res.statusCode !== 200) reject(new Error(`export answered ${res.statusCode}`));
        res.on('data', (buf: Buffer) => {
          bytes += buf.length;
          for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines += 1;
        });
        res.on('end', resolve);
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { lines, bytes, seconds, perSecond: lines / seconds, rssBeforeMb: before, rssGrowthMb: peak - before };
}
