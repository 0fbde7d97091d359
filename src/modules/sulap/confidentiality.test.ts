import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { ROLES, type Role } from '../../platform/auth/roles.ts';
import { documents } from '../../platform/files/files.schema.ts';
import { Agent } from '../../test/agent.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { sulapDocuments, sulapDocumentVersions } from './sulap.schema.ts';
import { buildSulapWorld, packageInReview, type SulapWorld, signIn } from './sulap.test-support.ts';

/**
 * R14 and Pasal 29: a package's documents are for its PPK, the Kepala UKPBJ it was submitted to and its assigned Pokja.
 * Every other role — the Admin Sistem above all — is refused, and the refusal is in the audit trail.
 */
describe('SULAP confidentiality: who may read a package document (R03, R14)', () => {
  let t: TestApp;
  let w: SulapWorld;
  let packageId: string;
  let documentId: string;
  before(async () => {
    t = await createTestApp();
    w = await buildSulapWorld(t);
    ({ id: packageId } = await packageInReview(t, w));
    const [row] = await t.db
      .select({ documentId: sulapDocumentVersions.documentId })
      .from(sulapDocumentVersions)
      .innerJoin(sulapDocuments, eq(sulapDocuments.id, sulapDocumentVersions.sulapDocumentId))
      .where(and(eq(sulapDocuments.packageId, packageId), eq(sulapDocuments.itemKey, 'hps')));
    documentId = row!.documentId;
  });
  after(() => t.close());

  // Each role held in the agency that makes it most tempting: the package's OPD, or the UKPBJ for its officials.
  const agencyFor = (role: Role): 'opd' | 'ukpbj' | null =>
    ['KEPALA_ULP', 'POKJA'].includes(role)
      ? 'ukpbj'
      : ['PA', 'KPA', 'PPK', 'PEJABAT_PENGADAAN', 'AUDITOR'].includes(role)
        ? 'opd'
        : null;
  // Only the Kepala UKPBJ of the unit it was submitted to reads by role alone; a PPK or Pokja member must be the
  // package's own (tested below).
  const expected = (role: Role) => role === 'KEPALA_ULP';

  for (const role of ROLES) {
    test(`${role} (not the package's own PPK or Pokja): ${expected(role) ? 'reads' : '403'}`, async () => {
      const where = agencyFor(role);
      const user = await buildUser(t, {
        roles: [role],
        agencyId: where === 'opd' ? w.agency.id : where === 'ukpbj' ? w.ukpbj.id : null,
      });
      const agent = await signIn(t, user.username);
      for (const url of [`/berkas/${documentId}`, `/sulap/berkas/${documentId}`]) {
        const res = await agent.get(url);
        assert.equal(res.statusCode, expected(role) ? 200 : 403, `${role} ${url}`);
        if (expected(role)) assert.ok(res.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));
        else assert.ok(!res.rawPayload.includes(Buffer.from('%PDF-')), 'no byte of the document');
      }
      const pkgPage = await agent.get(`/sulap/${packageId}`);
      assert.equal(pkgPage.statusCode, expected(role) ? 200 : 403, `${role} package page`);
      assert.doesNotMatch(
        expected(role) ? '' : pkgPage.body,
        /1\.012\.500\.000/,
        'the HPS is never shown to outsiders',
      );
      const denied = await t.db
        .select({ a: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.objectId, documentId), eq(auditEvents.actorUserId, user.id)));
      assert.equal(denied.length, 2, 'both reads are audited');
      assert.ok(
        denied.every((d) => d.a === (expected(role) ? 'document.read' : 'document.read_denied')),
        "denied.every((d) => d.a === (expected(role) ? 'document.read' : 'document.read_denied'))",
      );
    });
  }

  test("the package's own PPK and each assigned member read it; the unassigned fourth member and a Kepala of another unit do not", async () => {
    for (const u of [w.ppk, ...w.pokja.slice(0, 3)]) {
      const a = await signIn(t, u.username);
      assert.equal((await a.get(`/sulap/berkas/${documentId}`)).statusCode, 200, u.username);
    }
    const fourth = await signIn(t, w.pokja[3]!.username);
    assert.equal((await fourth.get(`/sulap/berkas/${documentId}`)).statusCode, 403);
    const elsewhere = await buildUser(t, { roles: ['KEPALA_ULP'], agencyId: (await buildAgency(t)).id });
    assert.equal((await (await signIn(t, elsewhere.username)).get(`/berkas/${documentId}`)).statusCode, 403);
    const anon = await new Agent(t.app).get(`/sulap/berkas/${documentId}`);
    assert.equal(anon.statusCode, 303, 'nobody signed in: to the sign-in page');
    assert.match(String(anon.headers.location), /^\/masuk/);
  });

  test('the Admin Sistem is refused with a page saying why, and the refusal is in the audit trail', async () => {
    const admin = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    const a = await signIn(t, admin.username);
    const res = await a.get(`/sulap/berkas/${documentId}`);
    assert.equal(res.statusCode, 403);
    assert.equal(res.headers['x-error-code'], 'SULAP_CONFIDENTIAL');
    assert.match(res.body, /bersifat rahasia/);
    assert.match(res.body, /LPSE mengelola sistem tetapi tidak memiliki isi paket/);
    assert.match(res.body, /Pasal 29/);
    const [ev] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, documentId), eq(auditEvents.actorUserId, admin.id)));
    assert.equal(ev!.action, 'document.read_denied');
    assert.equal(ev!.actorRole, 'ADMIN_SISTEM');
  });

  test('on disk the document is encrypted: no %PDF signature, not at its plaintext address', async () => {
    const [doc] = await t.db.select().from(documents).where(eq(documents.id, documentId));
    assert.equal(doc!.docClass, 'sulap_dokumen');
    assert.ok(doc!.storageKey && doc!.wrappedKey, 'stored encrypted');
    const bytes = await fs.readFile(path.join(t.dataDir, 'files', doc!.storageKey!));
    assert.ok(!bytes.includes(Buffer.from('%PDF')), 'no PDF signature anywhere in the stored file');
    await assert.rejects(
      fs.stat(path.join(t.dataDir, 'files', doc!.sha256.slice(0, 2), doc!.sha256.slice(2, 4), doc!.sha256)),
    );
  });
});
