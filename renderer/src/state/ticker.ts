import { SECOND } from '../../../main/domain/durations';

/**
 * The one timer behind every countdown on screen. It runs only while something listens, ticks once a
 * second, and tells the time as the main process sees it: `Date.now() + skew`, where the skew is measured
 * against main's clock at start and whenever main reports a clock jump (tests and the preview host move
 * main's clock; so can the operating system).
 */
export class Ticker {
  private skew = 0;
  private current: number;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly interval = SECOND) {
    this.current = Date.now();
  }

  /** The time at the last tick: stable between ticks, so React can compare snapshots. */
  readonly now = (): number => this.current;

  /** The time right now, for actions (not for rendering). */
  readonly readNow = (): number => Date.now() + this.skew;

  /** Aligns with the main process's clock and tells every countdown at once. */
  syncTo(mainNow: number): void {
    this.skew = mainNow - Date.now();
    this.tick();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.timer === null) {
      this.current = this.readNow();
      this.timer = setInterval(this.tick, this.interval);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer !== null) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  };

  private readonly tick = (): void => {
    this.current = this.readNow();
    for (const listener of [...this.listeners]) listener();
  };
}
