import { checkA11y, expect, test, visit } from './support/lpse.ts';

/** Public pages and error pages, in both languages, pass the axe-core scan. */
const PUBLIC_PAGES: [string, number][] = [
  ['/', 200],
  ['/masuk', 200],
  ['/kata-sandi/lupa', 200],
  ['/tim-lpse', 200],
  ['/data-terbuka', 200],
  ['/halaman-yang-tidak-ada', 404],
  ['/dasbor', 200], // signed out: redirected to the login page
];

for (const locale of ['id', 'en'] as const) {
  test(`public and error pages pass axe-core (${locale})`, async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: 'lang', value: locale, url: baseURL! }]);
    for (const [path, status] of PUBLIC_PAGES) {
      const res = await page.goto(path);
      expect(res?.status(), `status of ${path}`).toBe(status);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await checkA11y(page);
    }
  });
}

test('the axe-core check is not a no-op: it fails on a serious violation', async ({ page }) => {
  await visit(page, '/');
  await page.setContent('<html lang="id"><body><main><img src="/static/none.png"><input></main></body></html>');
  await expect(checkA11y(page)).rejects.toThrow(/image-alt|label/);
});
