import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/permissions.ts';
import { documents } from '../../platform/files/files.schema.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { auditContext } from '../../platform/http/context.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { Agent } from '../../test/agent.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { announcePlan } from '../rup/commands/announce-plan.ts';
import { revisePlans } from '../rup/commands/revise-plans.ts';
import { rupPlans } from '../rup/rup.schema.ts';
import { createDraft } from '../rup/rup.test-support.ts';
import { checklistFor } from '../sulap/checklist.ts';
import { buildSulapWorld, packageInReview, review, type SulapWorld, signIn } from '../sulap/sulap.test-support.ts';
import { changeSchedule } from '../tenders/commands/schedule.ts';
import { loadSchedule } from '../tenders/tenders.repository.ts';
import { tenderDocuments, tenders } from '../tenders/tenders.schema.ts';
import { approveAll } from '../tenders/tenders.test-support.ts';
import { compileReleases, type Release, versionReleases } from './merge.ts';
import { emptyFields, ocdsValidators } from './ocds-validate.test-support.ts';
import { ocdsReleases } from './opendata.schema.ts';

// biome-ignore lint/suspicious/noExplicitAny: releases are read field by field
type Loose = Record<string, any>;

const PREFIX = 'ocds-k0nk3p';
const validators = ocdsValidators();

const form = {
  bundleId: 'tender-pascakualifikasi-1-file',
  kualifikasiUsaha: 'kecil',
  jenisKontrak: 'harga_satuan',
  lokasi: 'Desa Lantagi',
  izinUsaha: 'NIB/SBU Pekerjaan Konstruksi',
  kbli: '42101',
  pengalaman: '',
  tenagaAhli: '',
  peralatan: '',
  startDate: '2026-03-02',
};

