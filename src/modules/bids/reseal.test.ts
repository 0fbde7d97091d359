import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { HOUR } from '../../platform/clock.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { tenderMembers } from '../tenders/tenders.schema.ts';
import { bidSubmissions } from './bids.schema.ts';
import { buildBidWorld, enrol, type Person, pdfWith, signedIn, submitBid } from './bids.test-support.ts';
import {
  decryptEnvelope,
  type EnvelopeHeader,
  fromB64,
  openShare,
  openVendorKey,
  reconstructKey,
  reshare,
} from './crypto/sealed.ts';
import { sealedPath } from './storage.ts';

describe('a Pokja member replaced before the deadline: the vendor re-issues the shares (R12)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildBidWorld>>;
  const keys = new Map<string, Uint8Array>();
  before(async () => {
    t = await createTestApp();
    w = await buildBidWorld(t, { members: 3, vendors: 1 });
    for (const p of [...w.members, ...w.bidders]) keys.set(p.id, (await enrol(t, p)).priv);
  });
  after(() => t.close());

  test('new shares to the current Pokja, same chunks, new receipt; the new member opens; a changed binding is refused', async () => {
    const v = w.bidders[0] as Person;
    const plain = pdfWith('reseal', 500);
    const first = await submitBid(v, w.tender.id, plain);
    assert.ok(first.submissionId, 'the first bid is receipted');
    // pokja 3 leaves, a new member joins and enrols.
    const gone = w.members[2]!;
    await t.db
      .delete(tenderMembers)
      .where(and(eq(tenderMembers.tenderId, w.tender.id), eq(tenderMembers.userId, gone.id)));
    const u = await buildUser(t, { roles: ['POKJA'], agencyId: w.agency.id });
    const fresh: Person = { id: u.id, username: u.username, agent: await signedIn(t, u.username) };
    await t.db.insert(tenderMembers).values({ tenderId: w.tender.id, userId: u.id, approvedAt: t.clock.now() });
    keys.set(u.id, (await enrol(t, fresh)).priv);

    // The vendor's browser: its own copy of the key, split afresh over the current Pokja.
    const [old] = await t.db.select().from(bidSubmissions).where(eq(bidSubmissions.id, first.submissionId));
    const h = old!.header as EnvelopeHeader;
    const contentKey = await openVendorKey(h, v.id, keys.get(v.id)!);
    const p = (await v.agent.api('GET', `/api/v1/penawaran/${w.tender.id}/parameter`)).json();
    const recipients = {
      k: p.k,
      members: p.members.map((m: { userId: string; publicKey: string }) => ({
        userId: m.userId,
        publicKey: fromB64(m.publicKey),
      })),
      vendorKey: { userId: p.vendorKey.userId, publicKey: fromB64(p.vendorKey.publicKey) },
    };
    const header = await reshare(h, contentKey, recipients);
    assert.ok(header.shares.some((s) => s.to === u.id) && !header.shares.some((s) => s.to === gone.id), 'new split');

    // A header whose binding changed is refused (its chunks would not open).
    const bad = await v.agent.api('POST', `/api/v1/penawaran/segel-ulang/${first.submissionId}`, {
      header: { ...header, plainSha256: '0'.repeat(64) },
    });
    assert.equal(bad.statusCode, 422, bad.body);

    const res = await v.agent.api('POST', `/api/v1/penawaran/segel-ulang/${first.submissionId}`, { header });
    assert.equal(res.statusCode, 200, res.body);
    const [now] = await t.db.select().from(bidSubmissions).where(eq(bidSubmissions.id, res.json().id));
    const [was] = await t.db.select().from(bidSubmissions).where(eq(bidSubmissions.id, first.submissionId));
    assert.ok(was?.supersededAt, 'the old bid is superseded');
    assert.equal(now?.supersededAt, null, 'the re-sealed bid counts');
    assert.notEqual(now?.sha256, was?.sha256, 'a new envelope, a new receipt');
    assert.ok(now?.signature, 'signed receipt');

    // The new member and one remaining member open it to the original plaintext.
    const nh = now!.header as EnvelopeHeader;
    const shares = new Map<string, Uint8Array>();
    for (const id of [w.members[0]!.id, u.id]) shares.set(id, await openShare(nh, id, keys.get(id)!));
    const key = await reconstructKey(nh, shares);
    const opened = await decryptEnvelope(await fs.readFile(sealedPath(t.dataDir, now!.storageKey)), key);
    assert.deepEqual(Buffer.from(opened), Buffer.from(plain), 'the same plaintext');
    // The departed member's key opens no share of the new header.
    await assert.rejects(openShare(nh, gone.id, keys.get(gone.id)!), 'no share for the departed member');

    // After the deadline a re-seal is refused like any upload.
    t.clock.set(new Date(w.deadline.getTime() + HOUR));
    const again = await signedIn(t, v.username);
    await again.get('/kunci-penawaran');
    const late = await again.api('POST', `/api/v1/penawaran/segel-ulang/${now!.id}`, { header: nh });
    assert.equal(late.statusCode, 403, late.body);
  });
});
