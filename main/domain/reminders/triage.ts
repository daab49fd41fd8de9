import type { Reminder } from '../../contract/model';
import { MINUTE } from '../durations';

/** A reminder shown more than this long after it fell due is stale: it goes into the digest instead. */
export const STALE_AFTER = 2 * MINUTE;
/** Reminders falling due within this span of one being shown are shown with it, as one notification. */
export const GROUP_SPAN = 5 * MINUTE;

/** A planned reminder whose moment has come; `at` is when it fell due (its snoozed time, if snoozed). */
export interface DueReminder {
  readonly contactId: string;
  readonly reminder: Reminder;
  readonly at: number;
}

export interface Triage {
  /** Shown now, as one notification. */
  live: DueReminder[];
  /** Fell due while nobody was looking (or too long ago): counted in the digest, never shown late. */
  missed: DueReminder[];
  /** Due in quiet hours after a snooze: dropped without a sound. */
  silenced: DueReminder[];
}

/**
 * Sorts due reminders by what the owner should see. `away` means the app was not looking after
 * reminders for a while (it was closed, the computer slept, a heartbeat came late, the log was rebuilt):
 * then nothing is shown late, everything goes into the digest.
 */
export function triage(
  due: readonly DueReminder[],
  now: number,
  how: { away: boolean; quietNow: boolean },
): Triage {
  const result: Triage = { live: [], missed: [], silenced: [] };
  for (const d of due) {
    if (how.away || isStale(d, now)) result.missed.push(d);
    else if (how.quietNow) result.silenced.push(d);
    else result.live.push(d);
  }
  return result;
}

/** Shown now it would be too late to help: long past its moment, or its window already closed. */
export function isStale(d: DueReminder, now: number): boolean {
  return now - d.at > STALE_AFTER || now >= d.reminder.expiresAt;
}

/** Whether a reminder due at `at` (not yet) is shown early, with the ones being shown now. */
export function joinsGroup(d: DueReminder, now: number): boolean {
  return d.at > now && d.at <= now + GROUP_SPAN && now < d.reminder.expiresAt;
}

/**
 * Whether a wake-up that was due `heartbeat` after the last one came so late that the app must have been
 * asleep (or the clock jumped) in between.
 */
export function cameLate(now: number, lastWake: number, heartbeat: number): boolean {
  return now - lastWake > heartbeat + STALE_AFTER;
}

/** One line per contact (its earliest reminder), soonest closing window first. */
export function onePerContact(live: readonly DueReminder[]): DueReminder[] {
  const byContact = new Map<string, DueReminder>();
  for (const d of live) {
    const seen = byContact.get(d.contactId);
    if (!seen || d.at < seen.at) byContact.set(d.contactId, d);
  }
  return [...byContact.values()].sort((a, b) => a.reminder.expiresAt - b.reminder.expiresAt);
}
