import { z } from 'zod';
import { optionalText, requiredText, uuidField } from '../../platform/http/fields.ts';
import { JENIS, METODE, PENUNJUKAN_CASES, SUMBER_DANA } from './methods.ts';
import { parseRupiah } from './money.ts';
import type { BudgetLineInput, PlanInput } from './plan-input.ts';

/** Budget line rows on the form (no JavaScript: a fixed number of rows; empty ones are ignored). */
export const LINE_ROWS = 5;
export const LINE_FIELDS = ['program', 'kegiatan', 'sub', 'mak', 'pagu'] as const;

/** Rupiah as people type it ("1.250.000.000"), parsed to a bigint without a float (money.ts). */
export const rupiahField = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .transform((s, ctx) => {
      const v = parseRupiah(s);
      if (v === null) {
        ctx.addIssue({ code: 'custom', message: 'rup.validation.rupiah' });
        return z.NEVER;
      }
      return v;
    });

const optionalMonth = () =>
  z
    .string()
    .trim()
    .regex(/^(\d{4}-(0[1-9]|1[0-2]))?$/, 'rup.validation.month')
    .optional()
    .transform((v) => (v ? v : null));

const yesNo = () => z.enum(['1', '0'], { error: 'validation.required' }).transform((v) => v === '1');

const lineShape: Record<string, z.ZodOptional<z.ZodString>> = {};
for (let i = 0; i < LINE_ROWS; i++) for (const f of LINE_FIELDS) lineShape[`l${i}_${f}`] = z.string().optional();

/** The plan form, flat as a browser posts it; becomes a `PlanInput` plus the chosen agency. */
export const PlanFormSchema = z
  .object({
    ...lineShape,
    agencyId: uuidField('rup.validation.agency'),
    tipe: z.enum(['penyedia', 'swakelola'], { error: 'validation.required' }),
    tahunAnggaran: z.coerce
      .number({ error: 'rup.validation.year' })
      .int('rup.validation.year')
      .min(2000, 'rup.validation.year')
      .max(2100, 'rup.validation.year'),
    namaPaket: requiredText(500),
    satkerKode: optionalText(30),
    pagu: rupiahField(),
    sumberDana: z.enum(SUMBER_DANA, { error: 'validation.required' }),
    jenis: z
      .enum([...JENIS, ''], { error: 'validation.invalid' })
      .optional()
      .transform((v) => (v ? v : null)),
    metode: z
      .enum([...METODE, ''], { error: 'validation.invalid' })
      .optional()
      .transform((v) => (v ? v : null)),
    alasanPenunjukan: z
      .enum([...PENUNJUKAN_CASES, ''], { error: 'validation.invalid' })
      .optional()
      .transform((v) => (v ? v : null)),
    tipeSwakelola: z
      .enum(['1', '2', '3', '4', ''], { error: 'validation.invalid' })
      .optional()
      .transform((v) => (v ? Number(v) : null)),
    bulanPemilihan: optionalMonth(),
    bulanKontrak: optionalMonth(),
    bulanPemanfaatan: optionalMonth(),
    statusPdn: yesNo(),
    statusUkm: yesNo(),
    alasanNonUkm: optionalText(500),
    lokasi: optionalText(300),
    volume: optionalText(200),
    uraian: optionalText(4000),
    spesifikasi: optionalText(4000),
    ppkUserId: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.uuid('validation.invalid').nullable()),
  })
  .transform((v, ctx) => {
    const lines: BudgetLineInput[] = [];
    const raw = v as unknown as Record<string, string | undefined>;
    for (let i = 0; i < LINE_ROWS; i++) {
      const cell = (f: string) => (raw[`l${i}_${f}`] ?? '').trim();
      if (LINE_FIELDS.every((f) => cell(f) === '')) continue;
      let bad = false;
      for (const f of ['program', 'kegiatan', 'sub', 'mak'] as const) {
        if (!/^[0-9A-Za-z.]{1,60}$/.test(cell(f))) {
          ctx.addIssue({ code: 'custom', path: [`l${i}_${f}`], message: 'rup.validation.code' });
          bad = true;
        }
      }
      const pagu = parseRupiah(cell('pagu'));
      if (pagu === null) {
        ctx.addIssue({ code: 'custom', path: [`l${i}_pagu`], message: 'rup.validation.rupiah' });
        bad = true;
      }
      if (bad) continue;
      lines.push({
        kodeProgram: cell('program'),
        kodeKegiatan: cell('kegiatan'),
        kodeSubKegiatan: cell('sub'),
        mak: cell('mak'),
        sumberDana: v.sumberDana,
        pagu: pagu!,
      });
    }
    const input: PlanInput = {
      tipe: v.tipe,
      tahunAnggaran: v.tahunAnggaran,
      namaPaket: v.namaPaket,
      satkerKode: v.satkerKode,
      satkerNama: null,
      pagu: v.pagu,
      sumberDana: v.sumberDana,
      metode: v.metode,
      jenis: v.jenis,
      alasanPenunjukan: v.alasanPenunjukan,
      tipeSwakelola: v.tipeSwakelola,
      bulanPemilihan: v.bulanPemilihan,
      bulanKontrak: v.bulanKontrak,
      bulanPemanfaatan: v.bulanPemanfaatan,
      statusPdn: v.statusPdn,
      statusUkm: v.statusUkm,
      alasanNonUkm: v.alasanNonUkm,
      lokasi: v.lokasi,
      volume: v.volume,
      uraian: v.uraian,
      spesifikasi: v.spesifikasi,
      ppkUserId: v.ppkUserId,
      lines,
    };
    return { agencyId: v.agencyId, input };
  });

