import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/agent.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { announce, buildAgencyWithPa, bulkInsertPlans, createDraft, signIn } from './rup.test-support.ts';

describe('public plans: filters, totals, CSV, API, and 10,000 plans', () => {
  let t: TestApp;
  let anon: Agent;
  let codes: { jalan: number; atk: number; konsul: number };
  before(async () => {
    t = await createTestApp();
    anon = new Agent(t.app);
    const pupr = await buildAgencyWithPa(t, { code: 'PUPRX', name: 'Dinas PUPR Uji' });
    const dinkes = await buildAgencyWithPa(t, { code: 'DINKESX', name: 'Dinas Kesehatan Uji' });
    const a = await signIn(t, pupr.pa.username);
    const b = await signIn(t, dinkes.pa.username);
    const jalan = await createDraft(a, pupr.agency.id, { namaPaket: 'Jalan Filter' });
    const atk = await createDraft(b, dinkes.agency.id, {
      namaPaket: '=HYPERLINK("http://jahat")',
      pagu: '150.000.000',
      metode: 'pengadaan_langsung',
      jenis: 'barang',
      l0_pagu: '150.000.000',
      l1_program: '',
      l1_kegiatan: '',
      l1_sub: '',
      l1_mak: '',
      l1_pagu: '',
    });
    const konsul = await createDraft(a, pupr.agency.id, {
      namaPaket: 'Konsultan Filter',
      tahunAnggaran: '2027',
      metode: 'seleksi',
      jenis: 'jasa_konsultansi',
    });
    for (const [agent, k] of [
      [a, jalan],
      [b, atk],
      [a, konsul],
    ] as const)
      await announce(agent, k);
    codes = { jalan, atk, konsul };
  });
  after(() => t.close());

  test('filters by year, agency, method, category, pagu range and text; totals per agency', async () => {
    const names = async (qs: string) => {
      const r = await anon.get(`/rup?${qs}`);
      assert.equal(r.statusCode, 200);
      return ['Jalan Filter', 'HYPERLINK', 'Konsultan Filter'].filter((n) => r.body.includes(n));
    };
    assert.deepEqual(await names(''), ['Jalan Filter', 'HYPERLINK', 'Konsultan Filter']);
    assert.deepEqual(await names('tahun=2027'), ['Konsultan Filter']);
    assert.deepEqual(await names('agency=DINKESX'), ['HYPERLINK']);
    assert.deepEqual(await names('metode=seleksi'), ['Konsultan Filter']);
    assert.deepEqual(await names('jenis=barang'), ['HYPERLINK']);
    assert.deepEqual(await names('paguMin=200.000.000'), ['Jalan Filter', 'Konsultan Filter']);
    assert.deepEqual(await names('paguMax=Rp+150.000.000'), ['HYPERLINK']);
    assert.deepEqual(await names(`q=${codes.jalan}`), ['Jalan Filter']);
    assert.deepEqual(await names('q=konsultan'), ['Konsultan Filter']);
    // Unreadable filters are dropped, never an error.
    const odd = await anon.get('/rup?paguMin=satu+juta&tahun=abcd&page=-3&metode=apa');
    assert.equal(odd.statusCode, 200);
    assert.match(odd.body, /Batas pagu tidak dapat dibaca/);
    const totals = await anon.get('/rup?tahun=2026');
    assert.match(totals.body, /Jumlah per perangkat daerah/);
    assert.match(
      totals.body,
      /<th scope="row">Dinas PUPR Uji<\/th><td class="num">1<\/td><td class="num">Rp 1\.250\.000\.000/,
    );
    assert.match(totals.body, /<caption>/);
    const en = await anon.get('/rup', { cookie: 'lang=en' });
    assert.equal(en.statusCode, 200);
  });

  test('the CSV download holds the filtered list with formulas neutralised', async () => {
    const r = await anon.get('/rup.csv?agency=DINKESX');
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /text\/csv/);
    assert.match(String(r.headers['content-disposition']), /attachment/);
    const lines = r.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^kd_rup,nama_paket,tahun_anggaran/);
    assert.match(lines[1]!, new RegExp(`^${codes.atk},"'=HYPERLINK\\(""http://jahat""\\)",2026`));
    assert.match(lines[1]!, /,150000000,/);
  });

  test('the API lists and shows announced plans, with zod schemas in the OpenAPI document', async () => {
    const list = await anon.get('/api/v1/rup?metode=seleksi&pageSize=10');
    assert.equal(list.statusCode, 200);
    const body = JSON.parse(list.body);
    assert.equal(body.total, 1);
    assert.equal(body.data[0].kd_rup, codes.konsul);
    assert.equal(body.data[0].pagu, '1250000000');
    const one = JSON.parse((await anon.get(`/api/v1/rup/${codes.jalan}`)).body);
    assert.equal(one.anggaran.length, 2);
    assert.equal(one.anggaran[1].pagu, '250000000');
    assert.equal((await anon.get('/api/v1/rup/123')).statusCode, 404);
    assert.equal((await anon.get('/api/v1/rup/abc')).statusCode, 404);
    assert.equal((await anon.get('/api/v1/rup?pageSize=1000')).statusCode, 400);
    const openapi = JSON.parse((await anon.get('/api/v1/openapi.json')).body);
    assert.ok(openapi.paths['/api/v1/rup'], "openapi.paths['/api/v1/rup']");
    assert.ok(openapi.paths['/api/v1/rup/{kode}'], "openapi.paths['/api/v1/rup/{kode}']");
  });

  test('with 10,000 plans the public list answers, paged and filtered', async () => {
    const extra = await buildAgencyWithPa(t, { code: 'MASSAL', name: 'Dinas Massal' });
    const extra2 = await buildAgencyWithPa(t, { code: 'MASSAL2', name: 'Dinas Massal Dua' });
    await bulkInsertPlans(t, [extra.agency.id, extra2.agency.id], 10_000);
    const t0 = performance.now();
    const first = await anon.get('/rup');
    const ms = performance.now() - t0;
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /dari 400 \(10003 paket\)/, 'paging is capped at 400 pages');
    assert.ok(ms < 5000, `first page in ${Math.round(ms)} ms`);
    const filtered = await anon.get('/rup?agency=MASSAL2&metode=tender_cepat&tahun=2026&page=3');
    assert.equal(filtered.statusCode, 200);
    assert.match(filtered.body, /halaman 3 dari \d+ \(\d+ paket\)/);
    const api = JSON.parse((await anon.get('/api/v1/rup?agency=MASSAL&page=400&pageSize=10')).body);
    assert.equal(api.total, 5000);
    assert.equal(api.data.length, 10);
    const csv = await anon.get('/rup.csv?agency=MASSAL');
    assert.equal(csv.body.trim().split('\r\n').length, 5001);
  });
});
