import {
  cachedFormatter,
  calendarDaysBetween,
  epochAt,
  formatClock,
  localDateAt,
} from '../../../main/domain/zoned-time';

/**
 * How instants read on screen in the owner's locale and zone. The wall clock, calendar days and the
 * formatter cache are the domain's (main/domain/zoned-time.ts); only the wording lives here.
 */

const DAY_MONTH: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { ...DAY_MONTH, year: 'numeric' };

/** "Thu 26 Nov", with the year added when it is not the current one. */
export function formatShortDate(at: number, now: number, locale: string, timeZone: string): string {
  const sameYear = localDateAt(at, timeZone).year === localDateAt(now, timeZone).year;
  return cachedFormatter(locale, timeZone, sameYear ? DAY_MONTH : DAY_MONTH_YEAR).format(at);
}

/** For day separators in a conversation: "Today", "Yesterday", "Tue 24 Nov". */
export function dayHeading(at: number, now: number, locale: string, timeZone: string): string {
  const days = calendarDaysBetween(now, at, timeZone);
  if (days === 0) return 'Today';
  if (days === -1) return 'Yesterday';
  if (days === 1) return 'Tomorrow';
  return formatShortDate(at, now, locale, timeZone);
}

/** Inside a sentence: "today", "yesterday", "tomorrow", "Thu 26 Nov". */
export function dayPhrase(at: number, now: number, locale: string, timeZone: string): string {
  const days = calendarDaysBetween(now, at, timeZone);
  if (days === 0) return 'today';
  if (days === -1) return 'yesterday';
  if (days === 1) return 'tomorrow';
  return formatShortDate(at, now, locale, timeZone);
}

/** "today at 16:05", "yesterday at 09:12", "Thu 26 Nov at 10:00". */
export function dayAndTime(at: number, now: number, locale: string, timeZone: string): string {
  return `${dayPhrase(at, now, locale, timeZone)} at ${formatClock(at, timeZone, locale)}`;
}

/** A compact moment for a list row: "10:02" today, "yesterday 10:02", else "Tue 24 Nov". */
export function compactMoment(at: number, now: number, locale: string, timeZone: string): string {
  const days = calendarDaysBetween(now, at, timeZone);
  if (days === 0) return formatClock(at, timeZone, locale);
  if (days === -1) return `yesterday ${formatClock(at, timeZone, locale)}`;
  return formatShortDate(at, now, locale, timeZone);
}

/**
 * An `<input type="date">` value ("2025-11-26") as the instant the day starts in the owner's time
 * zone. Midnight rather than noon, so a date of "today" can never lie in the future (the main process
 * refuses opt-in dates in the future). Null when the text is not a date.
 */
export function startOfDayInZone(date: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const asUtc = new Date(Date.UTC(year, month - 1, day));
  if (asUtc.getUTCMonth() !== month - 1 || asUtc.getUTCDate() !== day) return null;
  return epochAt({ year, month, day }, 0, 0, timeZone);
}

/** The `<input type="date">` value for an instant, as a calendar day in the owner's zone. */
export function dateInputValue(at: number, timeZone: string): string {
  const { year, month, day } = localDateAt(at, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
