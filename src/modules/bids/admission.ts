/**
 * How many bid bodies stream at once (tus PATCH). At the deadline surge (issue 11: 300 vendors × 20 MB on 2 cores) the
 * CPU is saturated whatever we do, and every active socket adds its read, hash and write to each turn of the event
 * loop: with 300 streaming at once a turn grows long, and a completion — a dozen awaits (its queries, the rename, the
 * signature) — waits a whole turn for each. So only `limit` bodies stream at a time; the others wait their turn in
 * arrival order with their bytes unread (TCP holds them at the vendor's side: nothing is buffered here). A PATCH that
 * brings an upload's last byte never waits: finishing a bid that is nearly in goes before starting more bytes, which
 * is what a deadline needs. The total ingest is the same (it is CPU-bound); what changes is that receipts come out
 * while the surge goes on.
 */
export class Admission {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /**
   * Waits for a slot (at once when `final`); resolves to the function that gives it back (call it exactly once). When
   * `signal` aborts while waiting (the client went away), the wait ends with the signal's reason and takes no slot.
   */
  async enter(final: boolean, signal: AbortSignal): Promise<() => void> {
    if (final || this.active < this.limit) {
      if (!final) this.active += 1;
      return final ? () => {} : this.releaser();
    }
    signal.throwIfAborted();
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        signal.removeEventListener('abort', abort);
        resolve();
      };
      const abort = () => {
        const i = this.queue.indexOf(turn);
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', abort, { once: true });
      this.queue.push(turn);
    });
    return this.releaser();
  }

  /** Bodies streaming now, and PATCHes waiting for a slot (for tests and the bench). */
  get state() {
    return { active: this.active, waiting: this.queue.length };
  }

  private releaser() {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      // The slot passes straight to the next in line (`active` unchanged), else it is freed.
      const next = this.queue.shift();
      if (next) next();
      else this.active -= 1;
    };
  }
}
