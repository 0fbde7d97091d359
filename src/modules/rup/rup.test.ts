import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { Agent } from '../../test/agent.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { rupPlans } from './rup.schema.ts';
import { announce, buildAgencyWithPa, createDraft, planForm, signIn } from './rup.test-support.ts';

describe('procurement plans: create, announce, revise, withdraw, agency scope (R10, R02)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('a PA drafts a plan with two budget lines; only after announcing is it on the public portal', async () => {
    const { agency, pa, ppk } = await buildAgencyWithPa(t);
    const agent = await signIn(t, pa.username);
    const kode = await createDraft(agent, agency.id, { namaPaket: 'Jalan Lantagi Draf', ppkUserId: ppk.id });
    assert.ok(kode >= 900000001, 'local codes come from the sequence');
    const [row] = await t.db.select().from(rupPlans).where(eq(rupPlans.kode, kode));
    assert.equal(row!.pagu, 1_250_000_000n);
    assert.equal(row!.status, 'draft');
    assert.equal(row!.createdBy, pa.id, 'R14: the author is recorded');

    const anon = new Agent(t.app);
    assert.equal((await anon.get(`/rup/${kode}`)).statusCode, 404);
    assert.doesNotMatch((await anon.get('/rup')).body, /Jalan Lantagi Draf/);

    await announce(agent, kode);
    const list = await anon.get('/rup');
    assert.match(list.body, /Jalan Lantagi Draf/);
    const detail = await anon.get(`/rup/${kode}`);
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /Rp 1\.250\.000\.000/);
    assert.match(detail.body, /Rp 250\.000\.000/);
    assert.match(detail.body, /1\.03\.10\.2\.01\.0008/);
    assert.match(detail.body, /WITA/);
    const actions = await t.db
      .select({ a: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.objectId, row!.id));
    assert.deepEqual(
      actions.map((a) => a.a),
      ['rup.created', 'rup.announced'],
    );
  });

  test('budget lines that do not add up, a method above its threshold and a PPK of another agency are shown at their fields', async () => {
    const { agency, pa } = await buildAgencyWithPa(t);
    const other = await buildAgencyWithPa(t);
    const agent = await signIn(t, pa.username);
    await agent.get('/kelola/rup/baru');
    const r1 = await agent.post('/kelola/rup/baru', planForm(agency.id, { pagu: '1.300.000.000' }));
    assert.equal(r1.statusCode, 422);
    assert.match(
      r1.body,
      /Jumlah pagu baris anggaran \(Rp 1\.250\.000\.000\) tidak sama dengan pagu paket \(Rp 1\.300\.000\.000\)/,
    );
    const r2 = await agent.post('/kelola/rup/baru', planForm(agency.id, { metode: 'pengadaan_langsung' }));
    assert.equal(r2.statusCode, 422);
    assert.match(r2.body, /hanya sampai pagu Rp 200\.000\.000/);
    assert.match(r2.body, /Perpres 12\/2021/);
    const r3 = await agent.post('/kelola/rup/baru', planForm(agency.id, { ppkUserId: other.ppk.id }));
    assert.equal(r3.statusCode, 422);
    assert.match(r3.body, /bukan PPK perangkat daerah ini/);
    const r4 = await agent.post('/kelola/rup/baru', planForm(agency.id, { pagu: '1,25 M' }));
    assert.equal(r4.statusCode, 400);
    assert.match(r4.body, /value="1,25 M"/, 'what was typed is kept');
  });

  test('kaji ulang satu ke satu keeps the old version and announces the new one; pembatalan keeps the plan as cancelled', async () => {
    const { agency, pa } = await buildAgencyWithPa(t);
    const agent = await signIn(t, pa.username);
    const kode = await createDraft(agent, agency.id, { namaPaket: 'Talud Versi Lama' });
    await announce(agent, kode);
    // Announced plans are not edited in place.
    await agent.get(`/kelola/rup/${kode}`);
    const edit = await agent.post(`/kelola/rup/${kode}/ubah`, planForm(agency.id));
    assert.equal(edit.statusCode, 403);
    assert.equal(edit.headers['x-error-code'], 'RUP_NOT_DRAFT');

    await agent.get(`/kelola/rup/${kode}/kaji-ulang`);
    const missingReason = await agent.post(`/kelola/rup/${kode}/kaji-ulang`, planForm(agency.id));
    assert.equal(missingReason.statusCode, 400);
    const res = await agent.post(
      `/kelola/rup/${kode}/kaji-ulang`,
      planForm(agency.id, {
        alasan: 'Pagu bertambah setelah perubahan APBD',
        namaPaket: 'Talud Versi Baru',
        pagu: '1.300.000.000',
        l1_pagu: '300.000.000',
      }),
    );
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    const newKode = Number(/\/kelola\/rup\/(\d+)/.exec(String(res.headers.location))![1]);
    assert.notEqual(newKode, kode);

    const anon = new Agent(t.app);
    const list = await anon.get('/rup');
    assert.match(list.body, /Talud Versi Baru/);
    assert.doesNotMatch(list.body, /Talud Versi Lama/, 'the old version is no longer in force');
    const oldPage = await anon.get(`/rup/${kode}`);
    assert.equal(oldPage.statusCode, 200, 'the old version is kept and public');
    assert.match(oldPage.body, /Satu ke satu/);
    assert.match(oldPage.body, new RegExp(`href="/rup/${newKode}"`));
    assert.match(oldPage.body, /Pagu bertambah setelah perubahan APBD/);
    const api = JSON.parse((await anon.get(`/api/v1/rup/${newKode}`)).body);
    assert.deepEqual(api.kaji_ulang[0].kd_rup_lama, [kode]);
    assert.equal(api.pagu, '1300000000');

    await agent.get(`/kelola/rup/${newKode}/kaji-ulang`);
    const cancel = await agent.post(`/kelola/rup/${newKode}/batalkan`, { alasanBatal: 'Kegiatan dihapus dari DPA' });
    assert.equal(cancel.statusCode, 303);
    const [row] = await t.db.select().from(rupPlans).where(eq(rupPlans.kode, newKode));
    assert.equal(row!.status, 'cancelled');
    assert.doesNotMatch((await anon.get('/rup')).body, /Talud Versi Baru/);
  });

  test('a draft is changed in place and withdrawn with a reason', async () => {
    const { agency, pa } = await buildAgencyWithPa(t);
    const agent = await signIn(t, pa.username);
    const kode = await createDraft(agent, agency.id, { namaPaket: 'Draf Akan Ditarik' });
    await agent.get(`/kelola/rup/${kode}/ubah`);
    const edit = await agent.post(`/kelola/rup/${kode}/ubah`, planForm(agency.id, { namaPaket: 'Draf Diubah' }));
    assert.equal(edit.statusCode, 303);
    await agent.get(`/kelola/rup/${kode}`);
    assert.equal((await agent.post(`/kelola/rup/${kode}/tarik`, { alasan: '' })).statusCode, 400);
    assert.equal(
      (await agent.post(`/kelola/rup/${kode}/tarik`, { alasan: 'Digabung dengan paket lain' })).statusCode,
      303,
    );
    const [row] = await t.db.select().from(rupPlans).where(eq(rupPlans.kode, kode));
    assert.equal(row!.status, 'withdrawn');
    assert.equal(row!.namaPaket, 'Draf Diubah');
    assert.equal((await new Agent(t.app).get(`/rup/${kode}`)).statusCode, 404);
  });

  test("a PA of another agency sees none of Dinas PUPR's drafts and is refused with the reason", async () => {
    const pupr = await buildAgencyWithPa(t, { name: 'Dinas PUPR Uji' });
    const disdik = await buildAgencyWithPa(t, { name: 'Dinas Pendidikan Uji' });
    const paPupr = await signIn(t, pupr.pa.username);
    const kode = await createDraft(paPupr, pupr.agency.id, { namaPaket: 'Rahasia Draf PUPR' });

    const paDisdik = await signIn(t, disdik.pa.username);
    const list = await paDisdik.get('/kelola/rup');
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /Rahasia Draf PUPR/);
    const view = await paDisdik.get(`/kelola/rup/${kode}`);
    assert.equal(view.statusCode, 403);
    assert.equal(view.headers['x-error-code'], 'RUP_OUTSIDE_AGENCY');
    assert.match(view.body, /milik perangkat daerah lain/);
    assert.match(view.body, /Perpres 16\/2018 Pasal 9/);
    const act = await paDisdik.post(`/kelola/rup/${kode}/umumkan`, {});
    assert.equal(act.statusCode, 403);
    assert.equal(act.headers['x-error-code'], 'RUP_OUTSIDE_AGENCY');
    // Creating a plan for another agency is refused too.
    await paDisdik.get('/kelola/rup/baru');
    const create = await paDisdik.post('/kelola/rup/baru', planForm(pupr.agency.id));
    assert.equal(create.statusCode, 403);

    // The PPK of PUPR reads the draft but cannot announce it.
    const ppk = await signIn(t, pupr.ppk.username);
    assert.match((await ppk.get('/kelola/rup')).body, /Rahasia Draf PUPR/);
    assert.equal((await ppk.get(`/kelola/rup/${kode}`)).statusCode, 200);
    assert.equal((await ppk.post(`/kelola/rup/${kode}/umumkan`, {})).statusCode, 403);
    const [row] = await t.db.select().from(rupPlans).where(eq(rupPlans.kode, kode));
    assert.equal(row!.status, 'draft');
  });

  test('swakelola plans are their own type, without method', async () => {
    const { agency, pa } = await buildAgencyWithPa(t);
    const agent = await signIn(t, pa.username);
    const kode = await createDraft(agent, agency.id, {
      namaPaket: 'Swakelola Irigasi Desa',
      tipe: 'swakelola',
      tipeSwakelola: '4',
      metode: '',
      jenis: '',
    });
    await announce(agent, kode);
    const page = await new Agent(t.app).get(`/rup/${kode}`);
    assert.match(page.body, /Tipe IV/);
    const list = await new Agent(t.app).get('/rup?tipe=swakelola');
    assert.match(list.body, /Swakelola Irigasi Desa/);
  });
});
