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
