import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { anchorOf } from './methods/bundle.ts';
import { BUNDLES, latestBundle } from './methods/index.ts';
import {
  checkScheduleChange,
  currentStages,
  nextStage,
  type ScheduleRow,
  scheduleTemplate,
  stageWindow,
} from './schedule.ts';
import { isWorkingDay, meetsMinimum, witaAt, witaDate } from './working-days.ts';

const SECOND = 1000;
// A Monday; Wednesday 4 March and the Nyepi/Idul Fitri days are holidays in these tests.
const START = witaAt('2026-03-02', '08:00');
const HOLIDAYS = new Set(['2026-03-04', '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24']);

const at = (rows: ScheduleRow[], code: string) => rows.find((r) => r.stage === code)!;

for (const bundle of BUNDLES.values()) {
  describe(`stage machine of ${bundle.id}@${bundle.version}`, () => {
    const rows = scheduleTemplate(bundle, START, HOLIDAYS);

    test('the template fills every stage, each at least its minimum, in working time for working-day stages', () => {
      assert.deepEqual(
        rows.map((r) => r.stage),
        bundle.stages.map((s) => s.code),
      );
      for (const [i, s] of bundle.stages.entries()) {
        const r = rows[i]!;
        assert.ok(r.start < r.end, s.code);
        assert.ok(meetsMinimum(r.start, r.end, s.minDuration, HOLIDAYS, bundle.workingHours), `${s.code} minimum`);
        if (s.minDuration.unit === 'working_days') {
          assert.ok(isWorkingDay(witaDate(r.start), HOLIDAYS), `${s.code} starts on a working day`);
          assert.ok(isWorkingDay(witaDate(r.end), HOLIDAYS), `${s.code} ends on a working day`);
        }
        const a = anchorOf(bundle.stages, i);
        if ('with' in a) assert.ok(r.start >= at(rows, a.with).start, `${s.code} starts with ${a.with}`);
        if ('after' in a) assert.ok(r.start >= at(rows, a.after).end, `${s.code} starts after ${a.after}`);
        if (s.until) assert.ok(r.end >= at(rows, s.until).end, `${s.code} lasts until ${s.until} ends`);
      }
      assert.equal(rows[0]!.start.getTime(), START.getTime());
    });

    test('the current stage at every boundary: the second before and the second after', () => {
      for (const r of rows) {
        const before = new Date(r.start.getTime() - SECOND);
        const afterEnd = new Date(r.end.getTime() + SECOND);
        const has = (t: Date) => currentStages(rows, t).some((x) => x.stage === r.stage);
        assert.equal(has(before), false, `${r.stage} not yet a second before its start`);
        assert.equal(has(r.start), true, `${r.stage} at its start`);
        assert.equal(has(new Date(r.start.getTime() + SECOND)), true, `${r.stage} a second after its start`);
        assert.equal(has(new Date(r.end.getTime() - SECOND)), true, `${r.stage} a second before its end`);
        assert.equal(has(r.end), false, `${r.stage} no longer at its end (half-open)`);
        assert.equal(has(afterEnd), false, `${r.stage} a second after its end`);
        assert.equal(nextStage(rows, before)!.start.getTime(), r.start.getTime(), `next stage before ${r.stage}`);
        const w = stageWindow(rows, r.stage, before);
        assert.equal(w.state === 'not_yet' && w.opensAt.getTime(), r.start.getTime());
        assert.equal(stageWindow(rows, r.stage, r.start).state, 'open');
        assert.equal(stageWindow(rows, r.stage, r.end).state, 'closed');
      }
      const last = rows.reduce((a, b) => (b.end > a.end ? b : a));
      assert.equal(currentStages(rows, last.end).length, 0);
      assert.equal(nextStage(rows, last.end), undefined);
    });

    test('a change below a stage’s minimum is refused, naming the stage and the minimum', () => {
      const now = new Date(START.getTime() - 24 * 3_600_000);
      for (const [i, s] of bundle.stages.entries()) {
        const r = rows[i]!;
        const change = { stage: s.code, start: r.start, end: new Date(r.start.getTime() + 30 * 60_000) };
        const out = checkScheduleChange(bundle, rows, [change], now, HOLIDAYS);
        assert.equal(out.ok, false, s.code);
        const p = !out.ok ? out.problems.find((x) => x.code === 'SCHEDULE_BELOW_MINIMUM') : undefined;
        assert.ok(p && p.stage === s.code && 'minimum' in p, `${s.code} below minimum`);
        assert.deepEqual(p.minimum, s.minDuration);
      }
    });
  });
}

