import type { Activity, Message } from '../contract/model';

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
 */
export function withMessage(activity: Activity, message: Message): Activity {
  const next: Activity = { ...activity, messageCount: activity.messageCount + 1 };
  if (message.direction === 'inbound') {
    next.lastInboundAt = later(activity.lastInboundAt, message.at);
  } else if (message.status !== 'failed') {
    next.lastOutboundAt = later(activity.lastOutboundAt, message.at);
    if (message.followUp) next.lastFollowUpAt = later(activity.lastFollowUpAt, message.at);
  }
  if (activity.lastMessage === null || message.at >= activity.lastMessage.at) {
    next.lastMessage = {
      text: message.text.slice(0, SNIPPET_LENGTH),
      at: message.at,
      direction: message.direction,
    };
  }
  return next;
}

export function activityOf(messages: Iterable<Message>): Activity {
  let activity = NO_ACTIVITY;
  for (const message of messages) activity = withMessage(activity, message);
  return activity;
}
