import type { Cancellable, Scheduler } from './ports';

/**
 * Wakes the app when a contact's window changes state on its own (open → closing → closed), so the main
 * process can push the change. One timer for all contacts, at the earliest pending change: scheduling a
 * timer per contact would mean 10,000 timers.
 */
export class WindowWatcher {
  private readonly nextChange = new Map<string, number>();
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
    if (nextChangeAt === null) this.nextChange.delete(contactId);
    else this.nextChange.set(contactId, nextChangeAt);
    this.reschedule();
  }

  trackAll(entries: Iterable<[string, number | null]>): void {
    this.nextChange.clear();
    for (const [id, at] of entries) if (at !== null) this.nextChange.set(id, at);
    this.timerAt = null;
    this.reschedule();
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
    this.timerAt = null;
    this.nextChange.clear();
  }

  private reschedule(): void {
    let earliest: number | null = null;
    for (const at of this.nextChange.values()) if (earliest === null || at < earliest) earliest = at;
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
    for (const [id, at] of this.nextChange) if (at <= now) due.push(id);
    for (const id of due) this.nextChange.delete(id);
    // The callback re-tracks each contact with its new next change.
    if (due.length > 0) this.onDue(due);
    this.reschedule();
  }
}
