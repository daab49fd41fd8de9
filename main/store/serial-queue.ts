const ignore = (): undefined => undefined;

/**
 * Runs operations one after another in call order. One writer per file is what keeps two saves from
 * interleaving on disk, and call order is what makes the last save the one that stays.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<R>(op: () => Promise<R>): Promise<R> {
    const result = this.tail.then(op);
    this.tail = result.then(ignore, ignore);
    return result;
  }

  /** Resolves once everything queued so far has settled (successfully or not). */
  async idle(): Promise<void> {
    await this.tail;
  }
}

/** One SerialQueue per key (a contact's history), dropped when idle so thousands of contacts cost nothing. */
export class KeyedQueues {
  private readonly queues = new Map<string, { queue: SerialQueue; pending: number }>();

  run<R>(key: string, op: () => Promise<R>): Promise<R> {
    let entry = this.queues.get(key);
    if (!entry) {
      entry = { queue: new SerialQueue(), pending: 0 };
      this.queues.set(key, entry);
    }
    const current = entry;
    current.pending++;
    return current.queue.run(op).finally(() => {
      current.pending--;
      if (current.pending === 0 && this.queues.get(key) === current) this.queues.delete(key);
    });
  }

  async idle(): Promise<void> {
    while (this.queues.size > 0) {
      await Promise.all([...this.queues.values()].map((entry) => entry.queue.idle()));
      // Let the `finally` bookkeeping of the operations that just settled run before looking again.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
