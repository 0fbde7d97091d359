import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GroupCommit } from './group-commit.ts';

/** A commit that records each group it was given and finishes when the test lets it. */
function recorder(fail?: (item: string) => boolean) {
  const groups: string[][] = [];
  let release: () => void = () => {};
  let gate = Promise.resolve();
  const hold = () => {
    gate = new Promise<void>((r) => {
      release = r;
    });
  };
  const commit = async (items: string[]) => {
    groups.push(items);
    await gate;
    if (fail && items.some(fail)) throw new Error(`bad ${items.join(',')}`);
    return items.map((i) => `ok ${i}`);
  };
  return { groups, commit, hold, release: () => release() };
}

const keyOf = (item: string) => item.split(':')[0]!;

describe('group commit (the receipts of a deadline)', () => {
  test('a write alone commits at once; writes that arrive while it commits go together in the next group', async () => {
    const r = recorder();
    const g = new GroupCommit(r.commit, keyOf);
    r.hold();
    const first = g.submit('a');
    const rest = [g.submit('b'), g.submit('c'), g.submit('d')];
    assert.deepEqual(r.groups, [['a']]);
    r.release();
    assert.deepEqual(await Promise.all([first, ...rest]), ['ok a', 'ok b', 'ok c', 'ok d']);
    assert.deepEqual(r.groups, [['a'], ['b', 'c', 'd']]);
  });

  test('two writes with the same key never share a group, and keep their order', async () => {
    const r = recorder();
    const g = new GroupCommit(r.commit, keyOf);
    r.hold();
    const all = [g.submit('x:1'), g.submit('y:1'), g.submit('x:2'), g.submit('z:1'), g.submit('x:3')];
    r.release();
    await Promise.all(all);
    assert.deepEqual(r.groups, [['x:1'], ['y:1', 'x:2', 'z:1'], ['x:3']]);
  });

  test('a group that fails is retried one write at a time: only the bad write fails its caller', async () => {
    const r = recorder((i) => i === 'bad');
    const g = new GroupCommit(r.commit, keyOf);
    r.hold();
    const first = g.submit('a');
    const [good, bad, other] = [g.submit('b'), g.submit('bad'), g.submit('c')];
    r.release();
    assert.equal(await first, 'ok a');
    assert.equal(await good, 'ok b');
    await assert.rejects(bad, /bad/);
    assert.equal(await other, 'ok c');
  });

  test('no group is larger than its limit', async () => {
    const r = recorder();
    const g = new GroupCommit(r.commit, keyOf, 2);
    r.hold();
    const all = ['a', 'b', 'c', 'd', 'e'].map((i) => g.submit(i));
    r.release();
    await Promise.all(all);
    assert.deepEqual(r.groups, [['a'], ['b', 'c'], ['d', 'e']]);
  });
});
