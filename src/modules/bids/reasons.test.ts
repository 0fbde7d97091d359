import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '../../platform/i18n/i18n.ts';
import { explainReason } from './reasons.ts';

test('a failed opening and a witness finding are explained in Indonesian, with the stored code kept (R48)', () => {
  const id = translator('id');
  const failed = explainReason(id, 'ENVELOPE_TAMPERED: chunk 0 failed authentication');
  assert.match(failed, /tidak lolos pemeriksaan keutuhan/);
  assert.ok(failed.endsWith('(ENVELOPE_TAMPERED: chunk 0 failed authentication)'), 'the stored text stays, whole');
  assert.match(explainReason(id, 'STORED_FILE_DIFFERS_FROM_RECEIPT'), /^berkas tersimpan berbeda dari hash/);
  assert.match(explainReason(translator('en'), 'STORED_FILE_MISSING'), /^the stored file was not found/);
  assert.equal(explainReason(id, 'SOMETHING_NEW'), 'SOMETHING_NEW', 'an unknown code is shown as stored');
  assert.equal(explainReason(id, null), '');
});
