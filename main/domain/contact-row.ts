import type { Activity, Contact, ContactRow } from '../contract/model';
import { careWindowOf, type WindowRules } from './care-window';
import {
  calendarFor,
  nextPlanned,
  planReminders,
  type NextReminder,
  type ReminderRules,
} from './reminders/plan';

/**
 * Everything the contact list shows about one contact, at one instant. `nextReminder` is what the
 * reminder service knows (snoozed, already shown); without it, the next reminder of the plan after
 * `now` is shown when the rules include the reminder settings.
 */
export function rowOf(
  contact: Contact,
  activity: Activity,
  rules: WindowRules & Partial<ReminderRules>,
  now: number,
  nextReminder?: NextReminder | null,
): ContactRow {
  return {
    contact,
    activity,
    window: careWindowOf(activity, contact.optIn, rules, now),
    nextReminder: nextReminder === undefined ? plannedNext(contact, activity, rules, now) : nextReminder,
  };
}

function plannedNext(
  contact: Contact,
  activity: Activity,
  rules: Partial<ReminderRules>,
  now: number,
): NextReminder | null {
  const { reminderLeadMinutes, remindOnlyWhenWaiting, businessHours, quietHoursEnabled, timeZone } = rules;
  if (
    reminderLeadMinutes === undefined ||
    remindOnlyWhenWaiting === undefined ||
    businessHours === undefined ||
    quietHoursEnabled === undefined ||
    timeZone === undefined
  ) {
    return null;
  }
  const full = { reminderLeadMinutes, remindOnlyWhenWaiting, businessHours, quietHoursEnabled, timeZone };
  return nextPlanned(planReminders(contact, activity, full, calendarFor(full)), now);
}
