import {
  checkA11y,
  demoUser,
  expect,
  forgetLogin,
  loginAs,
  loginWithForm,
  logout,
  screenshot,
  test,
  visit,
} from './support/lpse.ts';

test('home page is public and in Bahasa Indonesia', async ({ page }) => {
  await visit(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.locator('.main-nav')).toContainText('Beranda');
  await expect(page.locator('.main-nav')).not.toContainText('Dasbor');
  await screenshot(page, 'home');
});

test('login: a wrong password is refused, the right one signs in', async ({ page }) => {
  const user = demoUser('HELPDESK');
  await loginWithForm(page, user.username, 'bukan-kata-sandinya');
  await expect(page).toHaveURL(/\/masuk/);
  await expect(page.locator('main')).toContainText('User ID atau kata sandi salah.');
  await screenshot(page, 'login-error');

  await loginWithForm(page, user.username, user.password);
  await expect(page).toHaveURL(/\/dasbor/);
  await expect(page.locator('.who')).toContainText('La Ode Amran');
  await screenshot(page, 'dashboard');
});

test('logout ends the session', async ({ page }) => {
  await loginAs(page, 'SEKRETARIAT', { fresh: true });
  await logout(page, 'SEKRETARIAT');
  await expect(page.locator('main')).toContainText('Anda sudah keluar.');
  await expect(page.locator('.site-header')).toContainText('Masuk');
  await expect(page.locator('.main-nav')).not.toContainText('Dasbor');
  // The dashboard is closed again.
  await page.goto('/dasbor');
  await checkA11y(page);
  await expect(page.locator('.main-nav')).not.toContainText('Dasbor');
  await expect(page.locator('main')).not.toContainText('Wa Ode Nurhaya');
});

test('five wrong passwords slow the account down, with a message that says why and when to try again', async ({
  page,
}) => {
  const user = demoUser('BUPATI');
  for (let i = 1; i <= 5; i++) {
    await loginWithForm(page, user.username, `salah-${i}`);
    await expect(page.locator('main')).toContainText('User ID atau kata sandi salah.');
  }
  // Now even the right password is refused, with a message that says why.
  await loginWithForm(page, user.username, user.password);
  await expect(page).toHaveURL(/\/masuk/);
  await expect(page.locator('main')).toContainText('Terlalu banyak percobaan masuk yang gagal');
  forgetLogin('BUPATI');
});
