import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bidderView, bidRefusal, minDecrement, standings } from './rules.ts';

const at = (m: number) => new Date(Date.UTC(2026, 2, 2, 1, m));

describe('Tender Cepat reverse auction rules', () => {
  test('minimum decrement: 0,5 % of the HPS rounded up, at least Rp1', () => {
    assert.equal(minDecrement(1_000_000_000n), 5_000_000n);
    assert.equal(minDecrement(1_000_001n), 5_001n);
    assert.equal(minDecrement(1n), 1n);
  });

  test('a new bid must be lower than the own last by the decrement', () => {
    assert.equal(bidRefusal(1_000n, 995n, 5n), null);
    assert.equal(bidRefusal(1_000n, 996n, 5n), 'NOT_LOWER');
    assert.equal(bidRefusal(1_000n, 1_000n, 5n), 'NOT_LOWER');
    assert.equal(bidRefusal(1_000n, 0n, 5n), 'NOT_POSITIVE');
  });

  test('standings: the last (lowest) price per bidder, ascending, ties to the earlier bid', () => {
    const s = standings(
      [
        { vendorId: 'a', harga: 900n, at: at(0) },
        { vendorId: 'b', harga: 950n, at: at(0) },
        { vendorId: 'c', harga: 990n, at: at(0) },
      ],
      [
        { vendorId: 'b', harga: 880n, at: at(5) },
        { vendorId: 'a', harga: 880n, at: at(7) },
        { vendorId: 'c', harga: 970n, at: at(8) },
      ],
    );
    assert.deepEqual(
      s.map((x) => [x.vendorId, x.harga, x.rank]),
      [
        ['b', 880n, 1],
        ['a', 880n, 2],
        ['c', 970n, 3],
      ],
    );
    const v = bidderView(s, 'a');
    assert.deepEqual(v, { rank: 2, own: 880n, lowest: 880n, bidders: 3 });
    assert.equal(bidderView(s, 'z').rank, null);
  });
});
