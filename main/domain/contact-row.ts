import type { Activity, Contact, ContactRow } from '../contract/model';
import { careWindowOf, type WindowRules } from './care-window';
import { withFollowUpReadiness, type FollowUpContext } from './follow-up/readiness';
import type { NextReminder } from './reminders/plan';
import { isWaitingForYou } from './waiting';

/**
 * Everything the contact list shows about one contact, at one instant. `nextReminder` comes from the
 * reminder service, which knows what was snoozed or already shown. With `followUp` (the templates and
 * the contact's last-used one), "follow-up ready" is decided by the same rule as the preview.
 */
export function rowOf(
  contact: Contact,
  activity: Activity,
  rules: WindowRules,
  now: number,
  nextReminder: NextReminder | null = null,
  followUp: FollowUpContext | null = null,
): ContactRow {
  const window = careWindowOf(activity, contact.optIn, rules, now);
  return {
    contact,
    activity,
    window: followUp ? withFollowUpReadiness(window, contact, followUp, now) : window,
    nextReminder,
    // The unread count lives in the workspace's unread.json: the session puts it in (withUnread).
    unread: 0,
    waiting: isWaitingForYou(activity, window),
  };
}

/** The row with the customer messages the owner has not seen yet. */
export function withUnread(row: ContactRow, unread: number): ContactRow {
  return unread === row.unread ? row : { ...row, unread };
}
