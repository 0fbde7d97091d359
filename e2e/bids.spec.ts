import { expect, loginAs, submit, test, visit } from './support/lpse.ts';

/**
 * Sealed bids (R12), the browser part that needs no tender in its upload stage: a Pokja member enrols a bid key in
 * real Chromium (X25519 from WebCrypto, PBKDF2-SHA256 600,000), the passphrase never leaves the browser, the profile
 * shows the fingerprint, re-enrolment replaces it; and the public receipt check refuses a forged receipt.
 * Sealing, upload, self-check, the k-of-n opening and the witness report run in bids-journey.spec.ts (own instance
 * with a movable clock).
 */
test('a Pokja member enrols a bid key in the browser; the passphrase never reaches the server', async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, 'POKJA', { fresh: true });
  const passphrase = `frasa sandi e2e ${Date.now()}`;
  const bodies: string[] = [];
  page.on('request', (r) => {
    const b = r.postData();
    if (b) bodies.push(b);
  });

  await visit(page, '/kunci-penawaran');
  await page.locator('#pass1').fill(passphrase);
  await page.locator('#pass2').fill(passphrase);
  await submit(page, /Buat/);
  const fp = page.getByTestId('fingerprint');
  await expect(fp).toBeVisible({ timeout: 30_000 });
  const fingerprint = await fp.getAttribute('data-fp');
  expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);

  // What the server stored: the same fingerprint, a wrapped private key, 600,000 iterations.
  const stored = await page.evaluate(async () => (await fetch('/api/v1/kunci-penawaran')).json());
  expect(stored.fingerprint).toBe(fingerprint);
  expect(stored.wrapped.iterations).toBe(600_000);
  expect(bodies.length).toBeGreaterThan(0);
  for (const b of bodies) expect(b).not.toContain(passphrase);

  // Re-enrolment gives a new key.
  await page.locator('#pass1').fill(`${passphrase} baru`);
  await page.locator('#pass2').fill(`${passphrase} baru`);
  await submit(page, /Buat ulang/);
  await expect(page.getByTestId('fingerprint')).not.toHaveAttribute('data-fp', fingerprint ?? '', { timeout: 30_000 });
});

test('the public receipt check refuses a forged receipt and publishes the server key', async ({ page }) => {
  const forged = `${Buffer.from('{"v":1,"tender":"1"}').toString('base64url')}.${'A'.repeat(86)}`;
  await visit(page, `/penawaran/verifikasi?token=${forged}`);
  await expect(page.getByTestId('verify-result')).toContainText('TIDAK sah');
  await expect(page.locator('main pre').last()).toContainText('BEGIN PUBLIC KEY');
});
