import { filterQueryOf } from '../../platform/ui/pager.tsx';
import { JENIS, METODE } from './methods.ts';
import { parseRupiah } from './money.ts';
import { MAX_PAGE, type PublicFilters } from './rup.repository.ts';

/** Raw filter values as typed, for redisplay in the form and the links (paging, CSV). */
export interface FilterValues {
  q: string;
  tahun: string;
  agency: string;
  metode: string;
  jenis: string;
  tipe: string;
  paguMin: string;
  paguMax: string;
}

const str = (v: unknown, max = 100) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/**
 * The public list's query string, read leniently: a filter that cannot be read is dropped (the page says so for a
 * budget), never a 400 or a database error — the portal is linked from everywhere.
 */
export function readFilters(query: unknown): {
  filters: PublicFilters;
  values: FilterValues;
  page: number;
  badPagu: boolean;
} {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const values: FilterValues = {
    q: str(q.q),
    tahun: str(q.tahun, 4),
    agency: str(q.agency, 20).toUpperCase(),
    metode: str(q.metode, 40),
    jenis: str(q.jenis, 40),
    tipe: str(q.tipe, 20),
    paguMin: str(q.paguMin, 40),
    paguMax: str(q.paguMax, 40),
  };
  const filters: PublicFilters = {};
  let badPagu = false;
  // Strip control characters (NUL cannot go to PostgreSQL) from the search text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const text = values.q.replace(/[\u0000-\u001f\u007f]/g, '').replace(/[\ud800-\udfff]/g, '');
  if (text) filters.q = text;
  if (/^\d{4}$/.test(values.tahun)) filters.tahun = Number(values.tahun);
  if (/^[A-Z0-9.-]{1,20}$/.test(values.agency)) filters.agency = values.agency;
  if ((METODE as readonly string[]).includes(values.metode)) filters.metode = values.metode;
  if ((JENIS as readonly string[]).includes(values.jenis)) filters.jenis = values.jenis;
  if (values.tipe === 'penyedia' || values.tipe === 'swakelola') filters.tipe = values.tipe;
  for (const k of ['paguMin', 'paguMax'] as const) {
    if (!values[k]) continue;
    const v = parseRupiah(values[k]);
    if (v === null) badPagu = true;
    else filters[k] = v;
  }
  const n = Number(str(q.page, 6));
  const page = Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_PAGE) : 1;
  return { filters, values, page, badPagu };
}

/** The query string of these filters (empty ones left out), plus extra parameters. */
export function filterQuery(values: FilterValues, extra: Record<string, string> = {}): string {
  return filterQueryOf(values, extra);
}
