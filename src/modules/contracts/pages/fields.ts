import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import { dateField, optionalText, requiredText } from '../../../platform/http/fields.ts';
import { JENIS_KONTRAK } from '../../tenders/index.ts';
import { RATING_CRITERIA, type RatingCriterion } from '../rating.ts';
import { parsePercent } from '../rules.ts';

/** Integer rupiah as typed ("1.250.000.000", "Rp 1.250.000.000"): digit by digit into a bigint (DOMAIN §2.5). */
function toRupiah(raw: string | undefined, allowZero: boolean): bigint | null | 'invalid' {
  const v = (raw ?? '')
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s+/g, '')
    .replace(/,(00|-)$/, '');
  if (!v) return null;
  if (!/^(\d{1,3}(\.\d{3})+|\d+)$/.test(v)) return 'invalid';
  const digits = v.replace(/\./g, '').replace(/^0+(?=\d)/, '');
  if (digits.length > 18) return 'invalid';
  const n = BigInt(digits);
  return n > 0n || allowZero ? n : 'invalid';
}

export const rupiahField = (opts: { allowZero?: boolean } = {}) =>
  z.string({ error: 'validation.required' }).transform((raw, ctx): bigint => {
    const v = toRupiah(raw, !!opts.allowZero);
    if (v === null) ctx.addIssue({ code: 'custom', message: 'validation.required' });
    else if (v === 'invalid') ctx.addIssue({ code: 'custom', message: 'contracts.validation.rupiah' });
    return typeof v === 'bigint' ? v : 0n;
  });

export const optionalRupiahField = () =>
  z
    .string()
    .optional()
    .transform((raw, ctx): bigint | null => {
      const v = toRupiah(raw, false);
      if (v === 'invalid') ctx.addIssue({ code: 'custom', message: 'contracts.validation.rupiah' });
      return typeof v === 'bigint' ? v : null;
    });

export const optionalDateField = () =>
  z
    .string()
    .optional()
    .transform((raw, ctx): string | null => {
      const v = (raw ?? '').trim();
      if (!v) return null;
      const r = dateField().safeParse(v);
      if (!r.success) ctx.addIssue({ code: 'custom', message: 'validation.date' });
      return r.success ? r.data : null;
    });

export const percentField = () =>
  z.string({ error: 'validation.required' }).transform((raw, ctx): number => {
    const v = parsePercent(raw);
    if (v === null) ctx.addIssue({ code: 'custom', message: 'contracts.validation.percent' });
    return v ?? 0;
  });

export const SppbjSchema = z.object({
  sppbj_nomor: requiredText(100),
  sppbj_tanggal: dateField(),
  sppbj_nilai: rupiahField(),
  sppbj_jaminanNilai: optionalRupiahField(),
  sppbj_jaminanPenerbit: optionalText(200),
  sppbj_jaminanBerlakuSampai: optionalDateField(),
});

export const RespondSchema = z.object({
  keputusan: z.enum(['terima', 'tolak'], { error: 'validation.required' }),
  reason: optionalText(2000),
});

export const ContractSchema = z.object({
  kontrak_nomor: requiredText(100),
  kontrak_jenisKontrak: z.enum(JENIS_KONTRAK, { error: 'validation.required' }),
  kontrak_nilai: rupiahField(),
  kontrak_tanggal: dateField(),
  kontrak_mulai: dateField(),
  kontrak_selesai: dateField(),
  kontrak_ppkNama: requiredText(200),
  kontrak_ppkNip: z
    .string()
    .trim()
    .regex(/^(\d{18})?$/, 'validation.nip')
    .optional()
    .transform((v) => v || null),
  kontrak_penyediaNama: requiredText(200),
  kontrak_penyediaJabatan: requiredText(200),
});

export const AddendumSchema = z.object({
  adendum_nomor: requiredText(100),
  adendum_tanggal: dateField(),
  adendum_alasan: requiredText(2000),
  adendum_nilaiBaru: optionalRupiahField(),
  adendum_selesaiBaru: optionalDateField(),
  adendum_alasanSepuluhPersen: optionalText(2000),
});

export const SpmkSchema = z.object({
  spmk_nomor: requiredText(100),
  spmk_tanggal: dateField(),
  spmk_mulaiKerja: dateField(),
});

export const BapSchema = z.object({
  bap_nomor: requiredText(100),
  bap_tanggal: dateField(),
  bap_fisik: percentField(),
  bap_pembayaran: rupiahField({ allowZero: true }),
});

export const TerminationSchema = z.object({
  putus_tanggal: dateField(),
  putus_alasan: requiredText(4000),
  putus_kesalahanPenyedia: z
    .string()
    .optional()
    .transform((v) => v === 'ya'),
});

export const BastSchema = z.object({ bast_nomor: requiredText(100), bast_phoDate: dateField() });
export const FhoSchema = z.object({ fho_nomor: requiredText(100), fho_fhoDate: dateField() });

const score = z.enum(['0', '1', '2', '3'], { error: 'contracts.validation.score' }).transform(Number);
export const RatingSchema = z.object({
  nilai_kualitas: score,
  nilai_biaya: score,
  nilai_waktu: score,
  nilai_layanan: score,
  nilai_catatan: optionalText(2000),
});
export const scoresOf = (d: z.infer<typeof RatingSchema>) =>
  Object.fromEntries(RATING_CRITERIA.map((c) => [c.key, d[`nilai_${c.key}`]])) as Record<RatingCriterion, number>;

/**
 * Every form of the page carries its own prefix (the page shows several at once, and ids must be unique); a command's
 * refusal names its unprefixed field, so it is renamed here to land beside the right input.
 */
export async function inForm<T>(prefix: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && e.field && e.constructor === AppError)
      throw new AppError(e.code, e.status, e.messageKey, e.params, { field: `${prefix}_${e.field}` });
    throw e;
  }
}
