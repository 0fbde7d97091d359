import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatNpwp, maskNpwp, nikField, npwpField } from './identifiers.ts';
import { OFFICIAL_REQUIREMENTS, VENDOR_REQUIREMENTS } from './requirements.ts';

describe('NPWP and NIK', () => {
  test('NPWP: 15 or 16 digits, punctuation ignored', () => {
    assert.equal(npwpField().parse('01.234.567.8-912.000'), '012345678912000');
    assert.equal(npwpField().parse('3174 0123 4567 8901'), '3174012345678901');
    for (const bad of ['12.345', '01.234.567.8-912.00A', '0123456789120001234', '']) {
      assert.equal(npwpField().safeParse(bad).success, false, bad);
    }
  });

  test('NIK: 16 digits with a province code', () => {
    assert.equal(nikField().parse('7402011203850001'), '7402011203850001');
    for (const bad of ['740201120385000', '0902011203850001', '74020112038500011', 'abcd011203850001']) {
      assert.equal(nikField().safeParse(bad).success, false, bad);
    }
  });

  test('the public mask shows the same digits SPSE shows', () => {
    assert.equal(formatNpwp('012345678912000'), '01.234.567.8-912.000');
    // The example: 0*.0**.1**.*-*34.**0
    assert.equal(maskNpwp('010001000034000'), '0*.0**.1**.*-*34.**0');
    assert.equal(maskNpwp('3174012345678901').replace(/[^*]/g, '').length, 10);
  });
});

describe('requirement list (R34, Pasal 23)', () => {
  test('vendors: exactly KTP, akta pendirian, akta perubahan (optional), NPWP, izin usaha (one or more)', () => {
    assert.deepEqual(
      VENDOR_REQUIREMENTS.map((r) => [r.code, r.required]),
      [
        ['ktp', true],
        ['akta_pendirian', true],
        ['akta_perubahan', false],
        ['npwp', true],
        ['izin_usaha', true],
        ['izin_usaha_2', false],
      ],
    );
  });
  test('officials: the assignment letter only', () => {
    assert.deepEqual(
      OFFICIAL_REQUIREMENTS.map((r) => r.code),
      ['surat_tugas'],
    );
  });
});
