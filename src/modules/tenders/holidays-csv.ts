import { HOLIDAY_KINDS, type HolidayKind } from './tenders.schema.ts';

export interface HolidayInput {
  date: string;
  name: string;
  kind: HolidayKind;
}

export type CsvProblem = { line: number; problem: 'csvDate' | 'csvName' | 'csvKind' | 'csvColumns' };

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in `YYYY-MM-DD` (2026-02-30 is not). */
export function isIsoDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/**
 * Parses `date,name,kind` lines (a header line `date,name,kind` and blank lines are skipped; names may be quoted).
 * Returns every row, or every problem with its line number.
 */
export function parseHolidayCsv(
  text: string,
): { ok: true; rows: HolidayInput[] } | { ok: false; problems: CsvProblem[] } {
  const rows: HolidayInput[] = [];
  const problems: CsvProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    if (raw.trim() === '') continue;
    const cols = splitCsvLine(raw);
    if (i === 0 && cols[0]?.toLowerCase() === 'date') continue;
    if (cols.length !== 3) {
      problems.push({ line, problem: 'csvColumns' });
      continue;
    }
    const [date, name, kind] = cols as [string, string, string];
    if (!isIsoDate(date)) problems.push({ line, problem: 'csvDate' });
    else if (name === '' || name.length > 200) problems.push({ line, problem: 'csvName' });
    else if (!(HOLIDAY_KINDS as readonly string[]).includes(kind)) problems.push({ line, problem: 'csvKind' });
    else rows.push({ date, name, kind: kind as HolidayKind });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
