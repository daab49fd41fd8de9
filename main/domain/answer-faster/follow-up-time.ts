import type { BusinessDay } from '../../contract/model';
import { DAY } from '../durations';
import { BusinessCalendar } from '../reminders/quiet-hours';
import { addDays, epochAt, localDateAt } from '../zoned-time';

/** How far ahead a follow-up may be scheduled: past that, the conversation has long moved on. */
export const SCHEDULE_AT_MOST = 14 * DAY;

export interface FollowUpMoments {
  /** Tomorrow (after now, in the owner's zone) at 09:00. */
  tomorrowMorning: number;
  /** The first start of business hours after the window closes (null: no business hours in a week). */
  businessStart: number | null;
  /** Whether the window closes (closed) in quiet hours: then the start of business hours is the default. */
  closesInQuietHours: boolean;
  /** The moment offered first: the start of business hours for a window closing at night, else tomorrow 09:00. */
  suggested: number;
}

/** The moments the follow-up dialog offers for a window that closes (closed) at `expiresAt`. */
export function followUpMoments(args: {
  expiresAt: number;
  now: number;
  businessHours: readonly (BusinessDay | null)[];
  zone: string;
}): FollowUpMoments {
  const { expiresAt, now, zone } = args;
  const calendar = new BusinessCalendar({ businessHours: args.businessHours, quietHoursEnabled: true }, zone);
  const tomorrowMorning = epochAt(addDays(localDateAt(now, zone), 1), 9, 0, zone);
  const from = Math.max(now, expiresAt);
  const closesInQuietHours = calendar.isQuiet(expiresAt);
  const businessStart = calendar.isQuiet(from) ? calendar.nextStart(from) : from;
  const suggested =
    closesInQuietHours && businessStart !== null ? businessStart : Math.max(tomorrowMorning, from);
  return { tomorrowMorning, businessStart, closesInQuietHours, suggested };
}

/** Why a follow-up cannot be scheduled at `at`, in the owner's words; null when it can. */
export function scheduleProblem(at: number, now: number, expiresAt: number | null): string | null {
  if (expiresAt === null)
    return 'This customer has not written yet: there is no closed window to follow up. Send the follow-up now instead.';
  if (at <= now) return 'Choose a moment in the future, or send the follow-up now.';
  if (at < expiresAt)
    return 'The window is still open then: choose a moment after it closes, or answer now with a normal message.';
  if (at - now > SCHEDULE_AT_MOST) return 'Choose a moment within the next 14 days.';
  return null;
}
