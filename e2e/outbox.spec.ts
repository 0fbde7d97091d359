import { checkA11y, expect, loginWithForm, screenshot, submit, test, visit } from './support/lpse.ts';
import { type RunningApp, startApp } from './support/server.ts';

/**
 * A newcomer's install without SMTP: the first admin creates a user, reads the set-password link on the outbox page
 * (the mail could not be sent), opens it, sets the password, and that user signs in. Its own fresh instance, because
 * the shared fresh one's setup link is used once, by setup.spec.ts.
 */
let app: RunningApp;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await startApp();
});
test.afterAll(async () => {
  await app?.stop();
});

test('without SMTP: the set-password link of a new user is read on the outbox page', async ({ page }) => {
  test.setTimeout(120_000);
  const base = app.baseUrl;
  await visit(page, app.setupUrl!);
  await page.locator('input[name=name]').fill('Admin Surel');
  await page.locator('input[name=username]').fill('admin.surel');
  await page.locator('input[name=email]').fill('admin.surel@konkepkab.go.id');
  await page.locator('input[name=password]').fill('kata-sandi-yang-panjang-2');
  await page.locator('input[name=passwordConfirm]').fill('kata-sandi-yang-panjang-2');
  await submit(page, 'Buat Admin Sistem');
  await expect(page).toHaveURL(/\/masuk/);
  await loginWithForm(page, 'admin.surel', 'kata-sandi-yang-panjang-2');
  await expect(page).toHaveURL(/\/dasbor/);
  await expect(page.locator('main')).toContainText('Surel yang gagal terkirim');

  await visit(page, `${base}/admin/pengguna/baru`);
  await page.locator('input[name=name]').fill('La Ode Hamid');
  await page.locator('input[name=username]').fill('la.hamid');
  await page.locator('input[name=email]').fill('la.hamid@konkepkab.go.id');
  await submit(page, 'Simpan');
  await expect(page).toHaveURL(/\/admin\/pengguna\/[^/]+/);

  // The worker polls the outbox; the mail is "logged without SMTP" within a few seconds.
  await page.locator('.main-nav').getByRole('link', { name: 'Surel Keluar' }).click();
  await checkA11y(page);
  await expect(page.locator('main')).toContainText('rahasia');
  const row = page.locator('main tr', { hasText: 'la.hamid@konkepkab.go.id' });
  await expect(row).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText('Dicatat tanpa SMTP', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await checkA11y(page);
  await screenshot(page, 'outbox');

  await row.getByRole('link').click();
  await checkA11y(page);
  const link = page.locator('main pre a', { hasText: '/kata-sandi/atur-ulang?token=' });
  await expect(link).toBeVisible();
  await screenshot(page, 'outbox-message');
  const href = await link.getAttribute('href');

  // The new user opens the link in their own browser session.
  const context = await page.context().browser()!.newContext({ locale: 'id-ID', timezoneId: 'Asia/Makassar' });
  const other = await context.newPage();
  try {
    await visit(other, href!);
    await expect(other.locator('h1')).toHaveText('Buat kata sandi baru');
    await other.locator('input[name=password]').fill('pantai-langara-biru-2026');
    await other.locator('input[name=passwordConfirm]').fill('pantai-langara-biru-2026');
    await submit(other, 'Simpan kata sandi baru');
    await expect(other).toHaveURL(/\/masuk/);
    await loginWithForm(other, 'la.hamid', 'pantai-langara-biru-2026');
    await expect(other).toHaveURL(/\/dasbor/);
    await expect(other.locator('.who')).toContainText('La Ode Hamid');
  } finally {
    await context.close();
  }
});
