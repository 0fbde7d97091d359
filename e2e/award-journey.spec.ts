import type { Browser, Page } from '@playwright/test';
import { checkA11y, expect, loginWithForm, submit, test, visit } from './support/lpse.ts';
import { type RunningApp, startApp } from './support/server.ts';

/**
 * R12 "Done when": a pascakualifikasi tender from its opening to the BAST and the rating, in Chromium, on an instance
 * of its own whose clock the test moves (the stages follow the clock). The demo's tender `<year>80001` (Rehabilitasi
 * Jembatan Lantagi) starts in Evaluasi Penawaran with three bids opened through the evaluation module's
 * `recordOpenedBid` seam: Bahari (lowest), Munse (corrected above the HPS), Lantagi. From there everything is done
 * through the pages: the evaluation (Lantagi fails administrasi, Munse fails harga: above HPS), the pembuktian, the
 * approval by the three Pokja members, the penetapan, the pengumuman, a sanggah by Lantagi answered by the Pokja,
 * the hand-over to the PPK (the evaluation's job, once the masa sanggah is over), SPPBJ accepted by the winner, the
 * contract, an addendum, SPMK, BAP 100 %, BAST and the rating, shown on the winner's public SIKaP page.
 * Every page is scanned by axe-core.
 */
test.describe.configure({ mode: 'serial' });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let app: RunningApp;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  app = await startApp({ demo: true, clock: true });
});
test.afterAll(async () => {
  await app?.stop();
});

/** A fresh browser context signed in as a demo user of this instance (sessions may expire when the clock moves). */
async function as(browser: Browser, username: string): Promise<Page> {
  const cred = app.credentials.find((c) => c.username === username);
  if (!cred) throw new Error(`no demo user ${username}`);
  const page = await (await browser.newContext({ baseURL: app.baseUrl })).newPage();
  await loginWithForm(page, cred.username, cred.password);
  await expect(page).toHaveURL(/\/dasbor/);
  return page;
}

/** The server's "now" (system time + the test clock's offset). */
const serverNow = () => new Date(Date.now() + app.clockOffsetMs());
/** A WITA calendar day `days` after the server's today, as the date inputs take it. */
const witaDay = (days = 0) => new Date(serverNow().getTime() + 8 * HOUR + days * DAY).toISOString().slice(0, 10);
/** A WITA datetime-local value `ms` after the server's now. */
const witaLocal = (ms: number) => new Date(serverNow().getTime() + 8 * HOUR + ms).toISOString().slice(0, 16);

/** Is the stage named `name` marked current in the public schedule of the tender? (not a navigation: no scan) */
async function stageRuns(page: Page, kode: string, name: string): Promise<boolean> {
  const res = await page.request.get(`${app.baseUrl}/tender/${kode}?t=${Date.now()}`);
  const html = await res.text();
  return html.split('<tr').some((row) => row.includes('aria-current="step"') && row.includes(name));
}

/** Moves the server clock hour by hour until the stage runs (at most `maxDays`). */
async function moveUntilStage(page: Page, kode: string, name: string, maxDays = 21): Promise<void> {
  for (let h = 0; h < maxDays * 24; h++) {
    if (await stageRuns(page, kode, name)) return;
    app.moveClock(HOUR);
  }
  throw new Error(`stage ${name} never ran`);
}

/** Ticks every checklist item of one aspect of one bidder, or all but `failItem` with a reason, and saves. */
async function evaluateAspect(
  page: Page,
  overview: string,
  bidder: string,
  aspect: string,
  fail?: { item: string; note: string; reason: string },
): Promise<void> {
  const href = await page.locator('main li', { hasText: bidder }).locator(`a[href$="/${aspect}"]`).getAttribute('href');
  await visit(page, href!);
  for (const box of await page.locator('main input[type=checkbox][name^="ok_"]').all()) await box.check();
  if (fail) {
    await page.locator(`#ok_${fail.item}`).uncheck();
    await page.locator(`input[name=note_${fail.item}]`).fill(fail.note);
    await page.locator('textarea[name=reason]').fill(fail.reason);
  }
  await submit(page, 'Simpan hasil evaluasi');
  await expect(page).toHaveURL(new RegExp(`${overview}(\\?ok=.*)?$`));
}

