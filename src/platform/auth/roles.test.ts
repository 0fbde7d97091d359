import assert from 'node:assert/strict';
import { test } from 'node:test';
import { separationOfDutiesConflict } from './roles.ts';

test('R22 / Pasal 13(3): an LPSE-team member cannot become PPK, Pokja, Kepala ULP or Pejabat Pengadaan', () => {
  for (const team of ['KEPALA_LPSE', 'SEKRETARIAT', 'ADMIN_SISTEM', 'VERIFIKATOR', 'HELPDESK'] as const) {
    for (const official of ['PPK', 'POKJA', 'KEPALA_ULP', 'PEJABAT_PENGADAAN'] as const) {
      assert.equal(separationOfDutiesConflict([team], official), team);
      assert.equal(separationOfDutiesConflict([official], team), official);
    }
  }
});

test('roles outside the conflict may be combined', () => {
  assert.equal(separationOfDutiesConflict(['PPK'], 'PA'), undefined);
  assert.equal(separationOfDutiesConflict(['KEPALA_LPSE'], 'ADMIN_SISTEM'), undefined);
  assert.equal(separationOfDutiesConflict(['VERIFIKATOR'], 'AUDITOR'), undefined);
  assert.equal(separationOfDutiesConflict([], 'POKJA'), undefined);
});
