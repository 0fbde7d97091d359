import type { Page } from '@playwright/test';
import { expect, loginOn, screenshot, stageTimes, submit, submitWith, test, visit } from './support/lpse.ts';
import { type RunningApp, startApp } from './support/server.ts';

/**
 * A whole Tender Pascakualifikasi on a moving clock (issue 9, Done when), on its own demo instance whose server time
 * the test moves (`startApp({ clock: true })`): the Pokja of three completes the demo's SULAP package under review,
 * builds the tender from it with its Dokumen Pemilihan, every member approves and it is announced; anyone sees the
 * announcement; the clock moves into Pemberian Penjelasan, two verified vendors join and a blacklisted one is refused
 * with its SK; a vendor asks a question; the clock moves to the end of the upload stage, where the Pokja sees the
 * question that keeps the stage from ending; it answers, extends the upload stage and publishes an addendum; the Admin
 * Sistem records an outage and the Pokja extends the upload stage by its overlap with one action. Every page is
 * scanned by axe-core. Sessions are signed in again after each move of the clock (days pass).
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PAKET = 'Peningkatan Jalan Langara – Lampeapi';
const MANDATORY: [string, string][] = [
  ['kak_spesifikasi', 'KAK / spesifikasi teknis'],
  ['hps', 'HPS beserta rinciannya'],
  ['rancangan_kontrak', 'Rancangan kontrak'],
  ['gambar_rencana', 'Gambar rencana'],
  ['analisa_harga_satuan', 'Analisa harga satuan'],
  ['uang_muka_jaminan', 'Uang muka dan jaminan'],
];
const HOUR = 3_600_000;

let app: RunningApp;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  app = await startApp({ demo: true, clock: true });
});

test.afterAll(async () => {
  await app?.stop();
});

/** The server's now: the system time plus the moved offset. */
const serverNow = () => Date.now() + app.clockOffsetMs();
/** A WITA `datetime-local` value `hours` from the server's now. */
const witaLocal = (hours: number) => new Date(serverNow() + (8 + hours) * HOUR).toISOString().slice(0, 16);

async function approveAll(page: Page, url: string) {
  await visit(page, url);
  for (const [item, label] of MANDATORY) {
    await page.locator(`#keputusan_${item}`).selectOption('disetujui');
    await submit(page, `Simpan reviu ${label}`);
    await expect(page.locator('.notice.success').first()).toContainText('Reviu tersimpan');
  }
}

