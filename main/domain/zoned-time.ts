import { DAY, MINUTE, SECOND } from './durations';

/**
 * Wall-clock time in an IANA time zone, with nothing but Intl (no date library is installed). Pure: the
 * instant is always passed in. Window arithmetic never uses these (it is exact elapsed time); they are for
 * business hours, quiet hours and the times shown to the owner.
 */

export interface LocalDate {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

export interface WallClock extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const byOptions = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

/**
 * The DateTimeFormat for (locale, zone, options), built once: building one costs tens of microseconds, and
 * the reminder plan and the contact list format thousands of instants. Keyed by the identity of `options`,
 * so pass a module-level constant, never an object literal built per call.
 */
export function cachedFormatter(
  locale: string,
  zone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let forOptions = byOptions.get(options);
  if (!forOptions) {
    forOptions = new Map();
    byOptions.set(options, forOptions);
  }
  const key = `${locale}|${zone}`;
  let formatter = forOptions.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    forOptions.set(key, formatter);
  }
  return formatter;
}

const WALL_CLOCK: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

/** Whether this computer knows the IANA zone ("Europe/Amsterdam" yes, "Mars/Olympus" no). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let systemZone: string | null = null;

/**
 * The computer's own time zone, for when the owner has not picked one. Read once: V8 settles the default
 * zone when the process starts anyway, and building a DateTimeFormat per call costs tens of microseconds.
 */
export function systemTimeZone(): string {
  systemZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return systemZone;
}

/** What a clock on the wall in `zone` shows at `epoch`. */
export function wallClockAt(epoch: number, zone: string): WallClock {
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of cachedFormatter('en-US', zone, WALL_CLOCK).formatToParts(epoch)) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
  }
  // Some engines print midnight as 24 even with h23.
  if (parts.hour === 24) parts.hour = 0;
  return { ...parts, weekday: weekdayOf(parts) };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** How far the zone's wall clock is ahead of UTC at `epoch`, in ms (Amsterdam in winter: +3,600,000). */
export function offsetAt(epoch: number, zone: string): number {
  const whole = Math.floor(epoch / SECOND) * SECOND;
  const w = wallClockAt(whole, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/**
 * The instant at which the wall clock in `zone` shows this date and time. Daylight-saving transitions are
 * resolved the way Temporal's "compatible" option does: a time that does not exist (the clock jumps from
 * 02:00 to 03:00) is moved forward by the gap (02:30 → 03:30); a time that exists twice (the clock goes
 * from 03:00 back to 02:00) is the earlier of the two.
 */
export function epochAt(date: LocalDate, hour: number, minute: number, zone: string): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const before = offsetAt(asUtc - DAY, zone);
  const after = offsetAt(asUtc + DAY, zone);
  const candidates = [asUtc - before, asUtc - after].filter((t) => t + offsetAt(t, zone) === asUtc);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: read the time with the offset from before the jump, which lands just after it.
  return asUtc - before;
}

/** "HH:MM" (as in settings) → minutes after midnight. */
export function minutesOfClockTime(text: string): number {
  const [h = '0', m = '0'] = text.split(':');
  return Number(h) * 60 + Number(m);
}

/** The local date on which `epoch` falls in `zone`. */
export function localDateAt(epoch: number, zone: string): LocalDate {
  const { year, month, day } = wallClockAt(epoch, zone);
  return { year, month, day };
}

/** Whole minutes from `from` to `to`, rounded up: "closes in 15 min" must never understate. */
export function minutesUntil(from: number, to: number): number {
  return Math.max(0, Math.ceil((to - from) / MINUTE));
}

/** Calendar days from `from` to `to` on the wall in `zone`: 0 the same day, -1 the day before, 1 the day after. */
export function calendarDaysBetween(from: number, to: number, zone: string): number {
  return dayNumber(localDateAt(to, zone)) - dayNumber(localDateAt(from, zone));
}

function dayNumber(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY;
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** "21:59" (or "09:59 PM" where the locale says so) in the owner's zone. */
export function formatClock(epoch: number, zone: string, locale: string): string {
  try {
    return cachedFormatter(locale, zone, CLOCK).format(epoch);
  } catch {
    // A locale this engine does not know still gets a readable time rather than no reminder at all.
    return cachedFormatter('en-GB', zone, CLOCK).format(epoch);
  }
}
