import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SyaratKualifikasi } from '../tenders/index.ts';
import {
  buildSnapshot,
  checkQualification,
  type ProfileSnapshot,
  type QualificationRequirements,
  type RequirementResult,
  vendorKualifikasi,
  yearsBefore,
} from './qualification.ts';

const DAY = '2026-12-04';

const nib = (over: Partial<ProfileSnapshot['izin'][number]> = {}): ProfileSnapshot['izin'][number] => ({
  jenis: 'NIB',
  nomor: '9120201234567',
  kbli: ['42101'],
  sbuSubklasifikasi: null,
  sbuKualifikasi: null,
  kualifikasiUsaha: null,
  berlakuSampai: null,
  ...over,
});
const sbu = (over: Partial<ProfileSnapshot['izin'][number]> = {}) =>
  nib({
    jenis: 'SBU',
    nomor: '1-7402-2-00412',
    kbli: ['42112'],
    sbuSubklasifikasi: 'BS001 Konstruksi Jalan Raya',
    sbuKualifikasi: 'K2',
    berlakuSampai: '2027-06-30',
    ...over,
  });
const snap = (over: Partial<ProfileSnapshot> = {}): ProfileSnapshot => ({
  izin: [nib(), sbu()],
  tenagaAhli: [],
  peralatan: [],
  pengalaman: [],
  ...over,
});
const syarat = (over: Partial<SyaratKualifikasi> = {}): SyaratKualifikasi => ({
  izinUsaha: 'NIB dan SBU',
  kbli: [],
  pengalaman: null,
  tenagaAhli: [],
  peralatan: [],
  ...over,
});
const req = (s: Partial<SyaratKualifikasi> = {}, k: QualificationRequirements['kualifikasiUsaha'] = null) => ({
  kualifikasiUsaha: k,
  syarat: syarat(s),
});
const only = (items: RequirementResult[], kind: RequirementResult['kind']) => items.filter((i) => i.kind === kind);
const one = (items: RequirementResult[], kind: RequirementResult['kind']) => {
  const xs = only(items, kind);
  assert.equal(xs.length, 1, `one ${kind} row, got ${JSON.stringify(xs)}`);
  return xs[0]!;
};

