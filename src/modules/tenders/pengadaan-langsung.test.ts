import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import type { Agent } from '../../test/agent.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { blacklistEntries } from '../registration/registration.schema.ts';
import { checklistFor } from '../sulap/checklist.ts';
import {
  buildSulapWorld,
  createPackageVia,
  review,
  signIn,
  submit,
  uploadMandatory,
} from '../sulap/sulap.test-support.ts';
import { loadSchedule } from './tenders.repository.ts';
import { tenderInvitations, tenderMembers, tenderParticipants, tenders } from './tenders.schema.ts';
import { approveAll, verifiedVendor } from './tenders.test-support.ts';

const PL_FORM = {
  bundleId: 'pengadaan-langsung',
  kualifikasiUsaha: 'kecil',
  jenisKontrak: 'lumsum',
  lokasi: 'Kota Palu',
  izinUsaha: 'NIB',
  kbli: '46599',
  pengalaman: '',
  tenagaAhli: '',
  peralatan: '',
  startDate: '2026-03-02',
};

/**
 * A SULAP Pengadaan Langsung package (barang, HPS Rp 100 juta) assigned to one Pejabat Pengadaan who reviewed it. The
 * PP holds the role in the package's own OPD, not in the UKPBJ (SULAP may pick either; the demo's pp.disdik is one).
 */
async function plPackage(t: TestApp) {
  const w = await buildSulapWorld(t, {
    planOverrides: {
      metode: 'pengadaan_langsung',
      jenis: 'barang',
      pagu: '150.000.000',
      l0_pagu: '100.000.000',
      l1_pagu: '50.000.000',
    },
  });
  const pp = await buildUser(t, { roles: ['PEJABAT_PENGADAAN'], agencyId: w.agency.id });
  const ppk = await signIn(t, w.ppk.username);
  const id = await createPackageVia(ppk, w.kodes, { i0_harga: '100.000.000' });
  await uploadMandatory(ppk, id, 'barang', 'pengadaan_langsung');
  const s = await submit(ppk, id, w.ukpbj.id);
  assert.equal(s.statusCode, 303, `submit: ${s.body.slice(0, 500)}`);
  const kepala = await signIn(t, w.kepala.username);
  await kepala.get(`/sulap/${id}`);
  const a = await kepala.post(`/sulap/${id}/penugasan`, {
    kind: 'pejabat_pengadaan',
    skNumber: '027/16/PBJ/2026',
    skDate: '2026-03-02',
    anggota1: pp.id,
  });
  assert.equal(a.statusCode, 303, `assign PP: ${a.body.slice(0, 1000)}`);
  const ppAgent = await signIn(t, pp.username);
  for (const c of checklistFor('barang', 'pengadaan_langsung').filter((x) => x.mandatory)) {
    const r = await review(ppAgent, id, c.item, 'disetujui');
    assert.equal(r.statusCode, 303, `review ${c.item}: ${r.body.slice(0, 500)}`);
  }
  return { w, pp, ppAgent, packageId: id };
}

