import { summaryText } from './message-summary';
import type { Activity, Message } from '../contract/model';
import { kindOf, opensWindow } from './inbound-event';

export const NO_ACTIVITY: Activity = {
  lastInboundAt: null,
  lastOutboundAt: null,
  lastFollowUpAt: null,
  lastMessage: null,
  messageCount: 0,
};

const SNIPPET_LENGTH = 120;

const later = (a: number | null, b: number): number => (a === null || b > a ? b : a);

/**
 * Folds one message into a contact's activity summary. Uses the latest timestamp rather than arrival
 * order, so a late-delivered older message never shortens a window. A failed send counts for nothing.
 * `lastInboundAt` is the last inbound event that opens the window (a message or a call, not a reaction:
 * see opensWindow), so the window is computed from it alone. A message imported from a chat export
 * counts for nothing but the history. A reaction, from either side, counts for nothing but the history
 * too: it is drawn on the message it reacts to, not a message of its own, so it is never the list's
 * preview ("You: 👍"), and an owner's 👍 is no answer (the customer still waits, the reminder still
 * comes).
 */
export function withMessage(activity: Activity, message: Message): Activity {
  const next: Activity = { ...activity, messageCount: activity.messageCount + 1 };
  if (kindOf(message) === 'reaction') return next;
  // An imported message is history only: it shows in the list, but moves no window, reminder or follow-up.
  if (message.imported) {
    // Nothing but the count and the snippet below.
  } else if (message.direction === 'inbound') {
    if (opensWindow(message)) next.lastInboundAt = later(activity.lastInboundAt, message.at);
  } else if (message.status !== 'failed') {
    next.lastOutboundAt = later(activity.lastOutboundAt, message.at);
    if (message.followUp) next.lastFollowUpAt = later(activity.lastFollowUpAt, message.at);
  }
  if (activity.lastMessage === null || message.at >= activity.lastMessage.at) {
    next.lastMessage = {
      // A photo without a caption still says something: "Photo".
      text: summaryText(message).slice(0, SNIPPET_LENGTH),
      at: message.at,
      direction: message.direction,
      // The list preview says a send failed rather than "You: …" as if it went out.
      ...(message.direction === 'outbound' && message.status === 'failed'
        ? { notSent: notSentReason(message) }
        : {}),
    };
  }
  return next;
}

export function activityOf(messages: Iterable<Message>): Activity {
  let activity = NO_ACTIVITY;
  for (const message of messages) activity = withMessage(activity, message);
  return activity;
}

/** Why an outbound message did not go out, in the owner's words, without a leading "Not sent:". */
export function notSentReason(message: Message): string {
  const reason = message.failure?.reason ?? message.error ?? 'WhatsApp did not accept this message';
  return reason.replace(/^(Not sent:\s*)+/i, '').slice(0, 1000);
}
