/**
 * Helpers for LPSE Terpadu browser tests. Import `test` and `expect` from here, never from '@playwright/test'.
 *
 * What the run gives you (see ../global-setup.ts): two real servers started from `src/main.ts`, each on its own
 * temporary PGlite DATA_DIR:
 *   - the demo instance (`lpse demo` loaded, one user per role): it is the `baseURL`, so `page.goto('/masuk')` works;
 *   - the fresh instance (no users yet): `e2eState().fresh.setupUrl` is its one-time setup link. Used once, by
 *     setup.spec.ts; do not use it elsewhere.
 * Need your own clean database? `startApp()` from ./server.ts starts a third instance (remember `await app.stop()`).
 *
 * Accessibility: every page a test visits must be scanned by axe-core; serious and critical violations fail the test.
 *   await visit(page, '/tim-lpse');              // goto + wait + axe scan
 *   await submit(page, 'Simpan');                // click the named button in <main>, wait for the next page, scan
 *   await checkA11y(page);                       // scan whatever is on screen now (after your own click/goto)
 * A guard fixture records every document the page navigated to and fails the test at its end when one of them was
 * never scanned, so a forgotten scan cannot slip through. Opt out only for a reason: `test.use({ a11yGuard: false })`.
 *
 * Signing in:
 *   await loginAs(page, 'VERIFIKATOR');          // as the demo user holding that role (see src/demo/demo-data.ts)
 *   await loginAs(page, 'AUDITOR', { fresh: true }); // force a real form login (e.g. before testing logout)
 *   await loginWithForm(page, 'user', 'pw');     // fill and submit /masuk yourself (lands on the next page, scanned)
 *   await loginOn(browser, app, 'pokja1');       // a new page on your own startApp() instance, signed in there
 *   await signInAt(page, app.baseUrl, 'user', 'pw'); // this page, on your own instance (cookies cleared first)
 *   await logout(page, 'AUDITOR');               // press "Keluar" in the header (scanned), forget that role's session
 * `loginAs` reuses the session cookie of an earlier login of that role in the same worker, because POST /masuk is
 * rate-limited to 20 a minute per IP and every test comes from 127.0.0.1. A test that logs out or changes the
 * password must pass `{ fresh: true }` and must not leave that role signed out for others: `forgetLogin(role)`.
 *
 * Screenshots: `await screenshot(page, 'name')` writes test-results/screenshots/name.png (full page).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, test as base, type Cookie, expect, type Locator, type Page } from '@playwright/test';
import type { DemoCredential } from './server.ts';

export { expect };

export interface E2eState {
  demo: { baseUrl: string; credentials: DemoCredential[] };
  fresh: { baseUrl: string; setupUrl: string };
}

let cachedState: E2eState | undefined;
export function e2eState(): E2eState {
  if (!cachedState) {
    const file = process.env.LPSE_E2E_STATE;
    if (!file) throw new Error('LPSE_E2E_STATE is not set: run the browser tests with `npm run test:e2e`');
    cachedState = JSON.parse(readFileSync(file, 'utf8')) as E2eState;
  }
  return cachedState;
}

/** The demo user holding `role` (e.g. 'ADMIN_SISTEM', 'VERIFIKATOR', 'AUDITOR'), with the password printed by demo. */
export function demoUser(role: string): DemoCredential {
  const found = e2eState().demo.credentials.find((c) => c.role === role);
  if (!found) throw new Error(`no demo user with role ${role}`);
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Accessibility

// Evaluated through the DevTools protocol rather than added as a <script>: the platform's CSP (script-src 'self')
// stays on during the tests, so a page that breaks it still fails.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const scannedByPage = new WeakMap<Page, Set<string>>();
const pageKey = (url: string) => {
  const u = new URL(url);
  // app.js takes a multipart form's CSRF token out of the address bar once the page has loaded.
  u.searchParams.delete('_csrf');
  return `${u.pathname}${u.search}`;
};

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core on the current page; fails on any serious or critical violation, listing each with its elements. */
export async function checkA11y(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time and has no types in the page
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.trimEnd()).join('\n'),
    )
    .join('\n');
  expect(bad, `axe-core found serious/critical violations on ${page.url()}:\n${report}`).toEqual([]);
  const scanned = scannedByPage.get(page) ?? new Set<string>();
  scanned.add(pageKey(page.url()));
  scannedByPage.set(page, scanned);
}

/** Goes to `path` (on the demo instance unless absolute), expects a page that is not an error, and scans it. */
export async function visit(page: Page, path: string, expectedStatus = 200): Promise<void> {
  const res = await page.goto(path);
  expect(res?.status(), `status of ${path}`).toBe(expectedStatus);
  await checkA11y(page);
}

/**
 * Submits the form of the button named `name` inside <main> with that button as the submitter (its name, value and
 * formaction count, as when it is pressed), waits for the resulting page, and scans it. Neither a mouse click nor the
 * keyboard: document previews (PDF frames) that finish loading shift the layout under the pointer, and Chromium's PDF
 * viewer takes the focus when it loads, so a click or an Enter could land in a frame and submit nothing (CI saw both).
 */
