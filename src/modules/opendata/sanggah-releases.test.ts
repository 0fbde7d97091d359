import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Agent } from '../../test/agent.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { postMultipart } from '../../test/multipart.ts';
import { checklistOf } from '../evaluation/checklists.ts';
import { buildAnnouncedTender, buildVendor, signIn } from '../evaluation/evaluation.test-support.ts';
import { handOverStandingAwards } from '../evaluation/handover.ts';
import { recordOpenedBid } from '../evaluation/index.ts';
import { announceWinners } from './award-announcement.ts';
import { compileReleases, type Json, type Release } from './merge.ts';
import { emptyFields, ocdsValidators } from './ocds-validate.test-support.ts';
import { releasesOf } from './opendata.repository.ts';

const ASPECTS = ['administrasi', 'kualifikasi', 'teknis', 'harga'] as const;
const syarat = {
  izinUsaha: 'NIB dengan SBU Bangunan Sipil',
  kbli: ['42101'],
  pengalaman: '1 pekerjaan dalam 4 tahun terakhir',
  tenagaAhli: ['Manajer Pelaksanaan'],
  peralatan: ['Dump truck: 2 unit'],
};

function fields(aspect: (typeof ASPECTS)[number], opts: { fail?: string; extra?: Record<string, string> } = {}) {
  const f: Record<string, string> = {};
  for (const c of checklistOf(aspect, syarat, 'pekerjaan_konstruksi'))
    if (c.item !== opts.fail) f[`ok_${c.item}`] = 'ya';
  return { ...f, ...opts.extra };
}

async function post(agent: Agent, page: string, url: string, body: Record<string, string>) {
  await agent.get(page);
  return agent.post(url, body);
}

type Loose = Record<string, unknown> & {
  tag: string[];
  awards?: { id: string; status: string; suppliers: { id: string; name: string }[] }[];
  tender?: { complaints?: Record<string, unknown>[] };
  parties?: { id: string; roles: string[] }[];
};

