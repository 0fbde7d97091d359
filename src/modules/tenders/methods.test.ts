import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tendersEn } from './locales/en.ts';
import { tendersId } from './locales/id.ts';
import { type BundleInput, parseBundle } from './methods/bundle.ts';
import { BUNDLE_FILES, BUNDLES, bundleOf, currentBundles, latestBundle, loadBundles } from './methods/index.ts';
import tenderPasca2021 from './methods/tender-pascakualifikasi-1-file.2021.ts';
import { checkScheduleChange, scheduleTemplate } from './schedule.ts';
import { witaAt } from './working-days.ts';

describe('method bundles', () => {
  test('every bundle file loads through the schema, one per id@version', () => {
    assert.equal(BUNDLES.size, BUNDLE_FILES.length);
    const ids = new Set([...BUNDLES.values()].map((b) => b.id));
    for (const id of [
      'tender-pascakualifikasi-1-file',
      'seleksi-prakualifikasi-2-file',
      'tender-prakualifikasi-2-tahap',
      'tender-cepat',
      'pengadaan-langsung',
      'penunjukan-langsung',
    ]) {
      assert.ok(ids.has(id), id);
    }
    assert.equal(currentBundles().length, ids.size);
  });

  test('the SPSE stage names: Tender pascakualifikasi 1 file (12) and Seleksi prakualifikasi 2 file (21)', () => {
    const pasca = latestBundle('tender-pascakualifikasi-1-file')!;
    assert.deepEqual(
      pasca.stages.map((s) => s.name),
      [
        'Pengumuman Pascakualifikasi',
        'Download Dokumen Pemilihan',
        'Pemberian Penjelasan',
        'Upload Dokumen Penawaran',
        'Pembukaan Dokumen Penawaran',
        'Evaluasi Administrasi, Kualifikasi, Teknis, dan Harga',
        'Pembuktian Kualifikasi',
        'Penetapan Pemenang',
        'Pengumuman Pemenang',
        'Masa Sanggah',
        'Surat Penunjukan Penyedia Barang/Jasa',
        'Penandatanganan Kontrak',
      ],
    );
    const seleksi = latestBundle('seleksi-prakualifikasi-2-file')!;
    assert.equal(seleksi.stages.length, 21);
    assert.equal(seleksi.stages[12]!.name, 'Pembukaan dan Evaluasi Penawaran File I: Administrasi dan Teknis');
    assert.equal(seleksi.stages[18]!.name, 'Klarifikasi dan Negosiasi Teknis dan Biaya');
    assert.equal(seleksi.documentMethod, 'dua_file');
    assert.deepEqual(
      latestBundle('pengadaan-langsung')!.stages.map((s) => s.name),
      [
        'Upload Dokumen Penawaran',
        'Pembukaan Dokumen Penawaran',
        'Evaluasi Penawaran',
        'Klarifikasi Teknis dan Negosiasi',
        'Penandatanganan Kontrak',
      ],
    );
  });

  test('every stage code has a label in both catalogues; the sanggah stage lasts the bundle’s sanggah period', () => {
    for (const b of BUNDLES.values()) {
      for (const s of b.stages) {
        const key = `tenders.stage.${s.code}`;
        assert.ok(key in tendersId && key in tendersEn, `${b.id}: ${key}`);
      }
      const sanggahStage = b.stages.find((s) => s.role === 'sanggah');
      if (b.sanggah) assert.deepEqual(sanggahStage?.minDuration, b.sanggah.filing, b.id);
      else assert.equal(sanggahStage, undefined, `${b.id} has no sanggah, so no Masa Sanggah stage`);
      assert.ok(
        b.failure.some((f) => f.reasons.includes('i_kkn_pokja_ppk') && f.by === 'PA_KPA'),
        b.id,
      );
    }
  });

  test('two versions of one method coexist; a tender keeps the rules of the version it started with', () => {
    const v2018 = bundleOf('tender-pascakualifikasi-1-file', '2018.1')!;
    const v2021 = bundleOf('tender-pascakualifikasi-1-file', '2021.1')!;
    assert.ok(v2018 && v2021);
    assert.equal(latestBundle('tender-pascakualifikasi-1-file')!.version, '2021.1');
    const holidays = new Set<string>();
    const start = witaAt('2026-03-02', '08:00');
    const t2021 = scheduleTemplate(v2021, start, holidays);
    const upload = t2021.find((r) => r.stage === 'upload_dokumen_penawaran')!;
    // The 2021 template's upload stage is fine under 2021 rules and too short under 2018 rules.
    const change = [{ stage: upload.stage, start: upload.start, end: new Date(upload.end.getTime() + 60_000) }];
    const now = new Date('2026-01-01T00:00:00Z');
    assert.equal(checkScheduleChange(v2021, t2021, change, now, holidays).ok, true);
    const under2018 = checkScheduleChange(v2018, t2021, change, now, holidays);
    assert.equal(under2018.ok, false);
    assert.equal(!under2018.ok && under2018.problems[0]!.code, 'SCHEDULE_BELOW_MINIMUM');
    assert.ok(
      scheduleTemplate(v2018, start, holidays).find((r) => r.stage === 'upload_dokumen_penawaran')!.end > upload.end,
    );
  });

  test('an invalid bundle is refused at load, naming it and the problem', () => {
    const base = structuredClone(tenderPasca2021) as BundleInput;
    const broken = (f: (b: BundleInput) => void) => {
      const b = structuredClone(base);
      f(b);
      return b;
    };
    assert.throws(
      () => parseBundle(broken((b) => (b.stages[2]!.start = { after: 'nope' }))),
      /tender-pascakualifikasi-1-file@2021\.1.*unknown stage nope/s,
    );
    assert.throws(
      () =>
        parseBundle(
          broken((b) => {
            b.stages[1]!.until = 'pemberian_penjelasan';
            b.stages[2]!.start = { after: 'download_dokumen_pemilihan' };
          }),
        ),
      /cycle/,
    );
    assert.throws(() => parseBundle(broken((b) => (b.stages[3]!.code = 'pengumuman'))), /duplicate stage/);
    assert.throws(() => parseBundle(broken((b) => (b.stages[3]!.minDuration = { n: 0, unit: 'hours' }))), /at least 1/);
    assert.throws(() => parseBundle(broken((b) => (b.version = 'v2'))), /version/);
    assert.throws(() => parseBundle(broken((b) => (b.documentMethod = 'tiga_file' as never))), /documentMethod/);
    assert.throws(() => loadBundles([base, base]), /Duplicate method bundle tender-pascakualifikasi-1-file@2021\.1/);
  });
});
