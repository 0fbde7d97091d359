import type { KualifikasiUsaha, SyaratKualifikasi } from '../tenders/index.ts';
import type { SectionItem } from './sikap.schema.ts';

/**
 * The qualification check (R06, issue 10 item 4): a pure function of a tender's requirements and a vendor profile
 * snapshot, on a day. It never reads the database or the clock, so the same inputs give the same answer for ever:
 * the evaluation re-runs it on the snapshot taken at the upload deadline and gets what the participants saw.
 */

/** The parts of a profile the check reads: licences, experts, equipment, experience (no personal data). */
export interface ProfileSnapshot {
  izin: {
    jenis: string;
    nomor: string;
    kbli: string[];
    sbuSubklasifikasi: string | null;
    sbuKualifikasi: string | null;
    kualifikasiUsaha: string | null;
    berlakuSampai: string | null;
  }[];
  tenagaAhli: { nama: string; sertifikat: string | null; sertifikatBerlaku: string | null }[];
  peralatan: { jenis: string; jumlah: number; kondisi: string; kepemilikan: string }[];
  pengalaman: { nama: string; pemberi: string; nilai: string; mulai: string; selesai: string | null }[];
}

export interface QualificationRequirements {
  kualifikasiUsaha: KualifikasiUsaha | null;
  syarat: SyaratKualifikasi | null;
}

export const REQUIREMENT_KINDS = [
  'izin',
  'kbli',
  'sbu',
  'kualifikasi',
  'pengalaman',
  'tenaga_ahli',
  'peralatan',
] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/** A message as a key and its params: rendered in the reader's language. */
export interface Msg {
  key: string;
  params: Record<string, string | number>;
}

export interface RequirementResult {
  kind: RequirementKind;
  /** `manual`: a requirement given only as text, which the Pokja checks against the documents. */
  status: 'pass' | 'fail' | 'manual';
  /** What is asked ("KBLI 42101 atau 42102"). */
  requirement: Msg;
  /** Why it passes or fails ("izin SIUP 503/… berakhir 3 Jan 2027"). */
  reason: Msg;
}

