/**
 * Group commit: writes that arrive while one is committing wait, and then commit together in one transaction.
 *
 * At a bid deadline hundreds of receipts arrive within a second. Each one alone is a transaction that takes the audit
 * chain's lock, so they would commit one after another, each holding a pool connection while it waits. Grouped, one
 * transaction (one lock hold, one WAL flush) commits everything that queued during the previous one. Alone, a write
 * goes at once: grouping never adds a wait to a quiet system, only shares the wait a busy one already has.
 *
 * A group whose transaction fails is retried one write at a time, so one bad write fails only its own caller.
 */
export class GroupCommit<I, R> {
  private readonly queue: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private running = false;

  /**
   * @param commit commits the items in one transaction and returns one result per item, in order.
   * @param keyOf items with the same key never share a group (a later one sees the earlier one committed).
   * @param maxGroup the most items in one transaction.
   */
  constructor(
    private readonly commit: (items: I[]) => Promise<R[]>,
    private readonly keyOf: (item: I) => string,
    private readonly maxGroup = 200,
  ) {}

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const group = this.takeGroup();
        try {
          const results = await this.commit(group.map((w) => w.item));
          for (const [i, w] of group.entries()) w.resolve(results[i]!);
        } catch (e) {
          if (group.length === 1) group[0]!.reject(e);
          else
            for (const w of group) {
              try {
                const [r] = await this.commit([w.item]);
                w.resolve(r!);
              } catch (err) {
                w.reject(err);
              }
            }
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** The oldest waiting writes, up to `maxGroup`, no two with the same key; the rest keep their place in the queue. */
  private takeGroup() {
    const keys = new Set<string>();
    const group: typeof this.queue = [];
    const rest: typeof this.queue = [];
    for (const w of this.queue) {
      const key = this.keyOf(w.item);
      if (group.length < this.maxGroup && !keys.has(key)) {
        keys.add(key);
        group.push(w);
      } else rest.push(w);
    }
    this.queue.splice(0, this.queue.length, ...rest);
    return group;
  }
}
