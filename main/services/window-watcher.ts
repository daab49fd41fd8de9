import { MinHeap } from './min-heap';
import type { Cancellable, Scheduler } from './ports';

interface Pending {
  contactId: string;
  at: number;
}

/**
 * Wakes the app when a contact's window changes state on its own (open → closing → closed), so the main
 * process can push the change. One timer for all contacts, at the earliest pending change: scheduling a
 * timer per contact would mean 10,000 timers. The earliest comes from a heap in which a replaced entry is
 * simply left behind and skipped when it surfaces, so tracking one contact costs O(log n), not a scan.
 */
export class WindowWatcher {
  private readonly nextChange = new Map<string, number>();
  private readonly heap = new MinHeap<Pending>((p) => p.at);
  private timer: Cancellable | null = null;
  private timerAt: number | null = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly now: () => number,
    /** Called with the contacts whose state may have changed; returns nothing. */
    private readonly onDue: (contactIds: string[]) => void,
  ) {}

  /** Records when a contact's window next changes (null: never on its own). */
  track(contactId: string, nextChangeAt: number | null): void {
    if (this.nextChange.get(contactId) === (nextChangeAt ?? undefined)) return;
    if (nextChangeAt === null) this.nextChange.delete(contactId);
    else {
      this.nextChange.set(contactId, nextChangeAt);
      this.heap.push({ contactId, at: nextChangeAt });
    }
    this.reschedule();
  }

  trackAll(entries: Iterable<[string, number | null]>): void {
    this.nextChange.clear();
    this.heap.clear();
    for (const [contactId, at] of entries) {
      if (at === null) continue;
      this.nextChange.set(contactId, at);
      this.heap.push({ contactId, at });
    }
    this.timerAt = null;
    this.reschedule();
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
    this.timerAt = null;
    this.nextChange.clear();
    this.heap.clear();
  }

  /** The earliest pending change, dropping heap entries that were replaced since they were pushed. */
  private earliest(): Pending | undefined {
    for (let top = this.heap.peek(); top; top = this.heap.peek()) {
      if (this.nextChange.get(top.contactId) === top.at) return top;
      this.heap.pop();
    }
    return undefined;
  }

  private reschedule(): void {
    const earliest = this.earliest()?.at ?? null;
    if (earliest === this.timerAt) return;
    this.timer?.cancel();
    this.timer = null;
    this.timerAt = earliest;
    if (earliest !== null) this.timer = this.scheduler.at(earliest, () => this.fire());
  }

  private fire(): void {
    this.timer = null;
    this.timerAt = null;
    const now = this.now();
    const due: string[] = [];
    for (let next = this.earliest(); next && next.at <= now; next = this.earliest()) {
      this.heap.pop();
      this.nextChange.delete(next.contactId);
      due.push(next.contactId);
    }
    // The callback re-tracks each contact with its new next change.
    if (due.length > 0) this.onDue(due);
    this.reschedule();
  }
}
