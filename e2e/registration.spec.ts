import type { Locator, Page } from '@playwright/test';
import { startTestSmtp } from '../src/test/smtp.ts';
import { checkA11y, expect, loginWithForm, screenshot, submit, test, visit } from './support/lpse.ts';
import { type RunningApp, startApp } from './support/server.ts';

/**
 * Registration and verification (issue 3) on an instance of its own: it delivers its mail to a real SMTP server
 * started here, so the confirmation link is read from the received message, as a vendor reads it from the inbox.
 * The instance is loaded with the demo, for the Verifikator and the demo vendors.
 */
let app: RunningApp;
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
const PASSWORD = 'pulau-wawonii-indah-2026';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  smtp = await startTestSmtp();
  const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_POLL_MS: process.env.MAIL_POLL_MS };
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_POLL_MS = '200';
  try {
    app = await startApp({ demo: true });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});

test.afterAll(async () => {
  await app?.stop();
  await smtp?.close();
});

const url = (path: string) => `${app.baseUrl}${path}`;
const cred = (username: string) => {
  const c = app.credentials.find((x) => x.username === username);
  if (!c) throw new Error(`no demo credential for ${username}`);
  return c;
};

async function mailLink(to: string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const m = pattern.exec(smtp.lastTo(to) ?? '');
    if (m) return m[1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} matching ${pattern}`);
}

async function fill(page: Page, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const el = page.locator(`main [name="${name}"]`);
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value);
    else await typeSteadily(el, value);
  }
}

/**
 * Fills a field on a page that may hold document previews: `fill` focuses the field and then inserts the text where
 * the focus is, and Chromium's PDF viewer takes the focus when a lazily loading preview finishes, so the text can land
 * in the frame and the form is sent without it (CI saw a rejection refused as "Wajib diisi"). Fill again until the
 * field holds the text, as a person would retype it.
 */
async function typeSteadily(field: Locator, value: string) {
  await expect(async () => {
    await field.fill(value);
    await expect(field).toHaveValue(value, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

async function signIn(page: Page, username: string, password: string) {
  await page.goto(url('/masuk'));
  await checkA11y(page);
  await loginWithForm(page, username, password);
}

let counter = 0;
/** From the portal home page to a submitted registration; returns the registration number and the User ID. */
async function registerVendor(page: Page, npwp: string) {
  counter += 1;
  const email = `vendor${counter}.${Date.now().toString(36)}@contoh.co.id`;
  const username = `vendor${counter}${Date.now().toString(36)}`;
  await visit(page, url('/'));
  await page.locator('.main-nav').getByRole('link', { name: 'Pendaftaran' }).click();
  await checkA11y(page);
  await fill(page, { kind: 'penyedia', email });
  await submit(page, 'Kirim tautan konfirmasi');
  await expect(page.locator('h1')).toHaveText('Periksa e-mail Anda');

  const link = await mailLink(email, /(http:\/\/127\.0\.0\.1:\d+\/daftar\/konfirmasi\?\S+)/);
  await visit(page, link);
  await fill(page, { name: 'La Ode Bahari', username, password: PASSWORD, passwordConfirm: PASSWORD });
  await submit(page, 'Buat User ID dan lanjutkan');
  await expect(page.locator('h1')).toHaveText('Formulir pendaftaran');

  // A malformed NPWP first: the error summary names it, and nothing typed is lost.
  await fill(page, { name: 'Bahari Wawonii Konstruksi', businessForm: 'CV', npwp: '12.345' });
  await submit(page, 'Simpan draf');
  await expect(page.locator('.error-summary')).toContainText(/15 atau 16 angka/i);
  await expect(page.locator('[name=name]')).toHaveValue('Bahari Wawonii Konstruksi');

  await fill(page, {
    npwp,
    nib: '9120301234567',
    address: 'Jl. Poros Langara No. 12',
    city: 'Konawe Kepulauan',
    phone: '0401 3123456',
    email: 'kantor@bahari.co.id',
    picName: 'La Ode Bahari',
    picNik: '7402011203850001',
    picPosition: 'Direktur',
    ktp_number: '7402011203850001',
    akta_pendirian_number: '12',
    akta_pendirian_date: '2015-04-01',
    akta_pendirian_issuer: 'Notaris Hj. Wa Ode Sitti, S.H.',
    izin_usaha_number: 'NIB-9120301234567',
    izin_usaha_date: '2020-01-15',
    izin_usaha_issuer: 'OSS RBA',
    izin_usaha_until: '2030-01-15',
  });
  for (const code of ['ktp', 'akta_pendirian', 'npwp', 'izin_usaha']) {
    await page.locator(`[name=doc_${code}]`).setInputFiles({
      name: `${code}.pdf`,
      mimeType: 'application/pdf',
      buffer: Buffer.concat([PDF, Buffer.from(`%${username}-${code}\n`)]),
    });
  }
  await submit(page, 'Kirim pendaftaran');
  await expect(page.locator('h1')).toHaveText('Status pendaftaran');
  const number = (await page.locator('dl.summary dd').first().textContent())!.trim();
  expect(number).toMatch(/^REG-\d{4}-\d{6}$/);
  const receipt = await page.request.get(url('/daftar/tanda-terima.pdf'));
  expect(receipt.headers()['content-type']).toBe('application/pdf');
  return { number, username, email };
}

async function openInQueue(page: Page, number: string, filter = 'baru') {
  await visit(page, url(`/verifikasi?status=${filter}`));
  await page.getByRole('link', { name: number }).click();
  await checkA11y(page);
}

test('a vendor registers from the home page, the Verifikator approves, the vendor signs in', async ({
  page,
  browser,
}) => {
  const { number, username } = await registerVendor(page, '01.234.567.8-912.001');
  await screenshot(page, 'registration-submitted');

  const vctx = await browser.newContext();
  const v = await vctx.newPage();
  await signIn(v, 'verifikator', cred('verifikator').password);
  await openInQueue(v, number);
  // Approval is refused until every original has been seen.
  await submit(v, 'Setujui dan aktifkan User ID');
  await expect(v.locator('.error-summary')).toContainText('Asli sesuai');
  // Ticked from the keyboard, as a Verifikator at the counter would: the inline PDF frames load lazily beside the
  // boxes and can catch a mouse click meant for a box while they settle.
  // Ticking and approving in one submit works: the ticks are saved with the approval (issue 7).
  for (const box of await v.locator('input[name=asli]').all()) await tickWithKeyboard(box);
  await screenshot(v, 'verification-detail');
  await submit(v, 'Setujui dan aktifkan User ID');
  await expect(v.locator('main')).toContainText('Pendaftaran disetujui');
  await vctx.close();

  await signIn(page, username, PASSWORD);
  await expect(page).toHaveURL(/\/dasbor/);
  await page.locator('.main-nav').getByRole('link', { name: 'Data Perusahaan' }).click();
  await checkA11y(page);
  await expect(page.locator('main')).toContainText(number);
  await expect(page.locator('main')).toContainText('Ya');
});

test('a revision round, then a rejection with a reason', async ({ page, browser }) => {
  const { number, email } = await registerVendor(page, '01.234.567.8-912.002');
  const vctx = await browser.newContext();
  const v = await vctx.newPage();
  await signIn(v, 'verifikator', cred('verifikator').password);
  await openInQueue(v, number);
  await typeSteadily(v.locator('textarea[name^="note_"]').first(), 'Scan KTP buram, unggah ulang.');
  await submit(v, 'Kirim permintaan perbaikan');
  await expect(v.locator('main')).toContainText('Permintaan perbaikan terkirim');

  // The vendor reads the request in the mail, resumes, replaces the KTP and resubmits.
  await mailLink(email, /(http:\/\/127\.0\.0\.1:\d+\/daftar\/lanjut)/);
  await visit(page, url('/daftar/formulir'));
  await expect(page.locator('main')).toContainText('Scan KTP buram');
  await page.locator('[name=doc_ktp]').setInputFiles({
    name: 'ktp-jelas.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.concat([PDF, Buffer.from('%jelas\n')]),
  });
  await submit(page, 'Kirim pendaftaran');
  await expect(page.locator('h1')).toHaveText('Status pendaftaran');

  await openInQueue(v, number);
  await fill(v, { reason: 'Akta pendirian tidak sesuai dengan aslinya.' });
  await submit(v, 'Tolak pendaftaran');
  await expect(v.locator('main')).toContainText('Pendaftaran ditolak');
  await openInQueue(v, number, 'ditolak');
  await v.getByRole('link', { name: /Arsip dokumen/ }).click();
  await checkA11y(v);
  await expect(v.locator('main')).toContainText('ktp-jelas.pdf');
  await expect(v.locator('main')).toContainText('Perbaikan diminta');
  await vctx.close();
});

test('a PPK registers with the SK; an LPSE-team member cannot become a Pokja member', async ({ page, browser }) => {
  const email = `ppk.${Date.now().toString(36)}@konkep.go.id`;
  await visit(page, url('/daftar'));
  await fill(page, { kind: 'non-penyedia', email });
  await submit(page, 'Kirim tautan konfirmasi');
  const link = await mailLink(email, /(http:\/\/127\.0\.0\.1:\d+\/daftar\/konfirmasi\?\S+)/);
  await visit(page, link);
  const username = `ppk${Date.now().toString(36)}`;
  await fill(page, { name: 'Andi Mappasessu', username, password: PASSWORD, passwordConfirm: PASSWORD });
  await submit(page, 'Buat User ID dan lanjutkan');
  await page.locator('[name=agencyId]').selectOption({ label: 'Dinas Pekerjaan Umum dan Penataan Ruang' });
  await fill(page, {
    requestedRole: 'PPK',
    nip: '198203122006041003',
    position: 'Kepala Bidang Bina Marga',
    surat_tugas_number: '800/45/PUPR/2026',
    surat_tugas_date: '2026-01-10',
  });
  await page
    .locator('[name=doc_surat_tugas]')
    .setInputFiles({ name: 'sk-ppk.pdf', mimeType: 'application/pdf', buffer: PDF });
  await submit(page, 'Kirim pendaftaran');
  const number = (await page.locator('dl.summary dd').first().textContent())!.trim();

  const vctx = await browser.newContext();
  const v = await vctx.newPage();
  await signIn(v, 'verifikator', cred('verifikator').password);
  await openInQueue(v, number);
  await tickWithKeyboard(v.locator('input[name=asli]'));
  await submit(v, 'Simpan daftar periksa dokumen asli');
  await submit(v, 'Setujui dan aktifkan User ID');
  await expect(v.locator('main')).toContainText('Pendaftaran disetujui');
  await vctx.close();
  await signIn(page, username, PASSWORD);
  await expect(page).toHaveURL(/\/dasbor/);

  const hctx = await browser.newContext();
  const h = await hctx.newPage();
  await signIn(h, 'helpdesk', cred('helpdesk').password);
  await visit(h, url('/akun/permohonan-peran'));
  await h.locator('[name=agencyId]').selectOption({ label: 'Sekretariat Daerah Kabupaten Konawe Kepulauan' });
  await fill(h, {
    requestedRole: 'POKJA',
    position: 'Staf',
    surat_tugas_number: 'SK-1',
    surat_tugas_date: '2026-02-01',
  });
  await h.locator('[name=doc_surat_tugas]').setInputFiles({ name: 'sk.pdf', mimeType: 'application/pdf', buffer: PDF });
  await submit(h, 'Kirim permohonan');
  await expect(h.locator('.error-summary')).toContainText('Pasal 13 ayat (3)');
  await screenshot(h, 'registration-sod-refused');
  await hctx.close();
});

test('a deactivated vendor cannot sign in; the public blacklist masks the NPWP', async ({ page, browser }) => {
  await visit(page, url('/daftar-hitam'));
  await expect(page.locator('main')).toContainText('Tanjung Batu Karya');
  await expect(page.locator('main')).toContainText('0*.9**.3**.*-*89.**0');
  await expect(page.locator('main')).not.toContainText('06.912.345');
  await screenshot(page, 'blacklist-public');

  const vctx = await browser.newContext();
  const v = await vctx.newPage();
  await signIn(v, 'verifikator', cred('verifikator').password);
  // The approved demo vendor "penyedia.aktif": open its registration, then its archive, and deactivate it.
  await visit(v, url('/verifikasi?status=disetujui'));
  const row = v.locator('tr', { hasText: 'Sultra Tirta Konstruksi' });
  await row.getByRole('link').click();
  await checkA11y(v);
  await v.getByRole('link', { name: /Arsip dokumen/ }).click();
  await checkA11y(v);
  await fill(v, { reason: 'Permintaan PPK terkait sanksi', requesterKind: 'PPK', requesterName: 'PPK Dinas PUPR' });
  await submit(v, 'Nonaktifkan User ID');
  await expect(v.locator('main')).toContainText('User ID dinonaktifkan');
  await vctx.close();

  await signIn(page, 'penyedia.aktif', cred('penyedia.aktif').password);
  await expect(page).toHaveURL(/\/masuk/);
  await expect(page.locator('main')).toContainText(/tidak aktif|nonaktif/i);
});

async function tickWithKeyboard(box: Locator) {
  // A PDF frame that finishes loading can take the focus between focus() and the key press (Chromium's viewer
  // focuses itself), so the Space lands in the frame: tick again while the box is still unticked, as a person would.
  await expect(async () => {
    if (!(await box.isChecked())) {
      await box.focus();
      await box.press('Space');
    }
    await expect(box).toBeChecked({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}
