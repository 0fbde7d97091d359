import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { addAddendum } from '../contracts/commands/add-addendum.ts';
import { issueSpmk } from '../contracts/commands/issue-spmk.ts';
import { recordBast } from '../contracts/commands/record-bast.ts';
import { recordPayment } from '../contracts/commands/record-payment.ts';
import { terminateContract } from '../contracts/commands/terminate-contract.ts';
import { runningContract } from '../contracts/contracts.test-support.ts';
import { compileReleases } from './merge.ts';
import { emptyFields, ocdsValidators } from './ocds-validate.test-support.ts';
import { releasesOf } from './opendata.repository.ts';

/** R02, issue 13: award, contract and implementation releases from the contracts module's events. */
describe('OCDS releases of the award, the contract and its implementation', () => {
  let t: TestApp;
  const validators = ocdsValidators();
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('award → contract → SPMK → addendum → payments → BAST: one valid release per event, the NPWP never in it', async () => {
    const { w, id } = await runningContract(t, 'OCDS');
    await issueSpmk(w.asPpk, id, { nomor: 'SPMK-1', tanggal: '2026-03-05', mulaiKerja: '2026-03-06' });
    await addAddendum(w.asPpk, id, {
      nomor: 'ADD-1',
      tanggal: '2026-04-01',
      alasan: 'Tambah volume',
      nilaiBaru: 1_300_000_000n,
      selesaiBaru: '2026-10-15',
      alasanSepuluhPersen: null,
    });
    const bap = (nomor: string, tanggal: string, fisikBasisPoin: number, pembayaran: bigint) => ({
      nomor,
      tanggal,
      fisikBasisPoin,
      pembayaran,
    });
    await recordPayment(w.asPpk, id, bap('BAP-1', '2026-05-01', 6000, 600_000_000n));
    await recordPayment(w.asPpk, id, bap('BAP-2', '2026-06-01', 10000, 700_000_000n));
    await recordBast(w.asPpk, id, { nomor: 'BAST-1', phoDate: '2026-06-02' });

    const releases = await releasesOf(t.db, `${t.config.ocdsPrefix}-tender-${w.tender.kode}`);
    assert.deepEqual(
      releases.map((r) => r.tag[0]),
      [
        'award',
        'contract',
        'contractUpdate',
        'contractAmendment',
        'implementation',
        'implementation',
        'implementation',
      ],
    );
    for (const r of releases) {
      assert.deepEqual(validators.release(r), [], r.id);
      assert.deepEqual(emptyFields(r), [], r.id);
      assert.ok(!JSON.stringify(r).includes(w.vendor.npwp!), 'the NPWP is never published');
    }
    // biome-ignore lint/suspicious/noExplicitAny: reading a JSON document the schema has just validated
    const compiled = compileReleases(releases) as any;
    assert.deepEqual(validators.release(compiled), []);
    const c = compiled.contracts[0];
    assert.equal(c.value.amount, 1_300_000_000);
    assert.equal(c.amendments.length, 1);
    assert.deepEqual(
      c.implementation.transactions.map((x: { value: { amount: number } }) => x.value.amount),
      [600_000_000, 700_000_000],
    );
    assert.equal(c.implementation.milestones[0].dateMet, '2026-06-02T00:00:00+08:00');
    assert.equal(
      compiled.awards[0].suppliers[0].id,
      compiled.parties.find((p: { roles: string[] }) => p.roles.includes('supplier')).id,
    );
  });

  test('pemutusan kontrak: a contractTermination release, the contract terminated with its date, not the reason', async () => {
    const { w, id } = await runningContract(t, 'PUTUS-OCDS');
    const alasan = 'Penyedia tidak menyelesaikan pekerjaan setelah diberi kesempatan 50 hari (RAHASIA-ALASAN).';
    await terminateContract(w.asPpk, id, { tanggal: '2026-08-01', alasan, kesalahanPenyedia: true });
    const releases = await releasesOf(t.db, `${t.config.ocdsPrefix}-tender-${w.tender.kode}`);
    assert.deepEqual(
      releases.map((r) => r.tag[0]),
      ['award', 'contract', 'contractTermination'],
    );
    for (const r of releases) assert.deepEqual(validators.release(r), [], r.id);
    // biome-ignore lint/suspicious/noExplicitAny: reading a JSON document the schema has just validated
    const last = releases[2] as any;
    assert.equal(last.contracts[0].status, 'terminated');
    assert.match(last.contracts[0].description, /diputus .* 2026-08-01/);
    assert.equal(last.awards[0].status, 'active', 'the award stands: only the contract ended');
    assert.ok(!JSON.stringify(releases).includes('RAHASIA-ALASAN'), 'the reason is not published');
  });
});
