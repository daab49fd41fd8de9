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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
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
  for (const part of formatterFor(zone).formatToParts(epoch)) {
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

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** "21:59" (or "9:59 PM" where the locale says so) in the owner's zone. */
export function formatClock(epoch: number, zone: string, locale: string): string {
  const key = `${locale}|${zone}`;
  let formatter = clockFormatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' });
    } catch {
      formatter = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
    }
    clockFormatters.set(key, formatter);
  }
  return formatter.format(epoch);
}
