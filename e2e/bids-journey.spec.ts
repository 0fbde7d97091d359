import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { pdfText } from '../src/test/pdf-text.ts';
import { checkA11y, expect, signInAt, submit, submitWith, test, visit } from './support/lpse.ts';
import { ROOT, type RunningApp, startApp } from './support/server.ts';

/**
 * Sealed bids (R12, R48), the whole journey in Chromium on an instance of our own with a movable clock: the demo's
 * tender in its upload stage (pokja1–3, k = 2 of 3; the demo printed each bid key's passphrase). Three vendors seal
 * and upload — one in the page with its self-check, one whose upload is cut mid-way and resumed (tus), one through the
 * offline tool `lpse-seal` and the plain form — the clock passes the deadline, one stored bid gets a flipped byte on
 * disk, two of three Pokja members open with their keys, the Berita Acara Pembukaan lists each bid with its hash, the
 * corrupted one fails, and the LPSE's witness check issues the berita acara kesaksian.
 */
test.describe.configure({ mode: 'serial' });

let app: RunningApp;
// Made in beforeAll: Playwright loads a spec file in every process that lists tests, not only where it runs them.
let work = '';

test.beforeAll(async () => {
  test.setTimeout(300_000);
  work = mkdtempSync(path.join(tmpdir(), 'lpse-bids-e2e-'));
  app = await startApp({ demo: true, clock: true });
});
test.afterAll(async () => {
  await app?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const passwordOf = (username: string) => {
  const c = app.credentials.find((x) => x.username === username);
  if (!c) throw new Error(`no demo credential for ${username}`);
  return c.password;
};
const passphraseOf = (username: string) => {
  const m = new RegExp(`^ {2}Frasa sandi kunci penawaran ${username.replace('.', '\\.')}: (.+)$`, 'm').exec(
    app.demoOutput,
  );
  if (!m) throw new Error(`no bid-key passphrase printed for ${username}`);
  return m[1]!;
};
const signIn = (page: Page, username: string) => signInAt(page, app.baseUrl, username, passwordOf(username));

/** A "PDF" of `size` bytes: the header, then random filler (so the sealed file cannot be compressed away). */
const pdf = (size: number, text: string) =>
  Buffer.concat([Buffer.from(`%PDF-1.4\n% ${text}\n`), randomBytes(size), Buffer.from('\n%%EOF\n')]);

const year = new Date().toISOString().slice(0, 4);
const kode = `${year}70001`;
let tenderId = '';
const hashes = new Map<string, string>();

async function bidPage(page: Page) {
  if (!tenderId) {
    await visit(page, `${app.baseUrl}/tender/${kode}`);
    const href = await page
      .locator('main a[href^="/penawaran/"]')
      .evaluateAll((as) =>
        as.map((a) => a.getAttribute('href') ?? '').find((h) => /^\/penawaran\/[0-9a-f-]{36}$/.test(h)),
      );
    expect(href, 'the tender page links the bid page').toBeTruthy();
    tenderId = href!.split('/')[2]!;
  }
  await visit(page, `${app.baseUrl}/penawaran/${tenderId}`);
}

/** The SHA-256 of the bid that counts, from the vendor's own list. */
async function countingHash(page: Page) {
  const row = page.locator('tr[data-submission]').filter({ hasText: 'berlaku' }).first();
  await expect(row).toBeVisible();
  return (await row.locator('code').textContent())!.trim();
}

test('vendor 1 seals and uploads in the page, and its self-check passes', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'penyedia.bahari');
  await bidPage(page);
  const file = pdf(300_000, 'Penawaran CV Bahari');
  await page.locator('#bidfile').setInputFiles({ name: 'penawaran.pdf', mimeType: 'application/pdf', buffer: file });
  await page.locator('#selfpass').fill(passphraseOf('penyedia.bahari'));
  await page.locator('#bid-form button[type=submit], #bid-form button:not([type])').first().click();
  await expect(page.locator('#bid-status')).toContainText('Pemeriksaan berhasil', { timeout: 120_000 });
  await expect(page.locator('#bid-status')).toContainText('sama byte demi byte');
  await page.waitForLoadState('load');
  await page.waitForTimeout(2000);
  await checkA11y(page);
  hashes.set('penyedia.bahari', await countingHash(page));
});