describe('Pengadaan Langsung: a Pejabat Pengadaan invites one chosen vendor', () => {
  let t: TestApp;
  let ppAgent: Agent;
  let ppId: string;
  let ppUsername: string;
  let tenderId: string;
  let kode: string;

  before(async () => {
    t = await createTestApp();
    const pl = await plPackage(t);
    ppAgent = pl.ppAgent;
    ppId = pl.pp.id;
    ppUsername = pl.pp.username;
    const list = await ppAgent.get('/kelola/tender');
    assert.equal(list.statusCode, 200, 'the PP reaches the tender desk');
    assert.match(list.body, new RegExp(`/kelola/tender/baru/${pl.packageId}`), 'the PL package is ready for the PP');
    const form = await ppAgent.get(`/kelola/tender/baru/${pl.packageId}`);
    assert.equal(form.statusCode, 200, 'the PP (of the package OPD) opens the build form');
    assert.match(form.body, /Simpan, lalu setujui pengumuman/, 'the PP is not asked for a Pokja approval');
    const res = await ppAgent.post(`/kelola/tender/baru/${pl.packageId}`, PL_FORM);
    assert.equal(res.statusCode, 303, `build PL: ${res.body.slice(0, 1500)}`);
    tenderId = /\/kelola\/tender\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
  });
  after(() => t.close());

  test('the PP is the single member; their approval announces it', async () => {
    const members = await t.db.select().from(tenderMembers).where(eq(tenderMembers.tenderId, tenderId));
    assert.deepEqual(
      members.map((m) => m.userId),
      [ppId],
      'the Pejabat Pengadaan is the only member',
    );
    const page = await ppAgent.get(`/kelola/tender/${tenderId}`);
    assert.match(page.body, /<h2>Persetujuan Pejabat Pengadaan<\/h2>/, 'the approval is the PP own, not a Pokja');
    kode = await approveAll(t, [ppAgent], tenderId);
    const [row] = await t.db.select().from(tenders).where(eq(tenders.id, tenderId));
    assert.equal(row!.status, 'berlangsung', 'announced by the single approval');
    assert.ok(kode, 'a kode tender was given');
    const [ev] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'tender.announced'), eq(auditEvents.objectId, tenderId)));
    assert.equal(ev?.actorRole, 'PEJABAT_PENGADAAN', 'audited in the PP capacity');
  });

  test('only the invited vendor joins; it accepts with the Pakta Integritas', async () => {
    const schedule = await loadSchedule(t.db, tenderId);
    t.clock.set(new Date(schedule[0]!.start.getTime() + 60_000));
    ppAgent = await signIn(t, ppUsername);
    const chosen = await verifiedVendor(t, 'CV Pilihan');
    const other = await verifiedVendor(t, 'CV Lain');
    const page = await ppAgent.get(`/kelola/tender/${tenderId}`);
    assert.match(page.body, /id="undangan"/, 'the PP sees the invitation form');

    const before = await other.agent.post(`/tender/${kode}/ikut`, { pakta: 'ya' });
    assert.equal(before.statusCode, 403, 'nobody joins before the invitation');

    const black = await verifiedVendor(t, 'CV Hitam');
    await t.db.insert(blacklistEntries).values({
      vendorId: black.vendor.id,
      vendorName: 'CV Hitam',
      npwp: black.vendor.npwp!,
      offence: 'pemalsuan_dokumen',
      skNumber: 'SK-DH/09/2026',
      skDate: '2026-01-05',
      issuingAgency: 'Dinas PUPR',
      startsOn: '2026-01-05',
      endsOn: '2027-01-04',
      createdBy: ppId,
      createdAt: t.clock.now(),
    });
    const refusedInvite = await ppAgent.post(`/kelola/tender/${tenderId}/undang`, { vendorId: black.vendor.id });
    assert.equal(refusedInvite.statusCode, 400, 'a blacklisted vendor is not invited');
    assert.match(refusedInvite.body, /CV Hitam tidak dapat diundang/, 'the refusal names the vendor');
    assert.match(refusedInvite.body, /daftar hitam \(SK SK-DH\/09\/2026\)/, 'and why, with the SK');
    assert.equal(
      (await t.db.select().from(tenderInvitations).where(eq(tenderInvitations.tenderId, tenderId))).length,
      0,
      'the refused invitation is not recorded',
    );

    const inv = await ppAgent.post(`/kelola/tender/${tenderId}/undang`, { vendorId: chosen.vendor.id });
    assert.equal(inv.statusCode, 303, `invite: ${inv.body.slice(0, 1000)}`);
    const second = await ppAgent.post(`/kelola/tender/${tenderId}/undang`, { vendorId: other.vendor.id });
    assert.equal(second.statusCode, 403, 'only one vendor is invited');
    assert.match(second.body, /TENDER_ALREADY_INVITED|sudah mengundang/, 'the refusal says why');
    const [ev] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'tender.vendor_invited'), eq(auditEvents.objectId, tenderId)));
    assert.ok(ev, 'the invitation is audited');

    const refused = await other.agent.post(`/tender/${kode}/ikut`, { pakta: 'ya' });
    assert.equal(refused.statusCode, 403, 'an uninvited vendor may not join');
    assert.match(refused.body, /diundang/, 'the refusal names the invitation');

    const dash = await chosen.agent.get('/dasbor');
    assert.match(dash.body, new RegExp(`/tender/${kode}/ikut`), 'the invited vendor sees the invitation task');
    await chosen.agent.get(`/tender/${kode}/ikut`);
    const ok = await chosen.agent.post(`/tender/${kode}/ikut`, { pakta: 'ya' });
    assert.equal(ok.statusCode, 303, `accept: ${ok.body.slice(0, 1000)}`);
    const [i] = await t.db.select().from(tenderInvitations).where(eq(tenderInvitations.tenderId, tenderId));
    assert.ok(i?.acceptedAt, 'the invitation is accepted');
    const parts = await t.db.select().from(tenderParticipants).where(eq(tenderParticipants.tenderId, tenderId));
    assert.deepEqual(
      parts.map((p) => p.vendorId),
      [chosen.vendor.id],
      'the invited vendor is the only participant',
    );
  });

  test('the PP declares the PL gagal with a reason the bundle allows them', async () => {
    await ppAgent.get(`/kelola/tender/${tenderId}`);
    const notYours = await ppAgent.post(`/kelola/tender/${tenderId}/gagal`, {
      failReason: 'i_kkn_pokja_ppk',
      failNote: 'KKN',
    });
    assert.equal(notYours.statusCode, 403, 'reason i belongs to the PA/KPA');
    const res = await ppAgent.post(`/kelola/tender/${tenderId}/gagal`, {
      failReason: 'g_harga_di_atas_hps',
      failNote: 'Penawaran di atas HPS setelah negosiasi',
    });
    assert.equal(res.statusCode, 303, `declare: ${res.body.slice(0, 1000)}`);
    const [row] = await t.db.select().from(tenders).where(eq(tenders.id, tenderId));
    assert.equal(row!.status, 'gagal', 'the PL failed');
    assert.equal(row!.closedRole, 'PEJABAT_PENGADAAN', 'declared in the PP capacity');
    assert.equal(row!.closedReason, 'g_harga_di_atas_hps', 'with the reason');
  });
});
