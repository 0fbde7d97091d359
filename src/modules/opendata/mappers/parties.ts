import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { agencies } from '../../organisation/organisation.schema.ts';

/** A party id: the agency's code in this LPSE, stable across releases (PEERS §5.4). */
export const partyId = (code: string) => `ID-KLPD-${code}`;

/** Agencies as OCDS parties, with their roles (buyer, procuringEntity…). One party per agency, roles merged. */
export async function agencyParties(tx: Db, roles: { agencyId: string; role: string }[]) {
  const ids = [...new Set(roles.map((r) => r.agencyId))];
  if (ids.length === 0) return { parties: [], ref: () => undefined };
  const rows = await tx
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, address: agencies.address })
    .from(agencies)
    .where(ids.length === 1 ? eq(agencies.id, ids[0]!) : inArray(agencies.id, ids));
  const parties = rows.map((a) => ({
    id: partyId(a.code),
    name: a.name,
    address: a.address ? { streetAddress: a.address, countryName: 'Indonesia' } : undefined,
    roles: [...new Set(roles.filter((r) => r.agencyId === a.id).map((r) => r.role))],
  }));
  const ref = (agencyId: string | null | undefined) => {
    const a = rows.find((r) => r.id === agencyId);
    return a ? { id: partyId(a.code), name: a.name } : undefined;
  };
  return { parties, ref };
}
