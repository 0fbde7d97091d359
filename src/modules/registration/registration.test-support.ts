import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { Agent } from '../../test/agent.ts';
import type { TestApp } from '../../test/harness.ts';
import { PDF, postMultipart } from '../../test/multipart.ts';
import type { TestSmtp } from '../../test/smtp.ts';
import { users } from '../accounts/accounts.schema.ts';
import { registrationDocuments, registrations } from './registration.schema.ts';

/** Factories for registration tests: each test builds the applicants, drafts and decisions it needs. */

export const APPLICANT_PASSWORD = 'pulau-wawonii-indah-2026';

export const VALID_VENDOR = {
  name: 'Bahari Wawonii Konstruksi',
  businessForm: 'CV',
  npwp: '01.234.567.8-912.000',
  nib: '9120301234567',
  address: 'Jl. Poros Langara No. 12',
  city: 'Konawe Kepulauan',
  postalCode: '93393',
  phone: '0401 3123456',
  email: 'kantor@bahari.co.id',
  picName: 'La Ode Bahari',
  picNik: '7402011203850001',
  picPosition: 'Direktur',
  ktp_number: '7402011203850001',
  akta_pendirian_number: '12',
  akta_pendirian_date: '2015-04-01',
  akta_pendirian_issuer: 'Notaris Hj. Wa Ode Sitti, S.H.',
  akta_perubahan_number: '7',
  akta_perubahan_date: '2022-08-17',
  akta_perubahan_issuer: 'Notaris Hj. Wa Ode Sitti, S.H.',
  izin_usaha_number: 'NIB-9120301234567',
  izin_usaha_date: '2020-01-15',
  izin_usaha_issuer: 'OSS RBA',
  izin_usaha_until: '2030-01-15',
};

/** One distinct, valid PDF per document, so each upload is its own blob. */
export const vendorFiles = (tag: string) =>
  Object.fromEntries(
    ['ktp', 'akta_pendirian', 'npwp', 'izin_usaha'].map((c) => [
      `doc_${c}`,
      { name: `${c}.pdf`, data: Buffer.concat([PDF, Buffer.from(`%${tag}-${c}\n`)]) },
    ]),
  );

let seq = 0;
/** A fresh NPWP (15 digits) per call: one NPWP registers once, so tests must not share one by accident. */
export const uniqueNpwp = () => `07${String(++seq).padStart(4, '0')}${String(process.pid % 1e9).padStart(9, '0')}`;

/** The confirmation link of the last mail to `email`, read from what the SMTP server received. */
export function confirmationLink(smtp: TestSmtp, email: string) {
  const link = /http:\/\/lpse\.test(\/daftar\/konfirmasi\?[^\s]+)/.exec(smtp.lastTo(email) ?? '')?.[1];
  assert.ok(link, `a confirmation link reached ${email}`);
  return { link, token: new URL(`http://x${link}`).searchParams.get('token')! };
}

/** E-mail → link from the SMTP server → User ID; returns the applicant's agent on the draft form. */
export async function startRegistration(
  t: TestApp,
  smtp: TestSmtp,
  opts: { kind?: 'penyedia' | 'non-penyedia'; name?: string } = {},
) {
  const kind = opts.kind ?? 'penyedia';
  const n = ++seq;
  const username = `pendaftar${n}`;
  const email = `${username}@contoh.co.id`;
  // An address of its own: the start and confirmation forms are rate-limited per address (10 a minute).
  const a = new Agent(t.app, { ip: `10.0.${(n >> 8) & 255}.${n & 255}` });
  assert.equal((await a.get('/daftar')).statusCode, 200);
  assert.equal((await a.post('/daftar', { kind, email })).statusCode, 303);
  await t.mail.runOnce();
  const { link, token } = confirmationLink(smtp, email);
  assert.equal((await a.get(link)).statusCode, 200);
  const created = await a.post('/daftar/konfirmasi', {
    token,
    jenis: kind,
    name: opts.name ?? `Pendaftar ${n}`,
    username,
    password: APPLICANT_PASSWORD,
    passwordConfirm: APPLICANT_PASSWORD,
  });
  assert.equal(created.statusCode, 303, created.body);
  assert.match(String(created.headers.location), /^\/daftar\/formulir/);
  assert.equal((await a.get('/daftar/formulir')).statusCode, 200);
  const [user] = await t.db.select().from(users).where(eq(users.username, username));
  const [reg] = await t.db.select().from(registrations).where(eq(registrations.userId, user!.id));
  return { a, username, email, user: user!, reg: reg!, token, link };
}

/** The complete vendor form with every document, saved and submitted. */
export async function submitVendor(a: Agent, npwp: string, tag: string) {
  await a.get('/daftar/formulir');
  return postMultipart(a, '/daftar/formulir', { ...VALID_VENDOR, npwp, aksi: 'kirim' }, vendorFiles(tag));
}

/** A vendor registration submitted for verification. */
export async function submittedVendor(t: TestApp, smtp: TestSmtp) {
  const applicant = await startRegistration(t, smtp);
  const sent = await submitVendor(applicant.a, uniqueNpwp(), applicant.username);
  assert.equal(sent.statusCode, 303, sent.body);
  return applicant;
}

/** Signs the Verifikator in, ticks every original and approves the registration; returns the approval's answer. */
export async function approveAll(t: TestApp, verifierUsername: string, regId: string) {
  const v = new Agent(t.app);
  await v.login(verifierUsername);
  assert.equal((await v.get(`/verifikasi/${regId}`)).statusCode, 200);
  const docs = await t.db
    .select()
    .from(registrationDocuments)
    .where(and(eq(registrationDocuments.registrationId, regId), eq(registrationDocuments.current, true)));
  const body = new URLSearchParams({ _csrf: v.csrf! });
  for (const d of docs) body.append('asli', d.id);
  const checked = await v.request({
    method: 'POST',
    url: `/verifikasi/${regId}/asli`,
    payload: body.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(checked.statusCode, 303, checked.body);
  return v.post(`/verifikasi/${regId}/setujui`, {});
}

/** Each action is in the audit trail, and the chain still verifies. */
export async function assertAudited(t: TestApp, actions: string[]) {
  const rows = await t.db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .where(inArray(auditEvents.action, actions));
  const found = new Set(rows.map((r) => r.action));
  for (const a of actions) assert.ok(found.has(a), `audit has ${a}`);
  const chain = await verifyAuditChain(t.db);
  assert.ok(chain.ok, JSON.stringify(chain));
}
