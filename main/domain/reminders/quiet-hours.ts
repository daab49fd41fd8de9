import type { BusinessDay } from '../../contract/model';
import { DAY, MINUTE } from '../durations';
import { addDays, epochAt, localDateAt, minutesOfClockTime, weekdayOf, type LocalDate } from '../zoned-time';

/** What decides quiet hours: the owner's business hours per weekday (0 = Sunday), in their time zone. */
export interface QuietHoursRules {
  businessHours: readonly (BusinessDay | null)[];
  quietHoursEnabled: boolean;
}

/** Business periods are computed this far around the instants asked about. */
const MARGIN = 9 * DAY;
/** How far to look for the previous end or the next start of business hours (a week and a day). */
const SEARCH = 8 * DAY;

/**
 * The owner's business hours as instants: a sorted list of [start, end) periods, built once for a stretch
 * of time and extended when asked about instants outside it. Outside every period is quiet (when quiet
 * hours are on). A day whose end is earlier than its start runs past midnight into the next day (a shop
 * open 18:00–02:00). Daylight-saving changes are handled by converting each day's wall-clock times on
 * their own date. Deterministic for given rules and zone, so the cache inside does not make it impure.
 */
export class BusinessCalendar {
  private periods: [number, number][] = [];
  private from = Infinity;
  private to = -Infinity;

  constructor(
    private readonly rules: QuietHoursRules,
    readonly zone: string,
  ) {}

  get enabled(): boolean {
    return this.rules.quietHoursEnabled;
  }

  /** Whether `t` is inside quiet hours (never, when quiet hours are off). */
  isQuiet(t: number): boolean {
    if (!this.rules.quietHoursEnabled) return false;
    this.cover(t);
    const i = this.lastStartingAtOrBefore(t);
    const period = i >= 0 ? this.periods[i] : undefined;
    return !(period && t < period[1]);
  }

  /** The end of the last business period that ended at or before `t` (null: none in the last 8 days). */
  previousEnd(t: number): number | null {
    this.cover(t);
    for (let i = this.lastStartingAtOrBefore(t); i >= 0; i--) {
      const period = this.periods[i];
      if (period && period[1] <= t) return period[1] >= t - SEARCH ? period[1] : null;
    }
    return null;
  }

  /** The start of the first business period that starts after `t` (null: none in the next 8 days). */
  nextStart(t: number): number | null {
    this.cover(t);
    const period = this.periods[this.lastStartingAtOrBefore(t) + 1];
    return period && period[0] <= t + SEARCH ? period[0] : null;
  }

  /** The business periods overlapping [from, to), clipped to it: the "today's schedule" preview. */
  periodsBetween(from: number, to: number): [number, number][] {
    this.cover(from);
    this.cover(to);
    return this.periods
      .filter(([s, e]) => e > from && s < to)
      .map(([s, e]): [number, number] => [Math.max(s, from), Math.min(e, to)]);
  }

  private lastStartingAtOrBefore(t: number): number {
    let lo = 0;
    let hi = this.periods.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const period = this.periods[mid];
      if (period && period[0] <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  private cover(t: number): void {
    if (t - SEARCH >= this.from && t + SEARCH <= this.to) return;
    const from = Math.min(this.from, t - MARGIN);
    const to = Math.max(this.to, t + MARGIN);
    this.periods = this.build(from, to);
    this.from = from;
    this.to = to;
  }

  private build(from: number, to: number): [number, number][] {
    const raw: [number, number][] = [];
    // One day before `from`: its hours may run past midnight into the stretch.
    let date: LocalDate = addDays(localDateAt(from, this.zone), -1);
    const last = addDays(localDateAt(to, this.zone), 1);
    for (let guard = 0; guard < 10_000 && compare(date, last) <= 0; guard++) {
      const hours = this.rules.businessHours[weekdayOf(date)];
      if (hours) {
        const startMinutes = minutesOfClockTime(hours.start);
        const endMinutes = minutesOfClockTime(hours.end);
        const start = epochAt(date, Math.floor(startMinutes / 60), startMinutes % 60, this.zone);
        const endDate = endMinutes > startMinutes ? date : addDays(date, 1);
        const end = epochAt(endDate, Math.floor(endMinutes / 60), endMinutes % 60, this.zone);
        if (end > start) raw.push([start, end]);
      }
      date = addDays(date, 1);
    }
    raw.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const period of raw) {
      const previous = merged[merged.length - 1];
      if (previous && period[0] <= previous[1]) previous[1] = Math.max(previous[1], period[1]);
      else merged.push([period[0], period[1]]);
    }
    return merged;
  }
}

function compare(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whether the week has any business time at all (quiet hours covering everything are refused). */
export function hasBusinessTime(hours: readonly (BusinessDay | null)[]): boolean {
  return hours.some((day) => day !== null && day.start !== day.end);
}

/** The owner needs at least this long between a moved reminder and the window closing. */
export const BUSINESS_START_NOTICE = 10 * MINUTE;

/**
 * Where a reminder that falls in quiet hours goes instead (null: nowhere it could help).
 *
 * - The window closes during these quiet hours (before business starts again): the last minute of the
 *   business hours before them ("closes at 02:10 — you'll be reminded at 21:59"), as the issue asks.
 * - The window is still open when business starts again with at least 10 minutes left: at the start of
 *   business hours. Waking the owner's desktop the evening before for a window that is still open
 *   in the morning would be noise.
 * - Otherwise (it closes less than 10 minutes after business starts): the last minute of the business
 *   hours before, as if it closed during quiet hours.
 * Never before the window opened; if the last minute of business hours is before that, the start of
 * business hours when the window is still open then, else nothing (the whole window is quiet).
 */
export function placeOutsideQuiet(
  calendar: BusinessCalendar,
  dueAt: number,
  window: { openedAt: number; expiresAt: number },
): number | null {
  const nextStart = calendar.nextStart(dueAt);
  if (nextStart !== null && nextStart <= window.expiresAt - BUSINESS_START_NOTICE) return nextStart;
  const previousEnd = calendar.previousEnd(dueAt);
  if (previousEnd !== null && previousEnd - MINUTE >= window.openedAt) return previousEnd - MINUTE;
  if (nextStart !== null && nextStart < window.expiresAt) return nextStart;
  return null;
}
