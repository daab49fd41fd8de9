import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import { activityOf, NO_ACTIVITY, withMessage } from '../../main/domain/activity';
import { isWaitingForYou } from '../../main/domain/waiting';

const T = Date.parse('2026-11-24T14:20:00Z');
const MINUTE = 60_000;

function message(direction: Message['direction'], kind: Message['kind'], at: number, text: string): Message {
  const base: Message = {
    id: `${direction}-${kind}-${String(at)}`,
    contactId: 'maria',
    direction,
    kind,
    text,
    at,
    status: direction === 'inbound' ? 'received' : 'delivered',
    providerId: null,
    followUp: false,
    template: null,
    error: null,
    consent: null,
  };
  if (kind !== 'reaction') return base;
  return { ...base, reaction: { targetId: 'target', targetProviderId: 'wamid.TARGET', emoji: text } };
}

describe('a reaction is drawn on its message, not a message of its own', () => {
  it("a customer's reaction is not the list's preview and does not restart the window", () => {
    const activity = activityOf([
      message('inbound', 'text', T, 'Is the red one still there?'),
      message('outbound', 'text', T + MINUTE, 'Yes, I kept it for you'),
      message('inbound', 'reaction', T + 2 * MINUTE, '❤️'),
    ]);
    expect(activity.lastMessage).toEqual({
      text: 'Yes, I kept it for you',
      at: T + MINUTE,
      direction: 'outbound',
    });
    // The rule of inbound-event.ts, kept: a reaction opens no window.
    expect(activity.lastInboundAt).toBe(T);
    expect(activity.messageCount).toBe(3);
  });

  it("the owner's 👍 is no answer: the preview stays the customer's question and they still wait", () => {
    const activity = activityOf([
      message('inbound', 'text', T, 'Can I pick it up tomorrow?'),
      message('outbound', 'reaction', T + MINUTE, '👍'),
    ]);
    expect(activity.lastMessage).toEqual({
      text: 'Can I pick it up tomorrow?',
      at: T,
      direction: 'inbound',
    });
    expect(activity.lastOutboundAt).toBeNull();
    expect(isWaitingForYou(activity, { state: 'open' })).toBe(true);
    expect(activity.messageCount).toBe(2);
  });

  it('a real answer after the reaction still counts as the answer', () => {
    const activity = activityOf([
      message('inbound', 'text', T, 'Can I pick it up tomorrow?'),
      message('outbound', 'reaction', T + MINUTE, '👍'),
      message('outbound', 'text', T + 2 * MINUTE, 'Of course, from 9 o’clock'),
    ]);
    expect(activity.lastOutboundAt).toBe(T + 2 * MINUTE);
    expect(isWaitingForYou(activity, { state: 'open' })).toBe(false);
  });

  it('a reaction alone leaves no preview, whichever side sent it', () => {
    for (const direction of ['inbound', 'outbound'] as const) {
      const activity = withMessage(NO_ACTIVITY, message(direction, 'reaction', T, '👍'));
      expect(activity).toEqual({ ...NO_ACTIVITY, messageCount: 1 });
    }
  });
});
