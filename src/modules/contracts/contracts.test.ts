import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { runningWorkOf } from '../sikap/index.ts';
import { addAddendum } from './commands/add-addendum.ts';
import { issueSpmk } from './commands/issue-spmk.ts';
import { issueSppbj, type SppbjInput } from './commands/issue-sppbj.ts';
import { rateVendor } from './commands/rate-vendor.ts';
import { recordBast } from './commands/record-bast.ts';
import { recordFho } from './commands/record-fho.ts';
import { recordPayment } from './commands/record-payment.ts';
import { respondSppbj } from './commands/respond-sppbj.ts';
import { type ContractInput, signContract } from './commands/sign-contract.ts';
import { contractAwards, contracts } from './contracts.schema.ts';
import { award, buildContractWorld, buildTender, type ContractWorld, ctxAs } from './contracts.test-support.ts';
import {
  completedContractsOf,
  publicContractOfTender,
  runningContractsOf,
  sppbjRefusals,
  vendorPerformance,
} from './index.ts';

const code = (c: string) => (e: unknown) => {
  assert.equal((e as { code?: string }).code, c);
  return true;
};

const sppbj = (overrides: Partial<SppbjInput> = {}): SppbjInput => ({
  nomor: `027/SPPBJ/${Math.random().toString(36).slice(2, 8)}`,
  tanggal: '2026-03-03',
  nilai: 1_290_000_000n,
  jaminanNilai: 64_500_000n,
  jaminanPenerbit: 'Bank Sultra',
  jaminanBerlakuSampai: '2026-12-31',
  ...overrides,
});

const contract = (overrides: Partial<ContractInput> = {}): ContractInput => ({
  nomor: `600/KTR/${Math.random().toString(36).slice(2, 8)}`,
  jenisKontrak: 'harga_satuan',
  nilai: 1_290_000_000n,
  tanggal: '2026-03-05',
  mulai: '2026-03-06',
  selesai: '2026-09-30',
  ppkNama: 'Ir. PPK Uji',
  ppkNip: '198001012005011001',
  penyediaNama: 'Direktur Uji',
  penyediaJabatan: 'Direktur',
  ...overrides,
});

const bap = (nomor: string, tanggal: string, fisik: number, pembayaran: bigint) => ({
  nomor,
  tanggal,
  fisikBasisPoin: fisik,
  pembayaran,
});