describe('open data: OCDS releases written with the change (R02)', () => {
  let t: TestApp;
  let w: SulapWorld;
  let tenderId: string;
  let kode: string;
  let anon: Agent;

  const ctxAs = (actor: Actor): Ctx => ({
    db: t.db,
    clock: t.clock,
    config: t.config,
    files: t.files,
    actor,
    requestId: null,
    locale: 'id',
    t: translator('id'),
  });
  const paCtx = () =>
    ctxAs({
      userId: w.pa.id,
      username: w.pa.username,
      name: w.pa.name,
      email: w.pa.email,
      roles: [{ role: 'PA', agencyId: w.agency.id }],
      sessionId: 'x',
    });

  /** Every release stored, oldest first, parsed. */
  const stored = async () =>
    (await t.db.select().from(ocdsReleases).orderBy(ocdsReleases.seq)).map((r) => JSON.parse(r.json) as Release);

  /** Harvests the feed page by page from the start, as a harvester does. */
  async function harvest(limit = 3) {
    const got: Release[] = [];
    let url = `/api/v1/ocds/releases?limit=${limit}`;
    for (;;) {
      const res = await anon.get(url);
      assert.equal(res.statusCode, 200);
      const pkg = JSON.parse(res.body) as { releases: Release[]; links: { next: string } };
      if (pkg.releases.length === 0) return got;
      assert.deepEqual(validators.releasePackage(pkg), [], 'every page validates');
      got.push(...pkg.releases);
      url = pkg.links.next.replace(t.config.baseUrl, '');
    }
  }

  before(async () => {
    t = await createTestApp({ env: { OCDS_PREFIX: PREFIX } });
    w = await buildSulapWorld(t);
    const r = await packageInReview(t, w);
    const members: Agent[] = [];
    for (const m of w.pokja.slice(0, 3)) {
      const a = await signIn(t, m.username);
      for (const c of checklistFor('pekerjaan_konstruksi', 'tender').filter((x) => x.mandatory)) {
        assert.equal((await review(a, r.id, c.item, 'disetujui')).statusCode, 303);
      }
      members.push(a);
    }
    const res = await members[0]!.post(`/kelola/tender/baru/${r.id}`, form);
    assert.equal(res.statusCode, 303, res.body.slice(0, 1000));
    tenderId = /\/kelola\/tender\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
    await approveAll(t, members, tenderId);
    kode = (await t.db.select().from(tenders).where(eq(tenders.id, tenderId)))[0]!.kode!;
    anon = await signIn(t, w.ppk.username);
  });
  after(() => t.close());

  test('RUP announced → a planning release: budget in integer IDR, buyer party, closed codelists', async () => {
    const [planning] = (await stored()).filter((r) => r.ocid === `${PREFIX}-rup-${w.kodes[0]}`);
    assert.ok(planning, 'the announcement wrote a release');
    assert.deepEqual(planning.tag, ['planning']);
    const p = planning as Loose;
    assert.deepEqual(p.planning.budget.amount, { amount: 1_250_000_000, currency: 'IDR' });
    assert.equal(p.tender.status, 'planned');
    assert.equal(p.tender.procurementMethod, 'open');
    assert.equal(p.tender.procurementMethodDetails, 'Tender');
    assert.equal(p.tender.mainProcurementCategory, 'works');
    assert.deepEqual(p.parties[0].roles, ['buyer']);
    assert.equal(p.buyer.id, p.parties[0].id);
    assert.deepEqual(validators.release(planning), []);
  });

  test('tender announced → a tender release: HPS, method with its Indonesian name, tenderPeriod, parties', async () => {
    const [rel] = (await stored()).filter((r) => r.ocid === `${PREFIX}-tender-${kode}`);
    assert.ok(rel);
    assert.deepEqual(rel.tag, ['tender']);
    const tender = (rel as Loose).tender;
    assert.equal(tender.id, kode);
    assert.deepEqual(tender.value, { amount: 1_012_500_000, currency: 'IDR' });
    assert.equal(tender.procurementMethod, 'open');
    assert.match(tender.procurementMethodDetails, /^Tender \(Pascakualifikasi Satu File/);
    assert.equal(tender.status, 'active');
    const upload = (await loadSchedule(t.db, tenderId)).find((s) => s.stage === 'upload_dokumen_penawaran')!;
    assert.deepEqual(tender.tenderPeriod, { startDate: upload.start.toISOString(), endDate: upload.end.toISOString() });
    const roles = (rel as Loose).parties.flatMap((x: { roles: string[] }) => x.roles);
    assert.deepEqual(roles.sort(), ['buyer', 'procuringEntity']);
    assert.equal((rel as Loose).relatedProcesses[0].identifier, `${PREFIX}-rup-${w.kodes[0]}`);
    assert.deepEqual(validators.release(rel), []);
  });

  test('a schedule change of an announced tender → a tenderAmendment in the same transaction', async () => {
    const up = (await loadSchedule(t.db, tenderId)).find((s) => s.stage === 'upload_dokumen_penawaran')!;
    t.clock.set(new Date(up.start.getTime() - 3_600_000));
    const m = w.pokja[0]!;
    const ctx = ctxAs({
      userId: m.id,
      username: m.username,
      name: m.name,
      email: m.email,
      roles: [{ role: 'POKJA', agencyId: w.ukpbj.id }],
      sessionId: 'x',
    });
    // A Dokumen Pemilihan of the tender (uploads come with the addenda work): published with its public URL.
    const [doc] = await t.db
      .insert(documents)
      .values({
        sha256: 'a'.repeat(64),
        size: 1024,
        mime: 'application/pdf',
        originalName: 'Dokumen Pemilihan.pdf',
        docClass: 'dokumen_pemilihan',
        createdAt: t.clock.now(),
      })
      .returning();
    await t.db.insert(tenderDocuments).values({
      tenderId,
      kind: 'dokumen_pemilihan',
      documentId: doc!.id,
      uploadedAt: t.clock.now(),
    });
    const later = new Date(up.end.getTime() + 2 * 86_400_000);
    await changeSchedule(ctx, tenderId, [{ stage: up.stage, start: up.start, end: later }], 'Gangguan jaringan');
    const rels = (await stored()).filter((r) => r.ocid === `${PREFIX}-tender-${kode}`);
    assert.equal(rels.length, 2);
    const amend = rels[1] as Loose;
    assert.deepEqual(amend.tag, ['tenderAmendment']);
    assert.equal(amend.tender.tenderPeriod.endDate, later.toISOString());
    assert.equal(amend.tender.amendments[0].rationale, 'Gangguan jaringan');
    assert.equal(amend.tender.amendments[0].amendsReleaseID, rels[0]!.id);
    // Two: the one uploaded before the approval (required since issue 9's rule) and this one.
    assert.equal(amend.tender.documents.length, 2);
    assert.deepEqual(
      amend.tender.documents.filter((d: { id: string }) => d.id === doc!.id),
      [
        {
          id: doc!.id,
          documentType: 'biddingDocuments',
          title: 'Dokumen Pemilihan.pdf',
          url: `${t.config.baseUrl}/berkas/${doc!.id}`,
          format: 'application/pdf',
          language: 'id',
          datePublished: t.clock.now().toISOString(),
        },
      ],
    );
    assert.deepEqual(validators.release(amend), []);
  });

  test('a kaji ulang (pembatalan) → a planningUpdate with the plan cancelled', async () => {
    const kodeBaru = await createDraft(await signIn(t, w.pa.username), w.agency.id, { namaPaket: 'Paket Batal' });
    await announcePlan(paCtx(), kodeBaru);
    await revisePlans(paCtx(), {
      jenis: 'pembatalan',
      alasan: 'Anggaran dialihkan',
      oldKodes: [kodeBaru],
      newPlans: [],
    });
    const rels = (await stored()).filter((r) => r.ocid === `${PREFIX}-rup-${kodeBaru}`);
    assert.deepEqual(
      rels.map((r) => r.tag[0]),
      ['planning', 'planningUpdate'],
    );
    assert.equal((rels[1] as Loose).tender.status, 'cancelled');
  });

  test('no release without its change: a rolled-back transaction leaves neither', async () => {
    const before = (await stored()).length;
    const kodeX = await createDraft(await signIn(t, w.pa.username), w.agency.id, { namaPaket: 'Paket Gagal Simpan' });
    const [plan] = await t.db.select({ id: rupPlans.id }).from(rupPlans).where(eq(rupPlans.kode, kodeX));
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await recordAudit(tx, auditContext(paCtx()), {
          action: 'rup.announced',
          objectType: 'rup',
          objectId: plan!.id,
          summary: { kode: kodeX, nama: 'x', pagu: '1' },
        });
        assert.equal((await tx.select().from(ocdsReleases)).length, before + 1, 'written inside the transaction');
        throw new Error('rollback');
      }),
      /rollback/,
    );
    assert.equal((await stored()).length, before);
  });

  test('every release validates against OCDS 1.1.5 with no empty field, unique ids, one ocid prefix', async () => {
    const all = await stored();
    assert.ok(all.length >= 5);
    for (const r of all) {
      assert.deepEqual(validators.release(r), [], r.id);
      assert.deepEqual(emptyFields(r), [], r.id);
      assert.ok(r.ocid.startsWith(`${PREFIX}-`));
      assert.ok(!r.id.includes('#'));
    }
    assert.equal(new Set(all.map((r) => r.id)).size, all.length);
    // Never changed once published: the database refuses it.
    const refused = (err: Error & { cause?: Error }) => /append-only/.test(String(err.cause?.message ?? err.message));
    await assert.rejects(t.db.update(ocdsReleases).set({ json: '{}' }), refused);
    await assert.rejects(t.db.delete(ocdsReleases), refused);
  });

  test('the record: compiled release = merge of its releases; the package validates with its versioned release', async () => {
    const ocid = `${PREFIX}-tender-${kode}`;
    const res = await anon.get(`/api/v1/ocds/records/${ocid}`);
    assert.equal(res.statusCode, 200);
    const pkg = JSON.parse(res.body);
    assert.deepEqual(validators.recordPackage(pkg), []);
    const record = pkg.records[0];
    assert.equal(record.releases.length, 2);
    assert.deepEqual(record.compiledRelease, compileReleases(record.releases));
    assert.deepEqual(record.versionedRelease, versionReleases(record.releases));
    assert.equal(record.compiledRelease.tender.tenderPeriod.endDate, record.releases[1].tender.tenderPeriod.endDate);
    assert.equal(record.compiledRelease.tender.amendments.length, 1);
    assert.deepEqual(validators.release(record.compiledRelease), []);
    assert.deepEqual(emptyFields(record.compiledRelease), []);
    assert.equal((await anon.get(`/api/v1/ocds/records/${PREFIX}-tender-0000`)).statusCode, 404);
    assert.equal((await anon.get('/api/v1/ocds/records/bukan%20ocid')).statusCode, 404);
  });

  test('the cursor feed: page by page, newest last, no gap or duplicate under concurrent writes', async () => {
    const pa = await signIn(t, w.pa.username);
    const drafts: number[] = [];
    for (let i = 0; i < 12; i++) drafts.push(await createDraft(pa, w.agency.id, { namaPaket: `Paket Serentak ${i}` }));
    // Harvest while the plans are announced concurrently, then once more after: the union must be exact.
    const seen: Release[] = [];
    let since = 0;
    let writing = true;
    const harvester = (async () => {
      for (;;) {
        const done = !writing;
        const res = await anon.get(`/api/v1/ocds/releases?since=${since}&limit=2`);
        const pkg = JSON.parse(res.body) as { releases: Release[]; links: { next: string } };
        seen.push(...pkg.releases);
        since = Number(new URL(pkg.links.next).searchParams.get('since'));
        if (pkg.releases.length === 0 && done) return;
        await new Promise((r) => setImmediate(r));
      }
    })();
    await Promise.all(drafts.map((k) => announcePlan(paCtx(), k)));
    writing = false;
    await harvester;
    const all = await stored();
    assert.deepEqual(
      seen.map((r) => r.id),
      all.map((r) => r.id),
      'the harvester saw every release once, in order',
    );
    assert.deepEqual(
      (await harvest()).map((r) => r.id),
      all.map((r) => r.id),
    );
    const bad = await anon.get('/api/v1/ocds/releases?since=abc');
    assert.equal(bad.statusCode, 400);
  });

  test('bulk export: JSON Lines and gzip, one valid release a line, same as the feed', async () => {
    const all = await stored();
    const res = await anon.get('/api/v1/ocds/releases.jsonl');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/x-ndjson/);
    const lines = res.body.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => (JSON.parse(l) as Release).id),
      all.map((r) => r.id),
    );
    const gz = await t.app.inject({ method: 'GET', url: '/api/v1/ocds/releases.jsonl.gz' });
    assert.equal(gz.statusCode, 200);
    assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), res.body);
  });

  test('the open-data page: what, licence, harvesting, downloads, last update, policy; linked in the nav', async () => {
    const res = await anon.get('/data-terbuka');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Data terbuka \(OCDS\)<\/h1>/);
    assert.match(res.body, /CC BY 4\.0/);
    assert.match(res.body, /href="\/api\/v1\/ocds\/releases\.jsonl\.gz"/);
    assert.match(res.body, /id="kebijakan"/);
    assert.match(res.body, /id="sanggah"/, 'the local sanggah extension is described');
    assert.match(res.body, /href="\/api\/v1\/ocds\/extensions\/sanggah\/extension\.json"/);
    assert.match(res.body, /rilis diterbitkan/);
    assert.match(res.body, new RegExp(`${PREFIX}-rup-`));
    assert.doesNotMatch(res.body, /belum terdaftar/, 'a configured prefix is not the placeholder');
    assert.match((await anon.get('/')).body, /href="\/data-terbuka"/);
    const spec = JSON.parse((await anon.get('/api/v1/openapi.json')).body) as { paths: Record<string, unknown> };
    for (const p of [
      '/api/v1/ocds/releases',
      '/api/v1/ocds/records/{ocid}',
      '/api/v1/ocds/releases.jsonl.gz',
      '/api/v1/ocds/extensions/sanggah/{file}',
    ]) {
      assert.ok(spec.paths[p], p);
    }
  });
});
