import { checkA11y, e2eState, expect, loginWithForm, screenshot, submit, test, visit } from './support/lpse.ts';

/**
 * The newcomer's path from the README, on the fresh instance (no users yet): the one-time setup link creates the first
 * Admin Sistem, who signs in, adds an agency and a user with a role, and finds both changes in the audit trail.
 */
test('first-run setup: admin, agency, user with role, audit trail', async ({ page }) => {
  const { setupUrl, baseUrl } = e2eState().fresh;
  const stamp = Date.now().toString(36).toUpperCase();

  await visit(page, setupUrl);
  await expect(page.locator('h1')).toHaveText('Penyiapan awal');
  // An error first: the summary links to the fields and the page stays usable.
  await submit(page, 'Buat Admin Sistem');
  await expect(page.locator('.error-summary, [role=alert]').first()).toBeVisible();
  await expect(page).toHaveTitle(/^Kesalahan|^Galat|^Error/i);

  await page.locator('input[name=name]').fill('Admin Pertama');
  await page.locator('input[name=username]').fill('admin.pertama');
  await page.locator('input[name=email]').fill('admin.pertama@konkepkab.go.id');
  await page.locator('input[name=password]').fill('kata-sandi-yang-panjang-1');
  await page.locator('input[name=passwordConfirm]').fill('kata-sandi-yang-panjang-1');
  await submit(page, 'Buat Admin Sistem');
  await expect(page).toHaveURL(/\/masuk/);
  await expect(page.locator('main')).toContainText('Admin Sistem sudah dibuat');

  // The link is single-use.
  const again = await page.goto(setupUrl);
  expect(again?.status()).toBeGreaterThanOrEqual(400);
  expect(again?.status()).toBeLessThan(500);
  await checkA11y(page);

  await page.goto(`${baseUrl}/masuk`);
  await checkA11y(page);
  await loginWithForm(page, 'admin.pertama', 'kata-sandi-yang-panjang-1');
  await expect(page).toHaveURL(/\/dasbor/);
  await expect(page.locator('.main-nav')).toContainText('Pengguna');

  // An agency.
  await visit(page, `${baseUrl}/admin/instansi/baru`);
  await page.locator('input[name=code]').fill(`DLH-${stamp}`);
  await page.locator('input[name=name]').fill('Dinas Lingkungan Hidup');
  await page.locator('select[name=kind]').selectOption('OPD');
  await page.locator('textarea[name=address]').fill('Jl. Poros Langara, Konawe Kepulauan');
  await submit(page, 'Simpan');
  await expect(page).toHaveURL(/\/admin\/instansi/);
  await expect(page.locator('main')).toContainText('Dinas Lingkungan Hidup');

  // A user with a role in that agency.
  await visit(page, `${baseUrl}/admin/pengguna/baru`);
  await page.locator('input[name=name]').fill('Wa Ode Sitti');
  await page.locator('input[name=username]').fill('ppk.dlh');
  await page.locator('input[name=email]').fill('ppk.dlh@konkepkab.go.id');
  await page.locator('select[name=role]').selectOption('PPK');
  await page.locator('select[name=agencyId]').selectOption({ label: 'Dinas Lingkungan Hidup' });
  await submit(page, 'Simpan');
  await expect(page).toHaveURL(/\/admin\/pengguna\/[^/]+/);
  await expect(page.locator('main')).toContainText('Wa Ode Sitti');
  await expect(page.locator('main')).toContainText('Pejabat Pembuat Komitmen (PPK) — Dinas Lingkungan Hidup');

  // Both changes are in the audit trail.
  await visit(page, `${baseUrl}/audit`);
  const trail = page.locator('main table');
  await expect(trail).toContainText('agency.created');
  await expect(trail).toContainText('user.created');
  await expect(trail).toContainText('setup.first_admin_created');
  await screenshot(page, 'audit');
});
