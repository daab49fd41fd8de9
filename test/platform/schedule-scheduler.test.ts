import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../main/domain/durations';
import { nodeScheduleScheduler } from '../../main/platform/node/schedule-scheduler';

const START = Date.parse('2026-11-24T14:20:00Z');
const clock = { now: () => Date.now() };

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the node-schedule Scheduler', () => {
  it('waits 60 days without overflowing into an immediate run (setTimeout tops out at ~24.8 days)', async () => {
    const run = vi.fn();
    nodeScheduleScheduler(clock).at(START + 60 * DAY, run);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(30 * DAY);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(30 * DAY - MINUTE - 1);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10 * DAY);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs a moment already past at once, instead of node-schedule dropping it', async () => {
    const run = vi.fn();
    nodeScheduleScheduler(clock).at(START - HOUR, run);
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('a cancelled wait never runs, far or near', async () => {
    const near = vi.fn();
    const far = vi.fn();
    const scheduler = nodeScheduleScheduler(clock);
    scheduler.at(START + MINUTE, near).cancel();
    const farJob = scheduler.at(START + 40 * DAY, far);
    await vi.advanceTimersByTimeAsync(2 * DAY);
    farJob.cancel();
    await vi.advanceTimersByTimeAsync(50 * DAY);
    expect(near).not.toHaveBeenCalled();
    expect(far).not.toHaveBeenCalled();
  });

  it('after the clock is set back, it waits for the wall clock, and can still be cancelled', async () => {
    const run = vi.fn();
    const job = nodeScheduleScheduler(clock).at(START + HOUR, run);
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    vi.setSystemTime(Date.now() - 2 * HOUR);
    // The timer node-schedule armed elapses, finds the wall clock short, and re-arms on its own.
    await vi.advanceTimersByTimeAsync(45 * MINUTE);
    expect(run).not.toHaveBeenCalled();
    job.cancel();
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    expect(run).not.toHaveBeenCalled();
  });

  it('a wall clock moved forward past the moment runs it at the next leg, once', async () => {
    const run = vi.fn();
    nodeScheduleScheduler(clock, HOUR).at(START + 10 * DAY, run);
    vi.setSystemTime(START + 11 * DAY);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(DAY);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
