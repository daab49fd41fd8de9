import { afterEach, describe, expect, it, vi } from 'vitest';
import { Ticker } from '../../renderer/src/state/ticker';
import { T0 } from './moments';

afterEach(() => {
  vi.useRealTimers();
});

describe('the one ticker', () => {
  it('runs one interval for any number of listeners, and none without listeners', () => {
    vi.useFakeTimers({ now: T0 });
    const setInterval = vi.spyOn(globalThis, 'setInterval');
    const ticker = new Ticker();
    const a = vi.fn();
    const b = vi.fn();
    const offA = ticker.subscribe(a);
    const offB = ticker.subscribe(b);
    expect(setInterval).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3000);
    expect(a).toHaveBeenCalledTimes(3);
    expect(b).toHaveBeenCalledTimes(3);
    offA();
    offB();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('tells main’s time: local clock plus the measured skew', () => {
    vi.useFakeTimers({ now: T0 });
    const ticker = new Ticker();
    const off = ticker.subscribe(() => undefined);
    expect(ticker.now()).toBe(T0);
    ticker.syncTo(T0 + 90 * 60_000);
    expect(ticker.now()).toBe(T0 + 90 * 60_000);
    vi.advanceTimersByTime(1000);
    expect(ticker.now()).toBe(T0 + 90 * 60_000 + 1000);
    expect(ticker.readNow()).toBe(T0 + 90 * 60_000 + 1000);
    off();
  });

  it('keeps the same snapshot between ticks', () => {
    vi.useFakeTimers({ now: T0 });
    const ticker = new Ticker();
    const off = ticker.subscribe(() => undefined);
    const first = ticker.now();
    vi.setSystemTime(T0 + 500);
    expect(ticker.now()).toBe(first);
    off();
  });
});
