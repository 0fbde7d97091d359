import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { companyName, stripBusinessForm } from './identifiers.ts';

describe('company name: the bentuk usaha written once', () => {
  test('"CV" typed in the name is not repeated', () => {
    assert.equal(companyName('CV', 'CV Bahari Mandiri'), 'CV Bahari Mandiri');
    assert.equal(companyName('CV', 'Bahari Mandiri'), 'CV Bahari Mandiri');
    assert.equal(companyName('CV', 'cv. CV  Bahari Mandiri'), 'CV Bahari Mandiri');
    assert.equal(companyName('PT', 'PT. Sinar Laut'), 'PT Sinar Laut');
    assert.equal(companyName('PERSEKUTUAN_PERDATA', 'Persekutuan Perdata Maju'), 'Persekutuan Perdata Maju');
  });
  test('only the vendor’s own form is stripped; a sole proprietor has no prefix', () => {
    assert.equal(companyName('PT', 'Koperasi Nelayan'), 'PT Koperasi Nelayan');
    assert.equal(companyName('PERORANGAN', 'Budi Santoso'), 'Budi Santoso');
    assert.equal(companyName(null, 'CV Bahari'), 'CV Bahari');
    assert.equal(stripBusinessForm('CV', 'CVR Teknik'), 'CVR Teknik');
  });
  test('a name that is only the prefix is kept', () => {
    assert.equal(stripBusinessForm('CV', 'CV'), 'CV');
  });
});
