import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../../locales/en.ts';
import { id } from '../../locales/id.ts';
import { formatDateTime, formatRupiah, translator } from './i18n.ts';

test('every Indonesian message has an English translation and the same placeholders', () => {
  for (const key of Object.keys(id) as (keyof typeof id)[]) {
    assert.ok(en[key], `missing en: ${key}`);
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(ph(en[key]), ph(id[key]), `placeholders differ: ${key}`);
  }
});

test('translator fills placeholders', () => {
  const t = translator('id');
  assert.equal(t('portal.welcome', { name: 'LPSE X' }), id['portal.welcome'].replace('{name}', 'LPSE X'));
});

test('rupiah are formatted with dot thousands separators, from bigint without float loss', () => {
  assert.equal(formatRupiah(1250000000n), 'Rp 1.250.000.000');
  assert.equal(formatRupiah(999), 'Rp 999');
  assert.equal(formatRupiah(9007199254740993n), 'Rp 9.007.199.254.740.993');
  assert.equal(formatRupiah(-5000n), '-Rp 5.000');
});

test('times are shown in WITA (UTC+8)', () => {
  const s = formatDateTime(new Date('2026-03-02T01:30:00Z'), 'id');
  assert.match(s, /09[.:]30/);
  assert.match(s, /WITA$/);
});