test('vendor 2: the upload is cut mid-way and resumes where it stopped', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'penyedia.munse');
  await bidPage(page);
  // 6 MB: two PATCHes of at most 4 MiB (the page's tus chunk size); the second one is cut once.
  const patches: { offset: number; aborted: boolean }[] = [];
  let cut = false;
  await page.route('**/penawaran/unggah/*', async (route) => {
    const req = route.request();
    if (req.method() !== 'PATCH') return route.continue();
    const offset = Number(req.headers()['upload-offset']);
    if (!cut && offset > 0) {
      cut = true;
      patches.push({ offset, aborted: true });
      return route.abort('connectionreset');
    }
    patches.push({ offset, aborted: false });
    return route.continue();
  });
  await page.locator('#bidfile').setInputFiles({
    name: 'penawaran.pdf',
    mimeType: 'application/pdf',
    buffer: pdf(6 * 1024 * 1024, 'Penawaran CV Munse'),
  });
  // Received: the page reloads itself with the new bid in the list.
  await Promise.all([
    page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 120_000 }),
    page.locator('#bid-form button[type=submit], #bid-form button:not([type])').first().click(),
  ]);
  await checkA11y(page);
  expect(patches[0]).toEqual({ offset: 0, aborted: false });
  expect(patches[1]?.aborted, 'the second PATCH was cut').toBe(true);
  // Resumed at the offset the server had, not from the start.
  expect(patches[2]).toEqual({ offset: patches[1]!.offset, aborted: false });
  expect(patches.length).toBe(3);
  hashes.set('penyedia.munse', await countingHash(page));
});

let lantagiVendor = '';
test('vendor 3 seals with the offline tool lpse-seal and uploads through the plain form', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'penyedia.lantagi');
  await bidPage(page);
  const params = await page.request.get(`${app.baseUrl}/api/v1/penawaran/${tenderId}/parameter`);
  expect(params.status()).toBe(200);
  const paramsFile = path.join(work, `parameter-${kode}.json`);
  writeFileSync(paramsFile, await params.body());
  lantagiVendor = (await params.json()).vendor;
  const input = path.join(work, 'penawaran-lantagi.pdf');
  writeFileSync(input, pdf(200_000, 'Penawaran CV Lantagi'));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'src/modules/bids/cli/lpse-seal.ts', paramsFile, input],
    { cwd: ROOT },
  );
  const sha256 = /SHA-256: ([0-9a-f]{64})/.exec(stdout)?.[1];
  expect(sha256, stdout).toBeTruthy();
  await page.locator('#envelope').setInputFiles(`${input}.lpsebid`);
  await page.locator('#sha256').fill(sha256!);
  await submit(page, 'Unggah berkas tersegel');
  await expect(page.locator('tr[data-submission]').filter({ hasText: sha256! })).toContainText('berlaku');
  hashes.set('penyedia.lantagi', sha256!);
});

test('a Pokja member re-enrols a key; vendor 1 re-issues its shares in the page, without a new upload', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // pokja3 lost its passphrase and makes a new key: the bids sealed to the old one no longer fit the Pokja.
  await signIn(page, 'pokja3');
  await visit(page, `${app.baseUrl}/kunci-penawaran`);
  const fresh = `${passphraseOf('pokja3')} baru`;
  await page.locator('#pass1').fill(fresh);
  await page.locator('#pass2').fill(fresh);
  await submit(page, /Buat ulang/);
  await expect(page.getByTestId('fingerprint')).toBeVisible({ timeout: 30_000 });

  await signIn(page, 'penyedia.bahari');
  await bidPage(page);
  const before = await countingHash(page);
  await expect(page.locator('#reseal-title')).toHaveText('Terbitkan ulang bagian kunci');
  await checkA11y(page);
  await page.locator('#resealpass').fill(passphraseOf('penyedia.bahari'));
  await page.locator('#reseal-form button[name=submission]').first().click();
  await expect(page.locator('#reseal-status')).toContainText('tanda terima baru', { timeout: 60_000 });
  await page.waitForLoadState('load');
  await expect(page.locator('#reseal-title')).toHaveCount(0, { timeout: 15_000 });
  const after = await countingHash(page);
  expect(after, 'a new envelope with a new receipt counts').not.toBe(before);
  hashes.set('penyedia.bahari', after);
});

