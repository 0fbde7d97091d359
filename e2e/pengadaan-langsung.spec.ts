import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { pdfText } from '../src/test/pdf-text.ts';
import { expect, loginOn, screenshot, stageTimes, submit, test, visit } from './support/lpse.ts';
import { type RunningApp, startApp } from './support/server.ts';

/**
 * A Pengadaan Langsung invitation (issue 9, Done when), on a demo instance of its own whose clock the test moves: the
 * Pejabat Pengadaan of DISDIK (pp.disdik) builds the tender from the demo's completed SULAP package with its Dokumen
 * Pemilihan, and their single approval announces it; anyone sees it on the public portal; pp.disdik invites one
 * verified vendor — a blacklisted one is refused with its SK, an unverified one is not offered, and a second
 * invitation (from a page opened before the first) is refused; the invited vendor finds the invitation on its
 * dashboard and accepts it with the Pakta Integritas; the clock moves into the upload stage and the vendor reaches
 * its bid page while the stage is open. Then the vendor seals its bid in the page to the Pejabat Pengadaan's key alone
 * (k = 1 of 1) and uploads it; before the deadline the PP cannot open; after it the PP opens alone with the key's
 * passphrase (printed by the demo) and the Berita Acara Pembukaan lists the bid's hash. Every page is scanned by
 * axe-core.
 */
const PAKET = 'Pengadaan Buku Bacaan Perpustakaan Sekolah Dasar';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const HOUR = 3_600_000;
const INVITED = 'Bahari Konstruksi Wawonii'; // penyedia.bahari: verified, with an enrolled bid key
const BLACKLISTED = 'Tanjung Batu Karya'; // penyedia.hitam
const UNVERIFIED = 'Langara Bangun Persada'; // penyedia.menunggu: registration submitted, not verified
const SECOND = 'Munse Karya Utama'; // penyedia.munse

test.describe.configure({ mode: 'serial' });

let app: RunningApp;
/** The kode tender given at the announcement and its management page (the second test continues the first). */
let kode = '';
let manage = '';

test.beforeAll(async () => {
  test.setTimeout(300_000);
  app = await startApp({ demo: true, clock: true });
});

test.afterAll(async () => {
  await app?.stop();
});

/** The server's now: the system time plus the moved offset. */
const serverNow = () => Date.now() + app.clockOffsetMs();
/** A WITA date `hours` from the server's now, as the date input takes it. */
const witaDay = (hours = 0) => new Date(serverNow() + (8 + hours) * HOUR).toISOString().slice(0, 10);

