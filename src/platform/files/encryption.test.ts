import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { and, eq, isNotNull } from 'drizzle-orm';
import { rotateMasterKey } from '../../cli/keys-rotate.ts';
import { users } from '../../modules/accounts/accounts.schema.ts';
import { registrationDocuments, registrations } from '../../modules/registration/registration.schema.ts';
import { VALID_VENDOR, vendorFiles } from '../../modules/registration/registration.test-support.ts';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { PDF, postMultipart } from '../../test/multipart.ts';
import { startTestSmtp } from '../../test/smtp.ts';
import { auditEvents } from '../audit/audit.schema.ts';
import { verifyAuditChain } from '../audit/audit.ts';
import { documents } from './files.schema.ts';
import { KeyFileError, openKeyring } from './keyring.ts';

const PASSWORD = 'pulau-wawonii-indah-2026';
const MARKER = 'PENANDA-RAHASIA-KTP-7402011203850001';
/** A KTP scan as a PDF whose body carries a known plaintext marker, large enough for several 64 KiB chunks. */
const KTP = Buffer.concat([PDF, Buffer.from(`%${MARKER}\n`), Buffer.alloc(200_000, '%isi\n'), Buffer.from('%%EOF\n')]);
const SIGNATURES = [Buffer.from('%PDF'), Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from([0xff, 0xd8, 0xff])];

