/**
 * CSV, RFC 4180. No CSV library is installed (node_modules has none), so this is a strict, small parser: quoted
 * fields with "" escapes and line breaks inside quotes, CRLF or LF records, a UTF-8 BOM skipped; a stray quote in an
 * unquoted field, text after a closing quote or an unterminated quote is an error with its line number, never a guess.
 * The delimiter is a comma, or a semicolon when the header line has semicolons and no commas (spreadsheets in the
 * Indonesian locale write those).
 */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (baris ${line})`);
  }
}

export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delim = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  let quoted = false; // the current field started with a quote
  let fieldStart = true;
  const endField = () => {
    row.push(field);
    field = '';
    quoted = false;
    fieldStart = true;
  };
  const endRow = () => {
    endField();
    // A blank line (one empty field) is not a record.
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (i < src.length) {
    const c = src[i]!;
    if (fieldStart && c === '"') {
      quoted = true;
      fieldStart = false;
      i++;
      // Inside quotes until the closing quote.
      for (;;) {
        if (i >= src.length) throw new CsvError('tanda kutip tidak ditutup', line);
        const d = src[i]!;
        if (d === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (d === '\n') line++;
        field += d;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== delim && next !== '\n' && next !== '\r') {
        throw new CsvError('teks setelah tanda kutip penutup', line);
      }
      continue;
    }
    fieldStart = false;
    if (c === delim) {
      endField();
      i++;
    } else if (c === '\r' && src[i + 1] === '\n') {
      endRow();
      line++;
      i += 2;
    } else if (c === '\n' || c === '\r') {
      endRow();
      line++;
      i++;
    } else if (c === '"') {
      throw new CsvError('tanda kutip di tengah kolom tanpa kutip', line);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || quoted || row.length > 0) endRow();
  return rows;
}

/** Header row + records → objects keyed by the (trimmed, lower-case) header names. */
export function csvRecords(text: string): { line: number; values: Record<string, string> }[] {
  const rows = parseCsv(text);
  if (rows.length === 0) return [];
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  return rows.slice(1).map((r, idx) => {
    const values: Record<string, string> = {};
    header.forEach((h, j) => {
      if (h) values[h] = r[j] ?? '';
    });
    return { line: idx + 2, values };
  });
}

/**
 * One CSV cell. Quoted when needed; a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading
 * apostrophe (OWASP "CSV injection"), so a package named "=HYPERLINK(…)" stays text.
 */
export function csvCell(value: string | number | bigint | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: (string | number | bigint | boolean | null | undefined)[]) =>
  `${cells.map(csvCell).join(',')}\r\n`;
