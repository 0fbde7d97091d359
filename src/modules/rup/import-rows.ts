import { type CsvError, csvRecords } from './csv.ts';
import { JENIS, type Jenis, METODE, type Metode, SUMBER_DANA, type SumberDana } from './methods.ts';
import { parseRupiah } from './money.ts';
import type { BudgetLineInput, PlanInput, PlanProblem } from './plan-input.ts';

/**
 * SiRUP-shaped import files: the ISB field names of `isb_rup_paket` and its budget lines (DOMAIN §2.3), one record
 * per budget line; records with the same `kd_rup` are one package. Because the package and the line both call their
 * amount `pagu` in ISB, a flat record carries the line's amount as `pagu_anggaran` (a package with one line may leave
 * it out: the line gets the package's pagu). JSON is an array of the same records (or `{ "data": [...] }`).
 */
export interface ImportGroup {
  /** First record's line (CSV) or index + 1 (JSON). */
  line: number;
  kode: number | null;
  nama: string;
  announce: boolean;
  ppkUsername: string | null;
  input: PlanInput | null;
  problems: PlanProblem[];
}

export type RawRecord = { line: number; values: Record<string, string> };

export class ImportFileError extends Error {}

/** Reads the file's text as CSV or JSON (by its first non-blank character, not its name). */
export function readImportFile(text: string): RawRecord[] {
  const trimmed = text.replace(/^\ufeff/, '').trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (err) {
      throw new ImportFileError((err as Error).message.slice(0, 200));
    }
    const list = Array.isArray(data) ? data : (data as { data?: unknown }).data;
    if (!Array.isArray(list)) throw new ImportFileError('JSON harus berupa larik (array) rekaman');
    return list.map((item, i) => {
      if (!item || typeof item !== 'object' || Array.isArray(item))
        throw new ImportFileError(`rekaman ${i + 1} bukan objek`);
      const values: Record<string, string> = {};
      for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
        if (v === null || v === undefined) continue;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
          values[k.toLowerCase()] = String(v);
      }
      return { line: i + 1, values };
    });
  }
  try {
    return csvRecords(text);
  } catch (err) {
    throw new ImportFileError((err as CsvError).message);
  }
}

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

const METODE_ALIASES: Record<string, Metode> = { epurchasing: 'e_purchasing', e_katalog: 'e_purchasing' };
function metodeOf(v: string): Metode | null | undefined {
  if (!v.trim()) return null;
  const n = norm(v);
  return (METODE as readonly string[]).includes(n) ? (n as Metode) : METODE_ALIASES[n];
}
function jenisOf(v: string): Jenis | null | undefined {
  if (!v.trim()) return null;
  const n = norm(v);
  if ((JENIS as readonly string[]).includes(n)) return n as Jenis;
  if (n.startsWith('jasa_konsultansi')) return 'jasa_konsultansi';
  return undefined;
}
function boolOf(v: string | undefined, dflt: boolean): boolean | undefined {
  if (v === undefined || v.trim() === '') return dflt;
  const n = norm(v);
  if (['true', '1', 'ya', 'y', 't', 'yes', 'terumumkan', 'umumkan'].includes(n)) return true;
  if (['false', '0', 'tidak', 'n', 'f', 'no', 'belum'].includes(n)) return false;
  return undefined;
}
const monthOf = (v: string | undefined) => {
  const m = /^(\d{4}-(0[1-9]|1[0-2]))/.exec((v ?? '').trim());
  return m ? m[1]! : null;
};
const text = (v: string | undefined, max = 4000) => {
  const s = (v ?? '').trim();
  return s ? s.slice(0, max) : null;
};

const fieldProblem = (field: string, message: string): PlanProblem => ({
  field,
  key: 'rup.problem.field',
  params: { field, message },
  code: 'RUP_IMPORT_FIELD',
});

