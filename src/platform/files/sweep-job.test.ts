import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { createTestApp } from '../../test/harness.ts';
import { DAY } from '../clock.ts';

const PDF = Buffer.from('%PDF-1.4\n% yatim\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

test('the nightly job removes a blob that no document references (a refused upload), and keeps it within a day', async (tc) => {
  const t = await createTestApp();
  tc.after(() => t.close());
  const blob = await t.files.put(Readable.from(PDF), { maxBytes: 1024 * 1024, allowedMimes: ['application/pdf'] });
  assert.ok(await t.files.exists(blob), 'await t.files.exists(blob)');
  // The file's age is the real file system's; put the job's clock just after it, then two days on.
  t.clock.set(new Date(Date.now() + 60_000));
  await t.jobs.runDue();
  for (let h = 0; h < 12; h++) {
    t.clock.advance(DAY / 24);
    await t.jobs.runDue();
  }
  assert.ok(await t.files.exists(blob), 'a blob younger than a day is kept: its form may still be submitting');
  t.clock.advance(2 * DAY);
  await t.jobs.runDue();
  assert.equal(await t.files.exists(blob), false);
});
