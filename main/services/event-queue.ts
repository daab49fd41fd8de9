import { MinHeap } from './min-heap';

interface Stamped {
  readonly key: string;
  readonly at: number;
  readonly stamp: number;
}

/** Replaced or removed items left in the heap beyond this many per live key trigger a rebuild. */
const STALE_PER_LIVE = 4;
const STALE_SLACK = 64;

/**
 * When each key (a contact) next needs attention, earliest first. Setting a key again replaces its time in
 * O(log n): the old heap item is left behind with an older stamp and skipped when it surfaces, which is
 * cheaper than finding it. When left-behind items pile up (many changes to keys due far ahead) the heap is
 * rebuilt from the live times, so memory stays proportional to the keys.
 */
export class EventQueue {
  private readonly live = new Map<string, Stamped>();
  private readonly heap = new MinHeap<Stamped>((item) => item.at);
  private stamp = 0;

  /** Keys with a time. */
  get size(): number {
    return this.live.size;
  }

  /** When `key` is due; null removes it. */
  set(key: string, at: number | null): void {
    if (at === null) {
      this.live.delete(key);
      return;
    }
    const item = { key, at, stamp: ++this.stamp };
    this.live.set(key, item);
    this.heap.push(item);
    if (this.heap.size > STALE_PER_LIVE * this.live.size + STALE_SLACK) this.rebuild();
  }

  delete(key: string): void {
    this.live.delete(key);
  }

  at(key: string): number | undefined {
    return this.live.get(key)?.at;
  }

  /** The earliest key and its time, without taking it. */
  next(): { key: string; at: number } | undefined {
    const top = this.liveTop();
    return top && { key: top.key, at: top.at };
  }

  /** Takes out every key due at or before `limit`, earliest first. */
  takeUntil(limit: number): string[] {
    const taken: string[] = [];
    for (let top = this.liveTop(); top && top.at <= limit; top = this.liveTop()) {
      this.heap.pop();
      this.live.delete(top.key);
      taken.push(top.key);
    }
    return taken;
  }

  clear(): void {
    this.live.clear();
    this.heap.clear();
  }

  /** The earliest live item, dropping left-behind ones on the way. */
  private liveTop(): Stamped | undefined {
    for (let top = this.heap.peek(); top; top = this.heap.peek()) {
      if (this.live.get(top.key)?.stamp === top.stamp) return top;
      this.heap.pop();
    }
    return undefined;
  }

  private rebuild(): void {
    this.heap.clear();
    for (const item of this.live.values()) this.heap.push(item);
  }
}
