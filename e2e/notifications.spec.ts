import type { Browser, Page } from '@playwright/test';
import { e2eState, expect, loginWithForm, submit, test, visit } from './support/lpse.ts';

/**
 * Notifications (issue 9 item 10): the demo vendor's inbox with its unread count in the nav, "tandai semua sudah
 * dibaca" (a plain form), and a saved search added and removed. Every page is scanned by axe-core.
 */
async function asPerson(browser: Browser, username: string, width = 1280): Promise<Page> {
  const cred = e2eState().demo.credentials.find((c) => c.username === username);
  if (!cred) throw new Error(`no demo user ${username}`);
  const page = await (await browser.newContext({ viewport: { width, height: 800 } })).newPage();
  await loginWithForm(page, cred.username, cred.password);
  return page;
}

test('the demo vendor reads its notifications and keeps a saved search, at 360 px', async ({ browser }) => {
  const page = await asPerson(browser, 'penyedia.aktif', 360);
  await visit(page, '/notifikasi');
  await expect(page.locator('h1')).toHaveText('Pemberitahuan');
  // The demo has at least the saved-search alert unread (more once the demo tender's schedule has begun, and the
  // notice job may add some while other specs announce tenders).
  await expect(page.locator('.main-nav .nav-count')).toHaveText(/^[1-9]\d*$/);
  await expect(page.locator('main ol.notifications li.unread').first()).toBeVisible();
  await expect(page.locator('main')).toContainText('Talud dan tanggul');
  await submit(page, 'Tandai semua sudah dibaca');
  await expect(page.locator('.notice.success')).toContainText(/\d+ pemberitahuan ditandai sudah dibaca/);
  await expect(page.locator('.main-nav .nav-count')).toHaveCount(0);

  await visit(page, '/notifikasi/pencarian');
  await expect(page.locator('main table')).toContainText('Konstruksi di Dinas PUPR');
  await page.locator('#nama').fill('Perahu e2e');
  await page.locator('#hpsMin').fill('seratus');
  await submit(page, 'Simpan pencarian');
  await expect(page.locator('.error-summary')).toContainText(/tulis rupiah bulat/i);
  await page.locator('#hpsMin').fill('100.000.000');
  await page.locator('#keyword').fill('perahu');
  await submit(page, 'Simpan pencarian');
  await expect(page.locator('.notice.success')).toContainText('Pencarian disimpan');
  await expect(page.locator('main table')).toContainText('Perahu e2e');
  await submit(page, 'Hapus: Perahu e2e');
  await expect(page.locator('.notice.success')).toContainText('Pencarian dihapus');
  await expect(page.locator('main table')).not.toContainText('Perahu e2e');

  // In English, the same notifications read in English.
  await visit(page, '/bahasa/en?kembali=/notifikasi');
  await expect(page.locator('main')).toContainText('New tender matching your search "Talud dan tanggul"');
});
