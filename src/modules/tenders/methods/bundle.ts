import { z } from 'zod';

/**
 * A selection method as a configuration bundle (DESIGN-PROCUREMENT §1): the ordered stages with their exact SPSE
 * names, minimum durations, overlaps, the document and evaluation methods, who may declare failure and the sanggah
 * periods, each with its legal source. A bundle has an `id` and a `version`; a tender keeps the id and version it
 * started with, so a new regulation is a new bundle file next to the old one, never a code change.
 */

const code = z.string().regex(/^[a-z][a-z0-9_]*$/, 'snake_case code');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const DurationSchema = z.object({
  n: z.number().int().min(0).max(400),
  unit: z.enum(['working_days', 'calendar_days', 'hours']),
});

/**
 * When a stage starts, relative to another stage of the same bundle:
 * - `template`: at the schedule's start date (the first stage);
 * - `after`: when the named stage ends (the default: after the stage listed before it);
 * - `with`: when the named stage starts (the two overlap, as SPSE's Pengumuman and Download Dokumen Pemilihan do).
 */
export const AnchorSchema = z.union([
  z.object({ at: z.literal('template') }),
  z.object({ after: code }),
  z.object({ with: code }),
]);

/** What a stage is for, so later code finds "the upload stage" of any bundle without knowing its code. */
export const STAGE_ROLES = [
  'announcement',
  'invitation',
  'registration',
  'document_download',
  'clarification',
  'qualification_submission',
  'qualification_evaluation',
  'qualification_proof',
  'qualification_result',
  'qualification_sanggah',
  'bid_upload',
  'bid_opening',
  'evaluation',
  'technical_result',
  'price_opening',
  'negotiation',
  'award_decision',
  'award_announcement',
  'sanggah',
  'sppbj',
  'contract',
] as const;

export const ACTORS = ['POKJA', 'PEJABAT_PENGADAAN', 'PENYEDIA', 'PPK', 'PA_KPA', 'SYSTEM'] as const;

export const StageSchema = z.object({
  code,
  /** Exactly as SPSE shows it in the jadwal (Bahasa Indonesia); the English label is `tenders.stage.<code>`. */
  name: z.string().min(3),
  role: z.enum(STAGE_ROLES),
  /** Who acts in the stage. */
  actors: z.array(z.enum(ACTORS)).min(1),
  minDuration: DurationSchema,
  start: AnchorSchema.optional(),
  /** The stage lasts at least until the named stage ends (Download Dokumen Pemilihan runs until the upload closes). */
  until: code.optional(),
  /** Closing time of this stage's last day, when it differs from the bundle's. */
  endTime: time.optional(),
  /** May be left out of the schedule (SPSE lets the Pokja skip it, e.g. Pemberian Penjelasan in Tender Cepat). */
  optional: z.boolean().optional(),
  source: z.string().min(3).optional(),
});

const SanggahSchema = z.object({
  /** How long vendors may file, from the award announcement. */
  filing: DurationSchema,
  /** How long the Pokja (or PA/KPA for a banding) has to answer. */
  answer: DurationSchema,
  /** Only for these procurement categories (sanggah banding: construction only since Perpres 12/2021). */
  jenis: z.array(z.enum(['barang', 'pekerjaan_konstruksi', 'jasa_konsultansi', 'jasa_lainnya'])).optional(),
  source: z.string().min(3),
});

export const FAILURE_REASONS = [
  'a_kesalahan_evaluasi',
  'b_tidak_ada_penawaran',
  'c_tidak_ada_yang_lulus',
  'd_kesalahan_dokumen_pemilihan',
  'e_kkn_peserta',
  'f_persaingan_tidak_sehat',
  'g_harga_di_atas_hps',
  'h_negosiasi_biaya_gagal',
  'i_kkn_pokja_ppk',
] as const;

