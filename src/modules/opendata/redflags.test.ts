import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type CompiledLike,
  contractVsHps,
  daysToAward,
  flagsOf,
  type RecordLike,
  shortTitle,
  singleBidder,
  winnerConcentration,
} from './redflags.ts';

const ANNOUNCED = '2026-03-02T01:00:00.000Z';
const daysLater = (d: number) => new Date(Date.parse(ANNOUNCED) + d * 86_400_000).toISOString();

function record(compiled: Partial<CompiledLike>, announced: string | null = ANNOUNCED): RecordLike {
  return {
    compiled: { ocid: 'ocds-demo00-tender-1', ...compiled },
    releases: announced
      ? [
          { date: '2026-01-10T00:00:00.000Z', tag: ['planning'] },
          { date: announced, tag: ['tender'] },
        ]
      : [],
  };
}
const award = (days: number, supplier = 'S1') => ({
  id: 'a1',
  status: 'active',
  date: daysLater(days),
  suppliers: [{ id: supplier }],
});

describe('red flags (issue 13 item 6; opentender indicators, DOMAIN §4)', () => {
  test('days from announcement to award: scored 1 (≤ 25 days) to 5 (> 70 days), found at 5', () => {
    assert.deepEqual(daysToAward(record({ awards: [award(25)] })), {
      indicator: 'days_to_award',
      status: 'not_found',
      value: 25,
      score: 1,
    });
    assert.equal(daysToAward(record({ awards: [award(26)] })).score, 2);
    assert.equal(daysToAward(record({ awards: [award(70)] })).score, 4);
    const late = daysToAward(record({ awards: [award(71)] }));
    assert.equal(late.score, 5);
    assert.equal(late.status, 'found');
    assert.equal(daysToAward(record({})).status, 'cannot_assess', 'no award yet');
    assert.equal(daysToAward(record({ awards: [{ ...award(80), status: 'cancelled' }] })).status, 'cannot_assess');
  });

  test('contract value vs HPS: above HPS, within 1 % of it, or ≥ 20 % below it are found', () => {
    const at = (contract: number) =>
      contractVsHps(
        record({
          tender: { value: { amount: 1_000_000_000 } },
          contracts: [{ id: 'c1', value: { amount: contract } }],
        }),
      );
    assert.equal(at(1_000_000_001).status, 'found');
    assert.equal(at(995_000_000).status, 'found', 'within 1 %');
    assert.equal(at(990_000_000).status, 'found', 'exactly 1 % below');
    assert.equal(at(989_999_999).status, 'not_found');
    assert.equal(at(900_000_000).status, 'not_found');
    assert.equal(at(800_000_000).status, 'found', '20 % below');
    assert.equal(at(900_000_000).value, 0.9);
    assert.equal(contractVsHps(record({ tender: { value: { amount: 1 } } })).status, 'cannot_assess');
  });

  test('single bidder: bid statistics first, then numberOfTenderers, then the tenderers listed', () => {
    assert.equal(singleBidder(record({ bids: { statistics: [{ measure: 'validBids', value: 1 }] } })).status, 'found');
    assert.equal(singleBidder(record({ tender: { numberOfTenderers: 3 } })).status, 'not_found');
    assert.equal(singleBidder(record({ tender: { tenderers: [{ id: 'x' }] } })).status, 'found');
    assert.equal(singleBidder(record({ tender: {} })).status, 'cannot_assess');
  });

  test('short title: fewer than 20 characters', () => {
    assert.equal(shortTitle(record({ tender: { title: 'Belanja ATK' } })).status, 'found');
    assert.equal(shortTitle(record({ tender: { title: 'Peningkatan Jalan Desa Lantagi' } })).status, 'not_found');
    assert.equal(shortTitle(record({ tender: { title: '12345678901234567890' } })).status, 'not_found', '20 is enough');
    assert.equal(shortTitle(record({})).status, 'cannot_assess');
  });

  test('winner concentration per agency: a supplier with ≥ half of an agency’s awards is flagged on each win', () => {
    const win = (n: number, buyer: string, supplier: string) =>
      record({ ocid: `ocds-demo00-tender-${n}`, buyer: { id: buyer }, awards: [award(10, supplier)] });
    const records = [
      win(1, 'PUPR', 'CV A'),
      win(2, 'PUPR', 'CV A'),
      win(3, 'PUPR', 'CV B'),
      win(4, 'PUPR', 'CV C'),
      win(5, 'DINKES', 'CV A'),
      win(6, 'DINKES', 'CV A'),
    ];
    const flags = winnerConcentration(records);
    assert.equal(flags.get('ocds-demo00-tender-1')?.status, 'found');
    assert.equal(flags.get('ocds-demo00-tender-1')?.value, 0.5);
    assert.equal(flags.get('ocds-demo00-tender-3')?.status, 'not_found');
    assert.equal(flags.get('ocds-demo00-tender-5')?.status, 'cannot_assess', 'too few awards at DINKES');
    assert.equal(winnerConcentration(records, { share: 0.6 }).get('ocds-demo00-tender-1')?.status, 'not_found');
  });

  test('flagsOf lists every per-process indicator', () => {
    assert.deepEqual(
      flagsOf(record({ tender: { title: 'ATK' } })).map((f) => [f.indicator, f.status]),
      [
        ['days_to_award', 'cannot_assess'],
        ['contract_vs_hps', 'cannot_assess'],
        ['single_bidder', 'cannot_assess'],
        ['short_title', 'found'],
      ],
    );
  });
});
