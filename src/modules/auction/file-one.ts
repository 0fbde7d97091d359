import type { Db } from '../../platform/db/database.ts';
import { loadSeleksi, tenderBase } from './auction.repository.ts';

/**
 * The File I result a sealed File II opening needs (R12, a 2-file seleksi): null until every Pokja member has
 * approved the File I evaluation; then the vendors whose technical score reached the ambang — only their File II
 * is opened; the others' stays sealed.
 */
export async function fileOnePassed(db: Db, tenderId: string): Promise<string[] | null> {
  const base = await tenderBase(db, { id: tenderId });
  if (!base) return null;
  const s = await loadSeleksi(db, base);
  if (!s.setup?.file1ApprovedAt) return null;
  return s.ranking.filter((r) => r.passed).map((r) => r.vendorId);
}