/** Groups records by kd_rup and turns each group into a PlanInput, listing every problem of the group. */
export function groupRecords(records: RawRecord[]): ImportGroup[] {
  const groups = new Map<string, RawRecord[]>();
  records.forEach((r, i) => {
    const kode = (r.values.kd_rup ?? '').trim();
    const key = kode ? `k${kode}` : `row${i}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  });
  return [...groups.values()].map(toGroup);
}

function toGroup(rows: RawRecord[]): ImportGroup {
  const first = rows[0]!;
  const v = first.values;
  const problems: PlanProblem[] = [];
  const kodeRaw = (v.kd_rup ?? '').trim();
  let kode: number | null = null;
  if (kodeRaw) {
    if (/^\d{1,15}$/.test(kodeRaw)) kode = Number(kodeRaw);
    else problems.push(fieldProblem('kd_rup', 'bukan angka'));
  }
  const nama = (v.nama_paket ?? '').trim();
  if (!nama) problems.push(fieldProblem('nama_paket', 'wajib diisi'));
  const tahun = Number((v.tahun_anggaran ?? '').trim());
  if (!Number.isInteger(tahun) || tahun < 2000 || tahun > 2100)
    problems.push(fieldProblem('tahun_anggaran', 'tidak sah'));
  const pagu = parseRupiah(v.pagu ?? '');
  if (pagu === null) problems.push(fieldProblem('pagu', 'bukan rupiah bulat'));
  for (const r of rows.slice(1)) {
    if ((r.values.nama_paket ?? '').trim() !== nama || (r.values.pagu ?? '').trim() !== (v.pagu ?? '').trim()) {
      problems.push({
        field: 'kd_rup',
        key: 'rup.problem.mixedRows',
        params: { kode: kodeRaw },
        code: 'RUP_IMPORT_MIXED',
      });
      break;
    }
  }
  const tipeRaw = norm(v.tipe_paket ?? 'penyedia');
  const tipe = tipeRaw.startsWith('swakelola')
    ? 'swakelola'
    : tipeRaw === '' || tipeRaw.startsWith('penyedia')
      ? 'penyedia'
      : null;
  if (!tipe) problems.push(fieldProblem('tipe_paket', 'Penyedia atau Swakelola'));
  const metode = metodeOf(v.metode_pengadaan ?? v.kd_metode_pengadaan ?? '');
  if (metode === undefined) problems.push(fieldProblem('metode_pengadaan', 'tidak dikenal'));
  const jenis = jenisOf(v.jenis_pengadaan ?? v.kd_jenis_pengadaan ?? '');
  if (jenis === undefined) problems.push(fieldProblem('jenis_pengadaan', 'tidak dikenal'));
  const statusPdn = boolOf(v.status_pdn, true);
  const statusUkm = boolOf(v.status_ukm, true);
  if (statusPdn === undefined) problems.push(fieldProblem('status_pdn', 'ya/tidak'));
  if (statusUkm === undefined) problems.push(fieldProblem('status_ukm', 'ya/tidak'));
  const announce = boolOf(v.status_umumkan_rup, false);
  const tipeSwakelola = v.tipe_swakelola?.trim() ? Number(v.tipe_swakelola.trim()) : null;
  if (tipeSwakelola !== null && ![1, 2, 3, 4].includes(tipeSwakelola))
    problems.push(fieldProblem('tipe_swakelola', '1–4'));

  const lines: BudgetLineInput[] = [];
  rows.forEach((r) => {
    const lv = r.values;
    const sumber = (lv.sumber_dana ?? '').trim().toUpperCase();
    if (!(SUMBER_DANA as readonly string[]).includes(sumber)) {
      problems.push(fieldProblem('sumber_dana', `baris ${r.line}: ${SUMBER_DANA.join(', ')}`));
    }
    const linePagu = lv.pagu_anggaran?.trim() ? parseRupiah(lv.pagu_anggaran) : rows.length === 1 ? pagu : null;
    if (linePagu === null) problems.push(fieldProblem('pagu_anggaran', `baris ${r.line}: bukan rupiah bulat`));
    const codes = {
      kodeProgram: (lv.kd_program ?? '').trim(),
      kodeKegiatan: (lv.kd_kegiatan ?? '').trim(),
      kodeSubKegiatan: (lv.kd_subkegiatan ?? '').trim(),
      mak: (lv.mak ?? '').trim(),
    };
    for (const [k, c] of Object.entries({
      kd_program: codes.kodeProgram,
      kd_kegiatan: codes.kodeKegiatan,
      kd_subkegiatan: codes.kodeSubKegiatan,
      mak: codes.mak,
    })) {
      if (!/^[0-9A-Za-z.]{1,60}$/.test(c)) problems.push(fieldProblem(k, `baris ${r.line}: wajib, angka/huruf/titik`));
    }
    if (linePagu !== null) lines.push({ ...codes, sumberDana: (sumber || 'APBD') as SumberDana, pagu: linePagu });
  });

  const input: PlanInput | null =
    problems.length === 0
      ? {
          tipe: tipe!,
          tahunAnggaran: tahun,
          namaPaket: nama.slice(0, 500),
          satkerKode: text(v.kd_satker_str ?? v.kd_satker, 30),
          satkerNama: text(v.nama_satker, 300),
          pagu: pagu!,
          sumberDana: lines[0]!.sumberDana,
          metode: tipe === 'penyedia' ? (metode ?? null) : null,
          jenis: tipe === 'penyedia' ? (jenis ?? null) : null,
          alasanPenunjukan: text(v.alasan_penunjukan, 60),
          tipeSwakelola: tipe === 'swakelola' ? tipeSwakelola : null,
          bulanPemilihan: monthOf(v.tgl_awal_pemilihan),
          bulanKontrak: monthOf(v.tgl_awal_kontrak),
          bulanPemanfaatan: monthOf(v.tgl_awal_pemanfaatan),
          statusPdn: statusPdn!,
          statusUkm: statusUkm!,
          alasanNonUkm: text(v.alasan_non_ukm, 500),
          lokasi: text(v.lokasi_pekerjaan ?? v.lokasi, 300),
          volume: text(v.volume_pekerjaan, 200),
          // ISB spells it `urarian_pekerjaan`; accept the correct spelling too.
          uraian: text(v.urarian_pekerjaan ?? v.uraian_pekerjaan),
          spesifikasi: text(v.spesifikasi_pekerjaan),
          ppkUserId: null,
          lines,
        }
      : null;
  return {
    line: first.line,
    kode,
    nama,
    announce: announce ?? false,
    ppkUsername: text(v.username_ppk, 60),
    input,
    problems,
  };
}