describe('templates: overlaps, weekends, holidays', () => {
  const pasca = latestBundle('tender-pascakualifikasi-1-file')!;

  test('Pengumuman and Download Dokumen Pemilihan run together; upload opens with Pemberian Penjelasan', () => {
    const rows = scheduleTemplate(pasca, START, new Set());
    const now = witaAt('2026-03-02', '09:00');
    assert.deepEqual(
      currentStages(rows, now).map((r) => r.stage),
      ['pengumuman', 'download_dokumen_pemilihan'],
    );
    assert.equal(at(rows, 'pengumuman').end.getTime(), witaAt('2026-03-04', '16:00').getTime(), '3 working days');
    assert.equal(at(rows, 'pemberian_penjelasan').start.getTime(), witaAt('2026-03-05', '08:00').getTime());
    assert.equal(at(rows, 'upload_dokumen_penawaran').start.getTime(), witaAt('2026-03-05', '08:00').getTime());
    assert.equal(
      at(rows, 'download_dokumen_pemilihan').end.getTime(),
      at(rows, 'upload_dokumen_penawaran').end.getTime(),
    );
    assert.deepEqual(
      currentStages(rows, witaAt('2026-03-05', '10:00')).map((r) => r.stage),
      ['download_dokumen_pemilihan', 'pemberian_penjelasan', 'upload_dokumen_penawaran'],
    );
    // 6 working days from Thursday 5 March: Thu, Fri, Mon, Tue, Wed, Thu 12 March.
    assert.equal(at(rows, 'upload_dokumen_penawaran').end.getTime(), witaAt('2026-03-12', '16:00').getTime());
    // The opening follows the upload at once, for one hour.
    assert.equal(at(rows, 'pembukaan_dokumen_penawaran').start.getTime(), witaAt('2026-03-12', '16:00').getTime());
    assert.equal(at(rows, 'pembukaan_dokumen_penawaran').end.getTime(), witaAt('2026-03-12', '17:00').getTime());
    assert.equal(at(rows, 'evaluasi_penawaran').start.getTime(), witaAt('2026-03-13', '08:00').getTime());
  });

  test('a holiday inside a stage pushes its end, and everything after it, by a working day', () => {
    const plain = scheduleTemplate(pasca, START, new Set());
    const withHoliday = scheduleTemplate(pasca, START, new Set(['2026-03-03']));
    assert.equal(at(withHoliday, 'pengumuman').end.getTime(), witaAt('2026-03-05', '16:00').getTime());
    assert.equal(
      at(withHoliday, 'upload_dokumen_penawaran').end.getTime(),
      witaAt('2026-03-13', '16:00').getTime(),
      'Thursday 12 → Friday 13',
    );
    assert.ok(at(withHoliday, 'penandatanganan_kontrak').end > at(plain, 'penandatanganan_kontrak').end);
  });

  test('a template asked to start on a Saturday or a holiday starts at 08:00 on the next working day', () => {
    const sat = scheduleTemplate(pasca, witaAt('2026-03-07', '10:00'), new Set(['2026-03-09']));
    assert.equal(sat[0]!.start.getTime(), witaAt('2026-03-10', '08:00').getTime());
    assert.equal(at(sat, 'download_dokumen_pemilihan').start.getTime(), sat[0]!.start.getTime());
  });

  test('Masa Sanggah counts calendar days, weekends included', () => {
    const rows = scheduleTemplate(pasca, START, new Set());
    const s = at(rows, 'masa_sanggah');
    const days = (s.end.getTime() - s.start.getTime()) / 86_400_000;
    assert.ok(days >= 4 && days <= 5, `${days} days`);
    assert.equal(witaDate(s.end) > witaDate(s.start), true);
  });

  test('an optional stage may be left out (Tender Cepat without Pemberian Penjelasan); a required one may not', () => {
    const cepat = latestBundle('tender-cepat')!;
    const rows = scheduleTemplate(cepat, START, new Set(), { skip: ['pemberian_penjelasan'] });
    assert.equal(
      rows.find((r) => r.stage === 'pemberian_penjelasan'),
      undefined,
    );
    assert.equal(at(rows, 'penyampaian_penawaran_harga').start.getTime(), at(rows, 'undangan').end.getTime());
    assert.equal(
      at(rows, 'penyampaian_penawaran_harga').end.getTime() - at(rows, 'penyampaian_penawaran_harga').start.getTime(),
      2 * 3_600_000,
      'the price stage is measured in hours',
    );
    assert.throws(() => scheduleTemplate(cepat, START, new Set(), { skip: ['undangan'] }), /cannot be left out/);
  });
});

