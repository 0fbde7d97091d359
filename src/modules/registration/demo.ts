import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { BlobStore } from '../../platform/files/blob-store.ts';
import { insertDocument, uploadBlob } from '../../platform/files/documents.ts';
import type { DemoContext } from '../../platform/module.ts';
import { users } from '../accounts/accounts.schema.ts';
import { activateAccount, createPendingAccount, grantVendorRole } from '../accounts/index.ts';
import { nextRegistrationNumber } from './registration.repository.ts';
import {
  blacklistEntries,
  type RegistrationStatus,
  registrationDocuments,
  registrationEvents,
  registrations,
  vendors,
} from './registration.schema.ts';
import { VENDOR_REQUIREMENTS } from './requirements.ts';

/** Demo vendors, one in each state of the registration flow (issue 3), all in Konawe Kepulauan. */
export const DEMO_VENDORS: {
  username: string;
  company: string;
  form: string;
  npwp: string;
  pic: string;
  status: RegistrationStatus;
  blacklisted?: boolean;
  note?: string;
}[] = [
  {
    username: 'penyedia.draf',
    company: 'Wawonii Jaya Abadi',
    form: 'CV',
    npwp: '014567891234000',
    pic: 'La Ode Sabaruddin',
    status: 'draft',
  },
  {
    username: 'penyedia.menunggu',
    company: 'Langara Bangun Persada',
    form: 'PT',
    npwp: '025678912345000',
    pic: 'Wa Ode Fatmawati',
    status: 'submitted',
  },
  {
    username: 'penyedia.revisi',
    company: 'Bahari Munse Mandiri',
    form: 'CV',
    npwp: '036789123456000',
    pic: 'Muh. Arsyad',
    status: 'revision',
    note: 'Scan KTP tidak terbaca; unggah ulang dengan jelas.',
  },
  {
    username: 'penyedia.aktif',
    company: 'Sultra Tirta Konstruksi',
    form: 'PT',
    npwp: '047891234567000',
    pic: 'Hj. Nurhayati',
    status: 'approved',
  },
  {
    username: 'penyedia.ditolak',
    company: 'Kendari Prima Niaga',
    form: 'CV',
    npwp: '058912345678000',
    pic: 'Rusdin',
    status: 'rejected',
    note: 'Akta pendirian tidak sesuai dengan aslinya.',
  },
  {
    username: 'penyedia.hitam',
    company: 'Tanjung Batu Karya',
    form: 'CV',
    npwp: '069123456789000',
    pic: 'Samsul Alam',
    status: 'approved',
    blacklisted: true,
  },
];

const demoPdf = (label: string) =>
  Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

/** The registration module's demo loader (module contract): vendors in every registration state. */
export async function loadRegistrationDemoModule(ctx: DemoContext) {
  const hashes = new Map<string, string>();
  for (const v of DEMO_VENDORS) hashes.set(v.username, await ctx.passwordHash(v.username, 'PENYEDIA'));
  await loadRegistrationDemo(ctx.tx, { clock: ctx.clock, files: ctx.files, passwordHash: (u) => hashes.get(u)! });
}

/**
 * Writes the demo vendors with their documents and history. Called by the demo loader inside its transaction; the
 * caller hashes the passwords and prints them.
 */
