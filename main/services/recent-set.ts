/** A set that remembers only the most recent `capacity` keys: enough to drop redelivered messages. */
export class RecentSet {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** Adds the key; false when it was already there. */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next();
      if (!oldest.done) this.keys.delete(oldest.value);
    }
    return true;
  }

  delete(key: string): void {
    this.keys.delete(key);
  }
}
