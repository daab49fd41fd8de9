import { DAY } from './durations';
import { localDateAt, weekdayOf, type LocalDate } from './zoned-time';

/** How many backups survive a clean-up: the newest of each of the last 7 days and of the last 4 weeks. */
export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

export interface DatedBackup {
  readonly id: string;
  readonly createdAt: number;
}

/**
 * Which backups to keep. Days and weeks are the owner's calendar days in `zone` (so a backup at 00:30
 * after a DST change still counts for its own day) and weeks start on Monday. They are counted over the
 * days and weeks that HAVE a backup, not back from `now`: an owner who was away for a month still finds
 * the last seven backups, never an empty folder. The newest backup is always kept, and so is any dated
 * after `now` (the computer's clock was set back): a rule cannot judge what it cannot place in time.
 */
export function backupsToKeep(backups: readonly DatedBackup[], now: number, zone: string): Set<string> {
  const keep = new Set<string>();
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  const newest = newestFirst[0];
  if (newest) keep.add(newest.id);
  for (const backup of newestFirst) if (backup.createdAt > now) keep.add(backup.id);

  const keepNewestPer = (periodOf: (date: LocalDate) => number, count: number): void => {
    const seen = new Set<number>();
    for (const backup of newestFirst) {
      const period = periodOf(localDateAt(backup.createdAt, zone));
      if (seen.has(period)) continue;
      if (seen.size === count) return;
      seen.add(period);
      keep.add(backup.id);
    }
  };
  keepNewestPer(dayNumber, KEEP_DAILY);
  keepNewestPer(mondayOf, KEEP_WEEKLY);
  return keep;
}

/** Days since 1970-01-01 of a calendar date: the same number for every instant on that date. */
function dayNumber(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY;
}

/** The day number of the Monday that starts the date's week. */
function mondayOf(date: LocalDate): number {
  return dayNumber(date) - ((weekdayOf(date) + 6) % 7);
}