test('a Pejabat Pengadaan announces a Pengadaan Langsung and invites one vendor, who accepts; the upload stage opens', async ({
  browser,
}) => {
  test.setTimeout(600_000);

  // pp.disdik finds the demo package on the tender desk and builds the Pengadaan Langsung from it.
  let pp = await loginOn(browser, app, 'pp.disdik');
  await visit(pp, '/kelola/tender');
  const build = pp.locator('a[href^="/kelola/tender/baru/"]', { hasText: PAKET });
  await visit(pp, (await build.getAttribute('href'))!);
  await pp.locator('#bundleId').selectOption('pengadaan-langsung');
  await pp.locator('#kualifikasiUsaha').selectOption('kecil');
  await pp.locator('#jenisKontrak').selectOption('lumsum');
  await pp.locator('#lokasi').fill('SD Negeri se-Kecamatan Wawonii Barat');
  await pp.locator('#izinUsaha').fill('NIB dengan KBLI perdagangan eceran buku');
  await pp.locator('#kbli').fill('47611');
  await pp.locator('#startDate').fill(witaDay());
  await submit(pp, 'Simpan, lalu setujui pengumuman');
  await expect(pp.locator('.notice.success')).toBeVisible();
  manage = new URL(pp.url()).pathname;

  // Its Dokumen Pemilihan, then the single approval of the Pejabat Pengadaan announces it.
  await pp
    .locator('#berkas')
    .setInputFiles({ name: 'dokumen-pemilihan.pdf', mimeType: 'application/pdf', buffer: PDF });
  await submit(pp, 'Unggah Dokumen Pemilihan');
  await expect(pp.locator('.notice.success')).toContainText('Dokumen Pemilihan versi 1 tersimpan');
  await expect(pp.locator('main h2', { hasText: 'Persetujuan Pejabat Pengadaan' })).toBeVisible();
  await submit(pp, 'Setujui pengumuman');
  await expect(pp.locator('.notice.success')).toContainText('Semua anggota sudah menyetujui');
  kode = (await pp.locator('main dd a[href^="/tender/"]').first().textContent())!.trim();
  await screenshot(pp, 'pl-announced-pp');

  // Anyone, not signed in, sees it on the public portal.
  const publicPage = await (await browser.newContext({ baseURL: app.baseUrl })).newPage();
  await visit(publicPage, '/tender');
  await expect(publicPage.locator('tr', { hasText: PAKET })).toContainText(kode);
  await visit(publicPage, `/tender/${kode}`);
  await expect(publicPage.locator('main h1')).toContainText(PAKET);
  await expect(publicPage.locator('main')).toContainText('Pengadaan Langsung');
  // Announced after working hours, the schedule opens at the next working morning: the clock moves there if needed.
  const first = await stageTimes(publicPage, kode, (await firstStage(publicPage))!);
  if (first.start > serverNow()) app.moveClock(first.start - serverNow() + HOUR);

  // The invitation form offers verified vendors only (signed in again: the clock may have moved); a second page
  // opened now stays to try a second invitation later.
  pp = await loginOn(browser, app, 'pp.disdik');
  const pp2 = await loginOn(browser, app, 'pp.disdik');
  await visit(pp2, manage);
  await visit(pp, manage);
  const select = pp.locator('#vendorId');
  await expect(select.locator('option', { hasText: INVITED })).toHaveCount(1);
  await expect(select.locator('option', { hasText: UNVERIFIED })).toHaveCount(0);

  // A blacklisted vendor is refused, with its SK.
  await select.selectOption({ label: BLACKLISTED });
  await submit(pp, 'Undang Penyedia');
  await expect(pp.locator('main')).toContainText(`Penyedia ${BLACKLISTED} tidak dapat diundang`);
  await expect(pp.locator('main')).toContainText('daftar hitam (SK');
  await screenshot(pp, 'pl-invite-blacklisted-refused');

  // The chosen vendor is invited.
  await pp.locator('#vendorId').selectOption({ label: INVITED });
  await submit(pp, 'Undang Penyedia');
  await expect(pp.locator('.notice.success')).toContainText(`Penyedia ${INVITED} diundang`);
  await expect(pp.locator('main')).toContainText('Undangan belum diterima');
  await expect(pp.locator('#vendorId')).toHaveCount(0);

  // A second vendor, from the page opened before the invitation: refused, Pengadaan Langsung invites one.
  await pp2.locator('#vendorId').selectOption({ label: SECOND });
  await submit(pp2, 'Undang Penyedia');
  await expect(pp2.locator('main')).toContainText('sudah mengundang satu Penyedia');

  // Another vendor may not join; the invited one sees the invitation on its dashboard and accepts it.
  const munse = await loginOn(browser, app, 'penyedia.munse');
  await visit(munse, `/tender/${kode}/ikut`);
  await munse.getByLabel('Saya menyetujui Pakta Integritas di atas').check();
  await submit(munse, 'Ikut tender');
  await expect(munse.locator('main')).toContainText('diundang');

  const vendor = await loginOn(browser, app, 'penyedia.bahari');
  const task = vendor.locator(`main a[href="/tender/${kode}/ikut"]`);
  await expect(task).toBeVisible();
  await expect(vendor.locator('main')).toContainText('Undangan paket yang menunggu persetujuan Anda');
  await visit(vendor, (await task.getAttribute('href'))!);
  await vendor.getByLabel('Saya menyetujui Pakta Integritas di atas').check();
  await submit(vendor, 'Ikut tender');
  await expect(vendor.locator('.notice.success')).toContainText(`peserta tender ${kode}`);
  await visit(pp, manage);
  await expect(pp.locator('main')).toContainText('Undangan diterima pada');

  // The clock moves into the upload stage: the invited vendor, signed in again, reaches its bid page while it is open.
  const upload = await stageTimes(publicPage, kode, 'upload_dokumen_penawaran');
  if (upload.start > serverNow()) app.moveClock(upload.start - serverNow() + HOUR);
  await visit(publicPage, `/tender/${kode}`);
  await expect(publicPage.locator('tr[data-stage="upload_dokumen_penawaran"]')).toHaveAttribute('aria-current', 'step');
  const bidder = await loginOn(browser, app, 'penyedia.bahari');
  await visit(bidder, `/tender/${kode}`);
  await visit(bidder, (await bidder.locator('main a[href^="/penawaran/"]').getAttribute('href'))!);
  await expect(bidder.locator('main h1')).toHaveText('Penawaran tersegel');
  await expect(bidder.locator('main')).toContainText('Batas akhir upload penawaran');
  await screenshot(bidder, 'pl-vendor-bid-page');
});

