import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { accessMatrixMarkdown } from './permissions.ts';

test('docs/ACCESS.md is the access matrix generated from the declarations (run `npx lpse permissions > docs/ACCESS.md`)', () => {
  assert.equal(readFileSync('docs/ACCESS.md', 'utf8'), accessMatrixMarkdown());
});

test('the matrix lists every declared permission with its roles', () => {
  const md = accessMatrixMarkdown();
  assert.match(md, /\| `users:manage` \| accounts \| global \|/);
  assert.match(md, /\| `audit:read` \|/);
});
