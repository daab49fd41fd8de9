import type { Activity, Contact, ContactRow } from '../contract/model';
import { careWindowOf, type WindowRules } from './care-window';
import type { NextReminder } from './reminders/plan';

/**
 * Everything the contact list shows about one contact, at one instant. `nextReminder` comes from the
 * reminder service, which knows what was snoozed or already shown.
 */
export function rowOf(
  contact: Contact,
  activity: Activity,
  rules: WindowRules,
  now: number,
  nextReminder: NextReminder | null = null,
): ContactRow {
  return { contact, activity, window: careWindowOf(activity, contact.optIn, rules, now), nextReminder };
}
