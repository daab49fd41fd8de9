import { DAY } from './durations';

/**
 * Exact times and calendar days in the owner's locale and time zone. Intl formatters are costly to
 * build, so they are cached per (locale, zone, options).
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    cache.set(key, found);
  }
  return found;
}

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DAY_MONTH: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { ...DAY_MONTH, year: 'numeric' };
const PARTS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
};

/** "16:05" (or "04:05 PM" where the locale says so). */
export function formatTime(at: number, locale: string, timeZone: string): string {
  return formatter(locale, timeZone, TIME).format(at);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The calendar date and clock time shown on a wall clock in `timeZone` at instant `at`. */
export function wallClock(at: number, timeZone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of formatter('en-US', timeZone, PARTS).formatToParts(at)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 1970,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: (values.hour ?? 0) % 24,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

function dayNumber(at: number, timeZone: string): number {
  const { year, month, day } = wallClock(at, timeZone);
  return Math.round(Date.UTC(year, month - 1, day) / DAY);
}

/** Calendar days from `now` to `at` in the zone: 0 today, -1 yesterday, 1 tomorrow. */
export function calendarDaysFrom(now: number, at: number, timeZone: string): number {
  return dayNumber(at, timeZone) - dayNumber(now, timeZone);
}

/** "Thu 26 Nov", with the year added when it is not the current one. */
export function formatShortDate(at: number, now: number, locale: string, timeZone: string): string {
  const sameYear = wallClock(at, timeZone).year === wallClock(now, timeZone).year;
  return formatter(locale, timeZone, sameYear ? DAY_MONTH : DAY_MONTH_YEAR).format(at);
}

/** For day separators in a conversation: "Today", "Yesterday", "Tue 24 Nov". */
export function dayHeading(at: number, now: number, locale: string, timeZone: string): string {
  const days = calendarDaysFrom(now, at, timeZone);
  if (days === 0) return 'Today';
  if (days === -1) return 'Yesterday';
  if (days === 1) return 'Tomorrow';
  return formatShortDate(at, now, locale, timeZone);
}

/** Inside a sentence: "today", "yesterday", "tomorrow", "Thu 26 Nov". */
export function dayPhrase(at: number, now: number, locale: string, timeZone: string): string {
  const days = calendarDaysFrom(now, at, timeZone);
  if (days === 0) return 'today';
  if (days === -1) return 'yesterday';
  if (days === 1) return 'tomorrow';
  return formatShortDate(at, now, locale, timeZone);
}

/** "today at 16:05", "yesterday at 09:12", "Thu 26 Nov at 10:00". */
export function dayAndTime(at: number, now: number, locale: string, timeZone: string): string {
  return `${dayPhrase(at, now, locale, timeZone)} at ${formatTime(at, locale, timeZone)}`;
}

/** A compact moment for a list row: "10:02" today, "yesterday 10:02", else "Tue 24 Nov". */
export function compactMoment(at: number, now: number, locale: string, timeZone: string): string {
  const days = calendarDaysFrom(now, at, timeZone);
  if (days === 0) return formatTime(at, locale, timeZone);
  if (days === -1) return `yesterday ${formatTime(at, locale, timeZone)}`;
  return formatShortDate(at, now, locale, timeZone);
}

/** The zone's offset from UTC at instant `at`, in ms (positive east of Greenwich). */
function zoneOffset(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
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
  const asUtc = Date.UTC(year, month - 1, day);
  if (Number.isNaN(asUtc) || new Date(asUtc).getUTCDate() !== day) return null;
  // Two passes settle the offset when midnight is near a daylight-saving change.
  let at = asUtc - zoneOffset(asUtc, timeZone);
  at = asUtc - zoneOffset(at, timeZone);
  return at;
}

/** The `<input type="date">` value for an instant, as a calendar day in the owner's zone. */
export function dateInputValue(at: number, timeZone: string): string {
  const { year, month, day } = wallClock(at, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
