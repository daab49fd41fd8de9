/**
 * Who follows a part of the store (the search index, the session's rows). A listener that throws is
 * skipped: what it was told about is already durable, and failing the write would lie about that.
 */
export class Listeners<T> {
  private readonly listeners = new Set<(change: T) => void>();

  /** Returns the unsubscribe. */
  add(listener: (change: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  tell(change: T): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // See the class: the listener catches up its own way (the search index from its counts).
      }
    }
  }
}
