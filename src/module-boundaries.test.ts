import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { registry } from './registry.ts';

const SRC = path.resolve('src');
const files = readdirSync(SRC, { recursive: true })
  .map(String)
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('test-support') && !f.startsWith('test/'))
  .map((f) => path.join(SRC, f));

const moduleOf = (file: string) => /^modules\/([^/]+)\//.exec(path.relative(SRC, file))?.[1];

/** Every relative import of a file, resolved to a path under src/. */
function importsOf(file: string): { target: string; names: string }[] {
  const text = readFileSync(file, 'utf8');
  const out: { target: string; names: string }[] = [];
  for (const m of text.matchAll(/(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+'(\.[^']+)'/g)) {
    out.push({ target: path.resolve(path.dirname(file), m[3]!), names: m[2]! });
  }
  return out;
}

/**
 * Modules talk to each other through `index.ts` only. A module's tables (`*.schema.ts`) may be imported for foreign
 * keys and read joins; writes to another module's tables are caught by the next test.
 */
test('no module imports another module’s internal files (only index.ts and *.schema.ts)', () => {
  const offences: string[] = [];
  for (const file of files) {
    const own = moduleOf(file);
    for (const { target } of importsOf(file)) {
      const other = moduleOf(target);
      if (!other || other === own) continue;
      const rel = path.relative(path.join(SRC, 'modules', other), target);
      if (rel === 'index.ts' || rel.endsWith('.schema.ts')) continue;
      offences.push(`${path.relative(SRC, file)} → modules/${other}/${rel}`);
    }
  }
  assert.deepEqual(offences, []);
});

test('no module writes another module’s tables (the user lifecycle belongs to accounts)', () => {
  const offences: string[] = [];
  for (const file of files) {
    const own = moduleOf(file);
    if (!own) continue;
    const text = readFileSync(file, 'utf8');
    for (const { target, names } of importsOf(file)) {
      const other = moduleOf(target);
      if (!other || other === own || !target.endsWith('.schema.ts')) continue;
      for (const table of names
        .replace(/[{}]/g, '')
        .split(',')
        .map(
          (n) =>
            n
              .trim()
              .split(/\s+as\s+/)
              .pop()!,
        )) {
        if (table && new RegExp(`\\.(insert|update|delete)\\(${table}\\)`).test(text)) {
          offences.push(`${path.relative(SRC, file)} writes ${other}.${table}`);
        }
      }
    }
  }
  assert.deepEqual(offences, []);
});

test('the scan sees the modules (it would pass on nothing otherwise)', () => {
  const owners = new Set(files.map(moduleOf).filter(Boolean));
  for (const m of registry().modules) if (m.name !== 'platform') assert.ok(owners.has(m.name), m.name);
  assert.ok(files.length > 100, 'files.length > 100');
});

test('every table belongs to exactly one module', () => {
  // composeModules refuses a table owned twice; here: the known tables are all owned.
  const owned = registry().tables;
  for (const t of ['users', 'registrations', 'agencies', 'audit_events', 'documents', 'jobs', 'mail_outbox']) {
    assert.ok(owned.has(t), `table ${t} has no module`);
  }
});