export const BundleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** The regulation version, e.g. `2021.1`; id + version is unique. */
    version: z.string().regex(/^\d{4}\.\d+$/),
    /** `metode_pengadaan` of the plan (rup/methods.ts) this bundle serves. */
    metode: z.enum(['tender', 'seleksi', 'tender_cepat', 'pengadaan_langsung', 'penunjukan_langsung']),
    /** The name as SPSE shows it in "Metode Pengadaan". */
    name: z.string().min(3),
    jenis: z.array(z.enum(['barang', 'pekerjaan_konstruksi', 'jasa_konsultansi', 'jasa_lainnya'])).min(1),
    qualification: z.enum(['pascakualifikasi', 'prakualifikasi', 'sikap', 'tanpa']),
    documentMethod: z.enum(['satu_file', 'dua_file', 'dua_tahap']),
    /** Evaluation methods this bundle allows; the first is the default. */
    evaluationMethods: z
      .array(
        z.enum([
          'harga_terendah_sistem_gugur',
          'sistem_nilai',
          'penilaian_biaya_selama_umur_ekonomis',
          'kualitas',
          'kualitas_biaya',
          'pagu_anggaran',
          'biaya_terendah',
          'harga_terendah_reverse_auction',
          'klarifikasi_negosiasi',
        ]),
      )
      .min(1),
    /** Who may declare the tender failed, and for which reasons (Perpres 16/2018 Ps. 51). */
    failure: z
      .array(
        z.object({ by: z.enum(['POKJA', 'PEJABAT_PENGADAAN', 'PA_KPA']), reasons: z.array(z.enum(FAILURE_REASONS)) }),
      )
      .min(1),
    sanggah: SanggahSchema.nullable(),
    sanggahBanding: SanggahSchema.nullable(),
    workingHours: z.object({ start: time, end: time }),
    stages: z.array(StageSchema).min(1),
    /** Where the rules come from. */
    source: z.string().min(3),
    /** What has not been checked against the regulation text yet. */
    caveat: z.string().optional(),
  })
  .superRefine((b, ctx) => {
    const codes = new Set<string>();
    for (const [i, s] of b.stages.entries()) {
      if (codes.has(s.code)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'code'], message: 'duplicate stage' });
      codes.add(s.code);
    }
    for (const [i, s] of b.stages.entries()) {
      for (const ref of [
        s.start && 'after' in s.start ? s.start.after : null,
        s.start && 'with' in s.start ? s.start.with : null,
        s.until ?? null,
      ]) {
        if (ref !== null && !codes.has(ref)) {
          ctx.addIssue({ code: 'custom', path: ['stages', i], message: `unknown stage ${ref}` });
        }
      }
      if (i === 0 && !(s.start && 'at' in s.start)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', 0, 'start'],
          message: 'the first stage starts at the template',
        });
      }
      if (i > 0 && s.start && 'at' in s.start) {
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'start'], message: 'only the first stage is the template' });
      }
      if (s.minDuration.n === 0) {
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'minDuration'], message: 'a stage lasts at least 1' });
      }
    }
    // No cycles among start anchors and `until`.
    const deps = new Map(b.stages.map((s, i) => [s.code, depsOf(b.stages, i)]));
    const state = new Map<string, 1 | 2>();
    const visit = (c: string): boolean => {
      if (state.get(c) === 2) return true;
      if (state.get(c) === 1) return false;
      state.set(c, 1);
      for (const d of deps.get(c) ?? []) if (!visit(d)) return false;
      state.set(c, 2);
      return true;
    };
    for (const s of b.stages) {
      if (!visit(s.code)) {
        ctx.addIssue({ code: 'custom', path: ['stages'], message: `cycle through ${s.code}` });
        break;
      }
    }
  });

export type BundleInput = z.input<typeof BundleSchema>;
export type Bundle = z.output<typeof BundleSchema>;
export type Stage = Bundle['stages'][number];
export type StageAnchor = { at: 'template' } | { after: string } | { with: string };

/** The effective start anchor of stage `i` (default: after the stage listed before it). */
export function anchorOf(stages: readonly Stage[], i: number): StageAnchor {
  const s = stages[i]!;
  if (s.start) return s.start;
  return i === 0 ? { at: 'template' } : { after: stages[i - 1]!.code };
}

/** The stages stage `i` depends on in the template. */
export function depsOf(stages: readonly Stage[], i: number): string[] {
  const a = anchorOf(stages, i);
  const out: string[] = [];
  if ('after' in a) out.push(a.after);
  if ('with' in a) out.push(a.with);
  if (stages[i]!.until) out.push(stages[i]!.until!);
  return out;
}

/** Validates a bundle (throws a readable error naming the bundle). */
export function parseBundle(input: unknown): Bundle {
  const r = BundleSchema.safeParse(input);
  if (!r.success) {
    const id = (input as { id?: string; version?: string }) ?? {};
    throw new Error(`Invalid method bundle ${id.id}@${id.version}: ${z.prettifyError(r.error)}`);
  }
  return r.data;
}

/** Who runs a tender: its Pokja, or a Pengadaan Langsung's Pejabat Pengadaan. */
export type Official = 'POKJA' | 'PEJABAT_PENGADAAN';

/**
 * Who runs a tender of this bundle: the Pejabat Pengadaan when its stages name one (Pengadaan Langsung), else the
 * Pokja. Only that role's members of the SULAP package build, approve and run it.
 */
export function officialOf(b: Pick<Bundle, 'stages'>): Official {
  return b.stages.some((s) => (s.actors as readonly string[]).includes('PEJABAT_PENGADAAN'))
    ? 'PEJABAT_PENGADAAN'
    : 'POKJA';
}

/** Bundles where only a vendor invited by the official may join (Pengadaan Langsung, Penunjukan Langsung). */
export const INVITATION_METODES: readonly string[] = ['pengadaan_langsung', 'penunjukan_langsung'];
export const needsInvitation = (b: Pick<Bundle, 'metode'>) => INVITATION_METODES.includes(b.metode);
