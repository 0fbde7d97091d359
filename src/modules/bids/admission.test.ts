import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Admission } from './admission.ts';

/** A promise's state without waiting for it: settled on the next turn of the microtask queue, or still pending. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  await new Promise((r) => setImmediate(r));
  return done;
}

describe('bid upload admission (R12, issue 11 deadline surge): a few bodies stream at once, the last byte never waits', () => {
  test('beyond the limit a PATCH waits; slots pass on in arrival order', async () => {
    const a = new Admission(2);
    const never = new AbortController().signal;
    const leave1 = await a.enter(false, never);
    const leave2 = await a.enter(false, never);
    const third = a.enter(false, never);
    const fourth = a.enter(false, never);
    assert.equal(await settled(third), false, 'the third waits while two stream');
    assert.deepEqual(a.state, { active: 2, waiting: 2 });
    leave2();
    assert.equal(await settled(third), true, 'the first in line gets the slot given back');
    assert.equal(await settled(fourth), false, 'the next still waits');
    leave2();
    assert.equal(await settled(fourth), false, 'giving a slot back twice frees nothing more');
    leave1();
    assert.equal(await settled(fourth), true);
    (await third)();
    (await fourth)();
    assert.deepEqual(a.state, { active: 0, waiting: 0 }, 'every slot back');
  });

  test("a PATCH that brings an upload's last byte goes at once, even when every slot is taken", async () => {
    const a = new Admission(1);
    const never = new AbortController().signal;
    await a.enter(false, never);
    const waiting = a.enter(false, never);
    const last = a.enter(true, never);
    assert.equal(await settled(last), true, 'the last byte is not queued behind other bodies');
    (await last)();
    assert.deepEqual(a.state, { active: 1, waiting: 1 }, 'and takes no slot');
    assert.equal(await settled(waiting), false);
  });

  test('a client that goes away while waiting leaves the line and holds no slot', async () => {
    const a = new Admission(1);
    const leave = await a.enter(false, new AbortController().signal);
    const gone = new AbortController();
    const waiting = a.enter(false, gone.signal);
    const after = a.enter(false, new AbortController().signal);
    gone.abort(new Error('closed'));
    await assert.rejects(waiting, /closed/);
    assert.equal(a.state.waiting, 1, 'only the one still connected waits');
    leave();
    assert.equal(await settled(after), true, 'the slot goes to the next one still connected');
  });
});