/** The form values of a stored plan (to edit a draft or start a revision from it). */
export function formValuesOf(plan: {
  agencyId: string;
  tipe: string;
  tahunAnggaran: number;
  namaPaket: string;
  satkerKode: string | null;
  pagu: bigint;
  sumberDana: string;
  jenis: string | null;
  metode: string | null;
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
  lines: { kodeProgram: string; kodeKegiatan: string; kodeSubKegiatan: string; mak: string; pagu: bigint }[];
}): Record<string, string> {
  const dots = (n: bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const out: Record<string, string> = {
    agencyId: plan.agencyId,
    tipe: plan.tipe,
    tahunAnggaran: String(plan.tahunAnggaran),
    namaPaket: plan.namaPaket,
    satkerKode: plan.satkerKode ?? '',
    pagu: dots(plan.pagu),
    sumberDana: plan.sumberDana,
    jenis: plan.jenis ?? '',
    metode: plan.metode ?? '',
    alasanPenunjukan: plan.alasanPenunjukan ?? '',
    tipeSwakelola: plan.tipeSwakelola ? String(plan.tipeSwakelola) : '',
    bulanPemilihan: plan.bulanPemilihan ?? '',
    bulanKontrak: plan.bulanKontrak ?? '',
    bulanPemanfaatan: plan.bulanPemanfaatan ?? '',
    statusPdn: plan.statusPdn ? '1' : '0',
    statusUkm: plan.statusUkm ? '1' : '0',
    alasanNonUkm: plan.alasanNonUkm ?? '',
    lokasi: plan.lokasi ?? '',
    volume: plan.volume ?? '',
    uraian: plan.uraian ?? '',
    spesifikasi: plan.spesifikasi ?? '',
    ppkUserId: plan.ppkUserId ?? '',
  };
  plan.lines.forEach((l, i) => {
    out[`l${i}_program`] = l.kodeProgram;
    out[`l${i}_kegiatan`] = l.kodeKegiatan;
    out[`l${i}_sub`] = l.kodeSubKegiatan;
    out[`l${i}_mak`] = l.mak;
    out[`l${i}_pagu`] = dots(l.pagu);
  });
  return out;
}