describe('checkQualification (R06 issue 10 item 4): one result per requirement, pass or fail with the reason', () => {
  test('izin: a licence type asked passes while valid, fails when missing, fails with its date when expired', () => {
    const r = checkQualification(req({ izinJenis: ['NIB', 'SBU', 'SIUP'] }), snap(), DAY);
    const rows = only(r.items, 'izin');
    assert.deepEqual(
      rows.map((x) => [x.requirement.params.jenis, x.status]),
      [
        ['NIB', 'pass'],
        ['SBU', 'pass'],
        ['SIUP', 'fail'],
      ],
    );
    assert.equal(rows[2]!.reason.key, 'sikap.q.reason.izinMissing');
    assert.equal(r.passed, false);

    const expired = checkQualification(
      req({ izinJenis: ['SBU'] }),
      snap({ izin: [sbu({ berlakuSampai: '2026-12-03' })] }),
      DAY,
    );
    const row = one(expired.items, 'izin');
    assert.equal(row.status, 'fail');
    assert.equal(row.reason.key, 'sikap.q.reason.izinExpired');
    assert.equal(row.reason.params.until, '2026-12-03');
  });

  test('izin, boundary: a licence valid until the day passes on that day and fails the day after (R06)', () => {
    const s = snap({ izin: [sbu({ berlakuSampai: DAY })] });
    assert.equal(one(checkQualification(req({ izinJenis: ['SBU'] }), s, DAY).items, 'izin').status, 'pass');
    assert.equal(one(checkQualification(req({ izinJenis: ['SBU'] }), s, '2026-12-05').items, 'izin').status, 'fail');
  });

  test('izin without a type asked: any licence valid on the day; none or only expired ones fail', () => {
    assert.equal(one(checkQualification(req(), snap(), DAY).items, 'izin').status, 'pass');
    const none = one(checkQualification(req(), snap({ izin: [] }), DAY).items, 'izin');
    assert.deepEqual([none.status, none.reason.key], ['fail', 'sikap.q.reason.izinNone']);
    const old = one(
      checkQualification(req(), snap({ izin: [nib({ berlakuSampai: '2026-01-01' })] }), DAY).items,
      'izin',
    );
    assert.deepEqual([old.status, old.reason.key], ['fail', 'sikap.q.reason.izinExpired']);
  });

  test('kbli: any one of the codes on a valid licence passes; a code only on an expired licence fails', () => {
    const ok = one(checkQualification(req({ kbli: ['42912', '42112'] }), snap(), DAY).items, 'kbli');
    assert.equal(ok.status, 'pass');
    assert.equal(ok.reason.params.code, '42112');
    const missing = one(checkQualification(req({ kbli: ['42912'] }), snap(), DAY).items, 'kbli');
    assert.deepEqual([missing.status, missing.reason.key], ['fail', 'sikap.q.reason.kbliMissing']);
    const expired = one(
      checkQualification(req({ kbli: ['42112'] }), snap({ izin: [nib(), sbu({ berlakuSampai: '2026-12-03' })] }), DAY)
        .items,
      'kbli',
    );
    assert.deepEqual([expired.status, expired.reason.key], ['fail', 'sikap.q.reason.izinExpired']);
    // No KBLI asked: no row.
    assert.equal(only(checkQualification(req(), snap(), DAY).items, 'kbli').length, 0);
  });

  test('sbu: sub-classification code and grade where asked; wrong grade, wrong code, expired and none fail', () => {
    const ask = { sbu: { subklasifikasi: ['BS001'], kualifikasi: ['K1', 'K2', 'K3'] } };
    assert.equal(one(checkQualification(req(ask), snap(), DAY).items, 'sbu').status, 'pass');
    const grade = one(checkQualification(req(ask), snap({ izin: [sbu({ sbuKualifikasi: 'M1' })] }), DAY).items, 'sbu');
    assert.deepEqual([grade.status, grade.reason.key], ['fail', 'sikap.q.reason.sbuGrade']);
    const sub = one(
      checkQualification(req(ask), snap({ izin: [sbu({ sbuSubklasifikasi: 'BG009 Gedung' })] }), DAY).items,
      'sbu',
    );
    assert.deepEqual([sub.status, sub.reason.key, sub.reason.params.held], ['fail', 'sikap.q.reason.sbuSub', 'BG009']);
    const expired = one(
      checkQualification(req(ask), snap({ izin: [sbu({ berlakuSampai: '2026-12-03' })] }), DAY).items,
      'sbu',
    );
    assert.deepEqual([expired.status, expired.reason.key], ['fail', 'sikap.q.reason.izinExpired']);
    const none = one(checkQualification(req(ask), snap({ izin: [nib()] }), DAY).items, 'sbu');
    assert.deepEqual([none.status, none.reason.key], ['fail', 'sikap.q.reason.sbuNone']);
    // Grade only (any sub-classification), lower case codes accepted.
    const gradeOnly = { sbu: { subklasifikasi: ['bs001'], kualifikasi: [] } };
    assert.equal(one(checkQualification(req(gradeOnly), snap(), DAY).items, 'sbu').status, 'pass');
  });

  test('kualifikasi usaha: from the SBU grade, else the size on the NIB; other or unknown fails', () => {
    assert.equal(one(checkQualification(req({}, 'kecil'), snap(), DAY).items, 'kualifikasi').status, 'pass');
    const big = one(
      checkQualification(req({}, 'kecil'), snap({ izin: [sbu({ sbuKualifikasi: 'M1' })] }), DAY).items,
      'kualifikasi',
    );
    assert.deepEqual([big.status, big.reason.params.usaha], ['fail', 'non_kecil']);
    assert.equal(
      one(
        checkQualification(req({}, 'non_kecil'), snap({ izin: [sbu({ sbuKualifikasi: 'B1' })] }), DAY).items,
        'kualifikasi',
      ).status,
      'pass',
    );
    const stated = snap({ izin: [nib({ kualifikasiUsaha: 'kecil' })] });
    assert.equal(one(checkQualification(req({}, 'kecil'), stated, DAY).items, 'kualifikasi').status, 'pass');
    const unknown = one(checkQualification(req({}, 'kecil'), snap({ izin: [nib()] }), DAY).items, 'kualifikasi');
    assert.deepEqual([unknown.status, unknown.reason.key], ['fail', 'sikap.q.reason.kualifikasiUnknown']);
    // An expired SBU no longer gives the grade: the NIB's stated size counts then.
    assert.equal(
      vendorKualifikasi(
        [sbu({ sbuKualifikasi: 'M1', berlakuSampai: '2026-12-03' }), nib({ kualifikasiUsaha: 'kecil' })],
        DAY,
      ),
      'kecil',
    );
  });

  test('pengalaman: completed contracts of the value asked within the years asked; boundaries inclusive', () => {
    const ask = { pengalamanMin: { jumlah: 1, nilai: '1000000000', tahun: 4 } };
    const c = (selesai: string | null, nilai = '1000000000') => ({
      nama: 'Jalan',
      pemberi: 'PUPR',
      nilai,
      mulai: '2022-01-01',
      selesai,
    });
    const run = (pengalaman: ProfileSnapshot['pengalaman']) =>
      one(checkQualification(req(ask), snap({ pengalaman }), DAY).items, 'pengalaman');
    assert.equal(run([c('2022-12-04')]).status, 'pass', 'finished exactly 4 years before');
    assert.equal(run([c('2022-12-03')]).status, 'fail', 'one day too old');
    assert.equal(run([c('2026-12-04')]).status, 'pass', 'finished on the day');
    assert.equal(run([c('2026-12-05')]).status, 'fail', 'finishes after the day');
    assert.equal(run([c(null)]).status, 'fail', 'still running');
    assert.equal(run([c('2025-01-01', '999999999')]).status, 'fail', 'one rupiah short');
    const two = one(
      checkQualification(
        req({ pengalamanMin: { jumlah: 2, nilai: null, tahun: null } }),
        snap({ pengalaman: [c('2010-01-01', '5')] }),
        DAY,
      ).items,
      'pengalaman',
    );
    assert.deepEqual([two.status, two.reason.params.count, two.reason.params.jumlah], ['fail', 1, 2]);
    // Text only: the Pokja's to check.
    const text = one(checkQualification(req({ pengalaman: '1 pekerjaan 4 tahun' }), snap(), DAY).items, 'pengalaman');
    assert.equal(text.status, 'manual');
  });

  test('tenaga ahli: experts with a valid certificate of the name asked, per position; expiry boundary', () => {
    const ask = { tenagaAhliMin: [{ jumlah: 1, sertifikat: 'skk ahli muda teknik jalan' }] };
    const e = (sertifikatBerlaku: string | null) => ({
      nama: 'Rahmat',
      sertifikat: 'SKK Ahli Muda Teknik Jalan',
      sertifikatBerlaku,
    });
    const run = (tenagaAhli: ProfileSnapshot['tenagaAhli']) =>
      one(checkQualification(req(ask), snap({ tenagaAhli }), DAY).items, 'tenaga_ahli');
    assert.equal(run([e(DAY)]).status, 'pass');
    assert.equal(run([e(null)]).status, 'pass', 'a certificate without an expiry date');
    const expired = run([e('2026-12-03')]);
    assert.deepEqual([expired.status, expired.reason.key], ['fail', 'sikap.q.reason.tenagaAhliExpired']);
    const none = run([{ nama: 'Budi', sertifikat: 'SKK Ahli K3', sertifikatBerlaku: null }]);
    assert.deepEqual([none.status, none.reason.key], ['fail', 'sikap.q.reason.tenagaAhliShort']);
    // Text lines only: one manual row each.
    const text = checkQualification(req({ tenagaAhli: ['Manajer Proyek', 'Ahli K3'] }), snap(), DAY);
    assert.deepEqual(
      only(text.items, 'tenaga_ahli').map((x) => x.status),
      ['manual', 'manual'],
    );
    assert.equal(text.passed, true, 'manual rows do not fail the check');
  });

  test('peralatan: units in good condition of the type asked, summed (owned or rented)', () => {
    const ask = { peralatanMin: [{ jenis: 'dump truck', jumlah: 2 }] };
    const tool = (jumlah: number, kondisi = 'baik', kepemilikan = 'sewa') => ({
      jenis: 'Dump truck 8 ton',
      jumlah,
      kondisi,
      kepemilikan,
    });
    const run = (peralatan: ProfileSnapshot['peralatan']) =>
      one(checkQualification(req(ask), snap({ peralatan }), DAY).items, 'peralatan');
    assert.equal(run([tool(1), tool(1, 'baik', 'milik')]).status, 'pass');
    const short = run([tool(1), tool(3, 'rusak')]);
    assert.deepEqual([short.status, short.reason.params.count], ['fail', 1]);
  });

  test('a full tender: passed only when no requirement fails; the snapshot keeps no personal data', () => {
    const s = buildSnapshot({
      izin: [{ id: 'a', jenis: 'SBU', nomor: '1', kbli: ['42112'], sbuSubklasifikasi: 'BS001', sbuKualifikasi: 'K1' }],
      tenaga_ahli: [
        { id: 'b', nama: 'X', nik: '7402011203850001', sertifikat: 'SKK Ahli Muda', sertifikatBerlaku: null },
      ],
      peralatan: [{ id: 'c', jenis: 'Excavator', jumlah: 1, kondisi: 'baik', kepemilikan: 'milik' }],
      pengalaman: [{ id: 'd', nama: 'J', pemberi: 'P', nilai: '2000', mulai: '2025-01-01', selesai: '2025-06-01' }],
    });
    assert.doesNotMatch(JSON.stringify(s), /7402011203850001/);
    const all = req(
      {
        izinJenis: ['SBU'],
        kbli: ['42112'],
        sbu: { subklasifikasi: ['BS001'], kualifikasi: ['K1'] },
        pengalamanMin: { jumlah: 1, nilai: '2000', tahun: 3 },
        tenagaAhliMin: [{ jumlah: 1, sertifikat: 'Ahli Muda' }],
        peralatanMin: [{ jenis: 'excavator', jumlah: 1 }],
      },
      'kecil',
    );
    const r = checkQualification(all, s, DAY);
    assert.equal(r.passed, true, JSON.stringify(r.items.filter((i) => i.status !== 'pass')));
    assert.deepEqual(
      r.items.map((i) => i.kind),
      ['izin', 'kbli', 'sbu', 'kualifikasi', 'pengalaman', 'tenaga_ahli', 'peralatan'],
    );
    assert.equal(checkQualification(all, { ...s, peralatan: [] }, DAY).passed, false);
  });

  test('yearsBefore keeps the calendar day, 29 February falls back to 28', () => {
    assert.equal(yearsBefore('2026-12-04', 4), '2022-12-04');
    assert.equal(yearsBefore('2028-02-29', 1), '2027-02-28');
  });
});