describe('contracts: award → SPPBJ → contract → addenda → SPMK → BAP → BAST → rating (R12, R06)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** A world with an accepted SPPBJ and a signed contract. */
  async function signed(opts: { jenis?: string } = {}) {
    const w = await buildContractWorld(t, opts);
    const id = await award(t, w);
    await issueSppbj(w.asPpk, id, sppbj());
    await respondSppbj(w.asVendor, id, { accept: true, reason: null });
    await signContract(w.asPpk, id, contract());
    return { w, id };
  }

  test('acceptAward: the corrected price within the HPS, negotiation only lowers it, one active winner per tender', async () => {
    const w = await buildContractWorld(t);
    await assert.rejects(award(t, w, { nilaiTerkoreksi: 1_400_000_001n }), code('AWARD_ABOVE_HPS'));
    await assert.rejects(
      award(t, w, { nilaiTerkoreksi: 1_000_000_000n, nilaiNegosiasi: 1_000_000_001n }),
      code('AWARD_NEGOTIATION_ABOVE_CORRECTED'),
    );
    await assert.rejects(award(t, w, { nilaiTerkoreksi: 0n }), code('AWARD_INVALID_PRICE'));
    const id = await award(t, w);
    await assert.rejects(award(t, w), code('AWARD_ACTIVE_EXISTS'));
    const [row] = await t.db.select().from(contractAwards).where(eq(contractAwards.id, id));
    assert.equal(row!.ppkUserId, w.ppk.id, 'the PPK comes from the SULAP package');
    assert.equal(row!.hps, 1_400_000_000n);
    const [ev] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'contract.award_received'), eq(auditEvents.objectId, id)));
    assert.equal(ev!.actorUserId, w.pokja.id);
  });

  test('only the PPK of that package, in its agency, issues the SPPBJ (not another PPK, not another agency, not a vendor)', async () => {
    const w = await buildContractWorld(t);
    const id = await award(t, w);
    await assert.rejects(issueSppbj(ctxAs(t, w.ppk2, ['PPK'], w.agency.id), id, sppbj()), code('CONTRACT_NOT_PPK'));
    await assert.rejects(
      issueSppbj(ctxAs(t, w.ppkElsewhere, ['PPK'], w.other.id), id, sppbj()),
      code('CONTRACT_NOT_PPK'),
    );
    // The package's PPK holding the role in another agency only: refused too.
    await assert.rejects(issueSppbj(ctxAs(t, w.ppk, ['PPK'], w.other.id), id, sppbj()), code('CONTRACT_NOT_PPK'));
    await assert.rejects(issueSppbj(w.asVendor, id, sppbj()), code('FORBIDDEN'));
    await issueSppbj(w.asPpk, id, sppbj());
    await assert.rejects(issueSppbj(w.asPpk, id, sppbj()), code('SPPBJ_EXISTS'));
  });

  test('SPPBJ money rules: the awarded price, the jaminan pelaksanaan of Pasal 33, dates', async () => {
    const w = await buildContractWorld(t);
    const id = await award(t, w, { nilaiNegosiasi: 1_280_000_000n });
    await assert.rejects(issueSppbj(w.asPpk, id, sppbj({ nilai: 1_290_000_000n })), code('SPPBJ_VALUE_MISMATCH'));
    const ok = { nilai: 1_280_000_000n };
    await assert.rejects(issueSppbj(w.asPpk, id, sppbj({ ...ok, jaminanNilai: null })), code('SPPBJ_JAMINAN_REQUIRED'));
    await assert.rejects(
      issueSppbj(w.asPpk, id, sppbj({ ...ok, jaminanNilai: 63_999_999n })),
      code('SPPBJ_JAMINAN_TOO_LOW'),
    );
    await assert.rejects(
      issueSppbj(w.asPpk, id, sppbj({ ...ok, jaminanNilai: 64_000_000n, jaminanPenerbit: null })),
      code('SPPBJ_JAMINAN_INCOMPLETE'),
    );
    await assert.rejects(
      issueSppbj(w.asPpk, id, sppbj({ ...ok, jaminanNilai: 64_000_000n, jaminanBerlakuSampai: '2026-03-02' })),
      code('SPPBJ_JAMINAN_EXPIRES_EARLY'),
    );
    await assert.rejects(
      issueSppbj(w.asPpk, id, sppbj({ ...ok, tanggal: '2026-03-01' })),
      code('SPPBJ_DATE_BEFORE_AWARD'),
    );
    await issueSppbj(w.asPpk, id, sppbj({ ...ok, jaminanNilai: 64_000_000n }));
  });

  test('a refused SPPBJ keeps its reason, ends the award, is readable for the blacklist, and lets the next winner in', async () => {
    const w = await buildContractWorld(t);
    const id = await award(t, w);
    await issueSppbj(w.asPpk, id, sppbj());
    await assert.rejects(
      respondSppbj(w.asVendor, id, { accept: false, reason: 'tidak' }),
      code('SPPBJ_REFUSAL_REASON_REQUIRED'),
    );
    // another vendor cannot answer it (not found, not even a refusal)
    const other = await buildContractWorld(t);
    await assert.rejects(respondSppbj(other.asVendor, id, { accept: true, reason: null }), code('NOT_FOUND'));
    await respondSppbj(w.asVendor, id, { accept: false, reason: 'Personel inti tidak tersedia pada jadwal kontrak' });
    await assert.rejects(respondSppbj(w.asVendor, id, { accept: true, reason: null }), code('SPPBJ_NOT_AWAITING'));
    await assert.rejects(signContract(w.asPpk, id, contract()), code('CONTRACT_SPPBJ_NOT_ACCEPTED'));
    const refusals = await sppbjRefusals(t.db, { vendorId: w.vendor.id });
    assert.equal(refusals.length, 1);
    assert.equal(refusals[0]!.reason, 'Personel inti tidak tersedia pada jadwal kontrak');
    assert.equal(refusals[0]!.kodeTender, w.tender.kode);
    assert.equal((await sppbjRefusals(t.db, { vendorId: other.vendor.id })).length, 0);
    // the evaluation module appoints the next bidder
    const next = await buildContractWorld(t);
    await award(t, w, { vendorId: next.vendor.id });
  });

  test('the contract: the SPPBJ value, never above HPS or pagu, dates in order', async () => {
    const w = await buildContractWorld(t);
    const id = await award(t, w);
    await assert.rejects(signContract(w.asPpk, id, contract()), code('CONTRACT_SPPBJ_NOT_ACCEPTED'));
    await issueSppbj(w.asPpk, id, sppbj());
    await respondSppbj(w.asVendor, id, { accept: true, reason: null });
    await assert.rejects(signContract(w.asPpk, id, contract({ nilai: 1_500_000_001n })), code('CONTRACT_ABOVE_PAGU'));
    await assert.rejects(signContract(w.asPpk, id, contract({ nilai: 1_400_000_001n })), code('CONTRACT_ABOVE_HPS'));
    await assert.rejects(
      signContract(w.asPpk, id, contract({ nilai: 1_289_999_999n })),
      code('CONTRACT_VALUE_MISMATCH'),
    );
    await assert.rejects(
      signContract(w.asPpk, id, contract({ tanggal: '2026-03-02' })),
      code('CONTRACT_DATE_BEFORE_SPPBJ'),
    );
    await assert.rejects(
      signContract(w.asPpk, id, contract({ selesai: '2026-03-01' })),
      code('CONTRACT_PERIOD_INVALID'),
    );
    await assert.rejects(
      signContract(ctxAs(t, w.ppk2, ['PPK'], w.agency.id), id, contract()),
      code('CONTRACT_NOT_PPK'),
    );
    await signContract(w.asPpk, id, contract());
    await assert.rejects(signContract(w.asPpk, id, contract()), code('CONTRACT_EXISTS'));
    assert.deepEqual(
      (await runningContractsOf(t.db, w.vendor.id)).map((r) => r.nilai),
      [1_290_000_000n],
      'a signed contract is running work for SIKaP',
    );
  });

  test('addenda: a cumulative change above 10 % needs its own reason; never above the pagu', async () => {
    const { w, id } = await signed();
    const add = (
      nilaiBaru: bigint | null,
      alasanSepuluhPersen: string | null = null,
      selesaiBaru: string | null = null,
    ) =>
      addAddendum(w.asPpk, id, {
        nomor: 'ADD',
        tanggal: '2026-04-01',
        alasan: 'Tambah volume galian',
        nilaiBaru,
        selesaiBaru,
        alasanSepuluhPersen,
      });
    await assert.rejects(add(null), code('ADDENDUM_NO_CHANGE'));
    // +8 %: fine without a second reason
    await add(1_393_200_000n);
    // a further +3 % makes 11 % cumulative
    await assert.rejects(add(1_431_900_000n), code('ADDENDUM_REASON_10_PERCENT'));
    await assert.rejects(add(1_431_900_000n, 'Tambah volume galian'), code('ADDENDUM_REASON_10_PERCENT_SAME'));
    await assert.rejects(add(1_500_000_001n, 'Tanah labil'), code('ADDENDUM_ABOVE_PAGU'));
    await add(1_431_900_000n, 'Tanah labil di STA 2+300 memerlukan perkuatan tambahan');
    // going back down still counts: the change is cumulative in absolute terms
    await assert.rejects(add(1_290_000_000n), code('ADDENDUM_REASON_10_PERCENT'));
    await add(null, null, '2026-10-31');
    const [k] = await t.db.select().from(contracts).where(eq(contracts.awardId, id));
    assert.equal(k!.nilai, 1_431_900_000n);
    assert.equal(k!.nilaiAwal, 1_290_000_000n);
    assert.equal(k!.selesai, '2026-10-31');
  });

  test('SPMK, then BAPs: fisik monotonic, payments never above the contract value', async () => {
    const { w, id } = await signed();
    await assert.rejects(recordPayment(w.asPpk, id, bap('BAP-1', '2026-04-01', 1000, 1n)), code('BAP_SPMK_REQUIRED'));
    await assert.rejects(
      issueSpmk(w.asPpk, id, { nomor: 'SPMK-1', tanggal: '2026-03-04', mulaiKerja: '2026-03-06' }),
      code('SPMK_DATE_ORDER'),
    );
    await issueSpmk(w.asPpk, id, { nomor: 'SPMK-1', tanggal: '2026-03-05', mulaiKerja: '2026-03-06' });
    await assert.rejects(
      issueSpmk(w.asPpk, id, { nomor: 'SPMK-2', tanggal: '2026-03-05', mulaiKerja: '2026-03-06' }),
      code('SPMK_EXISTS'),
    );
    await assert.rejects(recordPayment(w.asPpk, id, bap('BAP-0', '2026-03-05', 0, 0n)), code('BAP_DATE_ORDER'));
    assert.equal(await recordPayment(w.asPpk, id, bap('BAP-1', '2026-05-01', 4000, 500_000_000n)), 1);
    await assert.rejects(
      recordPayment(w.asPpk, id, bap('BAP-2', '2026-06-01', 3999, 1n)),
      code('BAP_FISIK_DECREASING'),
    );
    await assert.rejects(recordPayment(w.asPpk, id, bap('BAP-2', '2026-04-30', 5000, 1n)), code('BAP_DATE_ORDER'));
    await assert.rejects(
      recordPayment(w.asPpk, id, bap('BAP-2', '2026-06-01', 9000, 790_000_001n)),
      code('BAP_ABOVE_CONTRACT'),
    );
    assert.equal(await recordPayment(w.asPpk, id, bap('BAP-2', '2026-06-01', 9000, 790_000_000n)), 2);
    // the value cannot be lowered below what was paid
    await assert.rejects(
      addAddendum(w.asPpk, id, {
        nomor: 'ADD-1',
        tanggal: '2026-06-02',
        alasan: 'Kurang volume',
        nilaiBaru: 1_200_000_000n,
        selesaiBaru: null,
        alasanSepuluhPersen: null,
      }),
      code('ADDENDUM_BELOW_PAID'),
    );
  });

  test('BAST after 100 %; rating only after BAST, once, by the PPK; then experience and performance for SIKaP', async () => {
    const { w, id } = await signed({ jenis: 'barang' });
    // SIKaP's "cek paket berjalan" shows the running contract to the Pokja of any other tender.
    // Read for the whole participant list at once: each contract lands with its own vendor only.
    const other = randomUUID();
    const byVendor = await runningWorkOf(t.db, [other, w.vendor.id]);
    assert.deepEqual(
      byVendor
        .get(w.vendor.id)!
        .filter((x) => x.kind === 'kontrak')
        .map((x) => x.kode),
      [w.tender.kode],
    );
    assert.deepEqual(byVendor.get(other), [], 'a vendor without contracts shows none of another vendor’s');
    await issueSpmk(w.asPpk, id, { nomor: 'SPMK-1', tanggal: '2026-03-05', mulaiKerja: '2026-03-06' });
    await recordPayment(w.asPpk, id, bap('BAP-1', '2026-05-01', 6000, 600_000_000n));
    const scores = { kualitas: 3, biaya: 2, waktu: 2, layanan: 3 };
    await assert.rejects(rateVendor(w.asPpk, id, { scores, catatan: null }), code('RATING_BEFORE_BAST'));
    await assert.rejects(
      recordBast(w.asPpk, id, { nomor: 'BAST-1', phoDate: '2026-06-01' }),
      code('BAST_PROGRESS_INCOMPLETE'),
    );
    await recordPayment(w.asPpk, id, bap('BAP-2', '2026-06-01', 10000, 690_000_000n));
    await assert.rejects(recordBast(w.asPpk, id, { nomor: 'BAST-1', phoDate: '2026-05-31' }), code('BAST_DATE_ORDER'));
    await recordBast(w.asPpk, id, { nomor: 'BAST-1', phoDate: '2026-06-02' });
    await assert.rejects(recordBast(w.asPpk, id, { nomor: 'BAST-2', phoDate: '2026-06-02' }), code('BAST_EXISTS'));
    await assert.rejects(recordFho(w.asPpk, id, { nomor: 'FHO', fhoDate: '2026-12-01' }), code('FHO_NOT_CONSTRUCTION'));
    // goods: closed at the BAST, no more changes
    await assert.rejects(
      addAddendum(w.asPpk, id, {
        nomor: 'ADD-9',
        tanggal: '2026-06-03',
        alasan: 'Terlambat',
        nilaiBaru: null,
        selesaiBaru: '2026-12-31',
        alasanSepuluhPersen: null,
      }),
      code('CONTRACT_COMPLETED'),
    );
    await assert.rejects(recordPayment(w.asPpk, id, bap('BAP-3', '2026-06-03', 10000, 0n)), code('CONTRACT_COMPLETED'));
    await assert.rejects(
      rateVendor(ctxAs(t, w.ppkElsewhere, ['PPK'], w.other.id), id, { scores, catatan: null }),
      code('CONTRACT_NOT_PPK'),
    );
    assert.equal(await rateVendor(w.asPpk, id, { scores, catatan: 'Tepat mutu' }), 250);
    await assert.rejects(rateVendor(w.asPpk, id, { scores, catatan: null }), code('RATING_EXISTS'));

    assert.deepEqual(await runningContractsOf(t.db, w.vendor.id), []);
    const done = await completedContractsOf(t.db, w.vendor.id);
    assert.equal(done.length, 1);
    assert.equal(done[0]!.nilai, 1_290_000_000n);
    assert.equal(done[0]!.tanggalSelesai, '2026-06-02');
    assert.equal(done[0]!.pemberiTugas, w.agency.name);
    assert.deepEqual(await vendorPerformance(t.db, w.vendor.id), { averageHundredths: 250, raters: 1, packages: 1 });
    // The public SIKaP page shows the rating and the completed contract.
    const page = await t.app.inject({ method: 'GET', url: `/penyedia/${w.vendor.id}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /id="penilaian-kinerja">2,50 dari 3 \(1 PPK penilai, 1 paket\)</);
    assert.ok(page.body.includes(`<a href="/tender/${w.tender.kode}">${w.tender.nama}</a>`));
    const pub = await publicContractOfTender(t.db, w.tender.id);
    assert.equal(pub?.status, 'selesai');
    assert.equal(pub?.fisikBasisPoin, 10000);
    assert.equal((await verifyAuditChain(t.db)).ok, true);
  });

  test('construction: PHO then FHO after the maintenance period; experience counts from the PHO', async () => {
    const { w, id } = await signed({ jenis: 'pekerjaan_konstruksi' });
    await issueSpmk(w.asPpk, id, { nomor: 'SPMK-1', tanggal: '2026-03-05', mulaiKerja: '2026-03-06' });
    await recordPayment(w.asPpk, id, bap('BAP-1', '2026-08-01', 10000, 1_225_500_000n));
    await assert.rejects(recordFho(w.asPpk, id, { nomor: 'FHO', fhoDate: '2026-12-01' }), code('FHO_NOT_AWAITING'));
    await recordBast(w.asPpk, id, { nomor: 'PHO-1', phoDate: '2026-08-02' });
    assert.equal((await completedContractsOf(t.db, w.vendor.id)).length, 1);
    // retention paid between PHO and FHO
    await recordPayment(w.asPpk, id, bap('BAP-2', '2026-12-01', 10000, 64_500_000n));
    await assert.rejects(recordFho(w.asPpk, id, { nomor: 'FHO', fhoDate: '2026-08-01' }), code('FHO_DATE_ORDER'));
    await recordFho(w.asPpk, id, { nomor: 'FHO-1', fhoDate: '2027-02-02' });
    const [k] = await t.db.select().from(contracts).where(eq(contracts.awardId, id));
    assert.equal(k!.status, 'selesai');
  });

  test('a tender without a SULAP PPK is managed by any PPK of its agency, never another agency', async () => {
    const w = await buildContractWorld(t);
    const tender = await buildTender(t, { agencyId: w.agency.id, ppkUserId: w.ppk.id });
    const id = await award(t, { ...w, tender } as ContractWorld);
    await t.db.update(contractAwards).set({ ppkUserId: null }).where(eq(contractAwards.id, id));
    await assert.rejects(
      issueSppbj(ctxAs(t, w.ppkElsewhere, ['PPK'], w.other.id), id, sppbj()),
      code('CONTRACT_NOT_PPK'),
    );
    await issueSppbj(ctxAs(t, w.ppk2, ['PPK'], w.agency.id), id, sppbj());
  });
});
