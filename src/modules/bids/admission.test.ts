import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Admission, eventLoopPressure } from './admission.ts';

/** A promise's state without waiting for it: settled on the next turn of the event loop, or still pending. */
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

const never = () => new AbortController().signal;

describe('bid upload admission (R12, issue 11 deadline surge): bodies stream as the event loop keeps up, the last byte never waits', () => {
  test('the floor streams whatever the load; beyond it a busy loop holds the line, in arrival order', async () => {
    let busy = true;
    const a = new Admission({ floor: 2, intervalMs: 10, busy: () => busy });
    const leave1 = await a.enter(false, never());
    await a.enter(false, never());
    const third = a.enter(false, never());
    const fourth = a.enter(false, never());
    assert.equal(await settled(third), false, 'the third waits while the loop is busy');
    assert.deepEqual(a.state, { active: 2, waiting: 2 });
    leave1();
    assert.equal(await settled(third), true, 'below the floor again: the first in line goes');
    assert.equal(await settled(fourth), false, 'the next still waits');
    leave1();
    assert.equal(a.state.active, 2, 'ending a turn twice frees nothing more');
    busy = false;
    await sleep(30);
    assert.equal(await settled(fourth), true, 'once the loop keeps up, the next is let in');
    assert.deepEqual(a.state, { active: 3, waiting: 0 });
  });

  test('while the loop keeps up, more than the floor stream, let in one per interval', async () => {
    // A long interval: the third must not find it elapsed since the second, even on a loaded CI machine (40 ms did).
    const a = new Admission({ floor: 1, intervalMs: 400, busy: () => false });
    await a.enter(false, never());
    await a.enter(false, never());
    const third = a.enter(false, never());
    assert.equal(await settled(third), false, 'one above the floor per interval, not all at once');
    await sleep(500);
    assert.equal(await settled(third), true);
    assert.equal(a.state.active, 3, 'slow connections that cost the loop little all stream');
  });

  test("a PATCH that brings an upload's last byte goes at once, even when the line is held", async () => {
    const a = new Admission({ floor: 1, intervalMs: 10, busy: () => true });
    await a.enter(false, never());
    const waiting = a.enter(false, never());
    const last = a.enter(true, never());
    assert.equal(await settled(last), true, 'the last byte is not queued behind other bodies');
    (await last)();
    assert.deepEqual(a.state, { active: 1, waiting: 1 }, 'and takes no turn');
    assert.equal(await settled(waiting), false);
  });

  test('a client that goes away while waiting leaves the line', async () => {
    const a = new Admission({ floor: 1, intervalMs: 10, busy: () => true });
    const leave = await a.enter(false, never());
    const gone = new AbortController();
    const waiting = a.enter(false, gone.signal);
    const after = a.enter(false, never());
    gone.abort(new Error('closed'));
    await assert.rejects(waiting, /closed/);
    assert.equal(a.state.waiting, 1, 'only the one still connected waits');
    leave();
    assert.equal(await settled(after), true, 'the turn goes to the next one still connected');
  });

  test('event-loop pressure: busy after the loop was held up, calm again after', async () => {
    const p = eventLoopPressure(10, 50);
    try {
      assert.equal(p.busy(), false, 'no sample yet');
      await sleep(30);
      const until = Date.now() + 120;
      while (Date.now() < until) {} // the loop held up, as 300 streaming sockets would
      await sleep(60);
      assert.equal(p.busy(), true, 'a loop that fell behind is busy');
      await sleep(150);
      assert.equal(p.busy(), false, 'and calm once it keeps up');
    } finally {
      p.stop();
    }
  });
});
