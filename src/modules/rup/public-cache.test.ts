import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent } from '../../test/agent.ts';
import { createTestApp } from '../../test/harness.ts';
import { announce, buildAgencyWithPa, createDraft, signIn } from './rup.test-support.ts';

const totalOf = (body: string, agencyName: string) =>
  new RegExp(`<th scope="row">${agencyName}</th><td class="num">(\\d+)</td>`).exec(body)?.[1];

test('the public totals are cached, yet an announcement shows at once on the plans page', async (tc) => {
  const t = await createTestApp();
  tc.after(() => t.close());
  const { agency, pa } = await buildAgencyWithPa(t, { code: 'CACHE', name: 'Dinas Tembolok' });
  const a = await signIn(t, pa.username);
  const first = await createDraft(a, agency.id, { namaPaket: 'Paket Pertama' });
  await announce(a, first);
  const anon = new Agent(t.app);
  const before = await anon.get('/rup');
  assert.match(before.body, /Paket Pertama/);
  assert.equal(totalOf(before.body, 'Dinas Tembolok'), '1');

  const second = await createDraft(a, agency.id, { namaPaket: 'Paket Kedua' });
  await announce(a, second);
  const after = await anon.get('/rup');
  assert.match(after.body, /Paket Kedua/);
  assert.equal(totalOf(after.body, 'Dinas Tembolok'), '2');
});

test('the home page lists the newest announced plans at once, with a link to all plans', async (tc) => {
  const t = await createTestApp();
  tc.after(() => t.close());
  const { agency, pa } = await buildAgencyWithPa(t, { code: 'BERANDA', name: 'Dinas Beranda' });
  const a = await signIn(t, pa.username);
  const anon = new Agent(t.app);
  assert.match((await anon.get('/')).body, /Belum ada RUP yang diumumkan/);
  const kode = await createDraft(a, agency.id, { namaPaket: 'Paket Di Beranda' });
  assert.doesNotMatch((await anon.get('/')).body, /Paket Di Beranda/, 'a draft is not public');
  await announce(a, kode);
  const home = await anon.get('/');
  assert.match(home.body, new RegExp(`<a href="/rup/${kode}">Paket Di Beranda</a>`));
  assert.match(home.body, /Dinas Beranda · Rp /);
  assert.match(home.body, /href="\/rup">Lihat semua rencana pengadaan/);
});

test('the PA’s dashboard counts the agency’s draft plans with the oldest age; other agencies’ drafts do not count', async (tc) => {
  const t = await createTestApp();
  tc.after(() => t.close());
  const mine = await buildAgencyWithPa(t, { code: 'DASBOR', name: 'Dinas Dasbor' });
  const other = await buildAgencyWithPa(t, { code: 'LAIN', name: 'Dinas Lain' });
  const a = await signIn(t, mine.pa.username);
  const b = await signIn(t, other.pa.username);
  assert.match((await a.get('/dasbor')).body, /Tidak ada rencana pengadaan yang masih draf/);
  await createDraft(a, mine.agency.id, { namaPaket: 'Draf Satu' });
  await createDraft(b, other.agency.id, { namaPaket: 'Draf Lain' });
  t.clock.advance(3 * 24 * 3_600_000);
  const later = await signIn(t, mine.pa.username); // sessions idle out after 8 hours
  await createDraft(later, mine.agency.id, { namaPaket: 'Draf Dua' });
  const page = await later.get('/dasbor');
  assert.match(page.body, /2 rencana pengadaan masih draf dan belum diumumkan, tertua 3 hari/);
});
