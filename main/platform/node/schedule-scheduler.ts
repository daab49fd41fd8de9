import schedule from 'node-schedule';
import { DAY } from '../../domain/durations';
import type { Cancellable, Clock, Scheduler } from '../../services/ports';

/**
 * The longest single node-schedule job this adapter creates. node-schedule 2.1 waits with long-timeout,
 * which chains 2^31−1 ms setTimeouts for longer waits, so a far-future date does not overflow into an
 * immediate run (as a bare setTimeout over ~24.8 days does). Its chaining has two weak spots checked in
 * its source: the chain counts elapsed event-loop time, not the wall clock, so after a sleep or a clock
 * change a far date drifts; and when a job wakes up early (the clock was set back) node-schedule re-arms
 * it with a timer it does not keep, so `job.cancel()` can no longer stop it. Waiting in legs of at most
 * a day, re-reading the clock at each, and guarding every run with our own `cancelled` flag avoids all three.
 */
export const MAX_LEG = DAY;

/**
 * The production Scheduler: node-schedule. node-schedule returns null (and schedules nothing) for a
 * moment already past, so such work runs at once instead of silently vanishing.
 */
export function nodeScheduleScheduler(clock: Clock, maxLeg: number = MAX_LEG): Scheduler {
  return {
    at(when: number, run: () => void): Cancellable {
      let cancelled = false;
      let current: Cancellable | null = null;
      const fire = () => {
        if (cancelled) return;
        cancelled = true;
        run();
      };
      // The first call is deferred (the caller must get its Cancellable before `run` can happen); later
      // legs already run inside a timer callback and fire at once.
      const wait = (first: boolean) => {
        if (cancelled) return;
        const now = clock.now();
        if (when <= now) {
          if (first) current = immediately(fire);
          else fire();
          return;
        }
        // A leg ends at the target or a day from now, whichever is first; then the clock is read again.
        const legEnd = Math.min(when, now + maxLeg);
        current = jobAt(legEnd, legEnd === when ? fire : () => wait(false));
      };
      wait(true);
      return {
        cancel: () => {
          cancelled = true;
          current?.cancel();
          current = null;
        },
      };
    },
  };
}

function immediately(run: () => void): Cancellable {
  const handle = setImmediate(run);
  return { cancel: () => clearImmediate(handle) };
}

function jobAt(when: number, run: () => void): Cancellable {
  // The type says Job, but node-schedule returns null for a date it considers past.
  const job = schedule.scheduleJob(new Date(when), run) as schedule.Job | null;
  if (!job) return immediately(run);
  return { cancel: () => job.cancel() };
}