test('after the deadline two of three Pokja open; the Berita Acara lists every bid; a corrupted bid gets a berita acara kesaksian', async ({
  page,
}) => {
  test.setTimeout(300_000);
  expect(hashes.size, 'three bids uploaded').toBe(3);
  await signIn(page, 'pokja1');
  const early = await page.request.get(`${app.baseUrl}/api/v1/penawaran/${tenderId}/pembukaan`, {
    headers: { accept: 'application/json' },
  });
  expect(early.status()).toBe(403);
  const opensAt = new Date((await early.json()).error.opensAt).getTime();
  app.moveClock(opensAt - (Date.now() + app.clockOffsetMs()) + 60_000);

  // One stored bid (vendor 3's) gets a flipped byte on disk, in its last chunk.
  const dir = path.join(app.dataDir, 'bids', 'sealed');
  let flipped = false;
  for (const f of readdirSync(dir)) {
    const bytes = readFileSync(path.join(dir, f));
    const len = bytes.readUInt32BE(8);
    const header = JSON.parse(bytes.subarray(12, 12 + len).toString('utf8'));
    if (header.tender === kode && header.vendor === lantagiVendor) {
      const at = bytes.length - 20;
      bytes[at] = bytes[at]! ^ 0x01;
      writeFileSync(path.join(dir, f), bytes);
      flipped = true;
    }
  }
  expect(flipped, "vendor 3's stored file found").toBe(true);

  // The session may have outlived the moved clock: sign in again.
  for (const [i, member] of ['pokja1', 'pokja2'].entries()) {
    await signIn(page, member);
    await visit(page, `${app.baseUrl}/kelola/tender/${tenderId}/pembukaan`);
    await page.locator('#openpass').fill(passphraseOf(member));
    await Promise.all([
      page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 120_000 }),
      page.locator('#open-form button').click(),
    ]);
    await checkA11y(page);
    if (i === 0) await expect(page.locator('main')).toContainText('Bagian kunci diterima dari 1 anggota');
  }
  await expect(page.getByTestId('opened')).toContainText('2 berhasil, 1 gagal');
  for (const h of hashes.values()) await expect(page.locator('main')).toContainText(h);

  const ba = await page.request.get(`${app.baseUrl}/kelola/tender/${tenderId}/berita-acara-pembukaan`);
  expect(ba.status()).toBe(200);
  expect(ba.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await ba.body());
  expect(text).toContain('BERITA ACARA PEMBUKAAN');
  for (const h of hashes.values()) expect(text, `the Berita Acara lists ${h}`).toContain(h);

  // The LPSE's witness check (R48) of the corrupted bid.
  await signIn(page, 'admin.sistem');
  await visit(page, `${app.baseUrl}/admin/kesaksian-penawaran`);
  await expect(page.locator('main')).toContainText(hashes.get('penyedia.lantagi')!);
  // The page lists every failed bid (the demo's opened tender has one too): this tender's corrupted bid's section.
  const failedBid = page.locator('main section').filter({ hasText: hashes.get('penyedia.lantagi')! });
  await failedBid.locator('textarea[name=attendees]').fill('Kepala LPSE\nPokja 1\nSaksi penyedia');
  await submitWith(page, failedBid.getByRole('button', { name: 'Periksa dan terbitkan berita acara' }));
  const link = failedBid.getByRole('link', { name: 'Berita acara kesaksian (PDF)' }).first();
  await expect(link).toBeVisible();
  const report = await page.request.get(`${app.baseUrl}${await link.getAttribute('href')}`);
  expect(report.status()).toBe(200);
  expect(report.headers()['content-type']).toBe('application/pdf');
  expect(pdfText(await report.body())).toContain(hashes.get('penyedia.lantagi')!);

  // The Pokja's decision after the report: the opening page links it; a postponement without its days is refused in
  // Indonesian; the bid is then disqualified, which the opening page shows.
  await signIn(page, 'pokja1');
  await visit(page, `${app.baseUrl}/kelola/tender/${tenderId}/pembukaan`);
  await expect(page.locator('main')).toContainText('STORED_FILE_DIFFERS_FROM_RECEIPT');
  await page.getByRole('link', { name: 'Keputusan atas penawaran yang gagal dibuka' }).click();
  await checkA11y(page);
  await page.getByLabel('Keputusan', { exact: true }).selectOption('tunda');
  await page.getByLabel('Alasan keputusan').fill('Menunggu uji forensik melalui LKPP');
  await submit(page, 'Simpan keputusan');
  await expect(page.locator('.error-summary')).toContainText('isikan 1 sampai 60 hari');
  await checkA11y(page);
  await page.getByLabel('Keputusan', { exact: true }).selectOption('gugur');
  await page.getByLabel('Alasan keputusan').fill('Berkas tersimpan berbeda dari tanda terima (berita acara kesaksian)');
  await submit(page, 'Simpan keputusan');
  await expect(page.getByTestId('failure-decision')).toContainText('Digugurkan');
  await checkA11y(page);
});