export interface QualificationResult {
  /** The WITA day the check was made for (licences and certificates must be valid on it). */
  onDate: string;
  /** No requirement failed (manual ones are left to the Pokja). */
  passed: boolean;
  items: RequirementResult[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);

/** The snapshot from the current items of the profile's sections (keyed by section name). */
export function buildSnapshot(sections: Partial<Record<string, readonly SectionItem[]>>): ProfileSnapshot {
  return {
    izin: (sections.izin ?? []).map((i) => ({
      jenis: String(i.jenis ?? ''),
      nomor: String(i.nomor ?? ''),
      kbli: Array.isArray(i.kbli) ? i.kbli.map(String) : [],
      sbuSubklasifikasi: str(i.sbuSubklasifikasi),
      sbuKualifikasi: str(i.sbuKualifikasi),
      kualifikasiUsaha: str(i.kualifikasiUsaha),
      berlakuSampai: str(i.berlakuSampai),
    })),
    tenagaAhli: (sections.tenaga_ahli ?? []).map((i) => ({
      nama: String(i.nama ?? ''),
      sertifikat: str(i.sertifikat),
      sertifikatBerlaku: str(i.sertifikatBerlaku),
    })),
    peralatan: (sections.peralatan ?? []).map((i) => ({
      jenis: String(i.jenis ?? ''),
      jumlah: num(i.jumlah),
      kondisi: String(i.kondisi ?? ''),
      kepemilikan: String(i.kepemilikan ?? ''),
    })),
    pengalaman: (sections.pengalaman ?? []).map((i) => ({
      nama: String(i.nama ?? ''),
      pemberi: String(i.pemberi ?? ''),
      nilai: String(i.nilai ?? '0'),
      mulai: String(i.mulai ?? ''),
      selesai: str(i.selesai),
    })),
  };
}

/** Valid on `day` means valid through the whole of it: a licence "berlaku sampai 3 Jan" still counts on 3 Jan. */
const validOn = (until: string | null, day: string) => until === null || until >= day;

/**
 * The vendor's kualifikasi usaha from the licences valid on the day: the SBU grades first (K1–K3 kecil, any M or B
 * non-kecil, Permen PUPR 8/2022), else the skala usaha stated on a licence (NIB). Null: not stated.
 */
export function vendorKualifikasi(izin: ProfileSnapshot['izin'], day: string): KualifikasiUsaha | null {
  const valid = izin.filter((l) => validOn(l.berlakuSampai, day));
  const grades = valid.map((l) => (l.jenis === 'SBU' ? l.sbuKualifikasi : null)).filter((g): g is string => !!g);
  if (grades.length > 0) return grades.some((g) => !g.startsWith('K')) ? 'non_kecil' : 'kecil';
  const stated = valid.map((l) => l.kualifikasiUsaha).filter((k): k is string => !!k);
  if (stated.length === 0) return null;
  return stated.includes('non_kecil') ? 'non_kecil' : 'kecil';
}

/** The code of an SBU sub-classification ("BS001 Konstruksi Jalan Raya" → "BS001"). */
const subCode = (s: string | null) => (s ?? '').trim().split(/\s+/)[0]?.toUpperCase() ?? '';
const contains = (hay: string | null, needle: string) =>
  (hay ?? '').toLowerCase().includes(needle.trim().toLowerCase());
const licenceName = (l: { jenis: string; nomor: string }) => `${l.jenis} ${l.nomor}`;

/** `day` minus whole years, as a WITA day (29 Feb falls back to 28 Feb). */
export function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y - years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

const msg = (key: string, params: Record<string, string | number> = {}): Msg => ({ key, params });
const pass = (kind: RequirementKind, requirement: Msg, reason: Msg): RequirementResult => ({
  kind,
  status: 'pass',
  requirement,
  reason,
});
const fail = (kind: RequirementKind, requirement: Msg, reason: Msg): RequirementResult => ({
  kind,
  status: 'fail',
  requirement,
  reason,
});
const manual = (kind: RequirementKind, text: string): RequirementResult => ({
  kind,
  status: 'manual',
  requirement: msg('sikap.q.req.text', { text }),
  reason: msg('sikap.q.reason.manual'),
});

function checkIzin(s: SyaratKualifikasi | null, snap: ProfileSnapshot, day: string): RequirementResult[] {
  const types = s?.izinJenis?.filter(Boolean) ?? [];
  if (types.length === 0) {
    // No type asked: at least one licence valid on the day (the text requirement is the Pokja's to read).
    const req = msg('sikap.q.req.izinAny', { text: s?.izinUsaha ?? '' });
    const valid = snap.izin.find((l) => validOn(l.berlakuSampai, day));
    if (valid) return [pass('izin', req, msg('sikap.q.reason.izinHeld', { izin: licenceName(valid) }))];
    const expired = snap.izin[0];
    return [
      fail(
        'izin',
        req,
        expired
          ? msg('sikap.q.reason.izinExpired', { izin: licenceName(expired), until: expired.berlakuSampai ?? '' })
          : msg('sikap.q.reason.izinNone'),
      ),
    ];
  }
  return types.map((jenis) => {
    const req = msg('sikap.q.req.izin', { jenis });
    const held = snap.izin.filter((l) => l.jenis === jenis);
    const valid = held.find((l) => validOn(l.berlakuSampai, day));
    if (valid) return pass('izin', req, msg('sikap.q.reason.izinHeld', { izin: licenceName(valid) }));
    const last = held.sort((a, b) => (b.berlakuSampai ?? '').localeCompare(a.berlakuSampai ?? ''))[0];
    return fail(
      'izin',
      req,
      last
        ? msg('sikap.q.reason.izinExpired', { izin: licenceName(last), until: last.berlakuSampai ?? '' })
        : msg('sikap.q.reason.izinMissing', { jenis }),
    );
  });
}

function checkKbli(s: SyaratKualifikasi | null, snap: ProfileSnapshot, day: string): RequirementResult[] {
  const codes = s?.kbli ?? [];
  if (codes.length === 0) return [];
  // Any one of the codes listed, on a licence valid on the day.
  const req = msg('sikap.q.req.kbli', { codes: codes.join(', ') });
  const withCode = snap.izin.filter((l) => l.kbli.some((c) => codes.includes(c)));
  const valid = withCode.find((l) => validOn(l.berlakuSampai, day));
  if (valid) {
    const code = valid.kbli.find((c) => codes.includes(c))!;
    return [pass('kbli', req, msg('sikap.q.reason.kbliHeld', { code, izin: licenceName(valid) }))];
  }
  const expired = withCode[0];
  return [
    fail(
      'kbli',
      req,
      expired
        ? msg('sikap.q.reason.izinExpired', { izin: licenceName(expired), until: expired.berlakuSampai ?? '' })
        : msg('sikap.q.reason.kbliMissing', { codes: codes.join(', ') }),
    ),
  ];
}

function checkSbu(s: SyaratKualifikasi | null, snap: ProfileSnapshot, day: string): RequirementResult[] {
  const subs = (s?.sbu?.subklasifikasi ?? []).map((c) => c.trim().toUpperCase()).filter(Boolean);
  const grades = (s?.sbu?.kualifikasi ?? []).filter(Boolean);
  if (subs.length === 0 && grades.length === 0) return [];
  const req =
    subs.length && grades.length
      ? msg('sikap.q.req.sbu', { subklasifikasi: subs.join(', '), kualifikasi: grades.join(', ') })
      : subs.length
        ? msg('sikap.q.req.sbuSub', { subklasifikasi: subs.join(', ') })
        : msg('sikap.q.req.sbuGrade', { kualifikasi: grades.join(', ') });
  const sbus = snap.izin.filter((l) => l.jenis === 'SBU');
  if (sbus.length === 0) return [fail('sbu', req, msg('sikap.q.reason.sbuNone'))];
  const subOk = (l: (typeof sbus)[number]) => subs.length === 0 || subs.includes(subCode(l.sbuSubklasifikasi));
  const gradeOk = (l: (typeof sbus)[number]) => grades.length === 0 || grades.includes(l.sbuKualifikasi ?? '');
  const matching = sbus.filter((l) => subOk(l) && gradeOk(l));
  const valid = matching.find((l) => validOn(l.berlakuSampai, day));
  if (valid) {
    return [
      pass(
        'sbu',
        req,
        msg('sikap.q.reason.sbuHeld', {
          izin: licenceName(valid),
          subklasifikasi: valid.sbuSubklasifikasi ?? '',
          kualifikasi: valid.sbuKualifikasi ?? '',
        }),
      ),
    ];
  }
  const expired = matching[0];
  if (expired) {
    return [
      fail(
        'sbu',
        req,
        msg('sikap.q.reason.izinExpired', { izin: licenceName(expired), until: expired.berlakuSampai ?? '' }),
      ),
    ];
  }
  const sameSub = sbus.find(subOk);
  return [
    fail(
      'sbu',
      req,
      sameSub
        ? msg('sikap.q.reason.sbuGrade', { izin: licenceName(sameSub), kualifikasi: sameSub.sbuKualifikasi ?? '—' })
        : msg('sikap.q.reason.sbuSub', {
            held: sbus.map((l) => subCode(l.sbuSubklasifikasi)).join(', '),
          }),
    ),
  ];
}

function checkKualifikasi(want: KualifikasiUsaha | null, snap: ProfileSnapshot, day: string): RequirementResult[] {
  if (!want) return [];
  const req = msg('sikap.q.req.kualifikasi', { usaha: want });
  const has = vendorKualifikasi(snap.izin, day);
  if (has === want) return [pass('kualifikasi', req, msg('sikap.q.reason.kualifikasiOk'))];
  return [
    fail(
      'kualifikasi',
      req,
      has ? msg('sikap.q.reason.kualifikasiOther', { usaha: has }) : msg('sikap.q.reason.kualifikasiUnknown'),
    ),
  ];
}

function checkPengalaman(s: SyaratKualifikasi | null, snap: ProfileSnapshot, day: string): RequirementResult[] {
  const min = s?.pengalamanMin;
  if (!min) return s?.pengalaman ? [manual('pengalaman', s.pengalaman)] : [];
  const jumlah = Math.max(1, min.jumlah);
  const since = min.tahun ? yearsBefore(day, min.tahun) : null;
  const nilai = min.nilai ? BigInt(min.nilai) : null;
  const req = msg(
    since ? (nilai ? 'sikap.q.req.pengalamanNilaiTahun' : 'sikap.q.req.pengalamanTahun') : 'sikap.q.req.pengalaman',
    { jumlah, nilai: nilai ? nilai.toString() : '', tahun: min.tahun ?? '' },
  );
  // Completed contracts only (a finish date on or before the day), within the years asked, of the value asked.
  const counted = snap.pengalaman.filter(
    (c) =>
      c.selesai !== null &&
      c.selesai <= day &&
      (since === null || c.selesai >= since) &&
      (nilai === null || (/^\d+$/.test(c.nilai) && BigInt(c.nilai) >= nilai)),
  );
  if (counted.length >= jumlah) {
    return [pass('pengalaman', req, msg('sikap.q.reason.pengalamanOk', { count: counted.length }))];
  }
  return [fail('pengalaman', req, msg('sikap.q.reason.pengalamanShort', { count: counted.length, jumlah }))];
}

function checkTenagaAhli(s: SyaratKualifikasi | null, snap: ProfileSnapshot, day: string): RequirementResult[] {
  const mins = s?.tenagaAhliMin ?? [];
  if (mins.length === 0) return (s?.tenagaAhli ?? []).map((line) => manual('tenaga_ahli', line));
  // Each position on its own: one expert may be counted for two positions; the Pokja sees that in the bid.
  return mins.map((m) => {
    const jumlah = Math.max(1, m.jumlah);
    const req = msg('sikap.q.req.tenagaAhli', { jumlah, sertifikat: m.sertifikat });
    const holders = snap.tenagaAhli.filter((e) => contains(e.sertifikat, m.sertifikat));
    const valid = holders.filter((e) => validOn(e.sertifikatBerlaku, day));
    if (valid.length >= jumlah) {
      return pass(
        'tenaga_ahli',
        req,
        msg('sikap.q.reason.tenagaAhliOk', { names: valid.map((e) => e.nama).join(', ') }),
      );
    }
    const expired = holders.filter((e) => !validOn(e.sertifikatBerlaku, day));
    return fail(
      'tenaga_ahli',
      req,
      expired.length > 0
        ? msg('sikap.q.reason.tenagaAhliExpired', {
            count: valid.length,
            jumlah,
            names: expired.map((e) => e.nama).join(', '),
          })
        : msg('sikap.q.reason.tenagaAhliShort', { count: valid.length, jumlah }),
    );
  });
}

function checkPeralatan(s: SyaratKualifikasi | null, snap: ProfileSnapshot): RequirementResult[] {
  const mins = s?.peralatanMin ?? [];
  if (mins.length === 0) return (s?.peralatan ?? []).map((line) => manual('peralatan', line));
  // Owned, rented or hire-purchase alike (the bid carries the proof); only units in good condition count.
  return mins.map((m) => {
    const jumlah = Math.max(1, m.jumlah);
    const req = msg('sikap.q.req.peralatan', { jumlah, jenis: m.jenis });
    const units = snap.peralatan
      .filter((e) => contains(e.jenis, m.jenis) && e.kondisi === 'baik')
      .reduce((n, e) => n + e.jumlah, 0);
    return units >= jumlah
      ? pass('peralatan', req, msg('sikap.q.reason.peralatanOk', { count: units }))
      : fail('peralatan', req, msg('sikap.q.reason.peralatanShort', { count: units, jumlah }));
  });
}

/**
 * Pass/fail per requirement of a tender for a vendor's profile on `day` (WITA, `YYYY-MM-DD`): licence types and KBLI
 * codes valid on the day, the SBU sub-classification and grade where asked, kualifikasi usaha, completed experience,
 * experts with valid certificates, equipment in good condition. Requirements given only as text come back `manual`.
 */
export function checkQualification(
  requirements: QualificationRequirements,
  snapshot: ProfileSnapshot,
  day: string,
): QualificationResult {
  const s = requirements.syarat;
  const items = [
    ...checkIzin(s, snapshot, day),
    ...checkKbli(s, snapshot, day),
    ...checkSbu(s, snapshot, day),
    ...checkKualifikasi(requirements.kualifikasiUsaha, snapshot, day),
    ...checkPengalaman(s, snapshot, day),
    ...checkTenagaAhli(s, snapshot, day),
    ...checkPeralatan(s, snapshot),
  ];
  return { onDate: day, passed: items.every((i) => i.status !== 'fail'), items };
}
