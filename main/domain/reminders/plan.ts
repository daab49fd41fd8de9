import type { Activity, BusinessDay, Contact, ContactRow, Reminder, Settings } from '../../contract/model';
import { CARE_WINDOW, MINUTE } from '../durations';
import { systemTimeZone } from '../zoned-time';
import { BusinessCalendar, placeOutsideQuiet, type QuietHoursRules } from './quiet-hours';

/** The settings the reminder plan depends on (a subset of Settings). */
export type ReminderRules = Pick<
  Settings,
  'reminderLeadMinutes' | 'remindOnlyWhenWaiting' | 'businessHours' | 'quietHoursEnabled' | 'timeZone'
>;

export type NextReminder = NonNullable<ContactRow['nextReminder']>;

/** The longest lead a reminder may have: the window itself. */
export const MAX_LEAD_MINUTES = CARE_WINDOW / MINUTE;

/** A reminder's stable id: the same reminder across restarts and recomputations. */
export function reminderId(contactId: string, windowOpenedAt: number, leadMinutes: number): string {
  return `${contactId}:${windowOpenedAt}:${leadMinutes}`;
}

/** The contact id inside a reminder id (contact ids may themselves contain ':'). */
export function contactIdOfReminder(id: string): string | null {
  const last = id.lastIndexOf(':');
  const middle = last > 0 ? id.lastIndexOf(':', last - 1) : -1;
  return middle > 0 ? id.slice(0, middle) : null;
}

const leadCache = new WeakMap<readonly number[], readonly number[]>();

/** The lead times to plan, largest first, without duplicates or values outside (0, 24 h]. */
export function leadTimes(rules: Pick<Settings, 'reminderLeadMinutes'>): readonly number[] {
  let leads = leadCache.get(rules.reminderLeadMinutes);
  if (!leads) {
    leads = [...new Set(rules.reminderLeadMinutes)]
      .filter((m) => Number.isInteger(m) && m > 0 && m <= MAX_LEAD_MINUTES)
      .sort((a, b) => b - a);
    leadCache.set(rules.reminderLeadMinutes, leads);
  }
  return leads;
}

/**
 * Whether this contact's current window gets reminders at all: not muted, the customer has written,
 * and (when the owner asked to be reminded only then) the customer's last message has no answer yet.
 */
export function isRemindable(
  contact: Pick<Contact, 'muted'>,
  activity: Pick<Activity, 'lastInboundAt' | 'lastOutboundAt'>,
  rules: Pick<Settings, 'remindOnlyWhenWaiting'>,
): boolean {
  if (contact.muted || activity.lastInboundAt === null) return false;
  if (!rules.remindOnlyWhenWaiting) return true;
  // An answer stored in the same millisecond as the customer's message came after it: answered.
  return activity.lastOutboundAt === null || activity.lastOutboundAt < activity.lastInboundAt;
}

/**
 * Every reminder for the contact's current window, in the order they fire. Pure and independent of
 * `now`: the same inputs always give the same reminders with the same ids, so a reminder is the same
 * reminder across restarts, and deciding which of them are due (or already shown) is the caller's job.
 *
 * - dueAt = expiresAt − lead; a lead that reaches back before the window opened is skipped.
 * - In quiet hours a reminder is moved (see placeOutsideQuiet) and marked `shifted`, or dropped when
 *   no moment outside quiet hours could still help.
 * - Two leads that land on the same moment (or out of order) after moving fire once, as the larger lead.
 */
export function planReminders(
  contact: Pick<Contact, 'id' | 'muted'>,
  activity: Pick<Activity, 'lastInboundAt' | 'lastOutboundAt'>,
  rules: ReminderRules,
  calendar: BusinessCalendar,
): Reminder[] {
  if (!isRemindable(contact, activity, rules) || activity.lastInboundAt === null) return [];
  const openedAt = activity.lastInboundAt;
  const expiresAt = openedAt + CARE_WINDOW;
  const window = { openedAt, expiresAt };
  const planned: Reminder[] = [];
  let latest = -Infinity;
  for (const lead of leadTimes(rules)) {
    let dueAt = expiresAt - lead * MINUTE;
    if (dueAt < openedAt) continue;
    let shifted = false;
    if (calendar.isQuiet(dueAt)) {
      const placed = placeOutsideQuiet(calendar, dueAt, window);
      if (placed === null) continue;
      dueAt = placed;
      shifted = true;
    }
    if (dueAt <= latest) continue;
    latest = dueAt;
    planned.push({
      id: reminderId(contact.id, openedAt, lead),
      contactId: contact.id,
      leadMinutes: lead,
      windowOpenedAt: openedAt,
      expiresAt,
      dueAt,
      shifted,
    });
  }
  return planned;
}

/** The zone business hours are read in: the owner's choice, else the computer's. */
export function zoneOf(rules: Pick<Settings, 'timeZone'>, fallback: string = systemTimeZone()): string {
  return rules.timeZone ?? fallback;
}

const calendars = new WeakMap<readonly (BusinessDay | null)[], BusinessCalendar[]>();

/**
 * The calendar for these rules, shared between calls with the same business-hours array (the store hands
 * out the same array until settings change), so listing 10,000 contacts builds it once.
 */
export function calendarFor(
  rules: QuietHoursRules & Pick<Settings, 'timeZone'>,
  fallbackZone?: string,
): BusinessCalendar {
  const zone = zoneOf(rules, fallbackZone);
  let known = calendars.get(rules.businessHours);
  if (!known) {
    known = [];
    calendars.set(rules.businessHours, known);
  }
  for (const calendar of known) {
    if (calendar.zone === zone && calendar.enabled === rules.quietHoursEnabled) return calendar;
  }
  const calendar = new BusinessCalendar(
    { businessHours: rules.businessHours, quietHoursEnabled: rules.quietHoursEnabled },
    zone,
  );
  known.push(calendar);
  return calendar;
}
