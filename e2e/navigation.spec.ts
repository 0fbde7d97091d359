import { checkA11y, expect, loginAs, test, visit } from './support/lpse.ts';

/** Navigation is filtered by role permissions (src/platform/auth/permissions.ts), and the routes enforce the same. */
const navLinks = (page: import('@playwright/test').Page) => page.locator('.main-nav a');

test('Verifikator sees no "Pengguna" link and cannot open user administration', async ({ page }) => {
  await loginAs(page, 'VERIFIKATOR');
  await expect(navLinks(page)).toContainText(['Beranda', 'Dasbor']);
  await expect(page.locator('.main-nav')).not.toContainText('Pengguna');
  await expect(page.locator('.main-nav')).not.toContainText('Jejak Audit');
  await visit(page, '/admin/pengguna', 403);
});

test('Admin Sistem sees "Pengguna" and "Instansi"', async ({ page }) => {
  await loginAs(page, 'ADMIN_SISTEM');
  await expect(page.locator('.main-nav')).toContainText('Pengguna');
  await expect(page.locator('.main-nav')).toContainText('Instansi');
  await page.locator('.main-nav').getByRole('link', { name: 'Pengguna' }).click();
  await expect(page).toHaveURL(/\/admin\/pengguna$/);
  await expect(page.locator('main')).toContainText('verifikator');
  await checkA11y(page);
  await visit(page, '/admin/instansi');
  await expect(page.locator('main')).toContainText('Dinas Pekerjaan Umum dan Penataan Ruang');
  await visit(page, '/tim-lpse');
  await visit(page, '/akun');
});

test('Auditor sees "Jejak Audit" but not "Pengguna"', async ({ page }) => {
  await loginAs(page, 'AUDITOR');
  await expect(page.locator('.main-nav')).toContainText('Jejak Audit');
  await expect(page.locator('.main-nav')).not.toContainText('Pengguna');
  await page.locator('.main-nav').getByRole('link', { name: 'Jejak Audit' }).click();
  await expect(page).toHaveURL(/\/audit/);
  await checkA11y(page);
  await expect(page.locator('main table')).toContainText('demo.loaded');
  await visit(page, '/audit?action=auth.login');
});