describe('changing a schedule', () => {
  const pasca = latestBundle('tender-pascakualifikasi-1-file')!;
  const holidays = new Set<string>();
  const rows = scheduleTemplate(pasca, START, holidays);
  const upload = at(rows, 'upload_dokumen_penawaran');

  test('extending a stage gives the diff old → new; an unchanged stage is not in it', () => {
    const newEnd = witaAt('2026-03-16', '16:00');
    const out = checkScheduleChange(
      pasca,
      rows,
      [
        { stage: upload.stage, start: upload.start, end: newEnd },
        { stage: 'pengumuman', start: rows[0]!.start, end: rows[0]!.end },
      ],
      new Date(START.getTime() - 1),
      holidays,
    );
    assert.ok(out.ok);
    assert.deepEqual(out.diff, [
      { stage: upload.stage, oldStart: upload.start, oldEnd: upload.end, newStart: upload.start, newEnd },
    ]);
    assert.equal(at(out.schedule, upload.stage).end.getTime(), newEnd.getTime());
  });

  test('a started stage may be extended but not shortened or moved', () => {
    const now = new Date(upload.start.getTime() + SECOND);
    const longer = checkScheduleChange(
      pasca,
      rows,
      [{ stage: upload.stage, start: upload.start, end: new Date(upload.end.getTime() + 86_400_000) }],
      now,
      holidays,
    );
    assert.equal(longer.ok, true, 'extension (e.g. after an outage) is allowed');
    const shorter = checkScheduleChange(
      pasca,
      rows,
      [{ stage: upload.stage, start: upload.start, end: new Date(upload.end.getTime() - 60_000) }],
      now,
      holidays,
    );
    assert.equal(shorter.ok, false);
    assert.deepEqual(!shorter.ok && shorter.problems.map((p) => p.code), [
      'SCHEDULE_STARTED_STAGE_SHORTENED',
      'SCHEDULE_BELOW_MINIMUM',
    ]);
    const moved = checkScheduleChange(
      pasca,
      rows,
      [{ stage: upload.stage, start: new Date(upload.start.getTime() + 3_600_000), end: upload.end }],
      now,
      holidays,
    );
    assert.equal(!moved.ok && moved.problems[0]!.code, 'SCHEDULE_STARTED_STAGE_MOVED');
    // A second before it starts, the same shortening is only a question of the minimum.
    const notYet = checkScheduleChange(
      pasca,
      rows,
      [
        {
          stage: 'evaluasi_penawaran',
          start: at(rows, 'evaluasi_penawaran').start,
          end: witaAt('2026-03-16', '16:00'),
        },
      ],
      new Date(at(rows, 'evaluasi_penawaran').start.getTime() - SECOND),
      holidays,
    );
    assert.equal(notYet.ok, true);
  });

  test('a stage may not be moved into the past or before the stage it follows', () => {
    const evalRow = at(rows, 'evaluasi_penawaran');
    const now = witaAt('2026-03-10', '08:00');
    const past = checkScheduleChange(
      pasca,
      rows,
      [{ stage: evalRow.stage, start: witaAt('2026-03-09', '08:00'), end: evalRow.end }],
      now,
      holidays,
    );
    assert.deepEqual(!past.ok && past.problems.map((p) => p.code), [
      'SCHEDULE_STARTS_IN_PAST',
      'SCHEDULE_BEFORE_ANCHOR',
    ]);
    const early = checkScheduleChange(
      pasca,
      rows,
      [{ stage: evalRow.stage, start: witaAt('2026-03-11', '08:00'), end: evalRow.end }],
      now,
      holidays,
    );
    const p = !early.ok ? early.problems[0] : undefined;
    assert.equal(p?.code, 'SCHEDULE_BEFORE_ANCHOR');
    assert.equal(p && 'anchor' in p && p.anchor, 'pembukaan_dokumen_penawaran');
  });

  test('unknown stages and empty intervals are refused', () => {
    const out = checkScheduleChange(
      pasca,
      rows,
      [
        { stage: 'nope', start: START, end: START },
        { stage: 'pengumuman', start: rows[0]!.end, end: rows[0]!.start },
      ],
      new Date(0),
      holidays,
    );
    assert.deepEqual(!out.ok && out.problems.map((p) => p.code).sort(), [
      'SCHEDULE_END_BEFORE_START',
      'SCHEDULE_UNKNOWN_STAGE',
    ]);
  });
});
