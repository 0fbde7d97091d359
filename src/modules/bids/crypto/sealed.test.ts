import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  concat,
  decryptEnvelope,
  type EnrolledKey,
  enrolKey,
  envelopeLead,
  MAGIC,
  openShare,
  openVendorKey,
  parseHeader,
  reconstructKey,
  reshare,
  type SealError,
  type SealInput,
  seal,
  TAG_BYTES,
  unlockKey,
  utf8,
} from './sealed.ts';

const ITER = 1000; // tests only: enrolment itself is tested with the real count below

async function member(id: string) {
  const k = await enrolKey(id, `frasa sandi ${id}`, ITER);
  return { id, key: k, priv: await unlockKey(id, k.fingerprint, k.wrapped, `frasa sandi ${id}`) };
}

describe('sealed bid envelope (R12)', () => {
  let members: { id: string; key: EnrolledKey; priv: Uint8Array }[];
  let vendor: { id: string; key: EnrolledKey; priv: Uint8Array };
  const plain = utf8('LPSE-DEMO-PLAINTEXT '.repeat(10_000)); // 200 kB: several chunks
  const input = (over: Partial<SealInput> = {}): SealInput => ({
    tender: '10012026',
    vendor: 'vendor-1',
    kind: 'penawaran',
    size: plain.length,
    read: async (o, l) => plain.slice(o, o + l),
    k: 2,
    members: members.map((m) => ({ userId: m.id, publicKey: m.key.publicKey })),
    vendorKey: { userId: vendor.id, publicKey: vendor.key.publicKey },
    chunkSize: 16 * 1024,
    ...over,
  });
  const sharesOf = async (bytes: Uint8Array, ids: string[]) => {
    const { header } = parseHeader(bytes);
    const m = new Map<string, Uint8Array>();
    for (const id of ids) m.set(id, await openShare(header, id, members.find((x) => x.id === id)!.priv));
    return { header, shares: m };
  };

  before(async () => {
    members = [await member('pokja-a'), await member('pokja-b'), await member('pokja-c')];
    vendor = await member('vendor-user');
  });

  test('round trip: any 2 of 3 members reconstruct the key and the plaintext comes back byte for byte', async () => {
    const s = await seal(input());
    const bytes = concat(s.parts);
    assert.equal(bytes.length, s.size);
    for (const pair of [
      ['pokja-a', 'pokja-b'],
      ['pokja-b', 'pokja-c'],
      ['pokja-a', 'pokja-c'],
    ]) {
      const { header, shares } = await sharesOf(bytes, pair);
      const key = await reconstructKey(header, shares);
      assert.deepEqual(await decryptEnvelope(bytes, key), plain);
    }
  });

  test('the plaintext appears nowhere in the envelope', async () => {
    const bytes = concat((await seal(input())).parts);
    assert.ok(!Buffer.from(bytes).includes('LPSE-DEMO-PLAINTEXT'));
  });

  test('vendor self-check: the vendor-wrapped key decrypts the stored envelope', async () => {
    const bytes = concat((await seal(input())).parts);
    const { header } = parseHeader(bytes);
    const key = await openVendorKey(header, vendor.id, vendor.priv);
    assert.deepEqual(await decryptEnvelope(bytes, key), plain);
  });

  test('fewer than k shares recover nothing (k = 3 of 3 with two shares)', async () => {
    const bytes = concat((await seal(input({ k: 3 }))).parts);
    const { header, shares } = await sharesOf(bytes, ['pokja-a', 'pokja-b']);
    await assert.rejects(reconstructKey(header, shares), (e: SealError) => e.code === 'SHARES_INSUFFICIENT');
  });

  test('a wrong share is refused against its commitment; a member cannot open another member’s share', async () => {
    const bytes = concat((await seal(input())).parts);
    const { header, shares } = await sharesOf(bytes, ['pokja-a']);
    shares.set('pokja-b', shares.get('pokja-a')!);
    await assert.rejects(reconstructKey(header, shares), (e: SealError) => e.code === 'SHARES_INSUFFICIENT');
    await assert.rejects(openShare(header, 'pokja-b', members[0]!.priv), (e: SealError) => e.code === 'SHARE_INVALID');
  });

  async function opened(bytes: Uint8Array) {
    const { header, shares } = await sharesOf(bytes, ['pokja-a', 'pokja-b']);
    return decryptEnvelope(bytes, await reconstructKey(header, shares));
  }

  test('tamper: a flipped byte in any chunk names the chunk', async () => {
    const bytes = concat((await seal(input())).parts);
    const { bodyOffset } = parseHeader(bytes);
    const chunk = 16 * 1024 + TAG_BYTES;
    const b = bytes.slice();
    b[bodyOffset + 2 * chunk + 5]! ^= 1;
    await assert.rejects(opened(b), (e: SealError) => e.code === 'ENVELOPE_TAMPERED' && /chunk 2/.test(e.message));
  });

  test('tamper: reordered chunks, a dropped last chunk and appended bytes all fail', async () => {
    const s = await seal(input());
    const [lead, c0, c1, ...rest] = s.parts;
    await assert.rejects(opened(concat([lead!, c1!, c0!, ...rest])), (e: SealError) => e.code === 'ENVELOPE_TAMPERED');
    await assert.rejects(opened(concat(s.parts.slice(0, -1))), (e: SealError) => e.code === 'ENVELOPE_TAMPERED');
    await assert.rejects(
      opened(concat([...s.parts, new Uint8Array(40)])),
      (e: SealError) => e.code === 'ENVELOPE_TAMPERED',
    );
  });

  test('tamper: the same ciphertext under another tender, vendor or kind fails (AAD binding)', async () => {
    const s = await seal(input());
    const bytes = concat(s.parts);
    const { header, bodyOffset } = parseHeader(bytes);
    for (const change of [{ tender: '99999999' }, { vendor: 'vendor-2' }, { kind: 'file_ii' as const }]) {
      const h = utf8(JSON.stringify({ ...header, ...change }));
      const lead = new Uint8Array(MAGIC.length + 4 + h.length);
      lead.set(MAGIC);
      new DataView(lead.buffer).setUint32(MAGIC.length, h.length);
      lead.set(h, MAGIC.length + 4);
      const moved = concat([lead, bytes.subarray(bodyOffset)]);
      // The shares are bound too: they no longer open under the changed header.
      await assert.rejects(opened(moved), (e: SealError) => e.code === 'SHARE_INVALID');
      // Even with the right key, every chunk fails.
      const { shares } = await sharesOf(bytes, ['pokja-a', 'pokja-b']);
      const key = await reconstructKey(header, shares);
      await assert.rejects(decryptEnvelope(moved, key), (e: SealError) => e.code === 'ENVELOPE_TAMPERED');
    }
  });

  test('an empty file and a file of exactly one chunk round-trip', async () => {
    for (const size of [0, 16 * 1024]) {
      const p = new Uint8Array(size).fill(7);
      const bytes = concat((await seal(input({ size, read: async (o, l) => p.slice(o, o + l) }))).parts);
      const { header, shares } = await sharesOf(bytes, ['pokja-a', 'pokja-c']);
      assert.deepEqual(await decryptEnvelope(bytes, await reconstructKey(header, shares)), p);
    }
  });

  test('a single official (Pengadaan Langsung, k = 1 of n = 1): one entry that is the key itself, opened alone', async () => {
    const pp = members[0]!;
    const s = await seal(input({ k: 1, members: [{ userId: pp.id, publicKey: pp.key.publicKey }] }));
    const bytes = concat(s.parts);
    const { header } = parseHeader(bytes);
    assert.equal(header.v, 1, 'the same envelope version as the k-of-n form');
    assert.equal(header.k, 1, 'k = 1 in the header');
    assert.deepEqual(
      header.shares.map((x) => x.to),
      [pp.id],
      'one entry, for the Pejabat Pengadaan',
    );
    assert.ok(!Buffer.from(bytes).includes('LPSE-DEMO-PLAINTEXT'), 'the plaintext appears nowhere in the envelope');
    const entry = await openShare(header, pp.id, pp.priv);
    assert.equal(entry.length, 32, 'the entry is the 256-bit content key (no Shamir share)');
    const key = await reconstructKey(header, new Map([[pp.id, entry]]));
    assert.deepEqual(await decryptEnvelope(bytes, key), plain, 'the PP alone opens the bid byte for byte');
    // Nobody else's key opens the entry; no entry → no key.
    await assert.rejects(openShare(header, pp.id, members[1]!.priv), (e: SealError) => e.code === 'SHARE_INVALID');
    await assert.rejects(reconstructKey(header, new Map()), (e: SealError) => e.code === 'SHARES_INSUFFICIENT');
    // The vendor's self-check works the same way.
    assert.deepEqual(await decryptEnvelope(bytes, await openVendorKey(header, vendor.id, vendor.priv)), plain);
  });

  test('k = 1 is refused when n ≥ 2, and k ≥ 2 when n = 1: a Pokja envelope is never opened by one member', async () => {
    const three = members.map((m) => ({ userId: m.id, publicKey: m.key.publicKey }));
    await assert.rejects(seal(input({ k: 1, members: three })), /k-of-n out of range: 1 of 3/);
    await assert.rejects(seal(input({ k: 1, members: three.slice(0, 2) })), /k-of-n out of range: 1 of 2/);
    await assert.rejects(seal(input({ k: 2, members: three.slice(0, 1) })), /k-of-n out of range: 2 of 1/);
    await assert.rejects(seal(input({ k: 0, members: three.slice(0, 1) })), /k-of-n out of range/);
    // A k-of-n header rewritten to k = 1 is malformed, and one member's share does not open it as if it were the key.
    const bytes = concat((await seal(input())).parts);
    const { header, bodyOffset } = parseHeader(bytes);
    const forged = { ...header, k: 1 };
    const relabelled = concat([envelopeLead(forged), bytes.subarray(bodyOffset)]);
    assert.throws(
      () => parseHeader(relabelled),
      (e: SealError) => e.code === 'ENVELOPE_MALFORMED',
    );
    const one = new Map([['pokja-a', await openShare(header, 'pokja-a', members[0]!.priv)]]);
    await assert.rejects(reconstructKey(forged, one), (e: SealError) => e.code === 'ENVELOPE_MALFORMED');
    await assert.rejects(reconstructKey(header, one), (e: SealError) => e.code === 'SHARES_INSUFFICIENT');
    // Re-sharing keeps the same rule.
    const key = await openVendorKey(header, vendor.id, vendor.priv);
    await assert.rejects(
      reshare(header, key, { k: 1, members: three, vendorKey: { userId: vendor.id, publicKey: vendor.key.publicKey } }),
      /k-of-n out of range/,
    );
  });

  test('a single-official header relabelled as k-of-n (its one entry taken for a share) does not open', async () => {
    const pp = members[0]!;
    const s = await seal(input({ k: 1, members: [{ userId: pp.id, publicKey: pp.key.publicKey }] }));
    const { header } = parseHeader(concat(s.parts));
    // The entry's AAD names it a key: opened as a share (k = 2 header) it fails HPKE.
    const asShare = { ...header, k: 2, shares: [header.shares[0]!, { ...header.shares[0]!, to: 'pokja-b' }] };
    await assert.rejects(openShare(asShare, pp.id, pp.priv), (e: SealError) => e.code === 'SHARE_INVALID');
  });

  test('enrolment: 600,000 PBKDF2 iterations by default; a wrong passphrase does not unlock', async () => {
    const k = await enrolKey('u1', 'kata sandi panjang sekali');
    assert.equal(k.wrapped.iterations, 600_000);
    assert.equal(k.fingerprint.length, 64);
    await assert.rejects(
      unlockKey('u1', k.fingerprint, k.wrapped, 'salah'),
      (e: SealError) => e.code === 'PASSPHRASE_WRONG',
    );
    // Bound to its owner: another user id does not unlock it even with the passphrase.
    await assert.rejects(
      unlockKey('u2', k.fingerprint, k.wrapped, 'kata sandi panjang sekali'),
      (e: SealError) => e.code === 'PASSPHRASE_WRONG',
    );
    const priv = await unlockKey('u1', k.fingerprint, k.wrapped, 'kata sandi panjang sekali');
    assert.equal(priv.length, 32);
  });
});
