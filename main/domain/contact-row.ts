import type { Activity, Contact, ContactRow } from '../contract/model';
import { careWindowOf, type WindowRules } from './care-window';

/** Everything the contact list shows about one contact, at one instant. */
export function rowOf(contact: Contact, activity: Activity, rules: WindowRules, now: number): ContactRow {
  return { contact, activity, window: careWindowOf(activity, contact.optIn, rules, now), nextReminder: null };
}
