import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { buildAgency, buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { userRoles } from '../accounts/accounts.schema.ts';
import { bidFailureDecisions, bidSubmissions } from './bids.schema.ts';
import { buildBidWorld, enrol, type Person, passOf, pdfWith, signedIn, submitBid } from './bids.test-support.ts';
import { openShare, parseHeader, toB64, unlockKey } from './crypto/sealed.ts';

/**
 * R48 after the berita acara kesaksian: the tender's official decides on a bid that failed to open — disqualify it
 * (final) or postpone the evaluation for a forensic test — only once the LPSE's report is out, on a page of its own.
 */
describe('the decision on a bid that failed to open (R48)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBidWorld>>;
  let failedId = '';
  const url = () => `/kelola/tender/${w.tender.id}/pembukaan/${failedId}/keputusan`;
  const member = (i: number) => w.members[i] as Person;

  before(async () => {
    t = await createTestApp();
    w = await buildBidWorld(t, { members: 3, vendors: 2 });
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
    for (const v of w.bidders)
      assert.equal((await submitBid(v, w.tender.id, pdfWith(v.username))).patch?.statusCode, 204);
    // One stored envelope is damaged behind the platform's back; the deadline passes; two members open.
    const [victim] = await t.db
      .select()
      .from(bidSubmissions)
      .where(and(eq(bidSubmissions.vendorId, w.bidders[0]!.vendorId!), isNull(bidSubmissions.supersededAt)));
    failedId = victim!.id;
    const file = path.join(t.dataDir, 'bids', victim!.storageKey);
    const bytes = await fs.readFile(file);
    bytes[parseHeader(new Uint8Array(bytes)).bodyOffset + 20]! ^= 0xff;
    await fs.writeFile(file, bytes);
    t.clock.set(new Date(w.deadline.getTime() + 1000));
    for (const p of [...w.members, ...w.bidders]) p.agent = await signedIn(t, p.username);
    for (const m of [member(0), member(1)]) {
      const body = (await m.agent.api('GET', `/api/v1/penawaran/${w.tender.id}/pembukaan`)).json();
      const priv = await unlockKey(m.id, body.key.fingerprint, body.key.wrapped, passOf(m.username));
      const shares: Record<string, string> = {};
      for (const b of body.bids) shares[b.id] = toB64(await openShare(b.header, m.id, priv));
      await m.agent.api('POST', `/api/v1/penawaran/${w.tender.id}/pembukaan`, { shares });
    }
  });
  after(() => t.close());

  const decide = async (m: Person, form: Record<string, string>) => {
    await m.agent.get(url());
    return m.agent.post(url(), form);
  };

  test('before the LPSE’s witness report the page says so and a decision is refused', async () => {
    const opening = await member(0).agent.get(`/kelola/tender/${w.tender.id}/pembukaan`);
    assert.match(opening.body, /Menunggu berita acara kesaksian dari LPSE/);
    const page = await member(0).agent.get(url());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /setelah LPSE menerbitkan berita acara kesaksian/);
    const res = await decide(member(0), { decision: 'gugur', reason: 'Berkas rusak menurut LPSE' });
    assert.equal(res.statusCode, 409);
    assert.equal((await t.db.select().from(bidFailureDecisions)).length, 0);
  });

  test('after the report: a postponement needs its days; then a disqualification, which is final', async () => {
    const admin = await buildUser(t, { roles: ['ADMIN_SISTEM'] });
    const a = await signedIn(t, admin.username);
    await a.get('/admin/kesaksian-penawaran');
    const witnessed = await a.post(`/admin/kesaksian-penawaran/${failedId}`, {
      attendees: 'Anggota Pokja\nPetugas LPSE',
      notes: '',
    });
    assert.equal(witnessed.statusCode, 303, witnessed.body);

    const page = await member(0).agent.get(url());
    assert.match(page.body, /STORED_FILE_DIFFERS_FROM_RECEIPT/);
    // Bad input, in Indonesian, nothing recorded: no days for a postponement, a reason too short, no decision.
    const noDays = await decide(member(0), { decision: 'tunda', reason: 'Menunggu uji forensik Lemsaneg', days: '' });
    assert.equal(noDays.statusCode, 400);
    assert.match(noDays.body, /Lama penundaan dalam hari[^:]*: isikan 1 sampai 60 hari/);
    const tooMany = await decide(member(0), {
      decision: 'tunda',
      reason: 'Menunggu uji forensik Lemsaneg',
      days: '90',
    });
    assert.equal(tooMany.statusCode, 400);
    const short = await decide(member(0), { decision: 'gugur', reason: 'rusak' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /Alasan keputusan: tuliskan minimal 10 karakter/);
    const none = await decide(member(0), { reason: 'Berkas rusak menurut LPSE' });
    assert.equal(none.statusCode, 400);
    assert.equal((await t.db.select().from(bidFailureDecisions)).length, 0);

    const tunda = await decide(member(0), { decision: 'tunda', reason: 'Menunggu uji forensik Lemsaneg', days: '14' });
    assert.equal(tunda.statusCode, 303, tunda.body);
    const opening = await member(1).agent.get(`/kelola/tender/${w.tender.id}/pembukaan`);
    assert.match(opening.body, /Ditunda 14 hari/);

    const gugur = await decide(member(1), { decision: 'gugur', reason: 'Uji forensik: berkas tidak dapat dipulihkan' });
    assert.equal(gugur.statusCode, 303, gugur.body);
    const rows = await t.db.select().from(bidFailureDecisions).where(eq(bidFailureDecisions.submissionId, failedId));
    assert.deepEqual(rows.map((r) => r.decision).sort(), ['gugur', 'tunda']);
    assert.equal(rows.find((r) => r.decision === 'tunda')?.postponeDays, 14);
    // Final: no third decision, and the page no longer offers the form.
    const again = await decide(member(2), { decision: 'tunda', reason: 'Mencoba menunda lagi', days: '3' });
    assert.equal(again.statusCode, 409);
    assert.doesNotMatch((await member(2).agent.get(url())).body, /name="decision"/);
    const audited = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'bids.failure_decided'));
    assert.equal(audited.length, 2);
  });

  test('only the tender’s official decides: a vendor and a Pokja member of another tender are refused', async () => {
    const vendor = w.bidders[1] as Person;
    assert.notEqual((await vendor.agent.get(url())).statusCode, 200);
    const outsider = await buildUser(t, { roles: ['POKJA'], agencyId: w.agency.id });
    const o = await signedIn(t, outsider.username);
    assert.equal((await o.get(url())).statusCode, 404);
  });

  test('a Pokja member who no longer holds POKJA in the UKPBJ no longer acts on the opening (isTenderOfficial)', async () => {
    // Moved to another agency's Pokja: the permission stays, the membership in this tender's SK stays, the scope goes.
    const m = member(2);
    const elsewhere = await buildAgency(t);
    await t.db
      .update(userRoles)
      .set({ agencyId: elsewhere.id })
      .where(and(eq(userRoles.userId, m.id), eq(userRoles.role, 'POKJA')));
    const again = await signedIn(t, m.username);
    assert.equal((await again.get(`/kelola/tender/${w.tender.id}/pembukaan`)).statusCode, 404);
    const mat = await again.api('GET', `/api/v1/penawaran/${w.tender.id}/pembukaan`);
    assert.notEqual(mat.statusCode, 200, 'nor the opening material for a share');
  });

  test('a bid that opened cannot be decided on as failed', async () => {
    const [opened] = await t.db
      .select()
      .from(bidSubmissions)
      .where(and(eq(bidSubmissions.vendorId, w.bidders[1]!.vendorId!), isNull(bidSubmissions.supersededAt)));
    assert.equal(opened?.openResult, 'opened');
    const res = await member(0).agent.get(`/kelola/tender/${w.tender.id}/pembukaan/${opened!.id}/keputusan`);
    assert.equal(res.statusCode, 404);
  });
});
