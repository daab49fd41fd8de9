import type { Cancellable, Clock, Scheduler } from '../../services/ports';

/** setTimeout overflows past 2^31-1 ms (~24.8 days) and fires at once; longer waits are chained. */
const MAX_TIMEOUT = 2_147_483_647;

interface Timer {
  when: number;
  run: () => void;
}

/**
 * A clock that runs in real time but can be moved: the preview host and the end-to-end tests use it to
 * show a window going from open to closing to closed without waiting a day. Also its own Scheduler, so
 * work scheduled for a moment runs when the clock reaches it, whether by waiting or by a jump.
 */
export class ControllableClock implements Clock, Scheduler {
  private offset: number;
  private readonly timers = new Set<Timer>();
  private wake: NodeJS.Timeout | null = null;

  constructor(
    start: number | null = null,
    private readonly realNow: () => number = Date.now,
  ) {
    this.offset = start === null ? 0 : start - realNow();
  }

  now(): number {
    return this.realNow() + this.offset;
  }

  /**
   * Moves the clock forward as a long wait would: work scheduled in between runs in time order, each at
   * its own moment (a reminder due halfway fires halfway, not late). A negative amount moves it back.
   * Bounded, so a runaway loop of timers cannot hang the host.
   */
  advance(ms: number): void {
    if (ms <= 0) {
      this.offset += ms;
      this.runDue();
      return;
    }
    const target = this.now() + ms;
    for (let guard = 0; guard < 100_000; guard++) {
      let next: Timer | null = null;
      for (const t of this.timers) if (t.when <= target && (next === null || t.when < next.when)) next = t;
      if (next === null) break;
      this.timers.delete(next);
      if (next.when > this.now()) this.offset = next.when - this.realNow();
      next.run();
    }
    this.offset = target - this.realNow();
    this.runDue();
  }

  /**
   * Moves the clock forward as sleep would: nothing runs in between, and everything that fell due runs at
   * once at the new time, late (the app notices and summarises instead of showing stale reminders).
   */
  jump(ms: number): void {
    this.offset += ms;
    this.runDue();
  }

  set(at: number): void {
    this.offset = at - this.realNow();
    this.runDue();
  }

  at(when: number, run: () => void): Cancellable {
    const timer: Timer = { when, run };
    this.timers.add(timer);
    this.arm();
    return {
      cancel: () => {
        this.timers.delete(timer);
        this.arm();
      },
    };
  }

  dispose(): void {
    if (this.wake) clearTimeout(this.wake);
    this.wake = null;
    this.timers.clear();
  }

  private runDue(): void {
    const now = this.now();
    const due = [...this.timers].filter((t) => t.when <= now).sort((a, b) => a.when - b.when);
    for (const timer of due) this.timers.delete(timer);
    for (const timer of due) timer.run();
    this.arm();
  }

  private arm(): void {
    if (this.wake) clearTimeout(this.wake);
    this.wake = null;
    let earliest: number | null = null;
    for (const t of this.timers) if (earliest === null || t.when < earliest) earliest = t.when;
    if (earliest === null) return;
    const delay = Math.min(Math.max(earliest - this.now(), 0), MAX_TIMEOUT);
    this.wake = setTimeout(() => this.runDue(), delay);
    this.wake.unref();
  }
}
