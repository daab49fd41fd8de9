import type { Cancellable, Clock, Scheduler } from '../../main/services/ports';

/** A clock that moves only when told to, running scheduled work in time order as it passes. */
export class FakeClock implements Clock, Scheduler {
  private timers: { when: number; run: () => void; seq: number }[] = [];
  private seq = 0;

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  at(when: number, run: () => void): Cancellable {
    const timer = { when, run, seq: this.seq++ };
    this.timers.push(timer);
    return { cancel: () => (this.timers = this.timers.filter((t) => t !== timer)) };
  }

  /** Moves time forward, firing each due timer at its own moment. Bounded: a runaway loop fails the test. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (let guard = 0; guard < 100_000; guard++) {
      const next = this.timers
        .filter((t) => t.when <= target)
        .sort((a, b) => a.when - b.when || a.seq - b.seq)[0];
      if (!next) {
        this.current = target;
        return;
      }
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.when);
      next.run();
    }
    throw new Error('FakeClock.advance: too many timers fired');
  }

  /**
   * Moves time forward as sleep would: nothing runs in between; then everything that fell due runs at
   * once, late, at the new time (as node-schedule's timers do after the computer wakes up).
   */
  jump(ms: number): void {
    this.current += ms;
    const due = this.timers
      .filter((t) => t.when <= this.current)
      .sort((a, b) => a.when - b.when || a.seq - b.seq);
    this.timers = this.timers.filter((t) => t.when > this.current);
    for (const timer of due) timer.run();
  }

  pending(): number {
    return this.timers.length;
  }
}
