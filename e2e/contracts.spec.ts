import type { Browser, Page } from '@playwright/test';
import { e2eState, expect, loginWithForm, test, visit } from './support/lpse.ts';

/**
 * Contracts (R12 items 5–6, R06): the demo's Talud tender, awarded and taken to its PHO, as its PPK and as the winning
 * vendor see it. Every page is scanned by axe-core; the forms work without JavaScript (the next step, the FHO, is a
 * plain form on the page).
 */
async function asPerson(browser: Browser, username: string): Promise<Page> {
  const cred = e2eState().demo.credentials.find((c) => c.username === username);
  if (!cred) throw new Error(`no demo user ${username}`);
  // JavaScript stays on: the axe-core scan of every page runs in the page (the forms need none).
  const page = await (await browser.newContext()).newPage();
  await loginWithForm(page, cred.username, cred.password);
  return page;
}

test('the PPK sees the whole contract; the vendor follows it and cannot reach the PPK page', async ({ browser }) => {
  const ppk = await asPerson(browser, 'ppk.pupr');
  await visit(ppk, '/kelola/kontrak');
  const link = ppk.locator('main table a', { hasText: 'Talud Pantai Munse' });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href'))!;
  await visit(ppk, href);
  const main = ppk.locator('main');
  await expect(main.getByRole('heading', { level: 2, name: 'SPPBJ' })).toBeVisible();
  await expect(main).toContainText('Diterima penyedia');
  await expect(main).toContainText('Penambahan panjang talud');
  await expect(main).toContainText('100 %');
  await expect(main).toContainText('2,50 — Baik');
  await expect(main.getByRole('button', { name: 'Catat FHO' })).toBeVisible();

  const vendor = await asPerson(browser, 'penyedia.aktif');
  await visit(vendor, '/kontrak-saya');
  const mine = vendor.locator('main table a', { hasText: 'Talud Pantai Munse' });
  const vhref = (await mine.getAttribute('href'))!;
  await visit(vendor, vhref);
  await expect(vendor.locator('main')).toContainText('Masa pemeliharaan (PHO)');
  await expect(vendor.locator('main form')).toHaveCount(0);
  const res = await vendor.goto(href);
  expect(res?.status()).toBe(403);
});
