import { filterQueryOf } from '../../platform/ui/pager.tsx';
import { JENIS, METODE, parseRupiah } from '../rup/index.ts';
import { currentBundles } from './methods/index.ts';
import { MAX_PAGE, PUBLIC_STATUSES, type PublicStatus, type TenderFilters } from './public.repository.ts';

/** Raw filter values as typed, for redisplay in the form and the paging links. */
export interface TenderFilterValues {
  q: string;
  tahun: string;
  agency: string;
  jenis: string;
  metode: string;
  tahap: string;
  hpsMin: string;
  hpsMax: string;
  status: string;
}

const str = (v: unknown, max = 100) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** Every stage code of the current bundles with its SPSE name, for the "tahap" filter. */
export function stageOptions(): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const b of currentBundles()) for (const s of b.stages) if (!seen.has(s.code)) seen.set(s.code, s.name);
  return [...seen].map(([code, name]) => ({ code, name }));
}

/** The list's query string read leniently, like /rup: a filter that cannot be read is dropped, never a 400. */
export function readTenderFilters(query: unknown) {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const values: TenderFilterValues = {
    q: str(q.q),
    tahun: str(q.tahun, 4),
    agency: str(q.agency, 20).toUpperCase(),
    jenis: str(q.jenis, 40),
    metode: str(q.metode, 40),
    tahap: str(q.tahap, 80),
    hpsMin: str(q.hpsMin, 40),
    hpsMax: str(q.hpsMax, 40),
    status: str(q.status, 20),
  };
  const filters: TenderFilters = {};
  let badHps = false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const text = values.q.replace(/[\u0000-\u001f\u007f]/g, '').replace(/[\ud800-\udfff]/g, '');
  if (text) filters.q = text;
  if (/^\d{4}$/.test(values.tahun)) filters.tahun = Number(values.tahun);
  if (/^[A-Z0-9.-]{1,20}$/.test(values.agency)) filters.agency = values.agency;
  if ((JENIS as readonly string[]).includes(values.jenis)) filters.jenis = values.jenis;
  if ((METODE as readonly string[]).includes(values.metode)) filters.metode = values.metode;
  if (stageOptions().some((s) => s.code === values.tahap)) filters.tahap = values.tahap;
  if ((PUBLIC_STATUSES as readonly string[]).includes(values.status)) filters.status = values.status as PublicStatus;
  for (const k of ['hpsMin', 'hpsMax'] as const) {
    if (!values[k]) continue;
    const v = parseRupiah(values[k]);
    if (v === null) badHps = true;
    else filters[k] = v;
  }
  const n = Number(str(q.page, 6));
  const page = Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_PAGE) : 1;
  return { filters, values, page, badHps };
}

export function tenderFilterQuery(values: TenderFilterValues, extra: Record<string, string> = {}): string {
  return filterQueryOf(values, extra);
}