export async function submit(page: Page, name: string | RegExp): Promise<void> {
  await submitWith(page, page.locator('main').getByRole('button', { name, exact: typeof name === 'string' }));
}

/** `submit` for a button found otherwise (several of one name on the page): its form, sent with it as submitter. */
export async function submitWith(page: Page, button: Locator): Promise<void> {
  await expect(button).toBeEnabled();
  await Promise.all([
    page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() }),
    button.evaluate((b: HTMLButtonElement) => b.form?.requestSubmit(b)),
  ]);
  await checkA11y(page);
}

// ---------------------------------------------------------------------------------------------------------------
// Signing in

const sessionCache = new Map<string, Cookie[]>();

/** Fills /masuk with the given User ID and password and submits; the resulting page is scanned. */
export async function loginWithForm(page: Page, username: string, password: string): Promise<void> {
  const onLoginForm = page.url().includes('/masuk') && (await page.locator('input[name=username]').count()) > 0;
  if (!onLoginForm) await visit(page, '/masuk');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await submit(page, 'Masuk');
}

/**
 * Signs in on another instance (your own `startApp()`): drops this page's cookies, fills `baseUrl`/masuk and submits
 * (both pages scanned). No session cache: each call is a real form login (mind the 20 a minute limit).
 */
export async function signInAt(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await visit(page, `${baseUrl}/masuk`);
  await loginWithForm(page, username, password);
  await expect(page.locator('.who')).toContainText(/./);
}

/** Signs in as the demo user holding `role` and lands on /dasbor (scanned). */
export async function loginAs(page: Page, role: string, options: { fresh?: boolean } = {}): Promise<DemoCredential> {
  const user = demoUser(role);
  const cached = options.fresh ? undefined : sessionCache.get(role);
  let signedIn = false;
  if (cached) {
    await page.context().addCookies(cached);
    await page.goto('/dasbor');
    await checkA11y(page);
    // A session another test ended (logout, password change, deactivation) falls back to a real login.
    signedIn = (await page.locator('.who').count()) > 0 && page.url().includes('/dasbor');
    if (!signedIn) sessionCache.delete(role);
  }
  if (!signedIn) {
    await loginWithForm(page, user.username, user.password);
    await expect(page).toHaveURL(/\/dasbor/);
    if (!options.fresh) sessionCache.set(role, await page.context().cookies());
  }
  await expect(page.locator('.who')).toContainText(/./);
  return user;
}

/**
 * A new browser context on another instance (one from `startApp()`, e.g. with a moved clock): relative paths go to
 * `app.baseUrl`, and the user `username` of that instance's demo credentials is signed in with the form (scanned).
 */
export async function loginOn(
  browser: Browser,
  app: { baseUrl: string; credentials: DemoCredential[] },
  username: string,
): Promise<Page> {
  const cred = app.credentials.find((c) => c.username === username);
  if (!cred) throw new Error(`no demo user ${username} on ${app.baseUrl}`);
  const page = await (await browser.newContext({ baseURL: app.baseUrl })).newPage();
  await loginWithForm(page, cred.username, cred.password);
  await expect(page.locator('.who')).toContainText(/./);
  return page;
}

/** Presses "Keluar" in the header and lands on the home page (scanned). Forgets the cached session of `role`. */
export async function logout(page: Page, role?: string): Promise<void> {
  await Promise.all([
    page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() }),
    page.locator('.site-header').getByRole('button', { name: 'Keluar' }).click(),
  ]);
  await checkA11y(page);
  if (role) forgetLogin(role);
}

/** Drops the cached session of a role, after a test signed it out or changed its password. */
export function forgetLogin(role: string): void {
  sessionCache.delete(role);
}

// ---------------------------------------------------------------------------------------------------------------
// Screenshots

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join('test-results', 'screenshots', `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ---------------------------------------------------------------------------------------------------------------
// The test object: baseURL is the demo instance, and the a11y guard is on for every test.

export const test = base.extend<{ a11yGuard: boolean; _a11yGuard: undefined }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern
  baseURL: async ({}, use) => use(e2eState().demo.baseUrl),
  a11yGuard: [true, { option: true }],
  _a11yGuard: [
    async ({ page, a11yGuard }, use, testInfo) => {
      const visited = new Set<string>();
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame() && frame.url().startsWith('http')) visited.add(pageKey(frame.url()));
      });
      await use(undefined);
      if (!a11yGuard || testInfo.status !== testInfo.expectedStatus) return;
      const scanned = scannedByPage.get(page) ?? new Set();
      const missed = [...visited].filter((u) => !scanned.has(u));
      expect(missed, 'pages visited but never scanned with checkA11y()/visit()/submit()').toEqual([]);
    },
    { auto: true },
  ],
});

/** The start and end of a stage as the public page gives them (`<time datetime>`). */
export async function stageTimes(page: Page, kode: string, stage: string): Promise<{ start: number; end: number }> {
  await visit(page, `/tender/${kode}`);
  const times = page.locator(`tr[data-stage="${stage}"] time`);
  const start = Date.parse((await times.nth(0).getAttribute('datetime'))!);
  const end = Date.parse((await times.nth(1).getAttribute('datetime'))!);
  return { start, end };
}
