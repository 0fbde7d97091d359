import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.schema.ts';
import { buildUser, createTestApp, type TestApp } from '../../test/harness.ts';
import { signIn } from '../sulap/sulap.test-support.ts';
import { addAddendum } from './commands/add-addendum.ts';
import { issueSpmk } from './commands/issue-spmk.ts';
import { recordBast } from './commands/record-bast.ts';
import { recordPayment } from './commands/record-payment.ts';
import { ctxAs, runningContract } from './contracts.test-support.ts';
import { contractTerminations, terminateContract } from './index.ts';

const code = (c: string) => (e: unknown) => {
  assert.equal((e as { code?: string }).code, c);
  return true;
};

/** Pemutusan kontrak by the PPK (Perpres 16/2018 jo. 12/2021 Pasal 56), read by the blacklist. */
describe('contract termination (pemutusan kontrak)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  let n = 0;
  const running = () => runningContract(t, `PUTUS/${++n}`);
  const alasan = 'Penyedia tidak menyelesaikan pekerjaan setelah diberi kesempatan 50 hari kalender (cidera janji).';

  test('only the package’s PPK terminates a running contract, with a date and a reason; audited', async () => {
    const { w, id } = await running();
    await assert.rejects(
      terminateContract(ctxAs(t, w.ppk2, ['PPK'], w.agency.id), id, {
        tanggal: '2026-08-01',
        alasan,
        kesalahanPenyedia: true,
      }),
      code('CONTRACT_NOT_PPK'),
    );
    await assert.rejects(
      terminateContract(w.asVendor, id, { tanggal: '2026-08-01', alasan, kesalahanPenyedia: true }),
      code('FORBIDDEN'),
    );
    await assert.rejects(
      terminateContract(w.asPpk, id, { tanggal: '2026-03-01', alasan, kesalahanPenyedia: true }),
      code('TERMINATION_DATE_ORDER'),
    );
    await assert.rejects(
      terminateContract(w.asPpk, id, { tanggal: '2026-08-01', alasan: 'Terlambat', kesalahanPenyedia: true }),
      code('TERMINATION_REASON_REQUIRED'),
    );
    await terminateContract(w.asPpk, id, { tanggal: '2026-08-01', alasan, kesalahanPenyedia: true });
    await assert.rejects(
      terminateContract(w.asPpk, id, { tanggal: '2026-08-02', alasan, kesalahanPenyedia: true }),
      code('TERMINATION_NOT_RUNNING'),
    );
    // Nothing follows but the payment of work already done.
    await assert.rejects(
      addAddendum(w.asPpk, id, {
        nomor: 'ADD-1',
        tanggal: '2026-08-03',
        alasan: 'Perpanjangan',
        nilaiBaru: null,
        selesaiBaru: '2026-12-31',
        alasanSepuluhPersen: null,
      }),
      code('CONTRACT_COMPLETED'),
    );
    await assert.rejects(
      recordBast(w.asPpk, id, { nomor: 'BAST', phoDate: '2026-08-04' }),
      code('CONTRACT_TERMINATED'),
    );
    const [ev] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'contract.terminated'), eq(auditEvents.objectId, id)));
    assert.ok(ev, 'the termination is audited');
    assert.equal(ev.actorUserId, w.ppk.id);

    // The blacklist reads it with its reason; a termination not for the vendor's fault is kept apart.
    const rows = await contractTerminations(t.db, { vendorId: w.vendor.id });
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.alasan, alasan);
    assert.equal(rows[0]!.kesalahanPenyedia, true);
    assert.equal(rows[0]!.tanggal, '2026-08-01');
    const other = await running();
    await terminateContract(other.w.asPpk, other.id, {
      tanggal: '2026-08-01',
      alasan: 'Kebutuhan barang tidak dapat ditunda melebihi batas berakhirnya kontrak (keadaan kahar).',
      kesalahanPenyedia: false,
    });
    const faults = await contractTerminations(t.db, { vendorFaultOnly: true });
    assert.ok(
      faults.some((r) => r.awardId === id),
      'the vendor-fault termination is a blacklist candidate',
    );
    assert.ok(!faults.some((r) => r.awardId === other.id), 'the other is not');
  });

  test('through the pages: the PPK’s form; the vendor sees the termination and its reason', async () => {
    const { w, id } = await running();
    await issueSpmk(w.asPpk, id, { nomor: 'SPMK-1', tanggal: '2026-03-05', mulaiKerja: '2026-03-06' });
    await recordPayment(w.asPpk, id, {
      nomor: 'BAP-1',
      tanggal: '2026-05-01',
      fisikBasisPoin: 3000,
      pembayaran: 300_000_000n,
    });
    const ppk = await signIn(t, w.ppk.username);
    const page = await ppk.get(`/kelola/kontrak/${id}`);
    assert.match(page.body, /Putuskan kontrak/);
    const empty = await ppk.post(`/kelola/kontrak/${id}/putus`, { putus_tanggal: '2026-08-01', putus_alasan: '' });
    assert.equal(empty.statusCode, 400, 'a reason is required');
    const res = await ppk.post(`/kelola/kontrak/${id}/putus`, {
      putus_tanggal: '2026-08-01',
      putus_alasan: alasan,
      putus_kesalahanPenyedia: 'ya',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const after = await ppk.get(`/kelola/kontrak/${id}`);
    assert.doesNotMatch(after.body, /Putuskan kontrak/);
    const vendor = await signIn(t, w.vendorUser.username);
    const mine = await vendor.get(`/kontrak-saya/${id}`);
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /Kontrak diputus pada/);
    assert.match(mine.body, /karena kesalahan penyedia/);
    assert.match(mine.body, /kesempatan 50 hari kalender/);
    // Payments for work done before the termination may still be recorded.
    await recordPayment(w.asPpk, id, {
      nomor: 'BAP-2',
      tanggal: '2026-08-02',
      fisikBasisPoin: 3500,
      pembayaran: 50_000_000n,
    });
  });

  test('the Verifikator’s blacklist page lists a vendor-fault termination until an SK answers it', async () => {
    const { w, id } = await running();
    await terminateContract(w.asPpk, id, { tanggal: '2026-08-01', alasan, kesalahanPenyedia: true });
    const verifikator = await signIn(t, (await buildUser(t, { roles: ['VERIFIKATOR'] })).username);
    const page = await verifikator.get('/verifikasi/daftar-hitam');
    assert.equal(page.statusCode, 200);
    const link = `/verifikasi/daftar-hitam?vendor=${w.vendor.id}&amp;pelanggaran=pemutusan_kontrak`;
    assert.ok(page.body.includes(link), 'the termination links to the form filled for its vendor');
    assert.ok(page.body.includes('kesempatan 50 hari kalender'), 'with the PPK’s reason');

    const filled = await verifikator.get(
      `/verifikasi/daftar-hitam?vendor=${w.vendor.id}&pelanggaran=pemutusan_kontrak`,
    );
    assert.match(filled.body, new RegExp(`<option value="${w.vendor.id}" selected`), 'the vendor is chosen');
    assert.match(filled.body, /<option value="pemutusan_kontrak" selected/, 'the offence is chosen');
    const junk = await verifikator.get('/verifikasi/daftar-hitam?vendor=bukan-uuid&pelanggaran=mencuri');
    assert.equal(junk.statusCode, 200, 'a bad pre-fill is ignored, not an error');

    const added = await verifikator.post('/verifikasi/daftar-hitam', {
      vendorId: w.vendor.id,
      offence: 'pemutusan_kontrak',
      skNumber: `SK-DH-${id.slice(0, 6)}`,
      skDate: '2026-08-20',
      issuingAgency: 'Dinas Uji',
      startsOn: '2026-08-21',
      endsOn: '2027-08-20',
    });
    assert.equal(added.statusCode, 303, added.body.slice(0, 500));
    const after = await verifikator.get('/verifikasi/daftar-hitam');
    assert.ok(!after.body.includes(link), 'answered by the SK, the termination leaves the list');
  });
});
