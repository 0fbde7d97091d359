import type { Browser, Page } from '@playwright/test';
import { e2eState, expect, loginAs, loginWithForm, submit, test, visit } from './support/lpse.ts';

/**
 * SULAP (R03, R14): the PA announces a plan, the PPK builds a package with its documents and HPS, the Kepala UKPBJ
 * assigns a Pokja of three, one member sends the HPS back, the PPK uploads a new version, every member approves every
 * mandatory document and the package becomes a draft tender. The Admin Sistem is refused the documents with a page
 * saying why. Every page is scanned by axe-core (support/lpse.ts).
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const MANDATORY: [string, string][] = [
  ['kak_spesifikasi', 'KAK / spesifikasi teknis'],
  ['hps', 'HPS beserta rinciannya'],
  ['rancangan_kontrak', 'Rancangan kontrak'],
  ['gambar_rencana', 'Gambar rencana'],
  ['analisa_harga_satuan', 'Analisa harga satuan'],
  ['uang_muka_jaminan', 'Uang muka dan jaminan'],
];

async function asPerson(browser: Browser, username: string): Promise<Page> {
  const cred = e2eState().demo.credentials.find((c) => c.username === username);
  if (!cred) throw new Error(`no demo user ${username}`);
  const page = await (await browser.newContext()).newPage();
  await loginWithForm(page, cred.username, cred.password);
  return page;
}

async function asRole(browser: Browser, role: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, role);
  return page;
}

async function approveAll(page: Page, url: string) {
  await visit(page, url);
  for (const [item, label] of MANDATORY) {
    await page.locator(`#keputusan_${item}`).selectOption('disetujui');
    await submit(page, `Simpan reviu ${label}`);
    await expect(page.locator('.notice.success').first()).toContainText('Reviu tersimpan');
  }
}

test('a package goes from the PPK to the Pokja, is sent back once, approved by all and becomes a draft tender', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const planName = `Jalan Lakara ${stamp}`;

  // The PA announces a plan.
  const pa = await asRole(browser, 'PA');
  await visit(pa, '/kelola/rup/baru');
  await pa.locator('#namaPaket').fill(planName);
  await pa.locator('#pagu').fill('1.250.000.000');
  await pa.locator('#l0_program').fill('1.03.10');
  await pa.locator('#l0_kegiatan').fill('1.03.10.2.01');
  await pa.locator('#l0_sub').fill('1.03.10.2.01.0007');
  await pa.locator('#l0_mak').fill('5.2.04.01.01.0003');
  await pa.locator('#l0_pagu').fill('1.250.000.000');
  await pa.locator('#jenis').selectOption('pekerjaan_konstruksi');
  await pa.locator('#metode').selectOption('tender');
  await submit(pa, 'Simpan draf');
  await submit(pa, 'Umumkan');
  await expect(pa.locator('.notice.success')).toContainText('telah diumumkan');

  // The PPK builds the package: the plan, two HPS lines, the six mandatory documents; then submits it.
  const ppk = await asRole(browser, 'PPK');
  await visit(ppk, '/sulap');
  await visit(ppk, '/sulap/baru');
  await ppk.locator('#namaPaket').fill(`Paket ${planName}`);
  await ppk.getByLabel(new RegExp(planName)).check();
  await ppk.locator('#i0_uraian').fill('Lapis aspal beton AC-WC');
  await ppk.locator('#i0_volume').fill('500');
  await ppk.locator('#i0_satuan').fill('ton');
  await ppk.locator('#i0_harga').fill('1.450.000');
  await ppk.locator('#i1_uraian').fill('Galian tanah');
  await ppk.locator('#i1_volume').fill('1.200,5');
  await ppk.locator('#i1_satuan').fill('m3');
  await ppk.locator('#i1_harga').fill('95.000');
  await submit(ppk, 'Simpan paket');
  await expect(ppk.locator('main h1')).toHaveText(`Paket ${planName}`);
  // 500 × 1.450.000 + 1.200,5 × 95.000 = 725.000.000 + 114.047.500
  await expect(ppk.locator('main')).toContainText('Rp 839.047.500');
  const url = new URL(ppk.url()).pathname;
  for (const [item, label] of MANDATORY) {
    await ppk
      .locator(`#berkas_${item}`)
      .setInputFiles({ name: `${item}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await submit(ppk, `Unggah ${label}`);
    await expect(ppk.locator('.notice.success')).toContainText('versi 1 tersimpan');
  }
  await submit(ppk, 'Ajukan paket');
  await expect(ppk.locator('#status-paket')).toHaveText('Diajukan ke UKPBJ');

  // The Kepala UKPBJ assigns a Pokja of three by SK.
  const kepala = await asRole(browser, 'KEPALA_ULP');
  await visit(kepala, url);
  await kepala.locator('#anggota1').selectOption({ label: 'Irwan Tamrin (Pokja)' });
  await kepala.locator('#anggota2').selectOption({ label: 'Nurhayati Lakomba (Pokja)' });
  await kepala.locator('#anggota3').selectOption({ label: 'La Ode Sahidin (Pokja)' });
  await kepala.locator('#skNumber').fill(`027/${stamp % 1000}/PBJ/2026`);
  await kepala.locator('#skDate').fill('2026-03-02');
  await submit(kepala, 'Tugaskan');
  await expect(kepala.locator('#status-paket')).toHaveText('Reviu / kaji ulang');

  // One member sends the HPS back with a note.
  const pokja1 = await asPerson(browser, 'pokja1');
  await visit(pokja1, url);
  await pokja1.locator('#keputusan_hps').selectOption('revisi');
  await pokja1.locator('#catatan_hps').fill('Harga aspal di atas SSH 2026.');
  await submit(pokja1, 'Simpan reviu HPS beserta rinciannya');
  await expect(pokja1.locator('#dok-hps')).toContainText('Perlu revisi');

  // The PPK uploads a second version with an answer.
  await visit(ppk, url);
  await expect(ppk.locator('#dok-hps')).toContainText('Harga aspal di atas SSH 2026.');
  await ppk.locator('#berkas_hps').setInputFiles({ name: 'hps-v2.pdf', mimeType: 'application/pdf', buffer: PDF });
  await ppk.locator('#jawaban_hps').fill('Disesuaikan dengan SSH 2026.');
  await submit(ppk, 'Unggah versi baru HPS beserta rinciannya');
  await expect(ppk.locator('#dok-hps')).toContainText('Versi 2: hps-v2.pdf');
  await expect(ppk.locator('#dok-hps')).toContainText('Versi 1: hps.pdf');

  // Every member approves every mandatory document: the package becomes a draft tender.
  await approveAll(pokja1, url);
  await approveAll(await asPerson(browser, 'pokja2'), url);
  const pokja3 = await asPerson(browser, 'pokja3');
  await approveAll(pokja3, url);
  await expect(pokja3.locator('#status-paket')).toHaveText('Disetujui kolektif kolegial — draf tender');
  await expect(pokja3.locator('#draf-tender')).toContainText('menjadi draf tender');

  // The Admin Sistem is refused the documents (R14), with a page saying why.
  await visit(ppk, url);
  const href = await ppk.locator('#dok-hps a[href^="/sulap/berkas/"]').first().getAttribute('href');
  const admin = await asRole(browser, 'ADMIN_SISTEM');
  await visit(admin, href!, 403);
  await expect(admin.locator('main')).toContainText('bersifat rahasia');
  await expect(admin.locator('main')).toContainText('Pasal 29');
  await visit(admin, url, 403);
});
