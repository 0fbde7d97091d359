import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Role } from '../../platform/auth/roles.ts';
import { type Clock, ManualClock } from '../../platform/clock.ts';
import { demoActor } from '../../platform/demo-actor.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { DemoContext } from '../../platform/module.ts';
import { users } from '../accounts/accounts.schema.ts';
import { loadDemoBidders } from '../registration/index.ts';
import { vendors } from '../registration/registration.schema.ts';
import { insertDemoTender, type SyaratKualifikasi } from '../tenders/index.ts';
import { currentSubmissions, keyOf, tenderContext } from './bids.repository.ts';
import { enrolBidKey } from './commands/keys.ts';
import { submitShares } from './commands/opening.ts';
import { finishUpload, startUpload } from './commands/upload.ts';
import { recordWitness } from './commands/witness.ts';
import {
  concat,
  enrolKey,
  fromB64,
  openShare,
  seal,
  toB64,
  unlockKey,
  utf8,
  type WrappedPrivateKey,
} from './crypto/sealed.ts';
import { sealedPath, tusDir } from './storage.ts';

/** The text every sealed demo bid of a tender not yet opened holds, so anyone can check it is stored nowhere. */
export const DEMO_PLAINTEXT_MARKER = 'LPSE-DEMO-PLAINTEXT';
/** What the demo bids of the tender already opened hold instead: after the opening, reading them is the point. */
export const DEMO_OPENED_TEXT = 'LPSE-DEMO-DIBUKA';

const POKJA = ['pokja1', 'pokja2', 'pokja3'] as const;
const VENDORS = ['penyedia.bahari', 'penyedia.munse', 'penyedia.lantagi'] as const;
/** The SULAP demo's Pejabat Pengadaan of DISDIK, who runs the demo Pengadaan Langsung and opens its sealed bid alone. */
const PP = 'pp.disdik';

const SYARAT: SyaratKualifikasi = {
  izinUsaha: 'NIB dengan SBU Bangunan Gedung, kualifikasi Kecil',
  kbli: ['41012'],
  pengalaman: 'Paling sedikit 1 pekerjaan konstruksi dalam 4 tahun terakhir',
  tenagaAhli: ['Manajer Pelaksanaan (SKK Jenjang 6)'],
  peralatan: ['Concrete mixer 0,3–0,6 m3: 1 unit'],
};

const demoPassphrase = () => `kunci ${randomBytes(6).toString('base64url')} ${randomBytes(6).toString('base64url')}`;

/** The line `lpse demo` prints for each demo bid key; e2e tests parse it (see `parseDemoBidPassphrases`). */
export const passphraseLine = (username: string, passphrase: string) =>
  `  Frasa sandi kunci penawaran ${username}: ${passphrase}`;

/**
 * Sealed-bid demo (issue 11): bid keys for the SULAP demo's Pokja (pokja1–3), its Pejabat Pengadaan (pp.disdik, so the
 * newcomer's Pengadaan Langsung can take a sealed bid at once) and the demo bidders, each wrapped under a random
 * passphrase printed once (like the passwords), and three tenders of Dinas PUPR with sealed bids uploaded
 * through the same commands as the tus route, sealed in Node with the browser's `crypto/sealed.ts`:
 * - one in its upload stage today: two of its three participants have uploaded (the third has not);
 * - one whose upload stage has ended, not yet opened: all three uploaded (during the stage, on a manual clock);
 * - one opened and in evaluation: three uploaded, pokja1 and pokja2 opened it (2 of 3) with their printed
 *   passphrases through the opening command, as their browsers would; one stored file was damaged after its receipt,
 *   so that bid failed to open, and the LPSE recorded the berita acara kesaksian (R48). The Pokja's decision on it
 *   (gugur, or tunda for a forensic test) is left for the newcomer to make.
 * Every plaintext of a tender not yet opened holds `LPSE-DEMO-PLAINTEXT`, so the marker must be nowhere in the
 * database or under DATA_DIR (the test `demo.test.ts` checks); the opened tender's bids hold `LPSE-DEMO-DIBUKA`.
 * Skipped when the SULAP demo's Pokja is missing.
 */
