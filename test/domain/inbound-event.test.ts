import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import { activityOf, NO_ACTIVITY, withMessage } from '../../main/domain/activity';
import { CALL_TEXT, opensWindow, shownText, type InboundEvent } from '../../main/domain/inbound-event';

const T = Date.parse('2026-11-24T14:20:00Z');
const HOUR = 3_600_000;

const inbound = (kind: Message['kind'], at: number, text = 'x'): Message => ({
  id: `${kind}-${String(at)}`,
  contactId: 'maria',
  direction: 'inbound',
  kind,
  text,
  at,
  status: 'received',
  providerId: null,
  followUp: false,
  template: null,
  error: null,
  consent: null,
});

describe('which inbound events open or restart the window', () => {
  it.each<[InboundEvent, boolean]>([
    [{ text: 'hi' }, true],
    [{ kind: 'text', text: 'hi' }, true],
    [{ kind: 'call', text: 'Missed voice call' }, true],
    // The docs leave these open: CareWindow never shows a window longer than WhatsApp's.
    [{ kind: 'button', text: 'Yes', payload: null }, false],
    [{ kind: 'reaction', text: '👍' }, false],
  ])('%o → %s', (event, expected) => {
    expect(opensWindow(event)).toBe(expected);
  });

  it('a template is never inbound, so it opens nothing', () => {
    expect(opensWindow({ kind: 'template' })).toBe(false);
  });
});

describe('the activity a call, a button or a reaction leaves', () => {
  it('a call restarts the window like a message; a later reaction or button does not move it', () => {
    const activity = activityOf([
      inbound('text', T),
      inbound('call', T + 2 * HOUR, 'Missed voice call'),
      inbound('reaction', T + 3 * HOUR, '👍'),
      inbound('button', T + 4 * HOUR, 'Yes'),
    ]);
    expect(activity.lastInboundAt).toBe(T + 2 * HOUR);
    expect(activity.messageCount).toBe(4);
    // The history's last line is still shown in the contact list.
    expect(activity.lastMessage).toEqual({ text: 'Yes', at: T + 4 * HOUR, direction: 'inbound' });
  });

  it('a reaction alone leaves a never-opened window unopened', () => {
    expect(withMessage(NO_ACTIVITY, inbound('reaction', T, '❤️')).lastInboundAt).toBeNull();
  });
});

describe('the history line of an event', () => {
  it.each<[InboundEvent, string]>([
    [{ kind: 'call', text: 'Missed voice call' }, 'Missed voice call'],
    [{ kind: 'call', text: '  ' }, CALL_TEXT],
    [{ kind: 'button', text: '', payload: 'YES' }, 'YES'],
    [{ kind: 'button', text: '', payload: null }, 'Pressed a button'],
    [{ kind: 'reaction', text: '' }, 'Removed a reaction'],
    [{ text: 'Hello' }, 'Hello'],
  ])('%o → “%s”', (event, line) => {
    expect(shownText(event)).toBe(line);
  });
});
