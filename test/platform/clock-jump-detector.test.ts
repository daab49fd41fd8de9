import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchClockJumps } from '../../main/platform/node/clock-jump-detector';
import { HOUR, SECOND } from '../../main/domain/durations';

afterEach(() => {
  vi.useRealTimers();
});

describe('watchClockJumps', () => {
  it('reports a jump when wall time moves differently from elapsed time, and nothing otherwise', () => {
    vi.useFakeTimers();
    let wall = Date.parse('2026-11-24T14:00:00Z');
    let mono = 0;
    const jumps: number[] = [];
    const stop = watchClockJumps((drift) => jumps.push(drift), {
      interval: 30 * SECOND,
      wall: () => wall,
      monotonic: () => mono,
    });
    // Normal ticking: both clocks advance together.
    for (let i = 0; i < 4; i++) {
      wall += 30 * SECOND;
      mono += 30 * SECOND;
      vi.advanceTimersByTime(30 * SECOND);
    }
    expect(jumps).toEqual([]);
    // The laptop slept for 2 hours: wall time moved, the monotonic clock did not.
    wall += 2 * HOUR + 30 * SECOND;
    mono += 30 * SECOND;
    vi.advanceTimersByTime(30 * SECOND);
    expect(jumps).toEqual([2 * HOUR]);
    // The owner set the clock back an hour.
    wall += 30 * SECOND - HOUR;
    mono += 30 * SECOND;
    vi.advanceTimersByTime(30 * SECOND);
    expect(jumps).toEqual([2 * HOUR, -HOUR]);
    stop();
    wall += 5 * HOUR;
    vi.advanceTimersByTime(60 * SECOND);
    expect(jumps).toHaveLength(2);
  });
});
