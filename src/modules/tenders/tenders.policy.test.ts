import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor } from '../../platform/auth/permissions.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { actsForTender, canPublish, isTenderOfficial, isTenderPokja } from './tenders.policy.ts';

const UKPBJ = 'a0000000-0000-4000-8000-000000000001';
const DISDIK = 'a0000000-0000-4000-8000-000000000002';
const PUPR = 'a0000000-0000-4000-8000-000000000003';
const ME = 'b0000000-0000-4000-8000-000000000001';

const actor = (role: Role, agencyId: string): Actor => ({
  userId: ME,
  username: 'x',
  name: 'x',
  email: '',
  roles: [{ role, agencyId }],
  sessionId: 's',
});
const ref = (memberIds: string[] = [ME]) => ({ ukpbjAgencyId: UKPBJ, agencyId: DISDIK, memberIds });

describe('who acts for a tender: the Pokja of the UKPBJ, or a Pejabat Pengadaan of the UKPBJ or of the package', () => {
  test('a Pejabat Pengadaan of the package agency (as SULAP may assign) builds and runs its PL', () => {
    const pp = actor('PEJABAT_PENGADAAN', DISDIK);
    assert.ok(isTenderPokja(pp, ref()), 'the PD own Pejabat Pengadaan is a member');
    assert.equal(canPublish(pp, ref(), new Date()).allowed, true);
    assert.ok(actsForTender(pp, 'tenders:schedule', ref()), 'and may set its schedule');
  });

  test('a Pejabat Pengadaan of the UKPBJ too; one of another agency, or a non-member, is refused', () => {
    assert.ok(isTenderPokja(actor('PEJABAT_PENGADAAN', UKPBJ), ref()), 'UKPBJ Pejabat Pengadaan');
    assert.ok(!isTenderPokja(actor('PEJABAT_PENGADAAN', PUPR), ref()), 'another agency');
    assert.ok(!isTenderPokja(actor('PEJABAT_PENGADAAN', DISDIK), ref([])), 'not in the SK');
    assert.equal(canPublish(actor('PEJABAT_PENGADAAN', PUPR), ref(), new Date()).allowed, false);
  });

  test('a Pokja member must hold POKJA in the UKPBJ, not in the package agency', () => {
    assert.ok(isTenderPokja(actor('POKJA', UKPBJ), ref()), 'Pokja of the UKPBJ');
    assert.ok(!isTenderPokja(actor('POKJA', DISDIK), ref()), 'POKJA held in the OPD does not count');
  });
});

describe('the tender’s official now (isTenderOfficial: opening the bids, evaluating, deciding)', () => {
  const pokja = (memberIds: string[] = [ME]) => ({ official: 'POKJA' as const, ...ref(memberIds) });
  const pl = (memberIds: string[] = [ME]) => ({ official: 'PEJABAT_PENGADAAN' as const, ...ref(memberIds) });

  test('a Pokja member who holds POKJA in the UKPBJ; not one who lost the role, nor a non-member', () => {
    assert.ok(isTenderOfficial(actor('POKJA', UKPBJ), pokja()));
    assert.ok(!isTenderOfficial(actor('PENYEDIA', UKPBJ), pokja()), 'a member who lost POKJA no longer acts');
    assert.ok(!isTenderOfficial(actor('POKJA', DISDIK), pokja()), 'POKJA held in the OPD does not count');
    assert.ok(!isTenderOfficial(actor('POKJA', UKPBJ), pokja([])), 'not in the SK');
    assert.ok(!isTenderOfficial(null, pokja()));
  });

  test('a PL’s Pejabat Pengadaan, of the UKPBJ or of the package agency; a Pokja member is not a PL’s official', () => {
    assert.ok(isTenderOfficial(actor('PEJABAT_PENGADAAN', UKPBJ), pl()));
    assert.ok(isTenderOfficial(actor('PEJABAT_PENGADAAN', DISDIK), pl()));
    assert.ok(!isTenderOfficial(actor('PEJABAT_PENGADAAN', PUPR), pl()), 'another agency');
    assert.ok(!isTenderOfficial(actor('POKJA', UKPBJ), pl()), 'a Pokja member on a PL');
    assert.ok(!isTenderOfficial(actor('PEJABAT_PENGADAAN', UKPBJ), pokja()), 'a Pejabat Pengadaan on a Pokja tender');
  });
});
