import { expect, loginAs, submit, test, visit } from './support/lpse.ts';

/**
 * Procurement plans (RUP, R10/R02): the PA of Dinas PUPR drafts a plan with two budget lines, announces it, and the
 * public finds it on /rup and on its own page. Every page is scanned by axe-core (support/lpse.ts).
 */
test('a PA creates a plan with two budget lines, announces it, and it is on the public portal', async ({
  page,
  browser,
}) => {
  const name = `Peningkatan Jalan Lampeapi ${Date.now()}`;
  await loginAs(page, 'PA');
  await visit(page, '/kelola/rup');
  await visit(page, '/kelola/rup/baru');
  await page.locator('#namaPaket').fill(name);
  await page.locator('#pagu').fill('1.250.000.000');
  await page.locator('#l0_program').fill('1.03.10');
  await page.locator('#l0_kegiatan').fill('1.03.10.2.01');
  await page.locator('#l0_sub').fill('1.03.10.2.01.0007');
  await page.locator('#l0_mak').fill('5.2.04.01.01.0003');
  await page.locator('#l0_pagu').fill('1.000.000.000');
  await page.locator('#l1_program').fill('1.03.10');
  await page.locator('#l1_kegiatan').fill('1.03.10.2.01');
  await page.locator('#l1_sub').fill('1.03.10.2.01.0008');
  await page.locator('#l1_mak').fill('5.2.04.01.01.0004');
  await page.locator('#l1_pagu').fill('250.000.000');
  await page.locator('#jenis').selectOption('pekerjaan_konstruksi');
  await page.locator('#metode').selectOption('tender');
  await page.locator('#bulanPemilihan').fill('2026-04');
  await submit(page, 'Simpan draf');
  await expect(page.locator('main h1')).toHaveText(name);
  await expect(page.locator('main')).toContainText('Draf');
  const kode = /\/kelola\/rup\/(\d+)/.exec(page.url())![1]!;

  await submit(page, 'Umumkan');
  await expect(page.locator('.notice.success')).toContainText(`RUP ${kode} telah diumumkan`);

  // The public, not signed in.
  const context = await browser.newContext();
  const anon = await context.newPage();
  await visit(anon, `/rup?q=${encodeURIComponent(name)}`);
  await expect(anon.locator('main table').first()).toContainText(name);
  await expect(anon.locator('main table').first()).toContainText('Rp 1.250.000.000');
  await anon.getByRole('link', { name: kode, exact: true }).click();
  await anon.waitForURL(`**/rup/${kode}`);
  await visit(anon, `/rup/${kode}`);
  await expect(anon.locator('main h1')).toHaveText(name);
  await expect(anon.locator('main')).toContainText('Rp 250.000.000');
  await expect(anon.locator('main')).toContainText('WITA');
  await context.close();
});
