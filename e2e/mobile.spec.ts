import { expect, screenshot, test, visit } from './support/lpse.ts';

/** A 360 px phone: nothing may scroll sideways. */
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

// Every public page of the portal; each visit is also scanned with axe (support/lpse.ts).
for (const path of [
  '/',
  '/masuk',
  '/daftar',
  '/daftar-hitam',
  '/tim-lpse',
  '/rup',
  '/daftar/lanjut',
  '/kata-sandi/lupa',
]) {
  test(`no horizontal scroll at 360 px on ${path}`, async ({ page }) => {
    await visit(page, path);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(clientWidth).toBe(360);
    expect(scrollWidth, `page is ${scrollWidth}px wide on a 360px screen`).toBeLessThanOrEqual(clientWidth);
    await screenshot(page, `phone${path === '/' ? '-home' : path.replaceAll('/', '-')}`);
  });
}
