import type { Browser, Page } from '@playwright/test';
import { e2eState, expect, loginWithForm, submit, submitWith, test, visit } from './support/lpse.ts';

/**
 * The tender engine on the demo data (issue 9), without moving the clock: the demo places "Rehabilitasi Gedung
 * Puskesmas Langara" in its Pemberian Penjelasan around the load time. A verified vendor joins with the Pakta
 * Integritas, a blacklisted one is refused with the SK; a question blocks the early end of the upload stage until the
 * Pokja answers; the Pokja extends the upload stage and publishes an addendum; the Admin Sistem records an outage and
 * the Pokja extends the upload stage by its overlap with one action; the public page shows the addendum and the
 * schedule history citing the outage. Every page is scanned by axe-core.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const NAMA = 'Rehabilitasi Gedung Puskesmas Langara';

async function asPerson(browser: Browser, username: string): Promise<Page> {
  const cred = e2eState().demo.credentials.find((c) => c.username === username);
  if (!cred) throw new Error(`no demo user ${username}`);
  const page = await (await browser.newContext()).newPage();
  await loginWithForm(page, cred.username, cred.password);
  return page;
}

/** A WITA `datetime-local` value `hours` from now. */
const witaLocal = (hours: number) => new Date(Date.now() + (8 + hours) * 3_600_000).toISOString().slice(0, 16);

test('join, a blacklisted vendor refused, a blocking question, extension + addendum, outage extension', async ({
  browser,
  page,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now();

  // The public list shows the tender in Pemberian Penjelasan; its detail page has a stable URL by kode.
  await visit(page, '/tender');
  const row = page.locator('tr', { hasText: NAMA });
  await expect(row).toContainText('Pemberian Penjelasan');
  const href = await row.getByRole('link').first().getAttribute('href');
  const kode = href!.split('/').pop()!;
  await visit(page, href!);

  // A verified vendor joins with the Pakta Integritas and asks an anonymous question.
  const vendor = await asPerson(browser, 'penyedia.aktif');
  await visit(vendor, `/tender/${kode}/ikut`);
  await vendor.getByLabel('Saya menyetujui Pakta Integritas di atas').check();
  await submit(vendor, 'Ikut tender');
  await expect(vendor.locator('.notice.success')).toContainText(`peserta tender ${kode}`);
  await vendor.locator('#question').fill(`Apakah mutu beton boleh K-250? (${stamp})`);
  await vendor.getByLabel(/Sembunyikan nama perusahaan/).check();
  await submit(vendor, 'Kirim pertanyaan');
  await expect(vendor.locator('.notice.success')).toContainText('Pertanyaan terkirim');

  // A blacklisted vendor is refused, with the SK.
  const hitam = await asPerson(browser, 'penyedia.hitam');
  await visit(hitam, `/tender/${kode}/ikut`);
  await hitam.getByLabel('Saya menyetujui Pakta Integritas di atas').check();
  await submit(hitam, 'Ikut tender');
  await expect(hitam.locator('main')).toContainText('daftar hitam');

  // The Pokja sees the blocking question and answers it.
  const pokja = await asPerson(browser, 'pokja1');
  await visit(pokja, '/kelola/tender');
  const manage = await pokja.getByRole('link', { name: NAMA }).first().getAttribute('href');
  await visit(pokja, manage!);
  await expect(pokja.locator('main')).toContainText('pertanyaan belum dijawab');
  await pokja.locator('textarea[name=answer]').first().fill('Tidak; mutu beton K-300 sesuai spesifikasi.');
  await submit(pokja, 'Kirim jawaban');
  await expect(pokja.locator('main')).not.toContainText('pertanyaan belum dijawab');

  // The Pokja extends the upload stage, then publishes an addendum; the minutes are not ready yet.
  await pokja.locator('#end').fill(`${witaLocal(20 * 24).slice(0, 11)}16:00`);
  await pokja.locator('#extendReason').fill(`Adendum spesifikasi beton ${stamp}`);
  await submit(pokja, 'Perpanjang');
  await expect(pokja.locator('.notice.success')).toContainText('Jadwal diperpanjang');
  await pokja.locator('#addendumReason').fill(`Perubahan mutu beton ${stamp}`);
  await pokja
    .locator('#addendumFile')
    .setInputFiles({ name: 'adendum-1.pdf', mimeType: 'application/pdf', buffer: PDF });
  await submit(pokja, 'Terbitkan adendum');
  await expect(pokja.locator('.notice.success')).toContainText(/Adendum \d+ diterbitkan/);
  await visit(pokja, `${manage}/berita-acara-penjelasan.pdf`, 409);

  // The Admin Sistem records an outage of the last hours; the Pokja extends by its overlap with one action.
  const admin = await asPerson(browser, 'admin.sistem');
  await visit(admin, '/admin/gangguan');
  const what = `Server SPSE tidak dapat diakses (${stamp})`;
  await admin.locator('#start').fill(witaLocal(-3));
  await admin.locator('#end').fill(witaLocal(-1));
  await admin.locator('#what').fill(what);
  await submit(admin, 'Catat gangguan');
  await expect(admin.locator('.notice.success')).toContainText('Gangguan tercatat');
  await visit(pokja, manage!);
  await submitWith(pokja, pokja.locator('#gangguan ~ ul li', { hasText: what }).getByRole('button'));
  await expect(pokja.locator('.notice.success')).toContainText('diperpanjang 120 menit');

  // The public page shows the addendum and every schedule change with its reason, the outage cited.
  await visit(page, `/tender/${kode}`);
  await expect(page.locator('#adendum ~ ol')).toContainText(`Perubahan mutu beton ${stamp}`);
  await expect(page.locator('main')).toContainText(`Adendum spesifikasi beton ${stamp}`);
  await expect(page.locator('main')).toContainText(what);
});
