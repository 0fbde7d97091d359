import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { award, buildContractWorld } from '../contracts/contracts.test-support.ts';
import { checklistOf } from './checklists.ts';
import { buildAnnouncedTender, buildVendor, signIn } from './evaluation.test-support.ts';
import { recordOpenedBid } from './index.ts';

/**
 * R12 "who may decide what": every evaluation and contract action against every kind of person, through the HTTP
 * layer (routes, permissions, agency scope and the module policies together). `ok` means the action was let through
 * (a page, a redirect after success, or a form error on the fields); `no` means refused (403/404, or sent to /masuk).
 */
type Outcome = 'ok' | 'no';
const outcomeOf = (status: number, location: string | undefined): Outcome =>
  status === 200 || status === 400 || (status === 303 && !location?.startsWith('/masuk')) ? 'ok' : 'no';

const syarat = {
  izinUsaha: 'NIB dengan SBU Bangunan Sipil',
  kbli: ['42101'],
  pengalaman: '1 pekerjaan dalam 4 tahun terakhir',
  tenagaAhli: ['Manajer Pelaksanaan'],
  peralatan: ['Dump truck: 2 unit'],
};
const allTicked = Object.fromEntries(
  checklistOf('administrasi', syarat, 'pekerjaan_konstruksi').map((c) => [`ok_${c.item}`, 'ya']),
);

async function attempt(agent: Agent, action: { method: 'GET' | 'POST'; url: string; form?: string }) {
  if (action.method === 'GET') {
    const res = await agent.get(action.url);
    return outcomeOf(res.statusCode, res.headers.location as string | undefined);
  }
  // A form is posted from its page (for the CSRF token); a person who cannot see the page posts with the token of
  // a page they can see, as an attacker would.
  await agent.get(action.form ?? '/dasbor');
  if (agent.csrf === undefined) await agent.get('/masuk');
  const res = await agent.post(action.url, action.url.endsWith('/administrasi') ? allTicked : {});
  return outcomeOf(res.statusCode, res.headers.location as string | undefined);
}

describe('R12 policy matrix: evaluation actions × roles', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('only the tender’s Pokja evaluates and decides; the PA/KPA decides above the threshold; bidders file sanggah', async () => {
    const w = await buildAnnouncedTender(t);
    const bidder = await buildVendor(t, 'Matriks Bahari');
    const stranger = await buildVendor(t, 'Matriks Luar');
    const ppk = await buildUser(t, { roles: ['PPK'], agencyId: w.agency.id });
    await t.db.transaction((tx) =>
      recordOpenedBid(tx, {
        tenderId: w.tender.id,
        vendorId: bidder.vendor.id,
        hargaPenawaran: 900_000_000n,
        openedAt: w.stage('pembukaan_dokumen_penawaran').start,
      }),
    );
    t.clock.set(new Date(w.stage('evaluasi_penawaran').start.getTime() + 60_000));
    const people: Record<string, Agent> = {
      member: await signIn(t, w.pokja[0]!.username),
      otherPokja: await signIn(t, w.outsider.username),
      pa: await signIn(t, w.pa.username),
      ppk: await signIn(t, ppk.username),
      bidder: await signIn(t, bidder.user.username),
      stranger: await signIn(t, stranger.user.username),
      anonymous: new Agent(t.app, { ip: '10.99.0.1' }),
    };
    const page = `/kelola/tender/${w.tender.id}/evaluasi`;
    // The bidder evaluated through to the pembuktian, so that approving is possible for whoever may.
    for (const aspect of ['administrasi', 'kualifikasi', 'teknis', 'harga'] as const) {
      await people.member!.get(page);
      const body = Object.fromEntries(
        checklistOf(aspect, syarat, 'pekerjaan_konstruksi').map((c) => [`ok_${c.item}`, 'ya']),
      );
      const r = await people.member!.post(`${page}/${bidder.vendor.id}/${aspect}`, body);
      assert.equal(r.statusCode, 303, aspect);
    }
    const actions = {
      'see the evaluation': { method: 'GET', url: page },
      'record a result': { method: 'POST', url: `${page}/${bidder.vendor.id}/administrasi`, form: page },
      'approve the evaluation': { method: 'POST', url: `${page}/setujui`, form: page },
      'see the PA/KPA decision page': { method: 'GET', url: `/kelola/penetapan/${w.tender.id}` },
      'see the banding answers page': { method: 'GET', url: `/kelola/sanggah-banding/${w.tender.id}` },
      'open the sanggah page': { method: 'GET', url: `/tender/${w.tender.kode}/sanggah` },
      'read the public result': { method: 'GET', url: `/tender/${w.tender.kode}/hasil` },
    } as const;
    // Rows: actions; columns: people, in the order of `people`.
    const expected: Record<keyof typeof actions, Outcome[]> = {
      //                                 member otherPokja pa    ppk   bidder stranger anonymous
      'see the evaluation': ['ok', 'no', 'no', 'no', 'no', 'no', 'no'],
      'record a result': ['ok', 'no', 'no', 'no', 'no', 'no', 'no'],
      'approve the evaluation': ['ok', 'no', 'no', 'no', 'no', 'no', 'no'],
      'see the PA/KPA decision page': ['no', 'no', 'ok', 'no', 'no', 'no', 'no'],
      'see the banding answers page': ['no', 'no', 'ok', 'no', 'no', 'no', 'no'],
      'open the sanggah page': ['no', 'no', 'no', 'no', 'ok', 'no', 'no'],
      'read the public result': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
    };
    const actual: Record<string, Outcome[]> = {};
    for (const [name, action] of Object.entries(actions)) {
      actual[name] = [];
      for (const agent of Object.values(people)) actual[name]!.push(await attempt(agent, action));
    }
    assert.deepEqual(actual, expected);
  });
});

