import { checkA11y, expect, test, visit } from './support/lpse.ts';

test('the language switch goes to English and back, and <html lang> follows', async ({ page }) => {
  await visit(page, '/tim-lpse');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.locator('.main-nav')).toContainText('Beranda');

  await page.locator('.header-tools a[hreflang=en]').click();
  await expect(page).toHaveURL(/\/tim-lpse$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.main-nav')).toContainText('Home');
  await expect(page.locator('.site-header')).toContainText('Sign in');
  await checkA11y(page);

  // The choice sticks across pages.
  await visit(page, '/masuk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText('Sign in');

  await page.locator('.header-tools a[hreflang=id]').click();
  await expect(page).toHaveURL(/\/masuk$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.locator('h1')).toHaveText('Masuk');
  await checkA11y(page);
});