export async function loadRegistrationDemo(
  tx: Db,
  deps: { clock: Clock; files: BlobStore; passwordHash: (username: string) => string },
) {
  const now = deps.clock.now();
  const day = (n: number) => new Date(now.getTime() - n * 86_400_000);
  const [verifier] = await tx.select().from(users).where(eq(users.username, 'verifikator'));
  for (const [i, v] of DEMO_VENDORS.entries()) {
    const active = v.status === 'approved';
    const submitted = v.status !== 'draft';
    const decided = v.status === 'approved' || v.status === 'rejected';
    const { user, reg, vendor } = await insertDemoVendor(tx, now, {
      username: v.username,
      pic: v.pic,
      passwordHash: deps.passwordHash(v.username),
      active,
      createdAt: day(20 - i),
      registration: {
        status: v.status,
        submittedAt: submitted ? day(10 - i) : null,
        decidedAt: decided ? day(5 - i / 2) : null,
        decidedBy: decided ? (verifier?.id ?? null) : null,
        decisionReason: v.note ?? null,
      },
      vendor: {
        name: v.company,
        businessForm: v.form,
        npwp: v.npwp,
        nib: `91203${String(i).padStart(8, '0')}`,
        address: `Jl. Poros Langara No. ${10 + i}`,
        phone: `0401 31234${i}${i}`,
        email: `kantor@${v.username.replace('penyedia.', '')}.demo.id`,
        picNik: `740201120385000${i}`,
        verifiedAt: active ? day(5 - i / 2) : null,
      },
    });
    for (const r of VENDOR_REQUIREMENTS.filter((q) => q.required)) {
      const bytes = demoPdf(`${v.username} ${r.code}`);
      // The same path as a real upload: identity documents are encrypted at rest.
      const blob = await uploadBlob(deps.files, r.docClass, Readable.from(bytes), `${r.code}.pdf`);
      const doc = await insertDocument(tx, deps.clock, blob, user.id);
      await tx.insert(registrationDocuments).values({
        registrationId: reg.id,
        requirement: r.code,
        version: 1,
        documentId: doc.id,
        docNumber: r.number ? `${r.code.toUpperCase()}-${i}` : null,
        issuedOn: r.date ? '2020-01-15' : null,
        issuer: r.issuer ? 'Notaris/OSS' : null,
        validUntil: r.validUntil ? '2030-01-15' : null,
        originalChecked: active,
        checkedBy: active ? (verifier?.id ?? null) : null,
        checkedAt: active ? day(5) : null,
        revisionNote: v.status === 'revision' && r.code === 'ktp' ? v.note : null,
        createdAt: day(12 - i),
      });
    }
    const history: [string, string | null][] = [['created', null]];
    if (submitted) history.push(['submitted', null]);
    if (v.status === 'revision') history.push(['revision_requested', v.note ?? null]);
    if (v.status === 'rejected') history.push(['rejected', v.note ?? null]);
    if (active) history.push(['originals_checked', null], ['approved', null]);
    for (const [k, note] of history) {
      await tx.insert(registrationEvents).values({
        registrationId: reg.id,
        at: now,
        actorUserId: k === 'created' || k === 'submitted' ? user.id : (verifier?.id ?? null),
        actorName: k === 'created' || k === 'submitted' ? v.pic : (verifier?.name ?? null),
        kind: k,
        note,
      });
    }
    if (v.blacklisted && verifier) {
      await tx.insert(blacklistEntries).values({
        vendorId: vendor.id,
        vendorName: v.company,
        npwp: v.npwp,
        offence: 'pemutusan_kontrak',
        skNumber: '027/45/PUPR/2026',
        skDate: '2026-01-20',
        issuingAgency: 'Dinas Pekerjaan Umum dan Penataan Ruang',
        startsOn: '2026-02-01',
        endsOn: '2028-01-31',
        createdBy: verifier.id,
        createdAt: now,
      });
    }
  }
  return DEMO_VENDORS.length;
}

/**
 * One demo vendor's account, registration and vendor rows; with `active` the account is activated and holds the
 * PENYEDIA role (the role is granted after the caller wrote the registration history, as the verifier's approval
 * does). Shared by the registration demo and the demo bidders.
 */
export async function insertDemoVendor(
  tx: Db,
  now: Date,
  v: {
    username: string;
    pic: string;
    passwordHash: string;
    active: boolean;
    createdAt: Date;
    registration: Pick<
      typeof registrations.$inferInsert,
      'status' | 'submittedAt' | 'decidedAt' | 'decidedBy' | 'decisionReason'
    >;
    vendor: Omit<
      typeof vendors.$inferInsert,
      'registrationId' | 'userId' | 'city' | 'postalCode' | 'picName' | 'picPosition' | 'createdAt' | 'updatedAt'
    >;
  },
) {
  const user = await createPendingAccount(tx, v.createdAt, {
    username: v.username,
    name: v.pic,
    email: `${v.username}@demo.penyedia.id`,
    passwordHash: v.passwordHash,
    locale: 'id',
  });
  if (v.active) await activateAccount(tx, now, user.id);
  const [reg] = await tx
    .insert(registrations)
    .values({
      number: await nextRegistrationNumber(tx, now),
      kind: 'vendor',
      userId: user.id,
      ...v.registration,
      createdAt: v.createdAt,
      updatedAt: now,
    })
    .returning();
  const [vendor] = await tx
    .insert(vendors)
    .values({
      registrationId: reg!.id,
      userId: user.id,
      city: 'Konawe Kepulauan',
      postalCode: '93393',
      picName: v.pic,
      picPosition: 'Direktur',
      ...v.vendor,
      createdAt: v.createdAt,
      updatedAt: now,
    })
    .returning();
  if (v.active) await grantVendorRole(tx, now, user.id);
  return { user, reg: reg!, vendor: vendor! };
}
