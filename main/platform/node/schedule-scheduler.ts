import schedule from 'node-schedule';
import type { Cancellable, Clock, Scheduler } from '../../services/ports';

/**
 * The production Scheduler: node-schedule. node-schedule returns null (and schedules nothing) for a
 * moment already past, so such work runs at once instead of silently vanishing.
 */
export function nodeScheduleScheduler(clock: Clock): Scheduler {
  return {
    at(when: number, run: () => void): Cancellable {
      if (when <= clock.now()) {
        const immediate = setImmediate(run);
        return { cancel: () => clearImmediate(immediate) };
      }
      // The type says Job, but node-schedule returns null for a date it considers past.
      const job = schedule.scheduleJob(new Date(when), run) as schedule.Job | null;
      if (!job) {
        const immediate = setImmediate(run);
        return { cancel: () => clearImmediate(immediate) };
      }
      return { cancel: () => job.cancel() };
    },
  };
}
