import { expect, loginAs, submit, test, visit } from './support/lpse.ts';

/**
 * Open data (issue 13): the red-flag page in both languages, and the Admin Sistem issuing and revoking a key of the
 * national feed. Every page is scanned by axe-core (support/lpse.ts).
 */
test('the red-flag page explains every indicator, in Indonesian and English', async ({ page, baseURL }) => {
  await visit(page, '/data-terbuka');
  await visit(page, '/data-terbuka/indikator');
  await expect(page.getByRole('heading', { name: 'Arti setiap indikator' })).toBeVisible();
  await page.context().addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
  await visit(page, '/data-terbuka/indikator');
  await expect(page.getByRole('heading', { name: 'What each indicator means' })).toBeVisible();
});

test('the Admin Sistem issues a national-feed key, sees it once, and revokes it', async ({ page }) => {
  const name = `Portal Nasional ${Date.now()}`;
  await loginAs(page, 'ADMIN_SISTEM');
  await visit(page, '/admin/data-terbuka');
  await page.getByLabel('Nama konsumen').fill(name);
  await submit(page, 'Terbitkan kunci baru');
  const key = await page.getByTestId('api-key').textContent();
  expect(key).toMatch(/^lpse_/);
  const res = await page.request.get('/api/v1/nasional/paket', { headers: { 'x-api-key': key! } });
  expect(res.status()).toBe(200);
  await visit(page, '/admin/data-terbuka');
  await expect(page.getByTestId('api-key')).toHaveCount(0);
  await submit(page, `Cabut ${name}`);
  const refused = await page.request.get('/api/v1/nasional/paket', { headers: { 'x-api-key': key! } });
  expect(refused.status()).toBe(401);
});