export async function loadBidsDemo(ctx: DemoContext): Promise<void> {
  try {
    for (const u of POKJA) ctx.userId(u);
  } catch {
    return;
  }
  await loadDemoBidders(ctx);
  const as = (username: string, role: Role, agencyCode: string | null, clock: Clock): Ctx =>
    demoActor(ctx, username, role, agencyCode ? ctx.agencyId(agencyCode) : null, clock);
  let hasPp = true;
  try {
    ctx.userId(PP);
  } catch {
    hasPp = false;
  }
  const people = [
    ...POKJA.map((u) => [u, 'POKJA', 'SETDA'] as const),
    ...(hasPp ? [[PP, 'PEJABAT_PENGADAAN', 'DISDIK'] as const] : []),
    ...VENDORS.map((u) => [u, 'PENYEDIA', null] as const),
  ];
  const lines: string[] = [];
  const passphrases = new Map<string, string>();
  for (const [username, role, agency] of people) {
    const passphrase = demoPassphrase();
    passphrases.set(username, passphrase);
    const k = await enrolKey(ctx.userId(username), passphrase);
    await enrolBidKey(as(username, role, agency, ctx.clock), {
      publicKey: toB64(k.publicKey),
      fingerprint: k.fingerprint,
      wrapped: k.wrapped,
    });
    lines.push(passphraseLine(username, passphrase));
  }

  const participants: { vendorId: string; userId: string; name: string | null; username: string }[] = [];
  for (const username of VENDORS) {
    const [v] = await ctx.tx
      .select({ vendorId: vendors.id, userId: users.id, name: vendors.name })
      .from(vendors)
      .innerJoin(users, eq(users.id, vendors.userId))
      .where(eq(users.username, username));
    if (!v) throw new Error(`demo vendor ${username} missing`);
    participants.push({ ...v, username });
  }
  const year = ctx.clock.now().toISOString().slice(0, 4);
  const base = {
    bundleId: 'tender-pascakualifikasi-1-file',
    agencyCode: 'PUPR',
    ukpbjCode: 'SETDA',
    members: POKJA,
    jenis: 'pekerjaan_konstruksi',
    syarat: SYARAT,
    participants,
  };
  const open = await insertDemoTender(ctx, {
    ...base,
    kode: `${year}70001`,
    nama: 'Pembangunan Gedung Pasar Langara',
    stageNow: 'upload_dokumen_penawaran',
    pagu: 1_450_000_000n,
    hps: 1_398_000_000n,
    lokasi: ['Kelurahan Langara Laut, Kecamatan Wawonii Barat'],
  });
  const closed = await insertDemoTender(ctx, {
    ...base,
    kode: `${year}70002`,
    nama: 'Pembangunan Dermaga Rakyat Lampeapi',
    stageNow: 'pembukaan_dokumen_penawaran',
    pagu: 2_600_000_000n,
    hps: 2_512_000_000n,
    lokasi: ['Desa Lampeapi, Kecamatan Wawonii Tenggara'],
  });

  const opened = await insertDemoTender(ctx, {
    ...base,
    kode: `${year}70003`,
    nama: 'Peningkatan Jalan Poros Munse–Wawouso',
    stageNow: 'evaluasi_penawaran',
    pagu: 3_150_000_000n,
    hps: 3_084_000_000n,
    lokasi: ['Desa Munse, Kecamatan Wawonii Timur'],
  });

  const upload = async (
    tenderId: string,
    v: (typeof participants)[number],
    clock: Clock,
    price: string,
    marker = DEMO_PLAINTEXT_MARKER,
  ) => {
    const c = as(v.username, 'PENYEDIA', null, clock);
    const tc = await tenderContext(ctx.tx, tenderId, clock.now());
    if (!tc) throw new Error('demo bid tender missing');
    const plain = utf8(
      `%PDF-1.4\n% ${marker}\n% Dokumen penawaran ${v.name} untuk tender ${tc.kode}\n` +
        `% Harga penawaran: ${price}\n% ${marker}\n%%EOF\n`,
    );
    const own = await keyOf(ctx.tx, v.userId);
    if (!own) throw new Error('demo vendor key missing');
    const sealed = await seal({
      tender: tc.kode,
      vendor: v.vendorId,
      kind: 'penawaran',
      size: plain.length,
      read: async (o, l) => plain.slice(o, o + l),
      k: tc.threshold,
      members: tc.members.map((m) => ({ userId: m.userId, publicKey: fromB64(m.publicKey!) })),
      vendorKey: { userId: v.userId, publicKey: fromB64(own.publicKey) },
    });
    const id = randomBytes(16).toString('hex');
    const dir = tusDir(ctx.config.dataDir);
    await fs.mkdir(dir, { recursive: true });
    const file = path.join(dir, id);
    await fs.writeFile(file, concat(sealed.parts), { mode: 0o600 });
    await startUpload(c, { uploadId: id, tenderId, kind: 'penawaran', sha256: sealed.sha256, size: sealed.size });
    await finishUpload(c, id, file);
  };
  const [bahari, munse, lantagi] = participants as [
    (typeof participants)[number],
    (typeof participants)[number],
    (typeof participants)[number],
  ];
  await upload(open.tenderId, bahari, ctx.clock, 'Rp1.352.000.000');
  await upload(open.tenderId, munse, ctx.clock, 'Rp1.377.500.000');
  const row = closed.schedule.find((r) => r.stage === 'upload_dokumen_penawaran');
  if (!row) throw new Error('demo tender has no upload stage');
  const during = new ManualClock(new Date(row.end.getTime() - 3 * 3_600_000));
  await upload(closed.tenderId, bahari, during, 'Rp2.440.000.000');
  await upload(closed.tenderId, munse, during, 'Rp2.498.000.000');
  await upload(closed.tenderId, lantagi, during, 'Rp2.391.750.000');
  await openDemoTender(opened);

  console.log('Kunci penawaran demo (frasa sandi hanya dicetak sekali; dipakai untuk membuka penawaran):');
  for (const l of lines) console.log(l);
  console.log('');

  /** The opened tender: bids during its upload stage, one stored file damaged, 2 of 3 open, the LPSE witnesses. */
  async function openDemoTender(t: typeof opened) {
    const stage = (code: string) => {
      const r = t.schedule.find((x) => x.stage === code);
      if (!r) throw new Error(`demo tender has no ${code} stage`);
      return r;
    };
    const during = new ManualClock(new Date(stage('upload_dokumen_penawaran').end.getTime() - 5 * 3_600_000));
    await upload(t.tenderId, bahari, during, 'Rp2.961.000.000', DEMO_OPENED_TEXT);
    await upload(t.tenderId, munse, during, 'Rp3.010.400.000', DEMO_OPENED_TEXT);
    await upload(t.tenderId, lantagi, during, 'Rp2.893.500.000', DEMO_OPENED_TEXT);
    const subs = await currentSubmissions(ctx.tx, t.tenderId, 'penawaran');
    const damaged = subs.find(({ s }) => s.vendorId === lantagi.vendorId)!.s;
    // A byte of the stored ciphertext flipped after the receipt, as a failing disk would: the chunk's tag and the
    // receipt's hash no longer match, so this bid cannot be opened and goes to the witness procedure.
    const file = sealedPath(ctx.config.dataDir, damaged.storageKey);
    const bytes = await fs.readFile(file);
    bytes[bytes.length - 20]! ^= 0x01;
    await fs.writeFile(file, bytes);

    const opening = stage('pembukaan_dokumen_penawaran').start;
    const openClock = new ManualClock(new Date(opening.getTime() + 3_600_000));
    for (const username of ['pokja1', 'pokja2']) {
      const userId = ctx.userId(username);
      const key = await keyOf(ctx.tx, userId);
      if (!key) throw new Error(`demo key of ${username} missing`);
      const priv = await unlockKey(
        userId,
        key.fingerprint,
        key.wrapped as WrappedPrivateKey,
        passphrases.get(username)!,
      );
      const shares: Record<string, string> = {};
      for (const { s } of subs) shares[s.id] = toB64(await openShare(s.header, userId, priv));
      priv.fill(0);
      await submitShares(as(username, 'POKJA', 'SETDA', openClock), t.tenderId, 'penawaran', shares);
    }
    await recordWitness(
      as('admin.sistem', 'ADMIN_SISTEM', null, new ManualClock(new Date(opening.getTime() + 3 * 3_600_000))),
      damaged.id,
      {
        attendees: [
          'Rahmat Saleh (Admin Sistem LPSE)',
          'Irwan Tamrin (Pokja Pemilihan)',
          'Andi Syahrul (PT Lantagi Sarana Teknik)',
        ],
        notes: 'Pembukaan diulang di hadapan saksi; berkas tetap tidak dapat dibuka.',
      },
    );
  }
}
