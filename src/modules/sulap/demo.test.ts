import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/tokens.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.ts';
import { users } from '../accounts/accounts.schema.ts';
import { agencies } from '../organisation/organisation.schema.ts';
import { sulapMembers, sulapPackages } from './sulap.schema.ts';
import { signIn } from './sulap.test-support.ts';

const PL = 'Pengadaan Buku Bacaan Perpustakaan Sekolah Dasar';

describe('SULAP demo: a Pengadaan Langsung of DISDIK ready for its Pejabat Pengadaan', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    // Imported after the app: demo-data reaches the module list, which must load in its own order first.
    const { loadDemoData } = await import('../../demo/demo-data.ts');
    const log = console.log;
    console.log = () => {};
    try {
      await loadDemoData(t.db, t.config);
    } finally {
      console.log = log;
    }
  });
  after(() => t.close());

  test('the package is DISDIK, Pengadaan Langsung, complete, with pp.disdik as its single Pejabat Pengadaan', async () => {
    const [pkg] = await t.db
      .select({
        id: sulapPackages.id,
        metode: sulapPackages.metode,
        status: sulapPackages.status,
        assigneeKind: sulapPackages.assigneeKind,
        agency: agencies.code,
      })
      .from(sulapPackages)
      .innerJoin(agencies, eq(agencies.id, sulapPackages.agencyId))
      .where(eq(sulapPackages.namaPaket, PL));
    assert.ok(pkg, 'the demo has the DISDIK Pengadaan Langsung package');
    assert.equal(pkg.agency, 'DISDIK');
    assert.equal(pkg.metode, 'pengadaan_langsung');
    assert.equal(pkg.assigneeKind, 'pejabat_pengadaan');
    assert.equal(pkg.status, 'kolektif_kolegial', 'every mandatory document approved: ready to build the tender');
    const members = await t.db
      .select({ username: users.username, role: sulapMembers.role })
      .from(sulapMembers)
      .innerJoin(users, eq(users.id, sulapMembers.userId))
      .where(eq(sulapMembers.packageId, pkg.id));
    assert.deepEqual(members, [{ username: 'pp.disdik', role: 'PEJABAT_PENGADAAN' }]);
  });

  test('pp.disdik signs in and finds it on the tender desk, ready to build', async () => {
    await t.db
      .update(users)
      .set({ passwordHash: await hashPassword(TEST_PASSWORD) })
      .where(eq(users.username, 'pp.disdik'));
    const [pkg] = await t.db.select().from(sulapPackages).where(eq(sulapPackages.namaPaket, PL));
    const pp = await signIn(t, 'pp.disdik');
    const desk = await pp.get('/kelola/tender');
    assert.equal(desk.statusCode, 200, 'the Pejabat Pengadaan reaches the tender desk');
    assert.match(desk.body, new RegExp(`/kelola/tender/baru/${pkg!.id}`), 'the PL package is offered to build');
    const form = await pp.get(`/kelola/tender/baru/${pkg!.id}`);
    assert.equal(
      form.statusCode,
      200,
      `the build form opens: ${form.body.slice(form.body.indexOf('<main'), form.body.indexOf('<main') + 800)}`,
    );
    assert.match(form.body, /pengadaan-langsung/, 'the Pengadaan Langsung bundle is offered');
  });
});
