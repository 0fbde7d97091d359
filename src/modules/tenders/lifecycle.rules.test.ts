import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FAILURE_REASON_TEXT, reasonsFor } from './failure-reasons.ts';
import { addendumNeedsExtension, outageExtensionChanges, overlapMs, uploadRow } from './lifecycle.rules.ts';
import { FAILURE_REASONS } from './methods/bundle.ts';
import { BUNDLES, latestBundle } from './methods/index.ts';
import { checkScheduleChange, scheduleTemplate, stageOfRole } from './schedule.ts';
import { witaAt } from './working-days.ts';

const bundle = latestBundle('tender-pascakualifikasi-1-file')!;
const HOLIDAYS = new Set<string>(['2026-03-19', '2026-03-20']);
const START = witaAt('2026-03-02', '08:00');
const rows = scheduleTemplate(bundle, START, HOLIDAYS);
const upload = uploadRow(bundle, rows)!;
const H = 60 * 60_000;

describe('addenda need the upload stage minimum left (issue 9 item 7, R12)', () => {
  test('before the upload stage opens, the template leaves exactly the minimum: allowed', () => {
    assert.equal(addendumNeedsExtension(bundle, rows, START, HOLIDAYS), null);
  });
  test('a day into the upload stage, less than the minimum is left: refused with the earliest end', () => {
    // The working-day convention counts a day already begun as a whole one: the same day still leaves the minimum.
    assert.equal(addendumNeedsExtension(bundle, rows, new Date(upload.start.getTime() + 1000), HOLIDAYS), null);
    const now = new Date(upload.start.getTime() + 24 * H);
    const need = addendumNeedsExtension(bundle, rows, now, HOLIDAYS);
    assert.ok(need && 'earliestEnd' in need);
    assert.ok(need.earliestEnd.getTime() > upload.end.getTime());
    assert.equal(need.currentEnd.getTime(), upload.end.getTime());
    // Extended to that end, the same addendum is allowed.
    const extended = rows.map((r) => (r.stage === upload.stage ? { ...r, end: need.earliestEnd } : r));
    assert.equal(addendumNeedsExtension(bundle, extended, now, HOLIDAYS), null);
  });
  test('after the upload stage ended: closed', () => {
    const need = addendumNeedsExtension(bundle, rows, upload.end, HOLIDAYS);
    assert.deepEqual(need, { stage: upload.stage, closed: true });
  });
});

describe('outage extension (issue 9 item 9, Perka LKPP 1/2015)', () => {
  test('overlap of two intervals', () => {
    const a = new Date(0);
    assert.equal(overlapMs(a, new Date(10), new Date(5), new Date(20)), 5);
    assert.equal(overlapMs(a, new Date(5), new Date(5), new Date(20)), 0, 'touching is no overlap');
    assert.equal(overlapMs(new Date(6), new Date(8), new Date(5), new Date(20)), 2, 'inside');
  });

  for (const b of BUNDLES.values()) {
    const s = scheduleTemplate(b, START, HOLIDAYS);
    const up = stageOfRole(b, 'bid_upload') ? uploadRow(b, s) : undefined;
    if (!up) continue;
    test(`${b.id}@${b.version}: the upload ends later by the overlap; the schedule stays valid`, () => {
      const changes = outageExtensionChanges(b, s, 2 * H, HOLIDAYS);
      const u = changes.find((c) => c.stage === up.stage)!;
      assert.equal(u.end.getTime() - up.end.getTime(), 2 * H);
      assert.equal(u.start.getTime(), up.start.getTime(), 'a started stage keeps its start');
      // Checked by the same rules as any schedule change, during the upload stage.
      const now = new Date(up.start.getTime() + H);
      const out = checkScheduleChange(b, s, changes, now, HOLIDAYS);
      assert.ok(out.ok, JSON.stringify(!out.ok && out.problems));
      // Every stage after the upload starts no earlier than the new upload end.
      for (const c of changes) {
        const old = s.find((r) => r.stage === c.stage)!;
        if (old.start.getTime() >= up.end.getTime()) assert.ok(c.start.getTime() >= u.end.getTime(), c.stage);
      }
    });
  }

  test('Download Dokumen Pemilihan, which runs until the upload closes, ends with it', () => {
    const changes = outageExtensionChanges(bundle, rows, 3 * H, HOLIDAYS);
    const dl = changes.find((c) => c.stage === 'download_dokumen_pemilihan');
    assert.ok(dl);
    assert.equal(dl.end.getTime(), upload.end.getTime() + 3 * H);
  });

  test('no overlap, no change', () => {
    assert.deepEqual(outageExtensionChanges(bundle, rows, 0, HOLIDAYS), []);
  });
});

describe('failure reasons as data (issue 9 item 8, Perpres 16/2018 Pasal 51)', () => {
  test('every reason has its text and article', () => {
    for (const r of FAILURE_REASONS) {
      assert.match(FAILURE_REASON_TEXT[r].basis, /Pasal 51 ayat \(2\) huruf [a-i]/);
      assert.ok(FAILURE_REASON_TEXT[r].text.length > 10);
    }
  });
  test('in every bundle, reason i is the PA/KPA’s alone and the Pokja never has it', () => {
    for (const b of BUNDLES.values()) {
      assert.deepEqual(reasonsFor(b, 'PA_KPA'), ['i_kkn_pokja_ppk'], b.id);
      assert.ok(!reasonsFor(b, 'POKJA').includes('i_kkn_pokja_ppk'), b.id);
    }
  });
  test('the tender bundle lets the Pokja declare a–g', () => {
    assert.deepEqual(
      reasonsFor(bundle, 'POKJA').map((r) => FAILURE_REASON_TEXT[r].huruf),
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    );
  });
});
