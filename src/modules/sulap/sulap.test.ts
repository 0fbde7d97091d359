import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { mailOutbox } from '../../platform/mail/mail.schema.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { checklistFor } from './checklist.ts';
import { draftTenderOf } from './sulap.repository.ts';
import { sulapDocuments, sulapPackages } from './sulap.schema.ts';
import {
  buildSulapWorld,
  createPackageVia,
  packageForm,
  packageInReview,
  postForm,
  review,
  signIn,
  submit,
  upload,
  uploadMandatory,
} from './sulap.test-support.ts';

describe('SULAP: package hand-over from PPK to Pokja (R03)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('HPS at most the sum of pagu: two plans consolidated, an HPS above their sum is refused at its field', async () => {
    const w = await buildSulapWorld(t, { plans: 2 });
    const ppk = await signIn(t, w.ppk.username);
    await ppk.get('/sulap/baru');
    const over = await postForm(ppk, '/sulap/baru', packageForm(w.kodes, { i0_harga: '2.490.000.000' }));
    assert.equal(over.statusCode, 422);
    assert.match(over.body, /HPS \(Rp 2\.502\.500\.000\) melebihi jumlah pagu \(Rp 2\.500\.000\.000\)/);
    assert.match(over.body, /value="2\.490\.000\.000"/, 'what was typed is kept');
    const bad = await postForm(ppk, '/sulap/baru', packageForm(w.kodes, { i1_volume: '1,2345', i1_harga: '1,5' }));
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /paling banyak tiga desimal/);
    assert.match(bad.body, /rupiah bulat/);
    const id = await createPackageVia(ppk, w.kodes, { i0_harga: '2.487.500.000' });
    const [pkg] = await t.db.select().from(sulapPackages).where(eq(sulapPackages.id, id));
    assert.equal(pkg!.pagu, 2_500_000_000n);
    assert.equal(pkg!.hps, 2_500_000_000n, 'HPS equal to pagu is allowed');
    assert.equal(pkg!.status, 'persiapan');
    assert.equal(pkg!.ppkUserId, w.ppk.id, 'R14: the author is the PPK');
    // A plan goes into one package only.
    await ppk.get('/sulap/baru');
    const again = await postForm(ppk, '/sulap/baru', packageForm([w.kodes[0]!]));
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /sudah masuk paket lain/);
  });

  test('the whole flow: create → submit → assign → one document sent back → new version → all approve → draft tender', async () => {
    const w = await buildSulapWorld(t);
    const ppk = await signIn(t, w.ppk.username);
    const id = await createPackageVia(ppk, w.kodes);
    const items = checklistFor('pekerjaan_konstruksi', 'tender');
    const docs = await t.db.select().from(sulapDocuments).where(eq(sulapDocuments.packageId, id));
    assert.deepEqual(docs.map((d) => d.itemKey).sort(), items.map((i) => i.item).sort());

    // Submitting before every mandatory document is there is refused, naming what is missing.
    await upload(ppk, id, 'kak_spesifikasi');
    const early = await submit(ppk, id, w.ukpbj.id);
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /Dokumen wajib belum diunggah: HPS beserta rinciannya, Rancangan kontrak/);
    await uploadMandatory(ppk, id);
    assert.equal((await submit(ppk, id, w.ukpbj.id)).statusCode, 303);

    // The Kepala UKPBJ: a Pokja of 4 is refused (odd number), 3 is fine; the members are told.
    const kepala = await signIn(t, w.kepala.username);
    const dash = await kepala.get('/dasbor');
    assert.match(dash.body, /1 paket SULAP menunggu penugasan Pokja/);
    const four = await kepala.post(`/sulap/${id}/penugasan`, {
      kind: 'pokja',
      anggota1: w.pokja[0]!.id,
      anggota2: w.pokja[1]!.id,
      anggota3: w.pokja[2]!.id,
      anggota4: w.pokja[3]!.id,
      skNumber: '027/1/2026',
      skDate: '2026-03-02',
    });
    assert.equal(four.statusCode, 422);
    assert.match(four.body, /3 atau 5 orang/);
    const members = w.pokja.slice(0, 3);
    const assignRes = await kepala.post(`/sulap/${id}/penugasan`, {
      kind: 'pokja',
      anggota1: members[0]!.id,
      anggota2: members[1]!.id,
      anggota3: members[2]!.id,
      skNumber: '027/1/2026',
      skDate: '2026-03-02',
    });
    assert.equal(assignRes.statusCode, 303);
    const mails = await t.db.select().from(mailOutbox);
    for (const m of members) {
      assert.ok(
        mails.some((x) => x.toAddress === m.email && /Penugasan Pokja/.test(x.subject)),
        m.username,
      );
    }

    // Member 1 sends the HPS back; the PPK is told and sees it on the dashboard.
    const m1 = await signIn(t, members[0]!.username);
    assert.match((await m1.get('/dasbor')).body, /dokumen SULAP menunggu reviu Anda/);
    const noNote = await review(m1, id, 'hps', 'revisi', '');
    assert.equal(noNote.statusCode, 400);
    assert.match(noNote.body, /Tulis catatan/);
    assert.equal((await review(m1, id, 'hps', 'revisi', 'Harga aspal terlalu tinggi')).statusCode, 303);
    const ppkMail = (await t.db.select().from(mailOutbox)).find(
      (x) => x.toAddress === w.ppk.email && /perlu revisi/.test(x.subject),
    );
    assert.ok(ppkMail, 'the PPK is told');
    assert.match(ppkMail.bodyText, /Harga aspal terlalu tinggi/);
    assert.doesNotMatch(ppkMail.bodyText, /1\.012\.500\.000/, 'no HPS in mail');
    assert.match((await ppk.get('/dasbor')).body, /1 paket SULAP dengan dokumen yang perlu direvisi/);

    // The PPK uploads version 2 with an answer; the other documents cannot be replaced during the review.
    const notBack = await upload(ppk, id, 'kak_spesifikasi');
    assert.equal(notBack.statusCode, 409);
    assert.equal((await upload(ppk, id, 'hps', 'Harga disesuaikan dengan SSH 2026', 'hps-v2.pdf')).statusCode, 303);

    // Every member approves every mandatory document.
    const mandatory = items.filter((i) => i.mandatory).map((i) => i.item);
    for (const m of members) {
      const a = await signIn(t, m.username);
      for (const item of mandatory) assert.equal((await review(a, id, item, 'disetujui')).statusCode, 303);
    }
    const [pkg] = await t.db.select().from(sulapPackages).where(eq(sulapPackages.id, id));
    assert.equal(pkg!.status, 'kolektif_kolegial');
    const draft = await draftTenderOf(t.db, id);
    assert.ok(draft, 'a draft tender exists');
    assert.equal(draft.pagu, 1_250_000_000n);
    assert.equal(draft.hps, 1_012_500_000n);
    assert.deepEqual(draft.planKodes, w.kodes);
    assert.deepEqual(draft.pokja.map((p) => p.userId).sort(), members.map((m) => m.id).sort());
    assert.equal(draft.documents.find((d) => d.itemKey === 'hps')?.version, 2);
    const done = (await t.db.select().from(mailOutbox)).filter((x) => /menjadi draf tender/.test(x.subject));
    for (const email of [w.ppk.email, w.kepala.email, ...members.map((m) => m.email)]) {
      assert.ok(
        done.some((x) => x.toAddress === email),
        email,
      );
    }

    // The history stays readable: both versions, the note and the answer.
    const page = await ppk.get(`/sulap/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Versi 2: hps-v2\.pdf/);
    assert.match(page.body, /Versi 1: hps\.pdf/);
    assert.match(page.body, /Harga aspal terlalu tinggi/);
    assert.match(page.body, /Harga disesuaikan dengan SSH 2026/);
    assert.match(page.body, /draf tender/);
    const actions = (
      await t.db.select({ a: auditEvents.action }).from(auditEvents).where(eq(auditEvents.objectId, id))
    ).map((r) => r.a);
    for (const a of ['sulap.created', 'sulap.submitted', 'sulap.assigned', 'sulap.reviewed', 'sulap.completed']) {
      assert.ok(actions.includes(a as never), a);
    }
  });

  test('kaji ulang is recorded by a member; the PPK cannot record one', async () => {
    const w = await buildSulapWorld(t);
    const { id, ppkAgent } = await packageInReview(t, w);
    const m = await signIn(t, w.pokja[1]!.username);
    await m.get(`/sulap/${id}`);
    const r = await m.post(`/sulap/${id}/kaji-ulang`, {
      hasil: 'perlu_perbaikan',
      uraian: 'Spesifikasi aspal dikaji ulang',
    });
    assert.equal(r.statusCode, 303);
    assert.match((await ppkAgent.get(`/sulap/${id}`)).body, /Spesifikasi aspal dikaji ulang/);
    const refused = await ppkAgent.post(`/sulap/${id}/kaji-ulang`, { hasil: 'sesuai', uraian: 'x' });
    assert.equal(refused.statusCode, 403);
  });

  test('agency scope: a PPK of another agency sees nothing and cannot use the plans', async () => {
    const w = await buildSulapWorld(t);
    const other = await buildSulapWorld(t, { plans: 0 });
    const ppk = await signIn(t, w.ppk.username);
    const id = await createPackageVia(ppk, w.kodes);
    const stranger = await signIn(t, other.ppk.username);
    const list = await stranger.get('/sulap');
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /Paket Jalan Lantagi/);
    const detail = await stranger.get(`/sulap/${id}`);
    assert.equal(detail.statusCode, 403);
    assert.doesNotMatch(detail.body, /1\.012\.500\.000/);
    const form = await stranger.get('/sulap/baru');
    assert.doesNotMatch(form.body, new RegExp(String(w.kodes[0])));
    // The agency's PA planned the budget but does not see the package.
    const colleague = await signIn(t, w.pa.username);
    assert.equal((await colleague.get(`/sulap/${id}`)).statusCode, 403, 'a PA has no SULAP access');
  });
});
