import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { runningContractsOf } from '../contracts/index.ts';
import { tenderParticipants, tenders } from '../tenders/tenders.schema.ts';

/** One piece of a vendor's running work on the platform. */
export interface RunningWork {
  /** `tender`: a running tender it takes part in; `kontrak`: a contract not yet handed over (contracts module). */
  kind: 'tender' | 'kontrak';
  kode: string | null;
  nama: string;
  href: string | null;
}

/**
 * "Cek paket berjalan" (issue 10 item 5): for each vendor, its participations in running tenders on this platform
 * (other than `exceptTenderId`) and its running contracts (signed, BAST not yet given), for the Pokja weighing its
 * workload (sisa kemampuan paket).
 */
export async function runningWorkOf(
  db: Db,
  vendorIds: readonly string[],
  exceptTenderId?: string,
): Promise<Map<string, RunningWork[]>> {
  const out = new Map<string, RunningWork[]>(vendorIds.map((v) => [v, []]));
  if (vendorIds.length === 0) return out;
  const conds = [inArray(tenderParticipants.vendorId, [...vendorIds]), eq(tenders.status, 'berlangsung')];
  if (exceptTenderId) conds.push(ne(tenders.id, exceptTenderId));
  const rows = await db
    .select({ vendorId: tenderParticipants.vendorId, kode: tenders.kode, nama: tenders.nama })
    .from(tenderParticipants)
    .innerJoin(tenders, eq(tenders.id, tenderParticipants.tenderId))
    .where(and(...conds))
    .orderBy(asc(tenderParticipants.joinedAt));
  for (const r of rows) {
    out.get(r.vendorId)?.push({
      kind: 'tender',
      kode: r.kode,
      nama: r.nama,
      href: r.kode ? `/tender/${r.kode}` : null,
    });
  }
  // Contracts signed and not yet handed over (contracts module): the heavier part of a vendor's workload.
  for (const c of await runningContractsOf(db, vendorIds)) {
    out.get(c.vendorId)?.push({
      kind: 'kontrak',
      kode: c.kodeTender,
      nama: `${c.namaPaket} (${c.nomor})`,
      href: c.kodeTender ? `/tender/${c.kodeTender}` : null,
    });
  }
  return out;
}
