import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { users } from '../accounts/accounts.schema.ts';
import { loadRegistrationDemo } from '../registration/demo.ts';
import { vendors } from '../registration/registration.schema.ts';
import { loadSikap } from './demo.ts';
import { profileBlockers } from './index.ts';
import { SECTIONS } from './sections.ts';
import { sikapSections } from './sikap.schema.ts';

describe('SIKaP demo profiles', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await buildUser(t, { roles: ['VERIFIKATOR'], username: 'verifikator' });
    await t.db.transaction(async (tx) => {
      await loadRegistrationDemo(tx, { clock: t.clock, files: t.files, passwordHash: () => 'x' });
      await loadSikap(tx, t.clock, t.files);
    });
  });
  after(() => t.close());

  const vendorOf = async (username: string) => {
    const [row] = await t.db
      .select({ id: vendors.id, email: users.email })
      .from(vendors)
      .innerJoin(users, eq(users.id, vendors.userId))
      .where(eq(users.username, username));
    return row!;
  };

  test('full profiles; a licence expiring within 30 days is reminded at once; an expired SBU blocks', async () => {
    const aktif = await vendorOf('penyedia.aktif');
    const rows = await t.db.select().from(sikapSections).where(eq(sikapSections.vendorId, aktif.id));
    assert.deepEqual(new Set(rows.map((r) => r.section)), new Set(SECTIONS));
    assert.deepEqual(await profileBlockers(t.db, aktif.id, t.clock.now()), []);
    await t.jobs.runDue();
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, aktif.email));
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /izin usaha SIUP/);

    const hitam = await vendorOf('penyedia.hitam');
    const blockers = await profileBlockers(t.db, hitam.id, t.clock.now());
    assert.deepEqual(
      blockers.map((b) => b.kind),
      ['sbu'],
    );
    assert.match(blockers[0]!.reason, /^SBU berakhir/);
  });
});
