import type { Page } from '@playwright/test';
import { checkA11y, e2eState, expect, loginWithForm, screenshot, submit, test, visit } from './support/lpse.ts';

/**
 * SIKaP (R06, R04), issue 10 "Done when": the demo vendor completes its profile (a K3 expert), asks to add a new
 * director, which the Verifikator approves against the originals, then sees on the demo tender's join page the
 * requirements it does not meet yet (KBLI 42912, two concrete mixers), fixes its profile, and then passes. Runs on
 * the shared demo instance: the changes (a director, a KBLI code, an expert, equipment) block nothing for the other
 * specs (qualification informs; only expired items block joining).
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const TENDER = 'Pembangunan Talud Pantai Munse (Tahap I)';

async function signIn(page: Page, username: string) {
  const c = e2eState().demo.credentials.find((x) => x.username === username);
  if (!c) throw new Error(`no demo credential for ${username}`);
  await visit(page, '/masuk');
  await loginWithForm(page, c.username, c.password);
}

/** Fills the add (or edit) form of a section page: the one under "Tambah data" / "Ubah data". */
async function fillItem(page: Page, values: Record<string, string>, file = true) {
  const form = page.locator('main h2#form ~ form').first();
  for (const [name, value] of Object.entries(values)) {
    const el = form.locator(`[name="${name}"]`);
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value);
    else await el.fill(value);
  }
  if (file) {
    await form.locator('[name="bukti"]').setInputFiles({ name: 'bukti.pdf', mimeType: 'application/pdf', buffer: PDF });
  }
}

test('a vendor completes its profile, a director change is approved, it fails a requirement, fixes it, passes', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await signIn(page, 'penyedia.aktif');

  // 1. Completes its profile: the K3 expert the demo tender asks for.
  await visit(page, '/sikap/tenaga_ahli');
  await fillItem(page, {
    nama: 'Wa Ode Rahmawati, S.T.',
    pendidikan: 'S1 Teknik Sipil',
    pengalamanTahun: '5',
    sertifikat: 'SKK Ahli Muda K3 Konstruksi',
    sertifikatNomor: '1.2.603.2.077.74.1122334',
    sertifikatBerlaku: '2029-12-31',
  });
  await submit(page, 'Simpan');
  await expect(page.locator('.notice.success')).toContainText('Tersimpan sebagai versi');
  await expect(page.locator('main table').first()).toContainText('Wa Ode Rahmawati');

  // 2. A new director: a change request to the Verifikator (pengurus is verified data).
  await visit(page, '/sikap/pengurus');
  await fillItem(page, {
    nama: 'La Ode Bahrun',
    jenis: 'direksi',
    jabatan: 'Direktur Teknik',
    mulai: '2026-11-20',
    note: 'RUPS 20 November 2026 mengangkat Direktur Teknik baru',
  });
  await submit(page, 'Ajukan penambahan');
  await expect(page.locator('.notice.success')).toContainText('Permintaan perubahan terkirim ke Verifikator');

  const vctx = await browser.newContext();
  const v = await vctx.newPage();
  await signIn(v, 'verifikator');
  await visit(v, '/verifikasi/sikap');
  await v
    .locator('main tr', { hasText: 'Pengurus' })
    .getByRole('link', { name: /Sultra Tirta Konstruksi/ })
    .click();
  await checkA11y(v);
  await expect(v.locator('main')).toContainText('La Ode Bahrun');
  await submit(v, 'Setujui (dokumen asli sesuai)');
  await expect(v.locator('.notice.success')).toContainText('Perubahan disetujui.');
  await vctx.close();

  await visit(page, '/sikap/pengurus');
  await expect(page.locator('main table').first()).toContainText('La Ode Bahrun');

  // 3. The demo tender's join page: what the profile does not meet yet.
  await visit(page, '/tender');
  await page.locator('main tr', { hasText: TENDER }).getByRole('link').first().click();
  await checkA11y(page);
  await page.getByRole('link', { name: 'Ikut tender ini' }).click();
  await checkA11y(page);
  const summary = page.locator('#kualifikasi-ringkas');
  await expect(summary).toContainText('Syarat yang belum terpenuhi: 2');
  await expect(page.locator('tr[data-kind="kbli"]')).toContainText('Belum memenuhi');
  await expect(page.locator('tr[data-kind="kbli"]')).toContainText('Tidak ada izin usaha dengan KBLI 42912');
  await expect(page.locator('tr[data-kind="peralatan"][data-status="fail"]')).toContainText('Concrete mixer');
  await expect(page.locator('tr[data-kind="tenaga_ahli"]')).toContainText('Wa Ode Rahmawati');
  await screenshot(page, 'sikap-syarat-belum-terpenuhi');
  const joinUrl = new URL(page.url()).pathname;

  // 4. Fixes it: KBLI 42912 on the NIB, two concrete mixers.
  await visit(page, '/sikap/izin');
  await page.locator('main tr', { hasText: '9120201234567' }).getByRole('link', { name: 'Ubah' }).click();
  await checkA11y(page);
  await fillItem(page, { kbli: '42101, 42919, 42912' }, false);
  await submit(page, 'Simpan');
  await expect(page.locator('.notice.success')).toContainText('Tersimpan sebagai versi');

  await visit(page, '/sikap/peralatan');
  await fillItem(page, {
    jenis: 'Concrete mixer',
    jumlah: '2',
    kapasitas: '0,5 m3',
    merk: 'Tiger',
    kondisi: 'baik',
    kepemilikan: 'milik',
  });
  await submit(page, 'Simpan');
  await expect(page.locator('.notice.success')).toContainText('Tersimpan sebagai versi');

  // 5. Then passes.
  await visit(page, joinUrl);
  await expect(summary).toContainText('Semua syarat yang dapat diperiksa otomatis terpenuhi.');
  await expect(page.locator('tr[data-status="fail"]')).toHaveCount(0);
  await expect(page.locator('tr[data-kind="kbli"]')).toContainText('KBLI 42912');
  await screenshot(page, 'sikap-syarat-terpenuhi');
});
