import type { ContactRow } from '../../../main/contract/model';
import { calendarDaysBetween, formatClock } from '../../../main/domain/zoned-time';
import { dayAndTime } from './dates';

/** "at 15:50" today, "tomorrow at 02:10", "Thu 27 Nov at 02:10". */
export function atMoment(at: number, now: number, locale: string, timeZone: string): string {
  return calendarDaysBetween(now, at, timeZone) === 0
    ? `at ${formatClock(at, timeZone, locale)}`
    : dayAndTime(at, now, locale, timeZone);
}

/**
 * The conversation header's line about the next warning: "Reminder at 15:50", or when quiet hours
 * moved it earlier "closes at 02:10 — you'll be reminded at 21:59". Null when none is planned.
 */
export function nextReminderLine(
  row: ContactRow,
  now: number,
  locale: string,
  timeZone: string,
): string | null {
  if (row.contact.muted) return 'Reminders muted for this contact';
  const next = row.nextReminder;
  if (next === null) return null;
  const due = atMoment(next.dueAt, now, locale, timeZone);
  const closes = row.window.expiresAt;
  if (next.shifted && closes !== null) {
    return `closes ${atMoment(closes, now, locale, timeZone)} — you'll be reminded ${due}`;
  }
  return `Reminder ${due}`;
}

/** "60 min before close", "2 h before close". */
export function leadText(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} h before close`;
  if (minutes > 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min before close`;
  return `${minutes} min before close`;
}