describe('confidential documents are encrypted at rest (issue 6 item 5)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let verifier: Awaited<ReturnType<typeof buildUser>>;

  before(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ smtpUrl: smtp.url });
    verifier = await buildUser(t, { roles: ['VERIFIKATOR'] });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  let n = 0;
  /** Registers a vendor through the real forms, with `ktp` as its KTP; returns the applicant and its documents. */
  async function registerVendor(ktp: Buffer) {
    n += 1;
    const email = `rahasia${n}@contoh.co.id`;
    const a = new Agent(t.app);
    await a.get('/daftar');
    assert.equal((await a.post('/daftar', { kind: 'penyedia', email })).statusCode, 303);
    await t.mail.runOnce();
    const link = /http:\/\/lpse\.test(\/daftar\/konfirmasi\?[^\s]+)/.exec(smtp.lastTo(email)!)![1]!;
    await a.get(link);
    const token = new URL(`http://x${link}`).searchParams.get('token')!;
    const username = `rahasia${n}`;
    const created = await a.post('/daftar/konfirmasi', {
      token,
      jenis: 'penyedia',
      name: `Rahasia ${n}`,
      username,
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    });
    assert.equal(created.statusCode, 303);
    await a.get('/daftar/formulir');
    const files = { ...vendorFiles(`r${n}`), doc_ktp: { name: 'ktp.pdf', data: ktp } };
    const npwp = `01.234.567.8-9${String(n).padStart(2, '0')}.000`;
    const sent = await postMultipart(a, '/daftar/formulir', { ...VALID_VENDOR, npwp, aksi: 'kirim' }, files);
    assert.equal(sent.statusCode, 303, sent.body);
    const [user] = await t.db.select().from(users).where(eq(users.username, username));
    const [reg] = await t.db.select().from(registrations).where(eq(registrations.userId, user!.id));
    const docs = await t.db
      .select({ requirement: registrationDocuments.requirement, doc: documents })
      .from(registrationDocuments)
      .innerJoin(documents, eq(documents.id, registrationDocuments.documentId))
      .where(and(eq(registrationDocuments.registrationId, reg!.id), eq(registrationDocuments.current, true)));
    const byReq = Object.fromEntries(docs.map((d) => [d.requirement, d.doc]));
    return { a, user: user!, username, ktp: byReq.ktp!, npwp: byReq.npwp!, akta: byReq.akta_pendirian! };
  }

  const storedPath = (storageKey: string) => path.join(t.dataDir, 'files', ...storageKey.split('/'));
  const plainPath = (sha: string) => path.join(t.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);

  async function verifierAgent() {
    const v = new Agent(t.app);
    await v.login(verifier.username);
    return v;
  }

  test('a KTP uploaded through the registration form is unreadable on disk; owner and Verifikator get it back', async () => {
    const { a, ktp, npwp, akta, user, username } = await registerVendor(KTP);
    // Encrypted, at a random address, with the plaintext's hash and size in the row.
    assert.match(ktp.storageKey!, /^enc\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    assert.ok(ktp.wrappedKey && ktp.keyId, 'ktp.wrappedKey && ktp.keyId');
    assert.equal(ktp.size, KTP.length);
    assert.equal(ktp.mime, 'application/pdf');
    assert.notEqual(npwp.storageKey, null, 'NPWP is confidential too');
    assert.equal(akta.storageKey, null, 'the deed stays plain and content-addressed');
    await fs.access(plainPath(akta.sha256));

    const onDisk = await fs.readFile(storedPath(ktp.storageKey!));
    for (const sig of SIGNATURES) assert.ok(!onDisk.subarray(0, 8).includes(sig), 'no file signature');
    assert.equal(onDisk.indexOf(MARKER), -1, 'the plaintext marker is not on disk');
    assert.equal(onDisk.indexOf('%PDF'), -1);
    await assert.rejects(fs.access(plainPath(ktp.sha256)), 'nothing at the plaintext address');
    assert.equal((await fs.stat(storedPath(ktp.storageKey!))).mode & 0o777, 0o600);

    // The owner, through the registration session, byte for byte.
    const own = await a.get(`/daftar/berkas/${ktp.id}`);
    assert.equal(own.statusCode, 200);
    assert.deepEqual(own.rawPayload, KTP);
    assert.equal(own.headers['content-length'], String(KTP.length));

    // The Verifikator, through /berkas, byte for byte.
    const v = await verifierAgent();
    const read = await v.get(`/berkas/${ktp.id}?unduh=1`);
    assert.equal(read.statusCode, 200);
    assert.equal(read.headers['content-length'], String(KTP.length));
    assert.equal(read.headers['content-type'], 'application/pdf');
    assert.deepEqual(read.rawPayload, KTP);
    // A plain document still reads as before.
    assert.equal((await v.get(`/berkas/${akta.id}`)).statusCode, 200);

    // The owner once signed in (account activated here directly), through /berkas.
    await t.db.update(users).set({ status: 'active' }).where(eq(users.id, user.id));
    const signedIn = new Agent(t.app);
    await signedIn.login(username, PASSWORD);
    const mine = await signedIn.get(`/berkas/${ktp.id}`);
    assert.equal(mine.statusCode, 200);
    assert.deepEqual(mine.rawPayload, KTP);
  });

  test('a flipped byte in a stored file is refused with DOCUMENT_INTEGRITY and audited, never served', async () => {
    const { ktp, akta } = await registerVendor(Buffer.concat([KTP, Buffer.from('%flip\n')]));
    const v = await verifierAgent();
    const file = storedPath(ktp.storageKey!);
    const bytes = await fs.readFile(file);
    // The last chunk: the client would have had every earlier chunk had we streamed without checking first.
    bytes[bytes.length - 20]! ^= 0x40;
    await fs.writeFile(file, bytes);
    const res = await v.get(`/berkas/${ktp.id}`);
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /isinya di penyimpanan telah berubah atau rusak/);
    assert.doesNotMatch(res.body, /%PDF|PENANDA|at .*\.ts:\d+/);
    const api = await v.get(`/berkas/${ktp.id}`, { accept: 'application/json' });
    assert.equal(api.statusCode, 409);

    // A plain blob changed on disk is refused too (its SHA-256 no longer matches).
    const plain = plainPath(akta.sha256);
    const pb = await fs.readFile(plain);
    pb[pb.length - 3]! ^= 0x01;
    await fs.writeFile(plain, pb);
    assert.equal((await v.get(`/berkas/${akta.id}`)).statusCode, 409);

    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'document.integrity_failed'));
    assert.deepEqual(new Set(events.map((e) => e.objectId)), new Set([ktp.id, akta.id]));
    assert.equal(events.find((e) => e.objectId === ktp.id)!.actorUserId, verifier.id);
    assert.equal((await verifyAuditChain(t.db)).ok, true);
  });

  test('`keys rotate` re-wraps every data key, retires the old key, and every file stays readable', async () => {
    const mine = await registerVendor(Buffer.concat([KTP, Buffer.from('%rotasi\n')]));
    const before = await t.db.select().from(documents).where(isNotNull(documents.keyId));
    assert.ok(before.length >= 2, 'before.length >= 2');
    const oldFile = JSON.parse(await fs.readFile(t.config.masterKeyFile, 'utf8'));
    const oldIds: string[] = oldFile.keys.map((k: { id: string }) => k.id);
    const oldKeys: string[] = oldFile.keys.map((k: { key: string }) => k.key);

    const result = await rotateMasterKey(t.db, t.config.masterKeyFile, t.clock);
    assert.deepEqual(result.retired, oldIds);
    assert.equal(result.rewrapped, before.length);

    const afterRows = await t.db.select().from(documents).where(isNotNull(documents.keyId));
    for (const row of afterRows) {
      const was = before.find((b) => b.id === row.id)!;
      assert.equal(row.keyId, result.newKeyId);
      assert.notEqual(row.wrappedKey, was.wrappedKey);
      assert.equal(row.storageKey, was.storageKey, 'no stored file is rewritten');
    }
    const text = await fs.readFile(t.config.masterKeyFile, 'utf8');
    const file = JSON.parse(text);
    assert.equal(file.current, result.newKeyId);
    assert.deepEqual(
      file.keys.map((k: { id: string }) => k.id),
      [result.newKeyId],
    );
    for (const id of oldIds) assert.ok(!text.includes(id));
    for (const k of oldKeys) assert.ok(!text.includes(k), 'the old key material is gone from the file');
    assert.equal((await fs.stat(t.config.masterKeyFile)).mode & 0o777, 0o600);
    const leftovers = (await fs.readdir(path.dirname(t.config.masterKeyFile))).filter((f) => f.endsWith('.tmp'));
    assert.deepEqual(leftovers, []);

    // The running app picks the new key file up: old files read, new uploads are wrapped under the new key.
    const v = await verifierAgent();
    const read = await v.get(`/berkas/${mine.ktp.id}`);
    assert.equal(read.statusCode, 200);
    assert.deepEqual(read.rawPayload, Buffer.concat([KTP, Buffer.from('%rotasi\n')]));
    const fresh = await registerVendor(Buffer.concat([KTP, Buffer.from('%setelah\n')]));
    assert.equal(fresh.ktp.keyId, result.newKeyId);
    assert.equal((await v.get(`/berkas/${fresh.ktp.id}`)).statusCode, 200);
    const rotated = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'keys.rotated'));
    assert.equal(rotated.length, 1);
  });

  test('the key file is 0600, and a missing or corrupt one is a clear error while encrypted rows exist', async () => {
    assert.equal((await fs.stat(t.config.masterKeyFile)).mode & 0o777, 0o600);
    const missing = path.join(t.dataDir, 'keys', 'hilang.json');
    await assert.rejects(openKeyring(missing, t.db), (err: Error) => {
      assert.ok(err instanceof KeyFileError, 'err instanceof KeyFileError');
      assert.match(err.message, /MASTER_KEY_FILE/);
      assert.match(err.message, /tidak ada/);
      return true;
    });
    await assert.rejects(fs.access(missing), 'no new key was made');
    const corrupt = path.join(t.dataDir, 'keys', 'rusak.json');
    await fs.writeFile(corrupt, '{"version":1,"current":"a"', { mode: 0o600 });
    await assert.rejects(openKeyring(corrupt, t.db), /berkas kunci rusak/);
    // A key file that lacks the key the rows use (an old backup, say).
    const other = path.join(t.dataDir, 'keys', 'lain.json');
    const key = { id: 'klain', key: Buffer.alloc(32, 1).toString('base64'), createdAt: '2026-01-01' };
    await fs.writeFile(other, JSON.stringify({ version: 1, current: 'klain', keys: [key] }), { mode: 0o600 });
    await assert.rejects(openKeyring(other, t.db), /tidak ada di berkas kunci/);
  });
});
