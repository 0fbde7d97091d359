import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { PDF, postMultipart, type TestFile } from '../../test/multipart.ts';

describe('Tim LPSE decree and org chart (R20), uploads checked by magic bytes', () => {
  let t: TestApp;
  let kepala: Agent;
  before(async () => {
    t = await createTestApp();
    const u = await buildUser(t, { roles: ['KEPALA_LPSE'] });
    kepala = new Agent(t.app);
    await kepala.login(u.username);
    await kepala.get('/tim-lpse');
  });
  after(() => t.close());

  const upload = (fields: Record<string, string>, file?: TestFile) =>
    postMultipart(kepala, '/tim-lpse/sk', fields, file ? { file } : {});

  test('a file that is not a PDF is refused with 415 and the typed values are kept', async () => {
    const r = await upload(
      { number: '188.45/1/2026', decreeDate: '2026-01-05' },
      { name: 'sk.pdf', data: Buffer.from('MZ this is an exe, renamed') },
    );
    assert.equal(r.statusCode, 415);
    assert.match(r.body, /Jenis berkas tidak diizinkan/);
    assert.match(r.body, /value="188.45\/1\/2026"/);
  });

  test('a file above the class limit is refused with 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024, 32)]);
    const r = await upload({ number: '188.45/1/2026', decreeDate: '2026-01-05' }, { name: 'sk.pdf', data: big });
    assert.equal(r.statusCode, 413);
    assert.match(r.body, /terlalu besar/);
  });

  test('a bad date and a missing file are shown in the error summary', async () => {
    const r = await upload({ number: '', decreeDate: '2026-02-31' });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /href="#number"/);
    assert.match(r.body, /href="#decreeDate"/);
    assert.match(r.body, /href="#file"/);
  });

  test('a real PDF is stored by its SHA-256, shown on the public org chart, and downloadable', async () => {
    const r = await upload(
      { number: '188.45/123/2026', decreeDate: '2026-01-05' },
      { name: 'SK Tim LPSE.pdf', data: PDF },
    );
    assert.equal(r.statusCode, 303);
    const chart = await new Agent(t.app).get('/tim-lpse');
    assert.match(chart.body, /188\.45\/123\/2026/);
    assert.match(chart.body, /5 Januari 2026/);
    const link = /href="(\/berkas\/[^"?]+)/.exec(chart.body)![1]!;
    const file = await new Agent(t.app).get(link);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.equal(file.rawPayload.compare(PDF), 0);
  });

  test('people without the permission cannot record a decree', async () => {
    const ppk = await buildUser(t, { roles: ['HELPDESK'] });
    const a = new Agent(t.app);
    await a.login(ppk.username);
    await a.get('/tim-lpse');
    const r = await postMultipart(
      a,
      '/tim-lpse/sk',
      { number: '1', decreeDate: '2026-01-01' },
      { file: { name: 'sk.pdf', data: PDF } },
    );
    assert.equal(r.statusCode, 403);
  });
});
