import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { startTestSmtp, type TestSmtp } from '../../test/smtp.ts';
import { registrationDocuments } from './registration.schema.ts';
import { submittedVendor } from './registration.test-support.ts';

const tab = (body: string, label: string) =>
  new RegExp(
    `<a href="/verifikasi\\?status=[a-z_]+"( aria-current="page")?>${label} <span class="count">(\\d+)</span>`,
  ).exec(body);

describe('verification queue filters (R33): counts, the current filter, and where an item moved', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ smtpUrl: smtp.url });
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test('each filter shows its count, the chosen one is marked, and a ticked registration says where it went', async () => {
    const { reg } = await submittedVendor(t, smtp);
    const verifier = await buildUser(t, { roles: ['VERIFIKATOR'] });
    const v = new Agent(t.app);
    await v.login(verifier.username);

    const queue = await v.get('/verifikasi');
    assert.equal(tab(queue.body, 'Baru')?.[1], ' aria-current="page"');
    assert.equal(tab(queue.body, 'Baru')?.[2], '1');
    assert.equal(tab(queue.body, 'Menunggu dokumen asli')?.[1], undefined);
    assert.equal(tab(queue.body, 'Menunggu dokumen asli')?.[2], '0');

    await v.get(`/verifikasi/${reg.id}`);
    const [doc] = await t.db
      .select()
      .from(registrationDocuments)
      .where(and(eq(registrationDocuments.registrationId, reg.id), eq(registrationDocuments.current, true)));
    const saved = await v.post(`/verifikasi/${reg.id}/asli`, { asli: doc!.id });
    assert.equal(saved.statusCode, 303);
    const detail = await v.get(String(saved.headers.location));
    assert.match(detail.body, /Pendaftaran ini sekarang ada di saringan “Menunggu dokumen asli”/);

    const after = await v.get('/verifikasi?status=menunggu_asli');
    assert.equal(tab(after.body, 'Baru')?.[2], '0');
    assert.equal(tab(after.body, 'Menunggu dokumen asli')?.[1], ' aria-current="page"');
    assert.equal(tab(after.body, 'Menunggu dokumen asli')?.[2], '1');
  });
});