test('a pascakualifikasi tender from its opening to the BAST and the rating on the vendor page', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const kode = `${serverNow().toISOString().slice(0, 4)}80001`;

  // 1. Evaluation by pokja1.
  const pokja1 = await as(browser, 'pokja1');
  await visit(pokja1, '/kelola/evaluasi');
  const link = pokja1.locator('main a', { hasText: 'Rehabilitasi Jembatan Lantagi' }).first();
  const overview = (await link.getAttribute('href'))!;
  expect(overview).toMatch(/^\/kelola\/tender\/[0-9a-f-]{36}\/evaluasi$/);
  await visit(pokja1, overview);
  const bahariHref = await pokja1
    .locator('main li', { hasText: 'Bahari Konstruksi Wawonii' })
    .locator('a[href$="/administrasi"]')
    .getAttribute('href');
  const bahariId = /evaluasi\/([0-9a-f-]{36})\//.exec(bahariHref!)![1]!;

  await evaluateAspect(pokja1, overview, 'Lantagi Sarana Teknik', 'administrasi', {
    item: 'jaminan_penawaran',
    note: 'Catatan internal Pokja: pindaian jaminan buram',
    reason: 'Masa berlaku jaminan penawaran 30 hari, dipersyaratkan 60 hari.',
  });
  for (const bidder of ['Bahari Konstruksi Wawonii', 'Munse Karya Utama'])
    for (const aspect of ['administrasi', 'kualifikasi', 'teknis', 'harga'])
      await evaluateAspect(pokja1, overview, bidder, aspect);
  const table = pokja1.locator('main table').first();
  await expect(table).toContainText('1.988.000.000'); // Munse's corrected price, above the HPS
  await expect(pokja1.locator('main')).toContainText('melebihi HPS');
  await expect(pokja1.locator('main')).toContainText('Masa berlaku jaminan penawaran 30 hari');

  // 2. Pembuktian kualifikasi of the candidate, Bahari.
  const proof = pokja1.locator('main section', { hasText: 'Bahari Konstruksi Wawonii' });
  await proof.locator('input[name=waktu]').fill(witaLocal(HOUR));
  await proof.locator('input[name=sampai]').fill(witaLocal(3 * HOUR));
  await proof.locator('input[name=tempat]').fill('Ruang Rapat Bagian PBJ, Kantor Bupati Konawe Kepulauan');
  await proof.locator('textarea[name=dibawa]').fill('Asli NIB, SBU, akta, kontrak pengalaman, SKK personel');
  await submit(pokja1, 'Undang pembuktian');
  await expect(pokja1.locator('main')).toContainText('Undangan pembuktian dikirim');
  const proofNow = pokja1.locator('main section', { hasText: 'Bahari Konstruksi Wawonii' });
  await proofNow.locator('input[name=hadir]').check();
  await proofNow.locator('input[name=lulus]').check();
  await submit(pokja1, 'Simpan hasil pembuktian');

  // 3. Kolektif kolegial: the three members approve the same version.
  await submit(pokja1, 'Setujui hasil evaluasi');
  for (const member of ['pokja2', 'pokja3']) {
    const p = await as(browser, member);
    await visit(p, overview);
    await submit(p, 'Setujui hasil evaluasi');
    await p.context().close();
  }
  await pokja1.context().close();

  // 4. Penetapan in its stage, then the pengumuman (public result page, masked NPWP).
  const probe = await (await browser.newContext()).newPage();
  await moveUntilStage(probe, kode, 'Penetapan Pemenang');
  const decider = await as(browser, 'pokja1');
  await visit(decider, overview);
  await submit(decider, 'Tetapkan pemenang');
  await expect(decider.locator('main')).toContainText('Bahari Konstruksi Wawonii');
  await decider.context().close();

  await moveUntilStage(probe, kode, 'Masa Sanggah');
  await visit(probe, `${app.baseUrl}/tender/${kode}/hasil`);
  const result = probe.locator('main');
  await expect(result).toContainText('Bahari Konstruksi Wawonii');
  await expect(result).toContainText('melebihi HPS');
  await expect(result).not.toContainText('093456789123000'); // Lantagi's NPWP, masked
  await expect(result).toContainText('Masa berlaku jaminan penawaran 30 hari'); // the fail reason is public
  await expect(result).not.toContainText('Catatan internal Pokja'); // the checklist notes are not

  // 5. A sanggah by a loser (Lantagi), answered by the Pokja.
  const lantagi = await as(browser, 'penyedia.lantagi');
  await visit(lantagi, `/tender/${kode}/sanggah`);
  await lantagi
    .locator('textarea[name=text]')
    .fill('Jaminan penawaran kami berlaku 60 hari sebagaimana tercantum pada halaman 2; mohon ditinjau kembali.');
  await submit(lantagi, 'Kirim sanggah');
  await expect(lantagi.locator('main')).toContainText('halaman 2');
  const answerer = await as(browser, 'pokja2');
  await visit(answerer, overview);
  await answerer.locator('main input[name=outcome][value=ditolak]').check();
  await answerer
    .locator('main textarea[name=answer]')
    .fill('Jaminan yang diunggah berlaku 30 hari sejak batas akhir penawaran; sanggah ditolak.');
  await submit(answerer, 'Kirim jawaban');
  await expect(answerer.locator('main')).toContainText('Jawaban sanggah disimpan');
  await answerer.context().close();
  await visit(lantagi, `/tender/${kode}/sanggah`);
  await expect(lantagi.locator('main')).toContainText('sanggah ditolak');
  await lantagi.context().close();

  // 6. The masa sanggah ends: the evaluation's job hands the winner over to the PPK.
  await moveUntilStage(probe, kode, 'Surat Penunjukan Penyedia Barang/Jasa');
  app.moveClock(4 * DAY); // past the Pokja's answer period too
  const ppk = await as(browser, 'ppk.pupr');
  let caseHref: string | null = null;
  for (let i = 0; i < 40 && !caseHref; i++) {
    const res = await ppk.request.get(`${app.baseUrl}/kelola/kontrak`);
    caseHref =
      /href="(\/kelola\/kontrak\/[0-9a-f-]{36})"[^>]*>[^<]*Rehabilitasi Jembatan Lantagi/.exec(await res.text())?.[1] ??
      null;
    if (!caseHref) await new Promise((r) => setTimeout(r, 1000));
  }
  expect(caseHref, 'the award reached the PPK').not.toBeNull();
  await visit(ppk, '/kelola/kontrak');
  await visit(ppk, caseHref!);

  // 7. SPPBJ, accepted by the winner.
  await ppk.locator('input[name=sppbj_nomor]').fill('027/SPPBJ/PUPR/E2E/001');
  await ppk.locator('input[name=sppbj_tanggal]').fill(witaDay());
  await ppk.locator('input[name=sppbj_nilai]').fill('1.874.500.500');
  await ppk.locator('input[name=sppbj_jaminanNilai]').fill('93.800.000');
  await ppk.locator('input[name=sppbj_jaminanPenerbit]').fill('Bank Sultra Cabang Langara');
  await ppk.locator('input[name=sppbj_jaminanBerlakuSampai]').fill(witaDay(200));
  await submit(ppk, 'Terbitkan SPPBJ');
  await expect(ppk.locator('main .error-summary, main [role=alert]')).toHaveCount(0);

  const bahari = await as(browser, 'penyedia.bahari');
  await visit(bahari, '/kontrak-saya');
  const mine = (await bahari
    .locator('main table a', { hasText: 'Rehabilitasi Jembatan Lantagi' })
    .getAttribute('href'))!;
  await visit(bahari, mine);
  await submit(bahari, 'Terima SPPBJ');

  // 8. Contract, addendum (+4 %), SPMK, BAP 100 %, BAST, rating.
  await visit(ppk, caseHref!);
  await ppk.locator('input[name=kontrak_nomor]').fill('027/KONTRAK/PUPR/E2E/001');
  await ppk.locator('select[name=kontrak_jenisKontrak]').selectOption('harga_satuan');
  await ppk.locator('input[name=kontrak_nilai]').fill('1.874.500.500');
  await ppk.locator('input[name=kontrak_tanggal]').fill(witaDay());
  await ppk.locator('input[name=kontrak_mulai]').fill(witaDay());
  await ppk.locator('input[name=kontrak_selesai]').fill(witaDay(90));
  await ppk.locator('input[name=kontrak_ppkNama]').fill('Ir. La Ode Muh. Ikbal');
  await ppk.locator('input[name=kontrak_penyediaNama]').fill('La Ode Hasan');
  await ppk.locator('input[name=kontrak_penyediaJabatan]').fill('Direktur');
  await submit(ppk, 'Catat kontrak');
  await ppk.locator('input[name=adendum_nomor]').fill('027/ADD-1/PUPR/E2E/001');
  await ppk.locator('input[name=adendum_tanggal]').fill(witaDay(10));
  await ppk.locator('textarea[name=adendum_alasan]').fill('Penambahan volume galian pada oprit jembatan sisi utara.');
  await ppk.locator('input[name=adendum_nilaiBaru]').fill('1.950.000.000');
  await submit(ppk, 'Catat adendum');
  await expect(ppk.locator('main')).toContainText('Penambahan volume galian');
  await ppk.locator('input[name=spmk_nomor]').fill('027/SPMK/PUPR/E2E/001');
  await ppk.locator('input[name=spmk_tanggal]').fill(witaDay(1));
  await ppk.locator('input[name=spmk_mulaiKerja]').fill(witaDay(1));
  await submit(ppk, 'Terbitkan SPMK');
  await ppk.locator('input[name=bap_nomor]').fill('027/BAP/PUPR/E2E/001');
  await ppk.locator('input[name=bap_tanggal]').fill(witaDay(60));
  await ppk.locator('input[name=bap_fisik]').fill('100');
  await ppk.locator('input[name=bap_pembayaran]').fill('1.852.500.000');
  await submit(ppk, 'Catat BAP');
  await ppk.locator('input[name=bast_nomor]').fill('027/BAST-PHO/PUPR/E2E/001');
  await ppk.locator('input[name=bast_phoDate]').fill(witaDay(61));
  await submit(ppk, 'Catat BAST');
  for (const [k, v] of [
    ['kualitas', '3'],
    ['biaya', '2'],
    ['waktu', '3'],
    ['layanan', '2'],
  ] as const)
    await ppk.locator(`select[name=nilai_${k}]`).selectOption(v);
  await submit(ppk, 'Simpan penilaian');
  await expect(ppk.locator('main')).toContainText('2,60');
  await checkA11y(ppk);

  // 9. The rating on the winner's public page.
  await visit(probe, `${app.baseUrl}/penyedia/${bahariId}`);
  await expect(probe.locator('main')).toContainText('2,60');
  await bahari.context().close();
  await ppk.context().close();
  await probe.context().close();
});
