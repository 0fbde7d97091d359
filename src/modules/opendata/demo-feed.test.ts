import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { users } from '../accounts/accounts.schema.ts';
import { vendors } from '../registration/registration.schema.ts';
import { tenderQuestions, tenders } from '../tenders/tenders.schema.ts';
import { tenderSections } from './mappers/tender.ts';
import type { Release } from './merge.ts';

// biome-ignore lint/suspicious/noExplicitAny: reading JSON the schema has validated
type Loose = Record<string, any>;

import { emptyFields, ocdsValidators } from './ocds-validate.test-support.ts';

/**
 * Issue 13, done-when: the demo data, harvested from /api/v1/ocds/releases page by page as a harvester does, is all
 * valid OCDS 1.1.5 and tells at least one tender's whole story: planning → tender → award → contract → implementation.
 */
describe('open data of the demo: the whole feed validates and one tender is complete', () => {
  let t: TestApp;
  const validators = ocdsValidators();
  const withSanggah = ocdsValidators({ extensions: ['sanggah'] });
  const pages: { releases: Release[] }[] = [];
  before(async () => {
    t = await createTestApp();
    // Imported after the app: demo-data reaches the module list, which must load in its own order first.
    const { loadDemoData } = await import('../../demo/demo-data.ts');
    const log = console.log;
    console.log = () => {};
    try {
      await loadDemoData(t.db, t.config);
    } finally {
      console.log = log;
    }
    let url = '/api/v1/ocds/releases?limit=7';
    for (;;) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, res.body.slice(0, 500));
      const pkg = JSON.parse(res.body) as { releases: Release[]; links: { next: string } };
      if (pkg.releases.length === 0) break;
      pages.push(pkg);
      url = pkg.links.next.replace(t.config.baseUrl, '');
    }
  });
  after(() => t.close());

  test('every page is a release package with 0 schema errors, no empty field, no repeated release', () => {
    assert.ok(pages.length > 1, `several pages harvested (${pages.length})`);
    const ids = new Set<string>();
    for (const [i, pkg] of pages.entries()) {
      assert.deepEqual(validators.releasePackage(pkg), [], `page ${i}`);
      for (const r of pkg.releases) {
        assert.deepEqual(withSanggah.release(r), [], `${r.id}: core + the local sanggah extension`);
        assert.deepEqual(emptyFields(r), [], r.id);
        assert.ok(!ids.has(r.id), `release ${r.id} served once`);
        ids.add(r.id);
      }
    }
  });

  test('the demo tender in Masa Sanggah: its sanggah published (sanggah extension), its announced winner pending', () => {
    const withComplaint = pages
      .flatMap((p) => p.releases)
      // biome-ignore lint/suspicious/noExplicitAny: reading a JSON document the schema has just validated
      .filter((r: any) => r.tender?.complaints?.length) as any[];
    assert.ok(withComplaint.length >= 1, 'a release carries tender.complaints');
    const last = withComplaint[withComplaint.length - 1];
    assert.deepEqual(
      last.tender.complaints.map((c: { type: string; status: string }) => [c.type, c.status]),
      [['sanggah', 'pending']],
    );
    assert.deepEqual(
      last.awards.map((a: { status: string }) => a.status),
      ['pending'],
    );
  });

  test('a tender with planning, tender, award, contract and implementation releases, linked to its plan', () => {
    const all = pages.flatMap((p) => p.releases);
    const byOcid = new Map<string, Release[]>();
    for (const r of all) byOcid.set(r.ocid, [...(byOcid.get(r.ocid) ?? []), r]);
    const complete = [...byOcid.entries()].filter(([, rs]) => {
      const tags = new Set(rs.flatMap((r) => r.tag));
      return ['tender', 'award', 'contract', 'implementation'].every((x) => tags.has(x));
    });
    assert.ok(complete.length >= 1, `a tender from announcement to implementation (${[...byOcid.keys()].join(', ')})`);
    const [ocid, rs] = complete[0]!;
    // biome-ignore lint/suspicious/noExplicitAny: reading a JSON document the schema has just validated
    const last = rs[rs.length - 1] as any;
    const planOcids: string[] = last.relatedProcesses
      .filter((p: { relationship: string[] }) => p.relationship.includes('planning'))
      .map((p: { identifier: string }) => p.identifier);
    assert.ok(planOcids.length >= 1, `${ocid} points to its plan`);
    for (const p of planOcids) {
      const plan = byOcid.get(p) ?? [];
      assert.ok(
        plan.some((r) => r.tag.includes('planning')),
        `its plan ${p} has a planning release`,
      );
    }
    assert.ok(
      last.contracts[0].implementation.transactions.length >= 1,
      'the contract has payments in its implementation',
    );
    assert.ok(
      last.contracts[0].implementation.milestones.some((m: { id: string }) => m.id === 'pho'),
      'the PHO is a met milestone',
    );
  });

  test('bid extension: the tender of an announced winner publishes how many bids were opened, never who bid what', () => {
    const all = pages.flatMap((p) => p.releases) as Loose[];
    const withBids = all.filter((r) => r.bids?.statistics?.some((x: Loose) => x.measure === 'bids'));
    assert.ok(withBids.length >= 1, 'a release carries the number of bids');
    for (const r of withBids) {
      const n = r.bids.statistics.find((x: Loose) => x.measure === 'bids').value;
      assert.ok(n >= 1, `${r.id}: bids counted`);
      assert.equal(r.tender.numberOfTenderers, n, `${r.id}: numberOfTenderers`);
      assert.ok(!('details' in r.bids), `${r.id}: no bid details`);
    }
    for (const r of all.filter((x) => x.tag.includes('tender'))) {
      assert.ok(
        !r.bids?.statistics?.some((x: Loose) => x.measure === 'bids'),
        `${r.id}: no bid count at the announcement`,
      );
    }
  });

  test('enquiry extension: answered questions after Pemberian Penjelasan, without the asker', async () => {
    const [tender] = await t.db
      .select()
      .from(tenders)
      .where(eq(tenders.nama, 'Pembangunan Talud Pantai Munse (Tahap I)'));
    const [v] = await t.db
      .select({ id: vendors.id, userId: users.id, name: vendors.name })
      .from(vendors)
      .innerJoin(users, eq(users.id, vendors.userId))
      .where(eq(users.username, 'penyedia.bahari'));
    const pub = { prefix: t.config.ocdsPrefix, baseUrl: t.config.baseUrl };
    const before = await tenderSections(t.db, tender!.id, pub, new Date(0));
    const enquiryEnd = new Date(before!.body.tender.enquiryPeriod!.endDate);
    const at = new Date(enquiryEnd.getTime() - 3_600_000);
    await t.db.insert(tenderQuestions).values([
      {
        tenderId: tender!.id,
        vendorId: v!.id,
        askedBy: v!.userId,
        question: 'Apakah SBU BS001 diterima?',
        askedAt: at,
        answer: 'Ya, sesuai LDP.',
        answeredBy: v!.userId,
        answeredAt: at,
      },
      { tenderId: tender!.id, vendorId: v!.id, askedBy: v!.userId, question: 'Belum dijawab', askedAt: at },
    ]);
    const during = await tenderSections(t.db, tender!.id, pub, at);
    assert.equal(during!.body.tender.enquiries.length, 0, 'not public during the stage');
    const afterStage = await tenderSections(t.db, tender!.id, pub, enquiryEnd);
    const enquiries = afterStage!.body.tender.enquiries;
    assert.equal(enquiries.length, 1, 'only the answered question');
    assert.equal(enquiries[0]!.answer, 'Ya, sesuai LDP.');
    const text = JSON.stringify(enquiries);
    assert.ok(
      !text.includes(v!.id) && !text.includes(v!.userId) && !text.includes(String(v!.name)),
      'the asker is never named',
    );
    assert.deepEqual(
      validators.release({
        ocid: 'ocds-demo00-tender-1',
        id: 'x',
        date: enquiryEnd.toISOString(),
        tag: ['tenderUpdate'],
        initiationType: 'tender',
        ...afterStage!.body,
      }),
      [],
    );
  });

  test('red flags page: the indicators fired on published data, explained in Indonesian and English, no script', async () => {
    const { publishRelease } = await import('./publish.ts');
    const ocid = `${t.config.ocdsPrefix}-tender-77001`;
    await t.db.transaction((tx) =>
      publishRelease(
        tx,
        {
          ocid,
          tag: ['tenderUpdate'],
          date: new Date('2026-03-01T00:00:00Z'),
          body: { tender: { id: '77001', title: 'Beli ATK', numberOfTenderers: 1 } },
        },
        { auditSeq: null, action: 'test' },
      ),
    );
    const id = await t.app.inject({ method: 'GET', url: '/data-terbuka/indikator' });
    assert.equal(id.statusCode, 200);
    const row = id.body.slice(id.body.indexOf(ocid) - 600, id.body.indexOf(ocid) + 800);
    assert.ok(id.body.includes(ocid), 'the flagged process is listed');
    assert.ok(
      row.includes('Penawar tunggal') && row.includes('Nama paket terlalu pendek'),
      'with the indicators that fired',
    );
    assert.ok(
      !/<script/i.test(/<main[\s\S]*<\/main>/.exec(id.body)?.[0] ?? '<script'),
      'the content needs no JavaScript',
    );
    const en = await t.app.inject({ method: 'GET', url: '/data-terbuka/indikator', cookies: { lang: 'en' } });
    assert.ok(en.body.includes('Single bidder') && en.body.includes('What each indicator means'), 'in English too');

    // The flags are kept between requests, but never past a new release.
    const later = `${t.config.ocdsPrefix}-tender-77002`;
    await t.db.transaction((tx) =>
      publishRelease(
        tx,
        {
          ocid: later,
          tag: ['tenderUpdate'],
          date: new Date('2026-03-02T00:00:00Z'),
          body: { tender: { id: '77002', title: 'Beli ATK', numberOfTenderers: 1 } },
        },
        { auditSeq: null, action: 'test' },
      ),
    );
    const again = await t.app.inject({ method: 'GET', url: '/data-terbuka/indikator' });
    assert.ok(again.body.includes(later), 'a process published after the last view is assessed on the next one');
  });
});