describe('R12 policy matrix: contract actions × roles', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('only the package’s PPK in its agency manages the contract; only the winner answers the SPPBJ', async () => {
    const w = await buildContractWorld(t);
    const id = await award(t, w);
    const loser = await buildVendor(t, 'Matriks Kalah');
    const pa = await buildUser(t, { roles: ['PA'], agencyId: w.agency.id });
    const people: Record<string, Agent> = {
      ppk: await signIn(t, w.ppk.username),
      otherPpkSameAgency: await signIn(t, w.ppk2.username),
      ppkElsewhere: await signIn(t, w.ppkElsewhere.username),
      pokja: await signIn(t, w.pokja.username),
      pa: await signIn(t, pa.username),
      winner: await signIn(t, w.vendorUser.username),
      loser: await signIn(t, loser.user.username),
      anonymous: new Agent(t.app, { ip: '10.99.0.2' }),
    };
    const actions = {
      'see the contract case': { method: 'GET', url: `/kelola/kontrak/${id}` },
      'issue the SPPBJ': { method: 'POST', url: `/kelola/kontrak/${id}/sppbj`, form: `/kelola/kontrak/${id}` },
      'record an addendum': { method: 'POST', url: `/kelola/kontrak/${id}/adendum`, form: `/kelola/kontrak/${id}` },
      'record the BAST': { method: 'POST', url: `/kelola/kontrak/${id}/bast`, form: `/kelola/kontrak/${id}` },
      'rate the vendor': { method: 'POST', url: `/kelola/kontrak/${id}/penilaian`, form: `/kelola/kontrak/${id}` },
      'follow the contract as vendor': { method: 'GET', url: `/kontrak-saya/${id}` },
      'answer the SPPBJ': { method: 'POST', url: `/kontrak-saya/${id}/sppbj`, form: `/kontrak-saya/${id}` },
    } as const;
    const expected: Record<keyof typeof actions, Outcome[]> = {
      //                                  ppk  otherPpk elsewhere pokja  pa   winner loser anonymous
      'see the contract case': ['ok', 'no', 'no', 'no', 'no', 'no', 'no', 'no'],
      'issue the SPPBJ': ['ok', 'no', 'no', 'no', 'no', 'no', 'no', 'no'],
      'record an addendum': ['ok', 'no', 'no', 'no', 'no', 'no', 'no', 'no'],
      'record the BAST': ['ok', 'no', 'no', 'no', 'no', 'no', 'no', 'no'],
      'rate the vendor': ['ok', 'no', 'no', 'no', 'no', 'no', 'no', 'no'],
      'follow the contract as vendor': ['no', 'no', 'no', 'no', 'no', 'ok', 'no', 'no'],
      'answer the SPPBJ': ['no', 'no', 'no', 'no', 'no', 'ok', 'no', 'no'],
    };
    const actual: Record<string, Outcome[]> = {};
    for (const [name, action] of Object.entries(actions)) {
      actual[name] = [];
      for (const agent of Object.values(people)) actual[name]!.push(await attempt(agent, action));
    }
    assert.deepEqual(actual, expected);
  });
});
