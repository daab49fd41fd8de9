import { DAY, HOUR } from './durations';
import { addDays, epochAt, localDateAt } from './zoned-time';

/** 03:00 on the owner's wall clock: no customer is being answered, so a backup takes no one's time. */
export const QUIET_HOUR = 3;

/** The next quiet time strictly after `now` in `zone` (DST-safe: a missing 03:00 moves to just after the jump). */
export function nextQuietTime(now: number, zone: string): number {
  const today = localDateAt(now, zone);
  const tonight = epochAt(today, QUIET_HOUR, 0, zone);
  return tonight > now ? tonight : epochAt(addDays(today, 1), QUIET_HOUR, 0, zone);
}

/** At start: catch up when the newest backup is a day old (the computer was off at the quiet time). */
export const CATCH_UP_AGE = DAY;
/** At the quiet time: skip only when the owner just made one ("Back up now" at 02:30). */
export const NIGHTLY_MIN_AGE = 6 * HOUR;

/**
 * Whether an automatic backup is due: none yet, or the newest is at least `minAge` old. A backup dated
 * after `now` (the clock was set back) does not count as recent, so the clock cannot stop backups for days.
 */
export function automaticBackupDue(newestAt: number | null, now: number, minAge: number): boolean {
  return newestAt === null || newestAt > now || now - newestAt >= minAge;
}
