import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * How many bid bodies stream at once (tus PATCH). At the deadline surge (issue 11: 300 vendors × 20 MB on 2 cores) the
 * CPU is saturated whatever we do, and every busy socket adds its read, hash and write to each turn of the event loop:
 * with 300 streaming at once a turn grows long, and a completion — a dozen awaits (its queries, the rename, the
 * signature) — waits a whole turn for each (the bench's p99 from last byte to receipt was 5–6 s).
 *
 * So bodies are let in by the event loop's own measure, not by a count: `floor` bodies always stream; beyond them one
 * more is let in per `intervalMs` while the loop keeps up (`busy()` false: its delay is under a bound), and the others
 * wait in arrival order with their bytes unread (TCP holds them at the vendor's side: nothing is buffered here). Slow
 * island connections cost the loop little, so many of them stream together and a few never hold the rest back; fast
 * ones fill the loop, so few do. A PATCH that brings an upload's last byte never waits: finishing a bid that is nearly
 * in goes before starting more bytes, which is what a deadline needs.
 */
export interface AdmissionOptions {
  /** Bodies that stream whatever the load. */
  floor: number;
  /** How often waiting bodies are reconsidered; above the floor at most one is let in per interval. */
  intervalMs: number;
  /** True while the event loop is too busy to take one more body (`eventLoopPressure`). */
  busy: () => boolean;
}

export class Admission {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastLetIn = 0;

  constructor(private readonly opts: AdmissionOptions) {}

  /**
   * Waits for a turn (at once when `final`); resolves to the function that ends it (call it once; more calls do
   * nothing). When `signal` aborts while waiting (the client went away), the wait ends with the signal's reason.
   */
  async enter(final: boolean, signal: AbortSignal): Promise<() => void> {
    if (final) return () => {};
    if (this.queue.length === 0 && this.mayLetIn(Date.now())) {
      this.take();
      return this.releaser();
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
      this.tick();
    });
    return this.releaser();
  }

  /** Bodies streaming now, and PATCHes waiting for their turn (for tests and the bench). */
  get state() {
    return { active: this.active, waiting: this.queue.length };
  }

  private mayLetIn(now: number) {
    if (this.active < this.opts.floor) return true;
    return now - this.lastLetIn >= this.opts.intervalMs && !this.opts.busy();
  }

  /** One more body streams; above the floor that starts the interval before the next may. */
  private take() {
    this.active += 1;
    if (this.active > this.opts.floor) this.lastLetIn = Date.now();
  }

  /** Lets the first in line in when it may, and keeps checking while anyone waits. */
  private tick() {
    while (this.queue.length > 0 && this.mayLetIn(Date.now())) {
      this.take();
      this.queue.shift()!();
    }
    if (this.queue.length > 0 && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.tick();
      }, this.opts.intervalMs);
      this.timer.unref();
    }
  }

  private releaser() {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.active -= 1;
      this.tick();
    };
  }
}

const SAMPLE_MS = 10;

/**
 * Whether the event loop is falling behind: the mean delay of its timers since the last look (at least `windowMs`
 * ago) above `maxLagMs` (node's event-loop delay histogram, sampled every 10 ms from the first look). `stop` ends the
 * sampling (the app's close).
 */
export function eventLoopPressure(maxLagMs: number, windowMs = 100): { busy: () => boolean; stop: () => void } {
  let h: ReturnType<typeof monitorEventLoopDelay> | undefined;
  let busy = false;
  let since = 0;
  return {
    busy: () => {
      const now = Date.now();
      if (!h) {
        h = monitorEventLoopDelay({ resolution: SAMPLE_MS });
        h.enable();
        since = now;
      } else if (now - since >= windowMs) {
        // A sample is the time between two ticks of a SAMPLE_MS timer (an idle loop records ~SAMPLE_MS); no sample yet
        // is not a busy loop.
        busy = h.count > 0 && h.mean / 1e6 - SAMPLE_MS > maxLagMs;
        h.reset();
        since = now;
      }
      return busy;
    },
    stop: () => h?.disable(),
  };
}