/** Issue 13: award cancelled after an upheld sanggah, re-award with a new id, and the local sanggah extension. */
describe('OCDS releases of sanggah, sanggah banding and the award they cancel', () => {
  let t: TestApp;
  const core = ocdsValidators();
  const withSanggah = ocdsValidators({ extensions: ['sanggah'] });
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** A tender whose first winner is `win`; `other` failed administrasi and may file a sanggah. */
  async function decidedTender() {
    const w = await buildAnnouncedTender(t);
    const win = await buildVendor(t, 'Iota Bahari');
    const other = await buildVendor(t, 'Kappa Raya');
    const openedAt = w.stage('pembukaan_dokumen_penawaran').start;
    await t.db.transaction(async (tx) => {
      await recordOpenedBid(tx, {
        tenderId: w.tender.id,
        vendorId: win.vendor.id,
        hargaPenawaran: 700_000_000n,
        openedAt,
      });
      await recordOpenedBid(tx, {
        tenderId: w.tender.id,
        vendorId: other.vendor.id,
        hargaPenawaran: 650_000_000n,
        openedAt,
      });
    });
    const page = `/kelola/tender/${w.tender.id}/evaluasi`;
    t.clock.set(new Date(w.stage('evaluasi_penawaran').start.getTime() + 60_000));
    let members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
    for (const a of ASPECTS)
      assert.equal((await post(members[0]!, page, `${page}/${win.vendor.id}/${a}`, fields(a))).statusCode, 303, a);
    const failed = fields('administrasi', {
      fail: 'surat_penawaran',
      extra: { reason: 'Surat penawaran tidak ditandatangani' },
    });
    assert.equal((await post(members[0]!, page, `${page}/${other.vendor.id}/administrasi`, failed)).statusCode, 303);
    const proof = async (vendorId: string) => {
      await post(members[0]!, page, `${page}/${vendorId}/pembuktian`, {
        waktu: '2026-03-20T09:00',
        sampai: '2026-03-20T12:00',
        tempat: 'Ruang Rapat UKPBJ',
        dibawa: 'Dokumen asli',
      });
      await post(members[0]!, page, `${page}/${vendorId}/pembuktian/hasil`, { hadir: 'ya', lulus: 'ya' });
    };
    await proof(win.vendor.id);
    for (const m of members) assert.equal((await post(m, page, `${page}/setujui`, {})).statusCode, 303);
    t.clock.set(new Date(w.stage('penetapan_pemenang').start.getTime() + 60_000));
    members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
    assert.equal((await post(members[0]!, page, `${page}/penetapan`, {})).statusCode, 303);
    /** The Pengumuman Pemenang stage has started: the announcement job publishes the winner (once). */
    const announce = async () => {
      assert.equal(await announceWinners(t.db, t.clock, t.config), 0, 'not public before the announcement stage');
      t.clock.set(new Date(w.stage('pengumuman_pemenang').start.getTime() + 60_000));
      assert.equal(await announceWinners(t.db, t.clock, t.config), 1, 'published when the stage starts');
      assert.equal(await announceWinners(t.db, t.clock, t.config), 0, 'published once');
    };
    const fileSanggah = async () => {
      t.clock.set(new Date(w.stage('masa_sanggah').start.getTime() + 60_000));
      const agent = await signIn(t, other.user.username);
      await agent.get(`/tender/${w.tender.kode}/sanggah`);
      const filed = await postMultipart(agent, `/tender/${w.tender.kode}/sanggah`, {
        text: 'Surat penawaran kami ditandatangani secara elektronik.',
      });
      assert.equal(filed.statusCode, 303, filed.body.slice(0, 500));
      return agent;
    };
    const answerSanggah = async (outcome: 'diterima' | 'ditolak') => {
      t.clock.set(new Date(w.stage('masa_sanggah').end.getTime() + 60_000));
      members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
      const sid = /\/sanggah\/([0-9a-f-]{36})\/jawab/.exec((await members[2]!.get(page)).body)![1]!;
      const ans = await members[2]!.post(`/kelola/tender/${w.tender.id}/sanggah/${sid}/jawab`, {
        outcome,
        answer: 'Jawaban Pokja atas sanggah (tidak dipublikasikan dalam OCDS).',
      });
      assert.equal(ans.statusCode, 303, ans.body.slice(0, 500));
      return sid;
    };
    /** Re-evaluation after an upheld complaint: `other` passes, is proven, approved and decided. */
    const reaward = async () => {
      members = await Promise.all(w.pokja.map((m) => signIn(t, m.username)));
      for (const a of ASPECTS) {
        const r = await post(members[0]!, page, `${page}/${other.vendor.id}/${a}`, fields(a));
        assert.equal(r.statusCode, 303, `${a}: ${r.headers['x-error-code']}`);
      }
      await proof(other.vendor.id);
      for (const m of members) assert.equal((await post(m, page, `${page}/setujui`, {})).statusCode, 303);
      assert.equal((await post(members[1]!, page, `${page}/penetapan`, {})).statusCode, 303);
    };
    const ocid = `${t.config.ocdsPrefix}-tender-${w.tender.kode}`;
    return { w, win, other, announce, fileSanggah, answerSanggah, reaward, ocid };
  }

  function validateAll(releases: Loose[]) {
    for (const r of releases) {
      assert.deepEqual(core.release(r), [], `${r.id} (core)`);
      assert.deepEqual(withSanggah.release(r), [], `${r.id} (core + sanggah extension)`);
      assert.deepEqual(emptyFields(r), [], `${r.id}: empty fields`);
    }
  }

  test('upheld sanggah: the award is cancelled under the same id, the re-award is a new award, all valid', async () => {
    const x = await decidedTender();
    await x.announce();
    await x.fileSanggah();
    const sid = await x.answerSanggah('diterima');
    await x.reaward();
    assert.equal(await handOverStandingAwards(t.db, t.clock), 1);

    const releases = (await releasesOf(t.db, x.ocid)) as unknown as Loose[];
    const evaluationReleases = releases.filter((r) => !r.tag.includes('tender'));
    assert.deepEqual(
      evaluationReleases.map((r) => r.tag),
      [
        ['tenderUpdate'], // penetapan: the winner is not public before the Pengumuman Pemenang stage
        ['award'], // the announcement (job): the winner pending in the masa sanggah
        ['tenderUpdate'], // sanggah filed
        ['tenderUpdate', 'awardCancellation'], // sanggah upheld: the award withdrawn
        ['tenderUpdate', 'award'], // the re-award
        ['award'], // handed to the PPK (contracts module)
      ],
    );
    validateAll(releases);
    const [decided, announced, filed, upheld, redecided, handed] = evaluationReleases as [
      Loose,
      Loose,
      Loose,
      Loose,
      Loose,
      Loose,
    ];
    assert.equal(decided.awards, undefined, 'the winner is not published before its announcement');
    assert.deepEqual(announced.awards, filed.awards);
    const first = filed.awards!;
    assert.equal(first.length, 1);
    assert.equal(first[0]!.status, 'pending');
    assert.equal(first[0]!.suppliers[0]!.id, `ID-PENYEDIA-${x.win.vendor.id}`);
    assert.deepEqual(filed.tender!.complaints, [
      {
        id: `sanggah-${sid}`,
        type: 'sanggah',
        dateSubmitted: new Date(x.w.stage('masa_sanggah').start.getTime() + 60_000).toISOString(),
        status: 'pending',
      },
    ]);
    assert.deepEqual(
      upheld.awards!.map((a) => [a.id, a.status]),
      [[first[0]!.id, 'cancelled']],
    );
    assert.equal(upheld.tender!.complaints![0]!.outcome, 'upheld');
    assert.equal(upheld.tender!.complaints![0]!.status, 'answered');
    const newAward = redecided.awards!.find((a) => a.id !== first[0]!.id)!;
    assert.ok(newAward, 'the re-award is a new award');
    assert.equal(newAward.status, 'pending');
    assert.equal(newAward.suppliers[0]!.id, `ID-PENYEDIA-${x.other.vendor.id}`);
    assert.deepEqual(
      handed.awards!.map((a) => [a.id, a.status]),
      [
        [first[0]!.id, 'cancelled'],
        [newAward.id, 'active'],
      ],
      'the contracts module publishes the handed-over award under the evaluation’s award id',
    );

    // Neither the complainant nor the texts are published.
    const text = JSON.stringify(releases);
    assert.ok(!text.includes('ditandatangani secara elektronik'), 'the sanggah text is not published');
    assert.ok(!text.includes('tidak dipublikasikan'), 'the answer text is not published');
    assert.ok(!text.includes(x.other.vendor.npwp ?? 'no npwp'), 'no NPWP');

    // The compiled release shows the cancelled award, then the new one, and the upheld sanggah.
    const compiled = compileReleases(releases as unknown as Release[]) as unknown as Loose;
    assert.deepEqual(
      compiled.awards!.map((a) => [a.id, a.status, a.suppliers[0]!.id]),
      [
        [first[0]!.id, 'cancelled', `ID-PENYEDIA-${x.win.vendor.id}`],
        [newAward.id, 'active', `ID-PENYEDIA-${x.other.vendor.id}`],
      ],
    );
    assert.deepEqual(
      compiled.tender!.complaints!.map((c) => [c.type, c.status, c.outcome]),
      [['sanggah', 'answered', 'upheld']],
    );
    const parties = compiled.parties!.filter((p) => p.id.startsWith('ID-PENYEDIA-'));
    assert.equal(parties.length, 2, 'each supplier once');

    // The record package (served) validates too, and lists the sanggah extension.
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/ocds/records/${x.ocid}` });
    assert.equal(res.statusCode, 200);
    const pkg = res.json() as { extensions: string[] };
    assert.deepEqual(core.recordPackage(pkg), []);
    assert.ok(
      pkg.extensions.includes(`${t.config.baseUrl}/api/v1/ocds/extensions/sanggah/extension.json`),
      'the package declares the sanggah extension',
    );
  });

  test('sanggah banding (construction): filed, upheld by the PA/KPA, the award cancelled; valid with the extension', async () => {
    const x = await decidedTender();
    await x.fileSanggah();
    const sid = await x.answerSanggah('ditolak');
    const agent = await signIn(t, x.other.user.username);
    await agent.get(`/tender/${x.w.tender.kode}/sanggah`);
    const filed = await agent.post(`/tender/${x.w.tender.kode}/sanggah-banding`, {
      sanggahId: sid,
      bandingText: 'Kami keberatan atas jawaban sanggah.',
      jaminanNomor: 'BG-0199/2026',
    });
    assert.equal(filed.statusCode, 303, filed.body.slice(0, 500));
    const pa = await signIn(t, x.w.pa.username);
    const pg = (await pa.get(`/kelola/sanggah-banding/${x.w.tender.id}`)).body;
    const bid = /\/kelola\/sanggah-banding\/[0-9a-f-]{36}\/([0-9a-f-]{36})\/jawab/.exec(pg)![1]!;
    const ans = await pa.post(`/kelola/sanggah-banding/${x.w.tender.id}/${bid}/jawab`, {
      outcome: 'diterima',
      answer: 'Sanggah banding benar; evaluasi diulang.',
    });
    assert.equal(ans.statusCode, 303, ans.body.slice(0, 500));

    const releases = (await releasesOf(t.db, x.ocid)) as unknown as Loose[];
    validateAll(releases);
    const last = releases[releases.length - 1]!;
    assert.deepEqual(last.tag, ['tenderUpdate', 'awardCancellation']);
    assert.deepEqual(
      last.tender!.complaints!.map((c) => [c.id, c.type, c.status, c.outcome, c.relatedComplaint]),
      [
        [`sanggah-${sid}`, 'sanggah', 'answered', 'rejected', undefined],
        [`banding-${bid}`, 'sanggahBanding', 'answered', 'upheld', `sanggah-${sid}`],
      ],
    );
    assert.deepEqual(
      last.awards!.map((a) => a.status),
      ['cancelled'],
    );
    assert.ok(!JSON.stringify(releases).includes('BG-0199'), 'the jaminan is not published');
  });

  test('the extension schema refuses a complaint without a required field, an answered one without its outcome', () => {
    const release = (complaint: Record<string, Json>) => ({
      ocid: 'ocds-demo00-tender-1',
      id: 'ocds-demo00-tender-1-1',
      date: '2026-03-01T00:00:00Z',
      tag: ['tenderUpdate'],
      initiationType: 'tender',
      tender: { id: '1', complaints: [complaint] },
    });
    const ok = { id: 'sanggah-1', type: 'sanggah', dateSubmitted: '2026-03-01T00:00:00Z', status: 'pending' };
    assert.deepEqual(withSanggah.release(release(ok)), []);
    for (const field of ['id', 'type', 'dateSubmitted', 'status']) {
      const { [field]: _gone, ...rest } = ok as Record<string, Json>;
      const errors = withSanggah.release(release(rest));
      assert.ok(
        errors.some((e) => e.includes(`missingProperty":"${field}"`)),
        `${field} missing: ${errors.join('; ')}`,
      );
      // Core alone does not know the extension: it lets the release through (why the tests apply the patch).
      assert.deepEqual(core.release(release(rest)), []);
    }
    assert.ok(withSanggah.release(release({ ...ok, type: 'keberatan' })).length > 0, 'closed codelist');
    assert.ok(
      withSanggah.release(release({ ...ok, status: 'answered' })).length > 0,
      'an answered complaint needs dateAnswered and outcome',
    );
    assert.deepEqual(
      withSanggah.release(
        release({ ...ok, status: 'answered', dateAnswered: '2026-03-02T00:00:00Z', outcome: 'rejected' }),
      ),
      [],
    );
  });

  test('the extension is served where the packages point: extension.json, its schema and codelists', async () => {
    const ext = await t.app.inject({ method: 'GET', url: '/api/v1/ocds/extensions/sanggah/extension.json' });
    assert.equal(ext.statusCode, 200);
    const body = ext.json() as { schemas: string[]; codelists: string[]; documentationUrl: { en: string } };
    assert.deepEqual(body.schemas, ['release-schema.json']);
    assert.equal(body.documentationUrl.en, `${t.config.baseUrl}/data-terbuka#sanggah`);
    const schema = await t.app.inject({ method: 'GET', url: '/api/v1/ocds/extensions/sanggah/release-schema.json' });
    assert.equal(schema.statusCode, 200);
    assert.ok((schema.json() as { definitions: { Complaint: unknown } }).definitions.Complaint, 'Complaint defined');
    for (const c of body.codelists) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/ocds/extensions/sanggah/codelists/${c}` });
      assert.equal(res.statusCode, 200, c);
      assert.match(res.body, /^Code,Title,Description/);
    }
    const readme = await t.app.inject({ method: 'GET', url: '/api/v1/ocds/extensions/sanggah/README.md' });
    assert.equal(readme.statusCode, 200);
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/ocds/extensions/sanggah/..%2Fpackage.json' });
    assert.ok(other.statusCode >= 400 && other.statusCode < 500, `unknown file: ${other.statusCode}`);
  });
});
