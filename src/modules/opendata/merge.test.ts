import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { compileReleases, ocdsMergeRules, type Release, versionReleases } from './merge.ts';

const r1: Release = {
  ocid: 'ocds-demo00-tender-1',
  id: 'ocds-demo00-tender-1-1',
  date: '2026-03-02T00:00:00.000Z',
  tag: ['tender'],
  initiationType: 'tender',
  tender: {
    id: '1',
    title: 'Jalan Lantagi',
    status: 'active',
    submissionMethod: ['electronicSubmission', 'written'],
    tenderPeriod: { startDate: '2026-03-03T00:00:00.000Z', endDate: '2026-03-10T00:00:00.000Z' },
    documents: [
      { id: 'd1', title: 'Dokumen Pemilihan', url: 'https://lpse.example/berkas/d1' },
      { id: 'd2', title: 'Gambar', url: 'https://lpse.example/berkas/d2' },
    ],
    items: [
      {
        id: 'i1',
        description: 'Aspal',
        additionalClassifications: [
          { scheme: 'KBKI', id: '53211' },
          { scheme: 'KBLI', id: '42101' },
        ],
      },
    ],
  },
};

const r2: Release = {
  ocid: 'ocds-demo00-tender-1',
  id: 'ocds-demo00-tender-1-2',
  date: '2026-03-05T00:00:00.000Z',
  tag: ['tenderAmendment'],
  initiationType: 'tender',
  tender: {
    id: '1',
    title: 'Jalan Lantagi',
    submissionMethod: ['electronicSubmission'],
    tenderPeriod: { startDate: '2026-03-03T00:00:00.000Z', endDate: '2026-03-12T00:00:00.000Z' },
    // d1 changed, d3 added, d2 not repeated (identifier merge keeps it).
    documents: [
      { id: 'd1', title: 'Dokumen Pemilihan (Adendum 1)' },
      { id: 'd3', title: 'Adendum 1', url: 'https://lpse.example/berkas/d3' },
    ],
    items: [{ id: 'i1', additionalClassifications: [{ scheme: 'KBLI', id: '42102' }] }],
    amendments: [{ id: 'a1', rationale: 'Jadwal diperpanjang' }],
  },
};

describe('OCDS merging (R02, merging.md)', () => {
  test('the rules come from the release schema: omitWhenMerged, wholeListMerge, versionId', () => {
    const rules = ocdsMergeRules();
    assert.deepEqual([...rules.omitWhenMerged].sort(), ['date', 'id', 'tag']);
    assert.ok(rules.wholeListMerge.has('tender.items.additionalClassifications'));
    assert.ok(rules.wholeListMerge.has('parties.additionalIdentifiers'));
    assert.ok(rules.versionId.has('tender.id'));
  });

  test('compiled: identifier merge of arrays of objects with ids, fields replaced, release fields omitted', () => {
    const c = compileReleases([r1, r2]);
    const tender = c.tender as Record<string, unknown>;
    assert.equal(c.ocid, r1.ocid);
    assert.deepEqual(c.tag, ['compiled']);
    assert.equal(c.date, r2.date);
    assert.equal(c.id, `${r1.ocid}-compiled`);
    assert.equal(tender.status, 'active', 'kept from the first release');
    assert.deepEqual(tender.tenderPeriod, {
      startDate: '2026-03-03T00:00:00.000Z',
      endDate: '2026-03-12T00:00:00.000Z',
    });
    assert.deepEqual(tender.documents, [
      { id: 'd1', title: 'Dokumen Pemilihan (Adendum 1)', url: 'https://lpse.example/berkas/d1' },
      { id: 'd2', title: 'Gambar', url: 'https://lpse.example/berkas/d2' },
      { id: 'd3', title: 'Adendum 1', url: 'https://lpse.example/berkas/d3' },
    ]);
    assert.deepEqual(tender.amendments, [{ id: 'a1', rationale: 'Jadwal diperpanjang' }]);
  });

  test('compiled: wholeListMerge and arrays of strings are replaced, never merged', () => {
    const tender = compileReleases([r1, r2]).tender as Record<string, unknown>;
    assert.deepEqual(tender.submissionMethod, ['electronicSubmission']);
    const items = tender.items as Record<string, unknown>[];
    assert.deepEqual(items, [
      { id: 'i1', description: 'Aspal', additionalClassifications: [{ scheme: 'KBLI', id: '42102' }] },
    ]);
  });

  test('compiled: null removes a field; a single release compiles to itself minus id/date/tag', () => {
    const r3: Release = { ...r2, id: `${r1.ocid}-3`, tag: ['tenderUpdate'], tender: { id: '1', title: null } };
    const tender = compileReleases([r1, r2, r3]).tender as Record<string, unknown>;
    assert.equal('title' in tender, false);
    const one = compileReleases([r1]);
    const { id: _i, date: _d, tag: _t, ...rest } = r1;
    const { id: _ci, date: _cd, tag: _ct, ...compiledRest } = one;
    assert.deepEqual(compiledRest, rest);
  });

  test('versioned: a field lists each change with its release; unchanged values add no version', () => {
    const v = versionReleases([r1, r2]);
    assert.equal(v.ocid, r1.ocid, 'ocid is not versioned');
    assert.equal('id' in v, false);
    const tender = v.tender as Record<string, unknown>;
    assert.deepEqual(tender.title, [
      { releaseID: r1.id, releaseDate: r1.date, releaseTag: ['tender'], value: 'Jalan Lantagi' },
    ]);
    const end = (tender.tenderPeriod as Record<string, unknown>).endDate as { releaseID: string; value: string }[];
    assert.deepEqual(
      end.map((e) => [e.releaseID, e.value]),
      [
        [r1.id, '2026-03-10T00:00:00.000Z'],
        [r2.id, '2026-03-12T00:00:00.000Z'],
      ],
    );
    assert.equal((tender.id as unknown[]).length, 1, 'tender.id is versioned (versionId)');
    const docs = tender.documents as Record<string, unknown>[];
    assert.equal(docs[0]!.id, 'd1', 'the id of an array item is plain');
    assert.equal((docs[0]!.title as unknown[]).length, 2);
    const items = tender.items as Record<string, unknown>[];
    const classes = items[0]!.additionalClassifications as { value: unknown }[];
    assert.equal(classes.length, 2, 'a whole list is one versioned value');
    assert.deepEqual(classes[1]!.value, [{ scheme: 'KBLI', id: '42102' }]);
  });
});

test('the shipped schemas are the official OCDS 1.1.5 ones (../shared/ocds, when present)', (t) => {
  const shared = new URL('../../../../shared/ocds/', import.meta.url);
  if (!existsSync(shared)) return t.skip('no ../shared/ocds beside the worktree');
  for (const name of [
    'release-schema.json',
    'release-package-schema.json',
    'record-package-schema.json',
    'versioned-release-validation-schema.json',
  ]) {
    const ours = JSON.parse(readFileSync(new URL(`./ocds-1.1.5/${name}`, import.meta.url), 'utf8'));
    assert.deepEqual(ours, JSON.parse(readFileSync(new URL(name, shared), 'utf8')), name);
  }
});
