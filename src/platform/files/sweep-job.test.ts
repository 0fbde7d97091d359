import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
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
  // The file's age is the file system's: the blob is made 12 hours old, then two days old, on the disk.
  const age = async (ms: number) => {
    const when = new Date(Date.now() - ms);
    for (const f of await fs.readdir(path.join(t.config.dataDir, 'files'), { recursive: true }))
      await fs.utimes(path.join(t.config.dataDir, 'files', f), when, when);
  };
  t.clock.set(new Date(Date.now() + 60_000));
  await age(DAY / 2);
  await t.jobs.runDue();
  assert.ok(await t.files.exists(blob), 'a blob younger than a day is kept: its form may still be submitting');
  // A clock moved days ahead (a browser test's) does not make that blob old: file ages are the file system's.
  t.clock.advance(2 * DAY);
  await t.jobs.runDue();
  assert.ok(await t.files.exists(blob), 'a clock moved ahead does not age the file');
  await age(2 * DAY);
  t.clock.advance(2 * DAY);
  await t.jobs.runDue();
  assert.equal(await t.files.exists(blob), false, 'a blob two days old on the disk is removed');
});