test('the invited vendor seals and uploads in the browser; the Pejabat Pengadaan alone opens it after the deadline', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  // pp.disdik has a bid key (the demo printed its passphrase once, like the Pokja's), shown on the key page.
  const pp = await loginOn(browser, app, 'pp.disdik');
  await visit(pp, '/kunci-penawaran');
  await expect(pp.locator('main')).toContainText('Sidik jari');
  const tenderId = manage.split('/').pop()!;

  // The vendor's bid page offers the sealing form, sealed to the PP alone.
  const bidder = await loginOn(browser, app, 'penyedia.bahari');
  await visit(bidder, `/penawaran/${tenderId}`);
  await expect(bidder.locator('#bid-form')).toBeVisible();
  await expect(bidder.locator('main')).not.toContainText('Belum semua anggota Pokja membuat kunci penawaran');
  await expect(bidder.locator('main')).toContainText('hanya dapat dibuka oleh Pejabat Pengadaan');
  const file = Buffer.concat([
    Buffer.from('%PDF-1.4\n% Penawaran buku bacaan\n'),
    randomBytes(100_000),
    Buffer.from('\n%%EOF\n'),
  ]);
  await bidder.locator('#bidfile').setInputFiles({ name: 'penawaran.pdf', mimeType: 'application/pdf', buffer: file });
  await bidder.locator('#selfpass').fill(passphraseOf('penyedia.bahari'));
  await bidder.locator('#bid-form button[type=submit], #bid-form button:not([type])').first().click();
  await expect(bidder.locator('#bid-status')).toContainText('Pemeriksaan berhasil', { timeout: 120_000 });
  await bidder.waitForLoadState('load');
  const row = bidder.locator('tr[data-submission]').filter({ hasText: 'berlaku' }).first();
  await expect(row).toBeVisible();
  const hash = (await row.locator('code').textContent())!.trim();
  await screenshot(bidder, 'pl-vendor-bid-sealed');

  // Before the deadline nobody opens, not even the PP: the page names when.
  await visit(pp, `/kelola/tender/${tenderId}/pembukaan`);
  await expect(pp.locator('main')).toContainText('Penawaran dapat dibuka mulai');
  await expect(pp.locator('#open-form')).toHaveCount(0);

  // The clock passes the end of the upload stage; the PP (signed in again) opens alone with the key's passphrase.
  const publicPage = await (await browser.newContext({ baseURL: app.baseUrl })).newPage();
  const upload = await stageTimes(publicPage, kode, 'upload_dokumen_penawaran');
  if (upload.end > serverNow()) app.moveClock(upload.end - serverNow() + HOUR);
  const opener = await loginOn(browser, app, 'pp.disdik');
  await visit(opener, `/kelola/tender/${tenderId}/pembukaan`);
  await expect(opener.locator('main h2').first()).toHaveText('Pejabat Pengadaan dan kunci');
  await opener.locator('#openpass').fill(passphraseOf('pp.disdik'));
  await Promise.all([
    opener.waitForEvent('framenavigated', { predicate: (f) => f === opener.mainFrame(), timeout: 120_000 }),
    opener.locator('#open-form button').click(),
  ]);
  await expect(opener.getByTestId('opened')).toContainText('1 berhasil, 0 gagal');
  await expect(opener.locator('main')).toContainText(hash);
  await screenshot(opener, 'pl-opened-by-pp');

  // The Berita Acara Pembukaan lists the bid with its hash.
  const ba = await opener.request.get(`/kelola/tender/${tenderId}/berita-acara-pembukaan`);
  expect(ba.status()).toBe(200);
  expect(ba.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await ba.body());
  expect(text).toContain('BERITA ACARA PEMBUKAAN');
  expect(text, 'the Berita Acara lists the bid').toContain(hash);
});

const passphraseOf = (username: string) => {
  const m = new RegExp(`^ {2}Frasa sandi kunci penawaran ${username.replace('.', '\\.')}: (.+)$`, 'm').exec(
    app.demoOutput,
  );
  if (!m) throw new Error(`no bid-key passphrase printed for ${username}`);
  return m[1]!;
};

/** The code of the first stage of the public schedule. */
async function firstStage(page: Page) {
  return page.locator('tr[data-stage]').first().getAttribute('data-stage');
}
