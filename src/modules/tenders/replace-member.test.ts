import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { buildBidWorld, signedIn } from '../bids/bids.test-support.ts';
import { notifications } from '../notifications/notifications.schema.ts';
import { insertHandedOverPackage } from '../sulap/sulap.test-support.ts';
import { tenderMembers, tenders } from './tenders.schema.ts';

// The running tender with its Pokja comes from the bids world (the replacement matters most for sealed bids).
describe('the Kepala UKPBJ replaces a member of a running tender by SK (issue 11 item 1)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const memberIds = async (tenderId: string) =>
    (await t.db.select().from(tenderMembers).where(eq(tenderMembers.tenderId, tenderId))).map((m) => m.userId).sort();
  const sk = (over: Record<string, string>) => ({
    skNumber: 'SK/UKPBJ/17/2026',
    skDate: '2026-03-02',
    reason: 'Anggota dimutasi ke dinas lain.',
    ...over,
  });

  test('the successor takes the seat; both are told; the SK is audited', async () => {
    const w = await buildBidWorld(t, { members: 3, vendors: 0 });
    const kepala = await buildUser(t, { roles: ['KEPALA_ULP'], agencyId: w.agency.id });
    const successor = await buildUser(t, { roles: ['POKJA'], agencyId: w.agency.id });
    const a = await signedIn(t, kepala.username);
    const page = await a.get(`/tender/${w.kode}/ukpbj`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(successor.name), 'the successor is offered');

    const outgoing = w.members[2]!;
    const res = await a.post(
      `/tender/${w.kode}/ukpbj/ganti`,
      sk({ outgoingId: outgoing.id, incomingId: successor.id }),
    );
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    assert.deepEqual(await memberIds(w.tender.id), [w.members[0]!.id, w.members[1]!.id, successor.id].sort());
    const [ev] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'tender.member_replaced'), eq(auditEvents.objectId, w.tender.id)));
    assert.deepEqual(
      { outgoing: ev?.summary.outgoing, incoming: ev?.summary.incoming, sk: ev?.summary.sk },
      { outgoing: outgoing.id, incoming: successor.id, sk: 'SK/UKPBJ/17/2026' },
    );
    const keys = async (userId: string) =>
      (await t.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.messageKey);
    assert.ok((await keys(successor.id)).includes('tenders.notice.memberIn'));
    assert.ok((await keys(outgoing.id)).includes('tenders.notice.memberOut'));
    assert.equal((await outgoing.agent.get(`/kelola/tender/${w.tender.id}`)).statusCode, 404, 'the outgoing is out');
    const after = (await a.get(`/tender/${w.kode}/ukpbj`)).body;
    assert.match(after, /Riwayat penggantian anggota/, 'the page keeps the replacement on record');
    assert.ok(after.includes('SK/UKPBJ/17/2026') && after.includes('Anggota dimutasi ke dinas lain.'));
  });

  test('refused: not a member, already a member, not a holder of the role there, the PPK; nothing changes', async () => {
    const w = await buildBidWorld(t, { members: 3, vendors: 0 });
    const kepala = await buildUser(t, { roles: ['KEPALA_ULP'], agencyId: w.agency.id });
    const elsewhere = await buildUser(t, { roles: ['POKJA'], agencyId: (await buildAgency(t)).id });
    const ppk = await buildUser(t, { roles: ['POKJA', 'PPK'], agencyId: w.agency.id });
    const bystander = await buildUser(t, { roles: ['POKJA'], agencyId: w.agency.id });
    // The tender's SULAP package, whose PPK is also a Pokja of the UKPBJ.
    const { draft } = await insertHandedOverPackage(t, {
      agencyId: w.agency.id,
      ukpbjAgencyId: w.agency.id,
      ppkUserId: ppk.id,
      namaPaket: w.tender.nama,
      pagu: 1_000_000_000n,
      hps: 950_000_000n,
    });
    await t.db.update(tenders).set({ sulapDraftTenderId: draft.id }).where(eq(tenders.id, w.tender.id));
    const a = await signedIn(t, kepala.username);
    await a.get(`/tender/${w.kode}/ukpbj`);
    const before = await memberIds(w.tender.id);
    const cases = [
      { outgoingId: bystander.id, incomingId: elsewhere.id, field: 'outgoingId', code: 'bukan anggota tender ini' },
      {
        outgoingId: w.members[0]!.id,
        incomingId: w.members[1]!.id,
        field: 'incomingId',
        code: 'sudah menjadi anggota',
      },
      { outgoingId: w.members[0]!.id, incomingId: elsewhere.id, field: 'incomingId', code: 'pemegang peran yang sama' },
      { outgoingId: w.members[0]!.id, incomingId: ppk.id, field: 'incomingId', code: 'pemisahan tugas' },
    ];
    for (const c of cases) {
      const res = await a.post(`/tender/${w.kode}/ukpbj/ganti`, sk(c));
      assert.equal(res.statusCode, 422, `${c.code}: ${res.statusCode}`);
      assert.ok(res.body.includes(c.code), c.code);
    }
    assert.deepEqual(await memberIds(w.tender.id), before);
  });

  test('a Kepala UKPBJ of another UKPBJ does not find the tender', async () => {
    const w = await buildBidWorld(t, { members: 3, vendors: 0 });
    const other = await buildUser(t, { roles: ['KEPALA_ULP'], agencyId: (await buildAgency(t)).id });
    const successor = await buildUser(t, { roles: ['POKJA'], agencyId: w.agency.id });
    const a = await signedIn(t, other.username);
    assert.equal((await a.get(`/tender/${w.kode}/ukpbj`)).statusCode, 404);
    const res = await a.post(
      `/tender/${w.kode}/ukpbj/ganti`,
      sk({ outgoingId: w.members[0]!.id, incomingId: successor.id }),
    );
    assert.equal(res.statusCode, 404);
    assert.ok((await memberIds(w.tender.id)).includes(w.members[0]!.id));
  });
});