test('publish with all Pokja approvals, join, a question holding the upload end, addendum, outage extension', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const stamp = Date.now();

  // The Pokja of three approves every document of the package under review: it becomes a draft tender.
  const pokja = [
    await loginOn(browser, app, 'pokja1'),
    await loginOn(browser, app, 'pokja2'),
    await loginOn(browser, app, 'pokja3'),
  ];
  await visit(pokja[0]!, '/sulap');
  const sulapUrl = await pokja[0]!.getByRole('link', { name: PAKET }).first().getAttribute('href');
  for (const member of pokja) await approveAll(member, sulapUrl!);
  await expect(pokja[2]!.locator('#status-paket')).toHaveText('Disetujui kolektif kolegial — draf tender');

  // A member builds the tender from it: the method bundle, the requirements, the schedule from today.
  const p1 = pokja[0]!;
  await visit(p1, '/kelola/tender');
  await visit(p1, (await p1.locator('a[href^="/kelola/tender/baru/"]', { hasText: PAKET }).getAttribute('href'))!);
  await p1.locator('#bundleId').selectOption('tender-pascakualifikasi-1-file');
  await p1.locator('#kualifikasiUsaha').selectOption('non_kecil');
  await p1.locator('#jenisKontrak').selectOption('harga_satuan');
  await p1.locator('#lokasi').fill('Ruas Langara – Lampeapi, Kecamatan Wawonii Barat');
  await p1.locator('#izinUsaha').fill('NIB dengan SBU Jalan Raya (BS001), kualifikasi Menengah');
  await p1.locator('#kbli').fill('42101');
  await p1.locator('#pengalaman').fill('1 pekerjaan jalan dalam 4 tahun terakhir');
  await p1.locator('#startDate').fill(witaLocal(0).slice(0, 10));
  await submit(p1, 'Simpan dan minta persetujuan Pokja');
  await expect(p1.locator('.notice.success')).toBeVisible();
  const manage = new URL(p1.url()).pathname;

  // Its Dokumen Pemilihan, then every member approves (kolektif kolegial): the last approval announces it.
  await p1
    .locator('#berkas')
    .setInputFiles({ name: 'dokumen-pemilihan.pdf', mimeType: 'application/pdf', buffer: PDF });
  await submit(p1, 'Unggah Dokumen Pemilihan');
  await expect(p1.locator('.notice.success')).toContainText('Dokumen Pemilihan versi 1 tersimpan');
  await submit(p1, 'Setujui pengumuman');
  await expect(p1.locator('.notice.success')).toContainText('Persetujuan Anda dicatat');
  await visit(pokja[1]!, manage);
  await submit(pokja[1]!, 'Setujui pengumuman');
  await visit(pokja[2]!, manage);
  await submit(pokja[2]!, 'Setujui pengumuman');
  await expect(pokja[2]!.locator('.notice.success')).toContainText('Semua anggota sudah menyetujui');
  const kode = (await pokja[2]!.locator('main dd a[href^="/tender/"]').first().textContent())!.trim();

  // Anyone, not signed in, sees the announcement in its Pengumuman stage.
  const publicPage = await (await browser.newContext({ baseURL: app.baseUrl })).newPage();
  await visit(publicPage, '/tender');
  await expect(publicPage.locator('tr', { hasText: PAKET })).toContainText(kode);
  // Announced after working hours, the schedule opens at the next working morning: the clock moves there if needed.
  const pengumuman = await stageTimes(publicPage, kode, 'pengumuman');
  if (pengumuman.start > serverNow()) app.moveClock(pengumuman.start - serverNow() + HOUR);
  await visit(publicPage, '/tender');
  await expect(publicPage.locator('tr', { hasText: PAKET })).toContainText('Pengumuman Pascakualifikasi');
  await visit(publicPage, `/tender/${kode}`);
  await expect(publicPage.locator('main h1')).toContainText(PAKET);
  await expect(publicPage.locator('tr[data-stage="pengumuman"]')).toHaveAttribute('aria-current', 'step');
  await screenshot(publicPage, 'tender-clock-announced');

  // The clock moves into Pemberian Penjelasan (days pass: everyone signs in again).
  const penjelasan = await stageTimes(publicPage, kode, 'pemberian_penjelasan');
  app.moveClock(penjelasan.start - serverNow() + HOUR);
  await visit(publicPage, `/tender/${kode}`);
  await expect(publicPage.locator('tr[data-stage="pemberian_penjelasan"]')).toHaveAttribute('aria-current', 'step');

  // Two verified vendors join with the Pakta Integritas; a blacklisted one is refused with its SK.
  const vendors: Page[] = [];
  for (const username of ['penyedia.bahari', 'penyedia.munse']) {
    const vendor = await loginOn(browser, app, username);
    await visit(vendor, `/tender/${kode}/ikut`);
    await vendor.getByLabel('Saya menyetujui Pakta Integritas di atas').check();
    await submit(vendor, 'Ikut tender');
    await expect(vendor.locator('.notice.success')).toContainText(`peserta tender ${kode}`);
    vendors.push(vendor);
  }
  const hitam = await loginOn(browser, app, 'penyedia.hitam');
  await visit(hitam, `/tender/${kode}/ikut`);
  await hitam.getByLabel('Saya menyetujui Pakta Integritas di atas').check();
  await submit(hitam, 'Ikut tender');
  await expect(hitam.locator('main')).toContainText('daftar hitam');
  await screenshot(hitam, 'tender-clock-blacklisted-refused');

  // A question during the Pemberian Penjelasan.
  const question = `Apakah lapis AC-WC boleh diganti HRS-WC? (${stamp})`;
  await vendors[0]!.locator('#question').fill(question);
  await submit(vendors[0]!, 'Kirim pertanyaan');
  await expect(vendors[0]!.locator('.notice.success')).toContainText('Pertanyaan terkirim');

  // The clock moves to the end of the upload stage: half an hour is left and the question is unanswered.
  const upload = await stageTimes(publicPage, kode, 'upload_dokumen_penawaran');
  app.moveClock(upload.end - serverNow() - HOUR / 2);
  await visit(publicPage, `/tender/${kode}`);
  await expect(publicPage.locator('tr[data-stage="upload_dokumen_penawaran"]')).toHaveAttribute('aria-current', 'step');
  await expect(publicPage.locator('tr[data-stage="pemberian_penjelasan"]')).not.toHaveAttribute('aria-current', 'step');

  // The Pokja sees the question that keeps the upload stage from ending, and answers it.
  const pokjaLate = await loginOn(browser, app, 'pokja1');
  await visit(pokjaLate, manage);
  await expect(pokjaLate.locator('main')).toContainText('1 pertanyaan belum dijawab');
  await expect(pokjaLate.locator('main')).toContainText(question);
  await screenshot(pokjaLate, 'tender-clock-blocking-question');
  await pokjaLate.locator('textarea[name=answer]').first().fill('Tidak; gunakan AC-WC sesuai spesifikasi teknis.');
  await submit(pokjaLate, 'Kirim jawaban');
  await expect(pokjaLate.locator('main')).not.toContainText('pertanyaan belum dijawab');

  // The Pokja extends the upload stage, then publishes an addendum.
  await pokjaLate.locator('#end').fill(`${witaLocal(20 * 24).slice(0, 11)}16:00`);
  await pokjaLate.locator('#extendReason').fill(`Adendum spesifikasi perkerasan ${stamp}`);
  await submit(pokjaLate, 'Perpanjang');
  await expect(pokjaLate.locator('.notice.success')).toContainText('Jadwal diperpanjang');
  await pokjaLate.locator('#addendumReason').fill(`Perubahan spesifikasi lapis perkerasan ${stamp}`);
  await pokjaLate
    .locator('#addendumFile')
    .setInputFiles({ name: 'adendum-1.pdf', mimeType: 'application/pdf', buffer: PDF });
  await submit(pokjaLate, 'Terbitkan adendum');
  await expect(pokjaLate.locator('.notice.success')).toContainText(/Adendum \d+ diterbitkan/);

  // The Admin Sistem records an outage of the last hours; the Pokja extends by its overlap with one action.
  const admin = await loginOn(browser, app, 'admin.sistem');
  await visit(admin, '/admin/gangguan');
  const what = `Server SPSE tidak dapat diakses (${stamp})`;
  await admin.locator('#start').fill(witaLocal(-3));
  await admin.locator('#end').fill(witaLocal(-1));
  await admin.locator('#what').fill(what);
  await submit(admin, 'Catat gangguan');
  await expect(admin.locator('.notice.success')).toContainText('Gangguan tercatat');
  await visit(pokjaLate, manage);
  await submitWith(pokjaLate, pokjaLate.locator('#gangguan ~ ul li', { hasText: what }).getByRole('button'));
  await expect(pokjaLate.locator('.notice.success')).toContainText('diperpanjang 120 menit');

  // The public page: the addendum, the schedule history with both reasons, the outage cited, two participants.
  await visit(publicPage, `/tender/${kode}`);
  await expect(publicPage.locator('#adendum ~ ol')).toContainText(`Perubahan spesifikasi lapis perkerasan ${stamp}`);
  await expect(publicPage.locator('main')).toContainText(`Adendum spesifikasi perkerasan ${stamp}`);
  await expect(publicPage.locator('main')).toContainText(what);
  const after = await stageTimes(publicPage, kode, 'upload_dokumen_penawaran');
  expect(after.end, 'the upload stage now ends later than it did').toBeGreaterThan(upload.end);
  await screenshot(publicPage, 'tender-clock-public-after');
});
