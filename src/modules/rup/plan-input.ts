import { formatRupiah } from '../../platform/i18n/i18n.ts';
import type { MessageKey } from '../../registry.ts';
import { checkMethod, type Jenis, type Metode, type SumberDana } from './methods.ts';

/** One budget line of a plan (SiRUP `paket-anggaran-penyedia`). */
export interface BudgetLineInput {
  kodeProgram: string;
  kodeKegiatan: string;
  kodeSubKegiatan: string;
  mak: string;
  sumberDana: SumberDana;
  pagu: bigint;
}

/** A plan as a command receives it, already parsed (from the form, the API or an import row). */
export interface PlanInput {
  tipe: 'penyedia' | 'swakelola';
  tahunAnggaran: number;
  namaPaket: string;
  satkerKode: string | null;
  satkerNama: string | null;
  pagu: bigint;
  sumberDana: SumberDana;
  metode: Metode | null;
  jenis: Jenis | null;
  alasanPenunjukan: string | null;
  tipeSwakelola: number | null;
  bulanPemilihan: string | null;
  bulanKontrak: string | null;
  bulanPemanfaatan: string | null;
  statusPdn: boolean;
  statusUkm: boolean;
  alasanNonUkm: string | null;
  lokasi: string | null;
  volume: string | null;
  uraian: string | null;
  spesifikasi: string | null;
  ppkUserId: string | null;
  lines: BudgetLineInput[];
}

/** A problem with a plan: the field it belongs to, the catalogue key and its parameters. */
export interface PlanProblem {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
  /** Stable code for the API and the import report. */
  code: string;
}

/**
 * The rules a plan must meet before it is saved or announced, all at once so a form or an import row lists every
 * problem: budget lines add up to the pagu, the method fits category and pagu (methods.ts), swakelola has its type,
 * a plan not reserved for small businesses says why, the months are in order.
 */
export function planProblems(p: PlanInput): PlanProblem[] {
  const out: PlanProblem[] = [];
  if (p.lines.length === 0) out.push({ field: 'l0_pagu', key: 'rup.problem.noLines', code: 'RUP_NO_BUDGET_LINES' });
  const sum = p.lines.reduce((s, l) => s + l.pagu, 0n);
  if (p.lines.length > 0 && sum !== p.pagu) {
    out.push({
      field: 'pagu',
      key: 'rup.problem.linesSum',
      params: { sum: formatRupiah(sum), pagu: formatRupiah(p.pagu) },
      code: 'RUP_LINES_SUM',
    });
  }
  p.lines.forEach((l, i) => {
    if (!l.kodeKegiatan.startsWith(l.kodeProgram) || !l.kodeSubKegiatan.startsWith(l.kodeKegiatan)) {
      out.push({
        field: `l${i}_sub`,
        key: 'rup.problem.lineHierarchy',
        params: { line: i + 1 },
        code: 'RUP_LINE_HIERARCHY',
      });
    }
  });
  if (p.tipe === 'penyedia') {
    if (!p.jenis) out.push({ field: 'jenis', key: 'rup.problem.jenisRequired', code: 'RUP_JENIS_REQUIRED' });
    if (!p.metode) out.push({ field: 'metode', key: 'rup.problem.metodeRequired', code: 'RUP_METODE_REQUIRED' });
    if (p.jenis && p.metode) {
      const check = checkMethod(p.metode, p.jenis, p.pagu, p.alasanPenunjukan);
      if (!check.ok) {
        out.push({
          field: check.code === 'METHOD_NEEDS_CASE' ? 'alasanPenunjukan' : 'metode',
          key: `rup.problem.${check.code}` as MessageKey,
          params: {
            metode: p.metode,
            jenis: p.jenis,
            threshold: check.threshold !== undefined ? formatRupiah(check.threshold) : '',
            source: check.source,
          },
          code: check.code,
        });
      }
    }
    if (!p.statusUkm && !p.alasanNonUkm) {
      out.push({ field: 'alasanNonUkm', key: 'rup.problem.alasanNonUkm', code: 'RUP_NON_UKM_REASON' });
    }
  } else if (!p.tipeSwakelola) {
    out.push({ field: 'tipeSwakelola', key: 'rup.problem.tipeSwakelola', code: 'RUP_TIPE_SWAKELOLA' });
  }
  const months = [p.bulanPemilihan, p.bulanKontrak, p.bulanPemanfaatan].filter((m): m is string => !!m);
  for (let i = 1; i < months.length; i++) {
    if (months[i]! < months[i - 1]!) {
      out.push({ field: 'bulanKontrak', key: 'rup.problem.monthsOrder', code: 'RUP_MONTHS_ORDER' });
      break;
    }
  }
  return out;
}
