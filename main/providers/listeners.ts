/**
 * The listeners a provider hands one kind of event to (inbound messages, status updates). Every listener
 * gets each event at once, and the event counts as taken only once all of them have stored it.
 */
export class Listeners<E, R> {
  private readonly all = new Set<(event: E) => Promise<R>>();

  /** Returns the way to remove the listener again (a workspace closing). */
  add(listener: (event: E) => Promise<R>): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  /** Resolves with every listener's answer; rejects as soon as one of them fails. */
  notify(event: E): Promise<R[]> {
    return Promise.all([...this.all].map((listener) => listener(event)));
  }
}
