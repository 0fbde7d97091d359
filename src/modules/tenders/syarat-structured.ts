import { z } from 'zod';
import type { SyaratKualifikasi } from './tenders.schema.ts';

/**
 * The optional structured qualification requirements of the publication form (issue 10, R06): what SIKaP's
 * qualification check decides automatically. Every field may stay empty; the text lines remain what is published.
 */
const list = (re: RegExp, message: string) =>
  z
    .string()
    .trim()
    .max(300, 'validation.tooLong')
    .optional()
    .transform((v) => (v ?? '').split(/[\s,;]+/).filter(Boolean))
    .refine((xs) => xs.every((x) => re.test(x)), message)
    .transform((xs) => xs.map((x) => x.toUpperCase()));

const count = z
  .string()
  .trim()
  .regex(/^(\d{1,3})?$/, 'sikap.validation.int')
  .optional()
  .transform((v) => (v ? Number(v) : null));

/** "2; SKK Ahli Muda Teknik Jalan": a count, then the certificate (or equipment type), one per line. */
const countedLines = z
  .string()
  .trim()
  .max(2000, 'validation.tooLong')
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  )
  .refine((ls) => ls.every((l) => /^\d{1,3}\s*[;|]\s*\S/.test(l)), 'sikap.syarat.lineFormat')
  .transform((ls) =>
    ls.map((l) => {
      const [, n, what] = /^(\d{1,3})\s*[;|]\s*(.+)$/.exec(l)!;
      return { jumlah: Number(n), what: what!.trim() };
    }),
  );

export const structuredSyaratShape = {
  izinJenis: list(/^[A-Za-z]{2,8}$/, 'sikap.syarat.izinJenisFormat'),
  sbuSubklasifikasi: list(/^[A-Za-z]{2}\d{3}$/, 'sikap.syarat.sbuSubFormat'),
  sbuKualifikasi: list(/^(K[1-3]|M[12]|B[12])$/i, 'sikap.syarat.sbuGradeFormat'),
  pengalamanJumlah: count,
  pengalamanNilai: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ?? '').replace(/^Rp\s*/i, '').replace(/[.\s]/g, ''))
    .refine((v) => v === '' || /^[1-9]\d{0,15}$/.test(v), 'sikap.validation.rupiah'),
  pengalamanTahun: count,
  tenagaAhliSyarat: countedLines,
  peralatanSyarat: countedLines,
};

type Parsed = { [K in keyof typeof structuredSyaratShape]: z.output<(typeof structuredSyaratShape)[K]> };

/** The structured parts of `SyaratKualifikasi` from the parsed form (absent parts left out). */
export function structuredSyarat(d: Parsed): Partial<SyaratKualifikasi> {
  const out: Partial<SyaratKualifikasi> = {};
  if (d.izinJenis.length) out.izinJenis = d.izinJenis;
  if (d.sbuSubklasifikasi.length || d.sbuKualifikasi.length)
    out.sbu = { subklasifikasi: d.sbuSubklasifikasi, kualifikasi: d.sbuKualifikasi };
  if (d.pengalamanJumlah || d.pengalamanNilai || d.pengalamanTahun)
    out.pengalamanMin = {
      jumlah: d.pengalamanJumlah || 1,
      nilai: d.pengalamanNilai || null,
      tahun: d.pengalamanTahun || null,
    };
  if (d.tenagaAhliSyarat.length)
    out.tenagaAhliMin = d.tenagaAhliSyarat.map((x) => ({ jumlah: x.jumlah, sertifikat: x.what }));
  if (d.peralatanSyarat.length) out.peralatanMin = d.peralatanSyarat.map((x) => ({ jenis: x.what, jumlah: x.jumlah }));
  return out;
}
