import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { DAY } from '../../platform/clock.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { users } from '../accounts/accounts.schema.ts';
import { notifications } from '../notifications/notifications.schema.ts';
import { tenderMembers } from '../tenders/tenders.schema.ts';
import { buildBidWorld, enrol, pdfWith, signedIn, submitBid } from './bids.test-support.ts';

describe('a vendor is told to re-issue its key shares when the keys that open its bid change (R12)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const noticesOf = (userId: string) =>
    t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.messageKey, 'bids.notice.reshare')));
  const mailsTo = async (userId: string) => {
    const [u] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
    return t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, u!.email));
  };

  /** The Kepala UKPBJ replaces a member on the tender's member page (tenders' replaceTenderMember). */
  const replaceOnPage = async (kepala: string, kode: string, outgoingId: string, incomingId: string, status = 303) => {
    const a = await signedIn(t, kepala);
    await a.get(`/tender/${kode}/ukpbj`);
    const res = await a.post(`/tender/${kode}/ukpbj/ganti`, {
      outgoingId,
      incomingId,
      skNumber: 'SK/UKPBJ/18/2026',
      skDate: '2026-03-03',
      reason: 'Anggota sakit berkepanjangan.',
    });
    assert.equal(res.statusCode, status, res.body.slice(0, 300));
    return res;
  };

  test('a member re-enrols before the deadline: the vendor with a bid hears (inbox and mail), once per change', async () => {
    const w = await buildBidWorld(t, { members: 3, vendors: 2 });
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
    const [withBid, without] = w.bidders as [(typeof w.bidders)[0], (typeof w.bidders)[0]];
    assert.ok((await submitBid(withBid, w.tender.id, pdfWith('notice', 300))).submissionId, 'a receipted bid');
    assert.equal((await noticesOf(withBid.id)).length, 0, 'no notice while the bid fits');

    await enrol(t, w.members[1]!);
    const [n] = await noticesOf(withBid.id);
    assert.ok(n, 'the vendor whose bid no longer fits is told');
    assert.equal(n.link, `/penawaran/${w.tender.id}`, 'the notice leads to the bid page, where the re-issue is');
    const mails = await mailsTo(withBid.id);
    assert.equal(mails.length, 1, 'and mailed');
    assert.match(mails[0]!.bodyText, /Terbitkan ulang bagian kunci/);
    assert.equal((await noticesOf(without.id)).length, 0, 'a vendor without a bid is not');

    await enrol(t, w.members[1]!);
    assert.equal((await noticesOf(withBid.id)).length, 2, 'a second change, a second notice');
  });

  test('the Kepala UKPBJ replaces a member by one who already had a key: the vendor with a bid hears', async () => {
    const w = await buildBidWorld(t, { members: 3, vendors: 1 });
    const successor = await buildUser(t, { roles: ['POKJA'], agencyId: w.agency.id });
    const kepala = await buildUser(t, { roles: ['KEPALA_ULP'], agencyId: w.agency.id });
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
    // The successor enrolled long ago (another tender): no enrolment now that would set the notice off.
    await enrol(t, { id: successor.id, username: successor.username, agent: await signedIn(t, successor.username) });
    const vendor = w.bidders[0]!;
    assert.ok((await submitBid(vendor, w.tender.id, pdfWith('replaced', 300))).submissionId);

    await replaceOnPage(kepala.username, w.kode, w.members[2]!.id, successor.id);
    const [n] = await noticesOf(vendor.id);
    assert.ok(n, 'the vendor whose bid no longer fits the Pokja is told');
    assert.equal(n.link, `/penawaran/${w.tender.id}`);
    assert.equal((await mailsTo(vendor.id)).length, 1, 'and mailed');
  });

  test('a successor without a key: no notice until the successor enrols (a re-issue needs their key)', async () => {
    const w = await buildBidWorld(t, { members: 3, vendors: 1 });
    const successor = await buildUser(t, { roles: ['POKJA'], agencyId: w.agency.id });
    const kepala = await buildUser(t, { roles: ['KEPALA_ULP'], agencyId: w.agency.id });
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
    const vendor = w.bidders[0]!;
    assert.ok((await submitBid(vendor, w.tender.id, pdfWith('keyless', 300))).submissionId);
    await replaceOnPage(kepala.username, w.kode, w.members[0]!.id, successor.id);
    assert.equal((await noticesOf(vendor.id)).length, 0, 'nothing the vendor could do yet');
    await enrol(t, { id: successor.id, username: successor.username, agent: await signedIn(t, successor.username) });
    assert.equal((await noticesOf(vendor.id)).length, 1, 'the successor enrolled: now the re-issue can be made');
  });

  test('after the deadline a replacement that would leave a bid with fewer than k share holders is refused', async () => {
    const w = await buildBidWorld(t, { members: 3, vendors: 1 });
    const kepala = await buildUser(t, { roles: ['KEPALA_ULP'], agencyId: w.agency.id });
    const [s1, s2] = [
      await buildUser(t, { roles: ['POKJA'], agencyId: w.agency.id }),
      await buildUser(t, { roles: ['POKJA'], agencyId: w.agency.id }),
    ];
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
    const bid = await submitBid(w.bidders[0]!, w.tender.id, pdfWith('k holders', 300));
    assert.equal(bid.sealed.header.k, 2);
    t.clock.advance(2 * DAY);
    try {
      await replaceOnPage(kepala.username, w.kode, w.members[0]!.id, s1!.id); // two holders remain: k = 2 still open
      const res = await replaceOnPage(kepala.username, w.kode, w.members[1]!.id, s2!.id, 409);
      assert.match(res.body, /Penggantian ini ditolak/);
      const seats = await t.db.select().from(tenderMembers).where(eq(tenderMembers.tenderId, w.tender.id));
      assert.ok(
        seats.some((m) => m.userId === w.members[1]!.id),
        'the member holding the second share stays',
      );
    } finally {
      t.clock.advance(-2 * DAY);
    }
  });

  test('after the upload stage has ended no notice: a re-issue is refused then, and k shares still open', async () => {
    const w = await buildBidWorld(t, { members: 3, vendors: 1 });
    for (const p of [...w.members, ...w.bidders]) await enrol(t, p);
    assert.ok((await submitBid(w.bidders[0]!, w.tender.id, pdfWith('late', 300))).submissionId);
    t.clock.advance(2 * DAY);
    try {
      const member = w.members[2]!;
      await enrol(t, { ...member, agent: await signedIn(t, member.username) });
      assert.equal((await noticesOf(w.bidders[0]!.id)).length, 0);
    } finally {
      t.clock.advance(-2 * DAY);
    }
  });
});
